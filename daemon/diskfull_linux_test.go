package daemon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"
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
	synctest.Test(t, func(t *testing.T) {
		disk := smallDisk(t)
		sched := "timezone: UTC\nreminders:\n  magnesium: {at: \"00:30\"}\n  calf-stretch: {at: \"02:00\", routine: calf-stretch}\n"
		b := startBubble(t, sched, filepath.Join(disk, "state"), func(o *Options) {
			o.WriteRetry = 24 * time.Hour // the test writes the next change itself
		})
		free := fill(t, disk)
		sleepUntil(at(0, 0, 30))
		if m := b.next(); m.Reminder != "magnesium" {
			t.Fatalf("shown %+v", m)
		}
		sleepUntil(at(0, 1, 59))
		if n := strings.Count(b.log.String(), "cannot write the state or the history"); n != 1 {
			t.Fatalf("%d log lines about the failed write, want 1:\n%s", n, b.log)
		}
		if !strings.Contains(b.log.String(), "no space left on device") {
			t.Errorf("the log does not say the disk is full:\n%s", b.log)
		}

		// Space is back; the next firing writes both, oldest first.
		free()
		sleepUntil(at(0, 2, 0))
		if m := b.next(); m.Reminder != "calf-stretch" {
			t.Fatalf("shown %+v", m)
		}
		synctest.Wait() // its Shown written
		evs, err := b.store().History(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ev := range evs {
			got = append(got, ev.Reminder+":"+string(ev.Kind))
		}
		if want := "magnesium:shown calf-stretch:shown"; strings.Join(got, " ") != want {
			t.Fatalf("recorded %v, want %s", got, want)
		}
		st, _ := b.store().Load()
		if !st.Last["magnesium"].Equal(at(0, 0, 30)) {
			t.Fatalf("Last = %v: the firing made while the disk was full is not in the state", st.Last)
		}
		if !strings.Contains(b.log.String(), "wrote the changes kept in memory") {
			t.Errorf("recovery not logged:\n%s", b.log)
		}
	})
}
