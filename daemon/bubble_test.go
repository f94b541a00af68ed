package daemon

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// The bubble harness runs the daemon inside a testing/synctest bubble, on
// the bubble's clock (scheduler.TimerClock): time.Sleep moves it, and
// synctest.Wait returns when the daemon has done all it can. What keeps
// the other tests on the harness's fake clock is what cannot be in a
// bubble: the file watcher (a goroutine waiting on inotify is never
// durably blocked, so the bubble's time would never move), the D-Bus
// connection of the real-bus tests and the ntfy server's sockets. Here
// the files the daemon watches are the test's to announce (changed), as
// the watcher would after a command wrote the state file.
//
// The bubble's clock starts at midnight UTC on 1 January 2000; the
// schedules are fixed relative to it.

// bubble is one daemon running in the current bubble.
type bubble struct {
	t       *testing.T
	opts    Options
	shown   chan notify.Message
	log     *testutil.LogBuffer
	respond func(notify.Response)

	mu      sync.Mutex
	watched map[string]func()
	done    chan error // Run's error, once it returned
	cancel  context.CancelFunc
	ended   bool
	runErr  error
}

// stop stops the daemon and returns Run's error.
func (b *bubble) stop() error {
	b.cancel()
	return b.wait()
}

// wait waits for Run to return and returns its error.
func (b *bubble) wait() error {
	if !b.ended {
		b.runErr, b.ended = <-b.done, true
	}
	return b.runErr
}

// endsWithin waits at most d, on the bubble's clock, for Run to return.
func (b *bubble) endsWithin(d time.Duration) (bool, error) {
	if !b.ended {
		select {
		case err := <-b.done:
			b.runErr, b.ended = err, true
		case <-time.After(d):
		}
	}
	return b.ended, b.runErr
}

// exited reports whether Run returned, and its error.
func (b *bubble) exited() (bool, error) {
	if !b.ended {
		select {
		case err := <-b.done:
			b.runErr, b.ended = err, true
		default:
		}
	}
	return b.ended, b.runErr
}

// startBubble starts the daemon on schedule with its state in stateDir
// ("" for a new one), with the options changed by configure, and waits
// until it is idle.
func startBubble(t *testing.T, schedule, stateDir string, configure ...func(*Options)) *bubble {
	t.Helper()
	dir := t.TempDir()
	if stateDir == "" {
		stateDir = filepath.Join(dir, "state")
	}
	b := &bubble{t: t, shown: make(chan notify.Message, 64), log: &testutil.LogBuffer{}}
	b.opts = Options{
		SchedulePath: filepath.Join(dir, "schedule.yaml"),
		StateDir:     stateDir,
		Clock:        scheduler.TimerClock{},
		Logger:       slog.New(slog.NewTextHandler(b.log, nil)),
		Notifier: func(_ *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
			b.respond = respond
			return &chanNotifier{ch: b.shown, respond: respond, shownFirst: true}, func() error { return nil }, nil
		},
		ZoneFile: filepath.Join(dir, "no-zone"),
		Presence: func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
			return presencetest.NewFake(presence.Status{State: presence.Here, Source: "test"}), presence.Report{}
		},
		Busy: func(context.Context) (Busy, busy.Report) { return &fakeBusy{}, busy.Report{} },
		Watch: func(_ context.Context, files map[string]func()) error {
			b.mu.Lock()
			b.watched = files
			b.mu.Unlock()
			return nil
		},
	}
	for _, c := range configure {
		c(&b.opts)
	}
	if err := config.WriteFile(b.opts.SchedulePath, []byte(schedule)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.done, b.cancel = make(chan error, 1), cancel
	go func() { b.done <- Run(ctx, b.opts) }()
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

// changed tells the daemon that the file at path changed, as its watcher
// would, and waits until it has acted on it.
func (b *bubble) changed(path string) {
	b.t.Helper()
	b.mu.Lock()
	fn := b.watched[filepath.Clean(path)]
	b.mu.Unlock()
	if fn == nil {
		b.t.Fatalf("%s is not watched", path)
	}
	fn()
	synctest.Wait()
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

func (b *bubble) store() *state.Store {
	b.t.Helper()
	s, err := state.Open(b.opts.StateDir)
	if err != nil {
		b.t.Fatal(err)
	}
	return s
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
