package daemon

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// limitFileSize makes every write of a regular file past n bytes fail in
// this process (EFBIG), as a full disk would, until the returned function
// is called. It works for root too, unlike file modes.
func limitFileSize(t *testing.T, n uint64) (restore func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	lim := old
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	restored := false
	restore = func() {
		if !restored {
			restored = true
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(restore)
	return restore
}

// TestDiskFullKeepsTheFiring: a reminder comes due while nothing can be
// written. It is still shown, the failure is logged once, and the change
// is kept in memory and written when space returns, before the next one:
// the history has the firing, and a restart does not fire it again.
func TestDiskFullKeepsTheFiring(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h := newHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n  calf-stretch: {at: \"22:00\", routine: calf-stretch}\n", now, filepath.Join(t.TempDir(), "none"))
	h.opts.WriteRetry = time.Hour // the test writes the next change itself
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))

	restore := limitFileSize(t, 1)
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
	restore()
	if n := strings.Count(h.log.String(), "cannot write the state or the history"); n != 1 {
		t.Fatalf("%d log lines about the failed write, want 1:\n%s", n, h.log)
	}

	// Space is back; the next firing writes both, oldest first.
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
