package locale

// frHelp are the French translations of helpMessages, by English key.
var frHelp = map[string]tr{}
