package locale

// esErrors are the Spanish translations of errorsMessages, by English key.
var esErrors = map[string]tr{}
