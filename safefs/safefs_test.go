//go:build linux

package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"
)

// within fails the test when fn does not return within 5s: a named pipe
// must never make a read hang.
func within(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("hung for 5s")
	}
}

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("precious"), 0o600)
	link := filepath.Join(dir, "link")
	os.Symlink(victim, link)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	tests := []struct {
		name, path string
		open       func(string) error
		want       string // "" means no error
	}{
		{"fifo read", fifo, func(p string) error { _, err := ReadPrivate(p); return err }, "is a named pipe (FIFO), not a regular file"},
		{"fifo open follow", fifo, func(p string) error { _, err := Open(p); return err }, "is a named pipe (FIFO), not a regular file"},
		{"fifo write", fifo, func(p string) error { _, err := OpenPrivate(p, os.O_WRONLY|os.O_APPEND, 0o600); return err }, "is a named pipe (FIFO)"},
		{"device", "/dev/zero", func(p string) error { _, err := Open(p); return err }, "is a character device"},
		{"directory", sub, func(p string) error { _, err := ReadPrivate(p); return err }, "is a directory"},
		{"link private", link, func(p string) error {
			_, err := OpenPrivate(p, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
			return err
		}, `is a symbolic link (to "` + victim + `")`},
		{"link followed", link, func(p string) error { _, err := Open(p); return err }, ""},
		{"regular", victim, func(p string) error { _, err := ReadPrivate(p); return err }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			within(t, func() { err = tt.open(tt.path) })
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !IsNotRegular(err) {
				t.Fatalf("err = %v, want a NotRegularError with %q", err, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Fatalf("victim = %q", b)
	}
}

func TestWriteAtomicReplacesALinkNotItsTarget(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("precious"), 0o644)
	path := filepath.Join(dir, "state.json")
	os.Symlink(victim, path)
	if err := WriteAtomic(path, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Fatalf("victim = %q", b)
	}
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state.json: %v %v", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("left temporary files: %v", entries)
	}
}

func TestPrivateDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test makes directories owned by another user: run it as root (make test does, in a container)")
	}
	const nobody = 65534
	tests := []struct {
		name    string
		setup   func(t *testing.T, path string)
		want    string // the error; "" means none
		wasMode os.FileMode
	}{
		{"missing", func(t *testing.T, path string) {}, "", 0},
		{"private", func(t *testing.T, path string) { os.Mkdir(path, 0o700) }, "", 0},
		{"ours and open", func(t *testing.T, path string) { os.Mkdir(path, 0o777); os.Chmod(path, 0o777) }, "", os.ModeDir | 0o777},
		{"another user's", func(t *testing.T, path string) {
			os.Mkdir(path, 0o777)
			os.Chmod(path, 0o777)
			os.Chown(path, nobody, nobody)
		}, "is owned by nobody (uid 65534) with mode drwxrwxrwx, not by you; bedtime keeps its files only in a directory that is yours alone", 0},
		{"link", func(t *testing.T, path string) {
			real := path + "-real"
			os.Mkdir(real, 0o700)
			os.Symlink(real, path)
		}, "is a symbolic link (to ", 0},
		{"file", func(t *testing.T, path string) { os.WriteFile(path, nil, 0o600) }, "is a regular file, not a directory", 0},
		{"parent open to all", func(t *testing.T, path string) {
			parent := filepath.Dir(path)
			os.Chmod(parent, 0o777)
		}, "may be written by anyone (mode drwxrwxrwx), so bedtime will not create its directory there", 0},
		{"parent of another user", func(t *testing.T, path string) {
			os.Chown(filepath.Dir(path), nobody, nobody)
		}, "is owned by nobody (uid 65534) (mode drwx------), so bedtime will not create its directory there", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := filepath.Join(t.TempDir(), "parent")
			os.Mkdir(parent, 0o700)
			path := filepath.Join(parent, "bedtime")
			tt.setup(t, path)
			was, err := PrivateDir(path)
			if tt.want != "" {
				var de *DirError
				if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &de) {
					t.Fatalf("err = %v, want a DirError with %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if was != tt.wasMode {
				t.Errorf("mode before = %v, want %v", was, tt.wasMode)
			}
			fi, err := os.Lstat(path)
			if err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
				t.Fatalf("after: %v %v", fi.Mode(), err)
			}
		})
	}
}

func TestLockNamesTheHolderAndTimesOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.lock")
	held, err := Lock(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	// In a bubble the wait's timers run on the bubble's clock: the
	// attempts every few milliseconds are non-blocking flock calls.
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err = Lock(path, 200*time.Millisecond)
		if took := time.Since(start); took < 200*time.Millisecond || took > 210*time.Millisecond {
			t.Errorf("waited %v, want 200ms", took)
		}
	})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	want := path + " is locked by another process (pid " + strconv.Itoa(os.Getpid()) + ", safefs.test) for more than 200ms; try again, or end that process if it hangs"
	if err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}
	held.Unlock()
	fl, err := Lock(path, 0)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	fl.Unlock()

	link := filepath.Join(t.TempDir(), "history.lock")
	os.Symlink(filepath.Join(t.TempDir(), "victim"), link)
	if _, err := Lock(link, 0); !IsNotRegular(err) {
		t.Fatalf("lock through a link: %v", err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo.lock")
	syscall.Mkfifo(fifo, 0o600)
	within(t, func() {
		if _, err := Lock(fifo, 0); !IsNotRegular(err) {
			t.Errorf("lock on a pipe: %v", err)
		}
	})
}

func TestLinks(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dotfiles"), 0o700)
	target := filepath.Join(dir, "dotfiles", "schedule.yaml")
	mid := filepath.Join(dir, "mid.yaml")
	path := filepath.Join(dir, "schedule.yaml")
	os.Symlink("dotfiles/schedule.yaml", mid)
	os.Symlink(mid, path)
	got, err := Links(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{path, mid, target}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Links = %v, want %v", got, want)
	}
}

// TestWriteAtomicErrorsNamePath: an atomic write that fails says what was
// asked for, the path, never the temporary file beside it, and keeps the
// cause for errors.Is.
func TestWriteAtomicErrorsNamePath(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "a-dir"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a-dir", "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		is         error
	}{
		{"no such directory", filepath.Join(dir, "missing", "r.html"), fs.ErrNotExist},
		{"a directory in the way", filepath.Join(dir, "a-dir"), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteAtomic(tt.path, []byte("x"))
			if err == nil {
				t.Fatal("WriteAtomic succeeded")
			}
			if !strings.Contains(err.Error(), tt.path) || strings.Contains(err.Error(), ".tmp") {
				t.Errorf("error %q, want it to name %s and no temporary file", err, tt.path)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}
