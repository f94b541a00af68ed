package locale

// deReport are the German translations of reportMessages, by English key.
var deReport = map[string]tr{}
