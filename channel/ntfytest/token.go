package ntfytest

import (
	"os"
	"path/filepath"
	"testing"
)

// TokenFile writes tok, as a person keeps an access token (a line of its
// own), to a new file with mode, and returns its path: what a schedule's
// ntfy channel names in token_file.
func TokenFile(t testing.TB, tok string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ntfy-token")
	if err := os.WriteFile(path, []byte(tok+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}
