package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestBackupKeptWhenTheClockWentBack: the backup init --force just made
// and named is kept, though its name, the local time, is older than the
// ten before it: the computer moved to a zone to the west, or summer
// time ended and an hour came again. Pruning, which goes by the names,
// removed it at once, and init had said where it was.
func TestBackupKeptWhenTheClockWentBack(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		first, then time.Time // the first of ten backups, a minute apart; the one after
	}{
		{"a zone to the west", time.Date(2026, 11, 25, 15, 0, 0, 0, berlin), time.Date(2026, 11, 25, 9, 30, 0, 0, newYork)},
		// 02:40 in summer time, then 02:10 in winter time, an hour later.
		{"summer time ended", time.Date(2026, 10, 25, 0, 40, 0, 0, time.UTC).In(berlin), time.Date(2026, 10, 25, 1, 10, 0, 0, time.UTC).In(berlin)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !tt.then.After(tt.first.Add(10 * time.Minute)) {
				t.Fatalf("the last backup at %v is not after the others from %v", tt.then, tt.first)
			}
			path := filepath.Join(t.TempDir(), "schedule.yaml")
			for i := range 11 {
				if err := os.WriteFile(path, fmt.Appendf(nil, "# my edit %d\n", i), 0o600); err != nil {
					t.Fatal(err)
				}
				now := tt.first.Add(time.Duration(i) * time.Minute)
				if i == 10 {
					now = tt.then
				}
				code, out, errOut := runAt(t, now, "init", "--force", "--config", path)
				if code != 0 {
					t.Fatalf("init --force %d: exit %d, stderr %q", i, code, errOut)
				}
				if i < 10 {
					continue
				}
				bak := path + "." + tt.then.Format("2006-01-02T150405") + ".bak"
				if !strings.Contains(out, "Backed up the old schedule to "+bak+"\n") {
					t.Fatalf("init --force said %q, want the backup %s", out, bak)
				}
				fileIs(t, bak, "# my edit 10\n")
			}
			if baks := backups(t, path); len(baks) != 10 {
				t.Errorf("%d backups, want 10: %v", len(baks), baks)
			}
		})
	}
}
