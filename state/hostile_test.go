//go:build linux

package state

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/safefs"
)

// Issue 12, items 4 and 5: a state directory others may write to, links
// and pipes planted in it, and a process that holds the lock.

// victim is a file of the user's that planted links point to.
func victim(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func unchanged(t *testing.T, path string) {
	t.Helper()
	if b, err := os.ReadFile(path); err != nil || string(b) != "precious\n" {
		t.Errorf("%s = %q, %v; want it untouched", path, b, err)
	}
}

func TestAnotherUsersStateDirIsRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test makes a directory owned by another user: run it as root (make test does, in a container)")
	}
	dir := filepath.Join(t.TempDir(), "bedtime")
	os.Mkdir(dir, 0o777)
	os.Chmod(dir, 0o777)
	bashrc := victim(t, ".bashrc")
	os.Symlink(bashrc, filepath.Join(dir, "state.json"))
	os.Symlink(bashrc, filepath.Join(dir, "history.jsonl"))
	os.WriteFile(filepath.Join(dir, "state.json.x"), []byte(`{"paused_until":"9999-01-01T00:00:00Z"}`), 0o666)
	os.Chown(dir, 65534, 65534)
	_, err := Open(dir)
	want := "state: cannot use the state directory: " + dir + " is owned by nobody (uid 65534) with mode drwxrwxrwx, not by you"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("Open = %v\nwant %s...", err, want)
	}
	unchanged(t, bashrc)
}

func TestOwnDirOpenToOthersIsMadePrivateAndLinksAreNotFollowed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bedtime")
	os.Mkdir(dir, 0o777)
	os.Chmod(dir, 0o777)
	// What another user planted while the directory was open.
	bashrc, profile := victim(t, ".bashrc"), victim(t, ".profile")
	dangling := filepath.Join(t.TempDir(), "created-by-bedtime")
	os.Symlink(bashrc, filepath.Join(dir, "state.json"))
	os.Symlink(profile, filepath.Join(dir, "history.jsonl"))
	os.Symlink(dangling, filepath.Join(dir, "state.lock"))
	os.Symlink(dangling, filepath.Join(dir, "history.lock"))

	var logs testutil.LogBuffer
	s, err := OpenWith(dir, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, want 0700", fi.Mode())
	}
	if !strings.Contains(logs.String(), `msg="the state directory was open to other users; made it private (0700)" path=`+dir+" mode_was=drwxrwxrwx") {
		t.Errorf("no warning about the mode:\n%s", logs.String())
	}
	pause := time.Date(2026, 11, 26, 7, 0, 0, 0, time.UTC)
	if err := s.Update(func(st *State) error { st.PausedUntil = pause; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Append(Event{At: pause, Kind: Paused}); err != nil {
		t.Fatal(err)
	}
	unchanged(t, bashrc)
	unchanged(t, profile)
	if _, err := os.Lstat(dangling); err == nil {
		t.Errorf("a lock created %s through a link", dangling)
	}
	for _, name := range []string{"state.json", "history.jsonl", "state.lock", "history.lock"} {
		fi, err := os.Lstat(filepath.Join(dir, name))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want a regular 0600 file", name, fi.Mode(), err)
		}
	}
	st, err := s.Load()
	if err != nil || !st.PausedUntil.Equal(pause) {
		t.Fatalf("Load = %v, %v", st.PausedUntil, err)
	}
	evs, err := s.History(time.Time{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("History = %v, %v", evs, err)
	}
	moved, _ := filepath.Glob(filepath.Join(dir, "*.unusable-*"))
	if len(moved) != 4 {
		t.Errorf("moved aside: %v, want the four links", moved)
	}
	for _, want := range []string{
		`msg="state file is not a regular file; moved it aside and started from an empty state" path=` + dir + `/state.json`,
		`msg="the history is not a regular file; moved it aside and started a new one"`,
		`msg="a lock file is not a regular file; moved it aside" path=` + dir + `/state.lock`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, logs.String())
		}
	}
}

func TestPipesInTheStateDirNeverHang(t *testing.T) {
	for _, name := range []string{"state.json", "history.jsonl"} {
		t.Run(name, func(t *testing.T) {
			s, logs := open(t)
			if err := syscall.Mkfifo(filepath.Join(s.Dir(), name), 0o600); err != nil {
				t.Fatal(err)
			}
			testutil.Within(t, 5*time.Second, "Load", func() {
				if _, err := s.Load(); err != nil {
					t.Errorf("Load: %v", err)
				}
			})
			testutil.Within(t, 5*time.Second, "History", func() {
				_, err := s.History(time.Time{})
				if name == "history.jsonl" && !safefs.IsNotRegular(err) {
					t.Errorf("History = %v, want a not-regular error", err)
				}
			})
			testutil.Within(t, 5*time.Second, "Update", func() {
				if err := s.Update(func(st *State) error { st.Last["water"] = time.Now(); return nil }); err != nil {
					t.Errorf("Update: %v", err)
				}
			})
			testutil.Within(t, 5*time.Second, "Append", func() {
				if err := s.Append(Event{At: time.Now(), Kind: Done, Reminder: "water"}); err != nil {
					t.Errorf("Append: %v", err)
				}
			})
			if !strings.Contains(logs.String(), "is a named pipe (FIFO), not a regular file") {
				t.Errorf("log does not name the pipe:\n%s", logs)
			}
		})
	}
}

// holdLock takes path's lock the way another process would (a lock of
// its own open file) and returns its release.
func holdLock(t *testing.T, path string) func() {
	t.Helper()
	fl, err := safefs.Lock(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fl.Unlock() })
	return func() { fl.Unlock() }
}

func TestLockHeldElsewhereTimesOutNamingTheHolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bedtime")
	s, err := OpenWith(dir, Options{LockWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	holdLock(t, filepath.Join(dir, "state.lock"))
	holdLock(t, filepath.Join(dir, "history.lock"))
	start := time.Now()
	err = s.Update(func(st *State) error { st.PausedUntil = time.Now(); return nil })
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("Update waited %v", took)
	}
	want := "state: cannot lock the state: " + dir + "/state.lock is locked by another process (pid " + strconv.Itoa(os.Getpid()) + ", state.test) for more than 300ms; try again, or end that process if it hangs"
	if err == nil || err.Error() != want || !errors.Is(err, safefs.ErrLocked) {
		t.Errorf("Update = %v\nwant     %s", err, want)
	}
	if err := s.Append(Event{At: time.Now(), Kind: Done}); !errors.Is(err, safefs.ErrLocked) || !strings.Contains(err.Error(), "history.lock is locked by another process (pid ") {
		t.Errorf("Append = %v", err)
	}
}
