//go:build linux

package daemon

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// The bubble's tests of what other processes do to the state directory,
// on linux like the fake-clock tests they replace (a lock's holder is
// named from /proc/locks).

// hourly is a schedule with an instant every hour.
const hourly = "timezone: UTC\nreminders:\n  hydration: {every: 1h}\n"

// TestLockHeldElsewhereFiringGoesOn: another process holds the state's and
// the history's locks (a hung `bedtime pause`, a backup tool); reminders
// still show, and what the daemon could not write is written when the
// locks are free. In the bubble each write's wait for the lock (a second)
// passes on the bubble's clock.
func TestLockHeldElsewhereFiringGoesOn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// Each try waits a second for the lock; on the bubble's clock a
		// retry every 20ms would be thousands of tries in these hours.
		b := startBubble(t, hourly, "", func(o *Options) { o.WriteRetry = 10 * time.Minute })
		var held []func() error
		for _, name := range []string{"state.lock", "history.lock"} {
			fl, err := safefs.Lock(filepath.Join(b.opts.StateDir, name), 0)
			if err != nil {
				t.Fatal(err)
			}
			held = append(held, fl.Unlock)
		}
		for i := range 3 {
			sleepUntil(at(0, 1+i, 0))
			if m := b.next(); !m.Scheduled.Equal(at(0, 1+i, 0)) {
				t.Fatalf("instant %d: shown %+v", i, m)
			}
		}
		sleepUntil(at(0, 3, 30))
		if !strings.Contains(b.log.String(), "state.lock is locked by another process (pid "+strconv.Itoa(os.Getpid())) {
			t.Errorf("the log does not name the lock's holder:\n%s", b.log)
		}
		for _, unlock := range held {
			unlock()
		}
		time.Sleep(10 * time.Minute) // past the retry
		synctest.Wait()
		st, err := b.store().Load()
		if err != nil {
			t.Fatal(err)
		}
		if !st.Last["hydration"].Equal(at(0, 3, 0)) {
			t.Errorf("Last = %v, want the third instant written", st.Last)
		}
		if !strings.Contains(b.log.String(), `msg="wrote the changes kept in memory"`) {
			t.Errorf("recovery not logged:\n%s", b.log)
		}
		evs, err := b.store().History(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		shown := map[time.Time]int{}
		for _, ev := range evs {
			if ev.Kind == state.Shown {
				shown[ev.Scheduled]++
			}
		}
		if len(shown) != 3 || shown[at(0, 1, 0)] != 1 || shown[at(0, 2, 0)] != 1 || shown[at(0, 3, 0)] != 1 {
			t.Errorf("history after the locks were freed: %v, want the three instants shown once each", shown)
		}
	})
}

// fireAll moves the bubble's clock through the hourly instants from..to
// (hours of its first day) and returns how many notifications each
// daemon showed.
func fireAll(t *testing.T, a, b *bubble, from, to int) (first, other int) {
	t.Helper()
	for h := from; h <= to; h++ {
		sleepUntil(at(0, h, 0))
		first += len(a.drain())
		other += len(b.drain())
		if first+other != h-from+1 {
			t.Fatalf("instant %02d:00 shown %d times in all, want once; log:\n%s\nsecond daemon:\n%s", h, first+other-(h-from), a.log, b.log)
		}
	}
	return first, other
}

// TestStateDirRemovedTheDaemonTakesTheLockAgain: the state directory is
// removed while bedtime runs; it makes it again at once, so a second
// daemon started then refuses to run, and every instant fires once.
func TestStateDirRemovedTheDaemonTakesTheLockAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a := startBubble(t, hourly, "")
		sleepUntil(at(0, 1, 0))
		if got := a.drain(); len(got) != 1 {
			t.Fatalf("01:00: %v", got)
		}
		if err := os.RemoveAll(a.opts.StateDir); err != nil {
			t.Fatal(err)
		}
		a.changed(filepath.Join(a.opts.StateDir, "daemon.lock")) // as the watcher says
		if !strings.Contains(a.log.String(), `level=WARN msg="the state directory or its lock file was removed; made them again and took the lock"`) {
			t.Fatalf("the lock is not taken again:\n%s", a.log)
		}
		if fi, err := os.Lstat(a.opts.StateDir); err != nil || fi.Mode().Perm() != 0o700 {
			t.Fatalf("state dir after: %v, %v", fi, err)
		}
		// What was handled is written back, so a restart does not fire it again.
		if st, err := a.store().Load(); err != nil || !st.Last["hydration"].Equal(at(0, 1, 0)) {
			t.Fatalf("state after: %v, %v", st.Last, err)
		}

		b := startBubble(t, hourly, a.opts.StateDir)
		ended, err := b.endsWithin(time.Minute)
		want := "bedtime is already running (pid " + strconv.Itoa(os.Getpid()) + ")"
		if !ended || err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("second daemon: ended %v, %v; want %s...", ended, err, want)
		}
		if first, other := fireAll(t, a, b, 2, 9); first != 8 || other != 0 {
			t.Fatalf("shown %d by the first daemon and %d by the second; want 8 and 0", first, other)
		}
	})
}

// TestStateDirRemovedAndASecondDaemonStartedFirst: the directory is
// removed and a second daemon starts before the first notices (its
// watcher has not said so yet); at the next instant the first finds the
// lock is not its own any more and stops instead of firing, so no instant
// shows twice.
func TestStateDirRemovedAndASecondDaemonStartedFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a := startBubble(t, hourly, "")
		sleepUntil(at(0, 0, 30))
		if err := os.RemoveAll(a.opts.StateDir); err != nil {
			t.Fatal(err)
		}
		b := startBubble(t, hourly, a.opts.StateDir)
		if ended, err := b.exited(); ended {
			t.Fatalf("the second daemon did not start: %v", err)
		}
		if first, other := fireAll(t, a, b, 1, 8); first != 0 || other != 8 {
			t.Fatalf("shown %d by the first daemon and %d by the second; want 0 and 8", first, other)
		}
		ended, err := a.exited()
		want := "the state directory " + a.opts.StateDir + " was removed while bedtime ran, and another bedtime has taken the lock since (bedtime is already running (pid "
		if !ended || err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("first daemon: ended %v, %v\nwant %s...", ended, err, want)
		}
		if err := b.stop(); err != nil {
			t.Fatal(err)
		}
		evs, _ := b.store().History(time.Time{})
		seen := map[time.Time]int{}
		for _, ev := range evs {
			if ev.Kind == state.Shown {
				seen[ev.Scheduled]++
			}
		}
		if len(seen) != 8 {
			t.Errorf("history has %d instants fired, want 8: %v", len(seen), seen)
		}
		for at, n := range seen {
			if n != 1 {
				t.Errorf("%s fired %d times", at, n)
			}
		}
	})
}
