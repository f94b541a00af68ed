package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(path), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestInitForceKeepsTenBackups: init --force backs up a changed file and
// keeps the newest 10 backups; over the default itself it does nothing.
func TestInitForceKeepsTenBackups(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	now := time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC)
	for i := range 12 {
		if err := os.WriteFile(path, fmt.Appendf(nil, "# my edit %d\n", i), 0o600); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := runAt(t, now.Add(time.Duration(i)*time.Minute), "init", "--force", "--config", path); code != 0 {
			t.Fatalf("init --force %d: exit %d, stderr %q", i, code, errOut)
		}
	}
	baks := backups(t, path)
	if len(baks) != 10 {
		t.Fatalf("%d backups, want 10: %v", len(baks), baks)
	}
	slices.Sort(baks)
	for i, b := range baks {
		fileIs(t, b, fmt.Sprintf("# my edit %d\n", i+2))
	}

	code, out, errOut := runAt(t, now.Add(time.Hour), "init", "--force", "--config", path)
	if code != 0 || errOut != "" || out != path+" is the default schedule already; nothing to do.\n" {
		t.Fatalf("init --force over the default: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := backups(t, path); !slices.Equal(got, baks) {
		t.Errorf("backups changed to %v", got)
	}
	fileIs(t, path, string(config.Template()))
}

// TestEditKeepsTenBackups: edit's backup removes the oldest beyond 10.
func TestEditKeepsTenBackups(t *testing.T) {
	path := existingSchedule(t)
	for day := 1; day <= 10; day++ {
		touch(t, fmt.Sprintf("%s.2026-11-%02dT080000.bak", path, day))
	}
	ed := newFakeEditor(t, editStep{write: editValid})
	if r := runEdit(t, path, ed.path, ""); r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	baks := backups(t, path)
	if len(baks) != 10 || slices.Contains(baks, path+".2026-11-01T080000.bak") || !slices.Contains(baks, path+".2026-11-25T220430.bak") { // 22:03, and 90 s of editing
		t.Errorf("backups = %v, want days 2 to 10 and today's", baks)
	}
}
