//go:build !windows && !darwin

package locale

// system returns nothing: on Linux and the BSDs the desktop passes the
// person's language to the session in LANG and LC_*, which FromEnv reads.
func system() []string { return nil }
