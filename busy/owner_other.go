//go:build !unix

package busy

// ownedBy: there is no /proc with owners here.
func ownedBy(string, int) bool { return false }
