package locale

// esHelp are the Spanish translations of helpMessages, by English key.
var esHelp = map[string]tr{}
