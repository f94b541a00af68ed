package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps every test away from the real user's files and service
// manager: HOME and the XDG dirs point into a temporary directory, and the
// service manager is a fake that reports bedtime installed and running
// unless a test installs its own.
func TestMain(m *testing.M) {
	// Tests that build the binary run the go command: keep it on the real
	// module and build caches, which live under the real HOME by default.
	for _, k := range []string{"GOPATH", "GOMODCACHE", "GOCACHE"} {
		if os.Getenv(k) == "" {
			out, err := exec.Command("go", "env", k).Output()
			if err == nil {
				os.Setenv(k, strings.TrimSpace(string(out)))
			}
		}
	}
	home, err := os.MkdirTemp("", "bedtime-test-home")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for k, v := range map[string]string{
		"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config"),
		"XDG_STATE_HOME": filepath.Join(home, ".local/state"), "XDG_CACHE_HOME": filepath.Join(home, ".cache"),
		// The goldens are in bedtime's neutral English unless a test asks
		// for a language; the machine's own LANG must not change them.
		"LC_ALL": "C.UTF-8",
	} {
		os.Setenv(k, v)
	}
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}
