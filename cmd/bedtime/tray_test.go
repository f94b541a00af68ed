package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/tray"
)

// TestTrayOnlyOne: a second `bedtime tray` of the same user says the
// first is there, and shows no second icon.
func TestTrayOnlyOne(t *testing.T) {
	if tray.NewSystray == nil {
		t.Fatal("the tray is not built here; this test runs where it is")
	}
	dir := t.TempDir()
	held, err := safefs.Lock(filepath.Join(dir, "tray.lock"), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	code, _, stderr := runApp(&App{StateDir: dir}, "tray")
	if code != 1 || !strings.Contains(stderr, "the bedtime tray is already running") {
		t.Fatalf("a second tray exited %d: %s", code, stderr)
	}
}
