//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/safefs"
)

// Issue 12, items 5 and 7, from the command line.

// TestEditWritesThroughALinkedSchedule: the schedule file is a link into
// a dotfiles repository; `bedtime edit` changes the target and the link
// stays a link.
func TestEditWritesThroughALinkedSchedule(t *testing.T) {
	dotfiles := filepath.Join(t.TempDir(), "dotfiles")
	target := filepath.Join(dotfiles, "bedtime", "schedule.yaml")
	os.MkdirAll(filepath.Dir(target), 0o700)
	writeTestFile(t, target, berlinSchedule)
	path := filepath.Join(t.TempDir(), "bedtime", "schedule.yaml")
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	ed := newFakeEditor(t, editStep{write: editValid, rename: true})
	r := runEdit(t, path, ed.path, "")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	if got, err := os.Readlink(path); err != nil || got != target {
		t.Fatalf("the link: %q, %v; want it still pointing at %s", got, err, target)
	}
	fileIs(t, target, editValid)
	bak := backups(t, path)
	if len(bak) != 1 {
		t.Fatalf("backups = %v, want one beside the link", bak)
	}
	fileIs(t, bak[0], berlinSchedule)
}

// TestNotARegularScheduleNeverHangs: a named pipe at the schedule path
// made validate, pause, done, status and edit hang.
func TestNotARegularScheduleNeverHangs(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", "true")
	t.Setenv("VISUAL", "")
	pipe := path + " is a named pipe (FIFO), not a regular file"
	tests := []struct {
		args []string
		code int
		want string // in stdout or stderr
	}{
		{[]string{"validate"}, 1, pipe},
		{[]string{"done", "magnesium"}, 1, pipe},
		{[]string{"edit"}, 1, pipe},
		{[]string{"status"}, statusNotRunning, "next:     unknown: the schedule file has errors; run `bedtime validate`"},
		{[]string{"pause", "1h"}, 0, "Paused until "}, // needs no schedule
	}
	for _, tt := range tests {
		t.Run(tt.args[0], func(t *testing.T) {
			done := make(chan struct{})
			var code int
			var out, errOut string
			go func() {
				defer close(done)
				code, out, errOut = runAt(t, time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), append(tt.args, "--config", path)...)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("hung for 5s")
			}
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestStateLockHeldByAnotherProcess: a process holds the state's lock and
// does not let go; `bedtime pause` gives up after 5s and says who holds
// it, instead of hanging.
func TestStateLockHeldByAnotherProcess(t *testing.T) {
	if _, err := exec.LookPath("flock"); err != nil {
		t.Fatal("flock(1) is missing: install the Debian package util-linux")
	}
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, err := userStateDir()
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o700)
	lock := filepath.Join(dir, "state.lock")
	holder := exec.Command("flock", lock, "sleep", "60")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Process.Kill(); holder.Wait() })
	// flock(1) takes it on its own time: another process, looked at again.
	testutil.WaitFor(t, 5*time.Second, "flock(1) holding the lock", func() bool {
		fl, err := safefs.Lock(lock, 0)
		if err != nil {
			return true
		}
		fl.Unlock()
		return false
	})
	path := berlinDefault(t)
	// In a bubble the lock's 5 s wait runs on the bubble's clock (the
	// attempts are non-blocking flock calls): pause gives up after exactly
	// 5 s of it, in milliseconds of real time.
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		code, _, errOut := runAt(t, time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), "pause", "1h", "--config", path)
		took := time.Since(start)
		want := lock + " is locked by another process (pid " + strconv.Itoa(holder.Process.Pid) + ", flock) for more than 5s; try again, or end that process if it hangs"
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stderr %q\nwant it to say %q", code, errOut, want)
		}
		if took < 5*time.Second || took > 5*time.Second+50*time.Millisecond {
			t.Errorf("pause waited %v, want 5s", took)
		}
	})
}

// TestPipesInTheStateDirNeverHang: named pipes at state.json and
// history.jsonl made pause, done and status hang; they are moved aside.
func TestPipesInTheStateDirNeverHang(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, err := userStateDir()
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o700)
	for _, name := range []string{"state.json", "history.jsonl"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := berlinDefault(t)
	for _, args := range [][]string{{"status"}, {"pause", "1h"}, {"done", "magnesium"}, {"status"}} {
		done := make(chan struct{})
		var code int
		var out, errOut string
		go func() {
			defer close(done)
			code, out, errOut = runAt(t, time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC), append(args, "--config", path)...)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hung for 10s", args)
		}
		// status exits 3 when bedtime is not running, as here.
		if code != 0 && !(args[0] == "status" && code == statusNotRunning) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	moved, _ := filepath.Glob(filepath.Join(dir, "*.unusable-*"))
	if len(moved) != 2 {
		t.Errorf("moved aside: %v, want both pipes", moved)
	}
	st, evs := loadState(t)
	if st.PausedUntil.IsZero() || len(evs) != 2 {
		t.Errorf("after: paused until %v, history %v", st.PausedUntil, kinds(evs))
	}
}
