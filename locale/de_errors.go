package locale

// deErrors are the German translations of errorsMessages, by English key.
var deErrors = map[string]tr{}
