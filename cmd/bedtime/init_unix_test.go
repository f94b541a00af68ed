//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInitOverWhatIsNoFile: init over a schedule path that holds no
// regular file (a directory, a named pipe, a link to a device) says so,
// naming the path as validate does, and changes nothing. It used to read
// the path with os.ReadFile: a named pipe blocked it for good, deaf to
// Ctrl+C (the signal only cancels the context), a link to /dev/zero read
// until memory ran out, and a directory gave Go's bare "read PATH: is a
// directory".
func TestInitOverWhatIsNoFile(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC)
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "is a directory, not a regular file"},
		{"named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Fatal(err)
			}
			// A writer for every reader that opens the pipe, so that a
			// reader is not blocked for ever but reads a line and goes
			// on: the test then fails instead of hanging. It is let go
			// at the end.
			stop, done := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(done)
				for {
					f, err := os.OpenFile(path, os.O_WRONLY, 0)
					if err != nil {
						return
					}
					f.WriteString("# a pipe\n")
					f.Close()
					select {
					case <-stop:
						return
					default:
					}
				}
			}()
			t.Cleanup(func() {
				close(stop)
				if f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
					defer f.Close()
				}
				<-done
			})
		}, "is a named pipe (FIFO), not a regular file"},
		{"link to a device", func(t *testing.T, path string) {
			if err := os.Symlink(os.DevNull, path); err != nil {
				t.Fatal(err)
			}
		}, "is a character device, not a regular file"},
	}
	for _, tt := range tests {
		for _, force := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s force=%v", tt.name, force), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "schedule.yaml")
				tt.make(t, path)
				args := []string{"init", "--config", path}
				if force {
					args = append(args, "--force")
				}
				code, out, errOut := runAt(t, now, args...)
				if code != 1 || out != "" || !strings.Contains(errOut, path+" "+tt.want) || strings.Count(errOut, "\n") != 1 {
					t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and one line naming %s and saying %q", code, out, errOut, path, tt.want)
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 1 {
					t.Errorf("init left %d entries in the directory, want the one there before", len(entries))
				}
			})
		}
	}
}
