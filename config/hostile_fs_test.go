//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNotARegularFileNeverHangs: issue 12 item 5, a named pipe or a device
// at the schedule path made validate, edit and the daemon hang.
func TestNotARegularFileNeverHangs(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "schedule.yaml")
	os.Mkdir(dir, 0o700)
	tests := []struct {
		name, path, want string
		read             func(string) error
	}{
		{"Load pipe", fifo, "config: " + fifo + " is a named pipe (FIFO), not a regular file; bedtime reads and writes only regular files: remove or rename it",
			func(p string) error { _, err := Load(p); return err }},
		{"ReadFile pipe", fifo, "config: " + fifo + " is a named pipe (FIFO), not a regular file",
			func(p string) error { _, err := ReadFile(p); return err }},
		{"Backup pipe", fifo, "config: cannot back up: " + fifo + " is a named pipe (FIFO)",
			func(p string) error { _, err := Backup(p, time.Now()); return err }},
		{"Load device", "/dev/zero", "config: /dev/zero is a character device, not a regular file",
			func(p string) error { _, err := Load(p); return err }},
		{"Load directory", dir, "config: " + dir + " is a directory, not a regular file",
			func(p string) error { _, err := Load(p); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- tt.read(tt.path) }()
			select {
			case err := <-done:
				if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("err = %v\nwant %s...", err, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("hung for 5s")
			}
		})
	}
}

func TestLoadFollowsALinkedSchedule(t *testing.T) {
	dotfiles := t.TempDir()
	target := filepath.Join(dotfiles, "bedtime.yaml")
	os.WriteFile(target, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600)
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	os.Symlink(target, path)
	s, err := Load(path)
	if err != nil || len(s.Reminders) != 1 {
		t.Fatalf("Load through a link = %v, %v", s, err)
	}
}
