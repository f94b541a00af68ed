package locale

// deHelp are the German translations of helpMessages, by English key.
var deHelp = map[string]tr{}
