package locale

// frReport are the French translations of reportMessages, by English key.
var frReport = map[string]tr{}
