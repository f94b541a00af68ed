package locale

// deSchedule are the German translations of scheduleMessages, by English key.
var deSchedule = map[string]tr{}
