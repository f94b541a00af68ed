package locale

// scheduleMessages are the schedule file's error messages (config), as validate, run and the daemon's problem notice show them; file:line:col stays as it is.
var scheduleMessages = []entry{}
