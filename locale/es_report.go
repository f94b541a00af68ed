package locale

// esReport are the Spanish translations of reportMessages, by English key.
var esReport = map[string]tr{}
