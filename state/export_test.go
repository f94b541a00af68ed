package state

// CheckStream is checkStream, for the tests outside the package (which
// may use internal/historygen).
var CheckStream = checkStream
