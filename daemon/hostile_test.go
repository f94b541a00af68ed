//go:build linux

package daemon

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/safefs"
)

// Issue 12, items 3, 5, 7 and 8.

var evening = time.Date(2026, 11, 25, 19, 59, 0, 0, time.UTC)

// instant is the n-th firing of hourly after evening: 20:00, 21:00...
func instant(n int) time.Time { return time.Date(2026, 11, 25, 20+n, 0, 0, 0, time.UTC) }

// TestPipeAtTheSchedulePathDoesNotHang: a named pipe where the schedule
// should be is an error the daemon reports, not a hang; it still stops
// when asked (the harness checks Run returns within 5s of cancel).
func TestPipeAtTheSchedulePathDoesNotHang(t *testing.T) {
	h := newHarness(t, hourly, evening, filepath.Join(t.TempDir(), "none"))
	os.Remove(h.opts.SchedulePath)
	if err := syscall.Mkfifo(h.opts.SchedulePath, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(h.opts.StateDir, "state.json"), 0o600); err != nil {
		os.MkdirAll(h.opts.StateDir, 0o700)
		if err := syscall.Mkfifo(filepath.Join(h.opts.StateDir, "state.json"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h.start()
	for _, want := range []string{
		"is a named pipe (FIFO), not a regular file",
		`msg="state file is not a regular file; moved it aside and started from an empty state"`,
	} {
		if !strings.Contains(h.log.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, h.log)
		}
	}
}

// waitReload waits for a reload whose schedule satisfies cond.
func (h *harness) waitReload(what string, cond func(*config.Schedule) bool) {
	h.t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case s := <-h.reloads:
			if s != nil && cond(s) {
				return
			}
		case <-deadline:
			h.t.Fatalf("no reload with %s within 5s; log:\n%s", what, h.log)
		}
	}
}

func has(name string) func(*config.Schedule) bool {
	return func(s *config.Schedule) bool { _, ok := s.Reminder(name); return ok }
}

// saveLikeVim writes a new file beside path and renames it over path.
func saveLikeVim(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// relink points the link at path to target the way `ln -sfn` does.
func relink(t *testing.T, path, target string) {
	t.Helper()
	tmp := path + ".new"
	if err := os.Symlink(target, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestLinkedScheduleFileIsFollowed: the schedule file is a link into a
// dotfiles repository. Edits of the target are live; so is pointing the
// link elsewhere, and edits of the new target after that.
func TestLinkedScheduleFileIsFollowed(t *testing.T) {
	h := newHarness(t, hourly, evening, filepath.Join(t.TempDir(), "none"))
	dotfiles := filepath.Join(t.TempDir(), "dotfiles")
	os.MkdirAll(filepath.Join(dotfiles, "bedtime"), 0o700)
	target := filepath.Join(dotfiles, "bedtime", "schedule.yaml")
	os.WriteFile(target, []byte(hourly), 0o600)
	os.Remove(h.opts.SchedulePath)
	os.Symlink(target, h.opts.SchedulePath)
	h.start()
	h.idleUntil(instant(0)) // up: the files are watched

	saveLikeVim(t, target, "reminders:\n  magnesium: {at: \"20:30\"}\n")
	h.waitReload("magnesium, after an edit of the target", has("magnesium"))

	other := filepath.Join(dotfiles, "laptop.yaml")
	os.WriteFile(other, []byte("reminders:\n  calf-stretch: {at: \"22:00\"}\n"), 0o600)
	relink(t, h.opts.SchedulePath, other)
	h.waitReload("calf-stretch, after the link moved", has("calf-stretch"))

	saveLikeVim(t, other, "reminders:\n  hydration: {every: 2h}\n")
	h.waitReload("hydration, after an edit of the new target", has("hydration"))
}

// TestConfigDirRemovedAndMadeAgain: the schedule's directory is removed
// and made again with a new file in it; the new file is loaded.
func TestConfigDirRemovedAndMadeAgain(t *testing.T) {
	h := newHarness(t, hourly, evening, filepath.Join(t.TempDir(), "none"))
	h.opts.SchedulePath = filepath.Join(filepath.Dir(h.opts.SchedulePath), "config", "bedtime", "schedule.yaml")
	if err := config.WriteFile(h.opts.SchedulePath, []byte(hourly)); err != nil {
		t.Fatal(err)
	}
	h.start()
	h.idleUntil(instant(0)) // up: the files are watched
	dir := filepath.Dir(h.opts.SchedulePath)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	h.waitReload("the built-in default", func(s *config.Schedule) bool { return s.Path == "" })
	os.Mkdir(dir, 0o700)
	os.WriteFile(h.opts.SchedulePath, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600)
	h.waitReload("the new file's magnesium", func(s *config.Schedule) bool {
		_, ok := s.Reminder("magnesium")
		return ok && s.Path != "" && len(s.Reminders) == 1
	})
	// And once more, a level deeper: the parent of the directory too.
	parent := filepath.Dir(dir)
	os.RemoveAll(parent)
	h.waitReload("the built-in default", func(s *config.Schedule) bool { return s.Path == "" })
	os.MkdirAll(dir, 0o700)
	os.WriteFile(h.opts.SchedulePath, []byte("reminders:\n  calf-stretch: {at: \"22:00\"}\n"), 0o600)
	h.waitReload("the new file's calf-stretch", func(s *config.Schedule) bool { return s.Path != "" && len(s.Reminders) == 1 && has("calf-stretch")(s) })
}

// TestStateDirOfAnotherUserOrOpenToOthers: item 4 at start-up. A state
// directory another user owns (who could pause everything, or plant
// links) is refused; one of ours that others may write to is made private.
func TestStateDirOfAnotherUserOrOpenToOthers(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test makes a directory owned by another user: run it as root (make test does, in a container)")
	}
	synctest.Test(t, func(t *testing.T) {
		h := newBubbleHarness(t, hourly, evening, "")
		os.Mkdir(h.opts.StateDir, 0o777)
		os.Chmod(h.opts.StateDir, 0o777)
		os.Chown(h.opts.StateDir, 65534, 65534)
		err := Run(context.Background(), h.opts)
		want := "cannot use the state directory: " + h.opts.StateDir + " is owned by nobody (uid 65534) with mode drwxrwxrwx, not by you; bedtime keeps its files only in a directory that is yours alone (mode 0700): remove it or move it aside"
		if err == nil || err.Error() != want {
			t.Fatalf("Run = %v\nwant %s", err, want)
		}

		os.Chown(h.opts.StateDir, os.Geteuid(), os.Getegid())
		h.start()
		if fi, _ := os.Lstat(h.opts.StateDir); fi.Mode().Perm() != 0o700 {
			t.Errorf("mode = %v, want 0700", fi.Mode())
		}
		if want := `level=WARN msg="the state directory was open to other users; made it private (0700)" path=` + h.opts.StateDir + " mode_was=drwxrwxrwx"; !strings.Contains(h.log.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, h.log)
		}
	})
}

// TestStopsWhileTheLockIsHeldElsewhere: asked to stop (SIGTERM) while
// another process still holds the state's lock, the daemon stops at once
// and says what it could not save.
func TestStopsWhileTheLockIsHeldElsewhere(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newBubbleHarness(t, hourly, evening, "")
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- Run(ctx, h.opts) }()
		h.reloaded()
		h.idleUntil(instant(0))
		fl, err := safefs.Lock(filepath.Join(h.opts.StateDir, "state.lock"), 0)
		if err != nil {
			t.Fatal(err)
		}
		defer fl.Unlock()
		h.clock.Set(instant(0))
		h.clock.Advance(stateLockWait) // the write waits for the lock, then the reminder shows
		h.nextShown()
		h.idleUntil(instant(1))
		cancel()
		// Soon: each write still under way waits for the lock once more
		// (the Shown report and the last try of what is kept), no longer.
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(2*stateLockWait + time.Millisecond):
			t.Fatalf("Run did not return within %v of the stop; log:\n%s", 2*stateLockWait, h.log)
		}
		if want := `level=ERROR msg="stopping with changes that could not be written" changes=`; !strings.Contains(h.log.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, h.log)
		}
	})
}
