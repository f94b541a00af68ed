package locale

// deDoctor are the German translations of doctorMessages, by English key.
var deDoctor = map[string]tr{}
