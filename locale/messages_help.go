package locale

// helpMessages are the command line's help: each command's summary and description, its flags, and the help and usage layout.
var helpMessages = []entry{}
