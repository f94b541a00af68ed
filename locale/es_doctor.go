package locale

// esDoctor are the Spanish translations of doctorMessages, by English key.
var esDoctor = map[string]tr{}
