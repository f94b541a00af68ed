package locale

// frDoctor are the French translations of doctorMessages, by English key.
var frDoctor = map[string]tr{}
