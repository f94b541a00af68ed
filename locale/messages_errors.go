package locale

// errorsMessages are the command line's own errors and what the remaining commands say (init, validate, export, logs, install, uninstall, start, stop, restart, edit).
var errorsMessages = []entry{}
