package locale

// frSchedule are the French translations of scheduleMessages, by English key.
var frSchedule = map[string]tr{}
