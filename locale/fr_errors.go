package locale

// frErrors are the French translations of errorsMessages, by English key.
var frErrors = map[string]tr{}
