package daemon

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// startBubble runs the harness (daemon_test.go) in the current bubble
// from the bubble's own start, at midnight UTC on 1 January 2000: the
// schedules here are fixed relative to it. The tests move its clock with
// time.Sleep (sleepUntil), each waiter waking at its instant, and the
// test announces the files that changed (changed), as the watcher would
// after a command wrote the state file.

// bubble is one daemon running in the current bubble.
type bubble = harness

// startBubble starts the daemon on schedule with its state in stateDir
// ("" for a new one), with the options changed by configure, and waits
// until it is idle. Run's error, when the test did not look at how it
// ended, fails the test.
func startBubble(t *testing.T, schedule, stateDir string, configure ...func(*Options)) *bubble {
	t.Helper()
	b := newBubbleHarness(t, schedule, time.Time{}, "")
	if stateDir != "" {
		b.opts.StateDir = stateDir
	}
	b.reportShownFirst()
	b.opts.OnReload, b.opts.OnRecord = nil, nil // nobody reads them here
	for _, c := range configure {
		c(&b.opts)
	}
	b.launch()
	t.Cleanup(func() {
		if ended, _ := b.exited(); ended {
			return // the test looked at how it ended
		}
		if err := b.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	synctest.Wait()
	return b
}

// at returns the bubble's instant hh:mm on day d (0 is its first day).
func at(d, hh, mm int) time.Time { return time.Date(2000, 1, 1+d, hh, mm, 0, 0, time.UTC) }

// sleepUntil moves the bubble's clock to t and waits until the daemon has
// done all it can.
func sleepUntil(t time.Time) {
	time.Sleep(time.Until(t))
	synctest.Wait()
}

// next waits, on the bubble's clock, for the next notification.
func (b *bubble) next() notify.Message {
	b.t.Helper()
	select {
	case m := <-b.shown:
		return m
	case <-time.After(time.Hour):
		b.t.Fatalf("nothing shown within an hour; log:\n%s", b.log)
		return notify.Message{}
	}
}

// drain returns the notifications shown so far, as reminder@hh:mm of their
// scheduled instants.
func (b *bubble) drain() []string {
	var got []string
	for {
		select {
		case m := <-b.shown:
			got = append(got, m.Reminder+"@"+m.Scheduled.UTC().Format("15:04"))
		default:
			return got
		}
	}
}

const bubbleSchedule = "timezone: UTC\nreminders:\n  magnesium: {at: \"00:30\", catch_up: 2h}\n"

// TestFiresRecordsAndNeverTwice: on the bubble's clock the reminder shows
// at its instant, with its text, is recorded once in the state and the
// history before the next, and shows once a day.
func TestFiresRecordsAndNeverTwice(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := startBubble(t, bubbleSchedule, "")
		sleepUntil(at(0, 0, 29))
		if got := b.drain(); len(got) != 0 {
			t.Fatalf("shown before its time: %v", got)
		}
		sleepUntil(at(0, 0, 30))
		if m := b.next(); m.Reminder != "magnesium" || !strings.Contains(m.Body+m.Title, "doctor") || !m.Scheduled.Equal(at(0, 0, 30)) {
			t.Fatalf("shown %+v", m)
		}
		sleepUntil(at(1, 0, 29))
		if got := b.drain(); len(got) != 0 {
			t.Fatalf("shown again the same day: %v", got)
		}
		st, err := b.store().Load()
		if err != nil || !st.Last["magnesium"].Equal(at(0, 0, 30)) {
			t.Fatalf("state Last = %v, %v", st.Last, err)
		}
		evs, err := b.store().History(time.Time{})
		if err != nil || len(evs) != 1 || evs[0].Kind != state.Shown || evs[0].Reminder != "magnesium" || !evs[0].Scheduled.Equal(at(0, 0, 30)) || evs[0].Via != "test" {
			t.Fatalf("history = %+v, %v", evs, err)
		}
		sleepUntil(at(3, 0, 0))
		if got := b.drain(); len(got) != 2 {
			t.Fatalf("two more days: %v, want two showings", got)
		}
		if err := b.stop(); err != nil {
			t.Fatal(err)
		}
		evs, err = b.store().History(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		shown := map[time.Time]int{}
		for _, ev := range evs {
			if ev.Kind == state.Shown {
				shown[ev.Scheduled]++
			}
		}
		for d := range 3 {
			if shown[at(d, 0, 30)] != 1 {
				t.Errorf("day %d recorded shown %d times, want 1 (history %v)", d, shown[at(d, 0, 30)], shown)
			}
		}
	})
}

// TestBubbleSnoozeFromTheCommandLine: `bedtime snooze` writes the state
// file; the engine, which asks the state, shows the reminder again when
// the snooze ends, and not before.
func TestBubbleSnoozeFromTheCommandLine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := startBubble(t, bubbleSchedule, "")
		sleepUntil(at(0, 0, 30))
		b.drain()
		store := b.store()
		now := time.Now()
		sched, err := store.Answer(state.Answer{Reminder: "magnesium", Schedule: &scheduler.Daily{Times: []scheduler.TimeOfDay{{Minute: 30}}, Location: time.UTC},
			Kind: state.Snoozed, Detail: "10m", At: now, SnoozeUntil: now.Add(10 * time.Minute)})
		if err != nil || !sched.Equal(at(0, 0, 30)) {
			t.Fatalf("snooze = %v, %v", sched, err)
		}
		b.changed(store.StatePath())
		sleepUntil(at(0, 0, 39))
		if got := b.drain(); len(got) != 0 {
			t.Fatalf("shown before the snooze ended: %v", got)
		}
		sleepUntil(at(0, 0, 40))
		if got := b.drain(); len(got) != 1 || got[0] != "magnesium@00:30" {
			t.Fatalf("after the snooze: %v, want the 00:30 instant again", got)
		}
	})
}

// TestRestartNeverRepeatsAndCatchesUp: restarted the same evening the
// reminder does not show again; down all the next day and started within
// its grace, it shows once, and the water, long gone, does not.
func TestRestartNeverRepeatsAndCatchesUp(t *testing.T) {
	const sched = "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n  hydration: {every: 2h, between: \"08:00-20:00\", title: \"Water!\"}\n"
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(time.Until(at(0, 20, 29)))
		b := startBubble(t, sched, "")
		sleepUntil(at(0, 20, 30))
		if got := b.drain(); len(got) != 1 || got[0] != "magnesium@20:30" {
			t.Fatalf("20:30: %v", got)
		}
		if err := b.stop(); err != nil {
			t.Fatal(err)
		}

		// Restarted at 20:45 the same evening: magnesium does not show again.
		time.Sleep(time.Until(at(0, 20, 45)))
		b2 := startBubble(t, sched, b.opts.StateDir)
		sleepUntil(at(1, 7, 59))
		if got := b2.drain(); len(got) != 0 {
			t.Fatalf("shown again after a restart: %v", got)
		}
		if err := b2.stop(); err != nil {
			t.Fatal(err)
		}

		// Down all the next day; started at 21:30: magnesium's 20:30 is
		// within its grace and shows once; the water is long gone.
		time.Sleep(time.Until(at(1, 21, 30)))
		b3 := startBubble(t, sched, b.opts.StateDir)
		if got := b3.drain(); len(got) != 1 || got[0] != "magnesium@20:30" {
			t.Fatalf("catch-up on start: %v", got)
		}
		sleepUntil(at(2, 7, 59))
		if got := b3.drain(); len(got) != 0 {
			t.Fatalf("shown after the catch-up: %v", got)
		}
	})
}
