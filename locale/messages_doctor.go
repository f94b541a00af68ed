package locale

// doctorMessages are doctor's details, the daemon's problem notices and the phone's (ntfy) buttons and texts.
var doctorMessages = []entry{}
