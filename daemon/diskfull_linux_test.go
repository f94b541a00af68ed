package daemon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// smallDisk mounts a 256 KiB tmpfs for the test and returns its path. It
// needs root (as make test runs in CI), and says so otherwise.
func smallDisk(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Fatal("this test mounts a small tmpfs to fill it, which needs root: run it as root (make test does in CI)")
	}
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k,mode=0700"); err != nil {
		t.Fatalf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// fill writes a file into dir until the disk is full and returns a
// function that removes it.
func fill(t *testing.T, dir string) (free func()) {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			break
		}
	}
	f.Close()
	return func() {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDiskFullKeepsTheFiring: a reminder comes due while the disk is full.
// It is still shown, the failure is logged once, and the change is kept
// in memory and written when space returns, before the next one: the
// history has the firing, and the state has it (no refire on restart).
func TestDiskFullKeepsTheFiring(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h := newHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n  calf-stretch: {at: \"22:00\", routine: calf-stretch}\n", now, filepath.Join(t.TempDir(), "none"))
	disk := smallDisk(t)
	h.opts.StateDir = filepath.Join(disk, "state")
	h.opts.WriteRetry = time.Hour // the test writes the next change itself
	h.reportShownFirst()          // magnesium's Shown before calf-stretch's
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))

	free := fill(t, disk)
	h.clock.Set(now.Add(30 * time.Minute))
	select {
	case m := <-h.shown:
		if m.Reminder != "magnesium" {
			t.Fatalf("shown %+v", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("nothing shown while the disk was full; log:\n%s", h.log)
	}
	h.idleUntil(now.Add(2 * time.Hour))
	waitLog(t, h.log, "cannot write the state or the history")
	if n := strings.Count(h.log.String(), "cannot write the state or the history"); n != 1 {
		t.Fatalf("%d log lines about the failed write, want 1:\n%s", n, h.log)
	}
	if !strings.Contains(h.log.String(), "no space left on device") {
		t.Errorf("the log does not say the disk is full:\n%s", h.log)
	}

	// Space is back; the next firing writes both, oldest first.
	free()
	h.clock.Set(now.Add(2 * time.Hour))
	var got []string
	for range 2 {
		ev := h.recorded()
		got = append(got, ev.Reminder+":"+string(ev.Kind))
	}
	if want := "magnesium:shown calf-stretch:shown"; strings.Join(got, " ") != want {
		t.Fatalf("recorded %v, want %s", got, want)
	}
	store, _ := state.Open(h.opts.StateDir)
	st, _ := store.Load()
	if !st.Last["magnesium"].Equal(now.Add(30 * time.Minute)) {
		t.Fatalf("Last = %v: the firing made while the disk was full is not in the state", st.Last)
	}
	if !strings.Contains(h.log.String(), "wrote the changes kept in memory") {
		t.Errorf("recovery not logged:\n%s", h.log)
	}
}
