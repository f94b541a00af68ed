package locale

// esSchedule are the Spanish translations of scheduleMessages, by English key.
var esSchedule = map[string]tr{}
