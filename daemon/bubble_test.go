package daemon

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/safefs"
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
	log     *logBuffer
	respond func(notify.Response)

	mu      sync.Mutex
	watched map[string]func()
	stop    func()
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
	b := &bubble{t: t, shown: make(chan notify.Message, 64), log: &logBuffer{}}
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
	done := make(chan error, 1)
	go func() { done <- Run(ctx, b.opts) }()
	var once sync.Once
	b.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(b.stop)
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

// TestBubbleFiresOnceADay: on the bubble's clock the reminder shows at
// its instant, once a day, and each showing is recorded once.
func TestBubbleFiresOnceADay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := startBubble(t, bubbleSchedule, "")
		sleepUntil(at(0, 0, 29))
		if got := b.drain(); len(got) != 0 {
			t.Fatalf("shown before its time: %v", got)
		}
		sleepUntil(at(0, 0, 30))
		if got := b.drain(); len(got) != 1 || got[0] != "magnesium@00:30" {
			t.Fatalf("at 00:30: %v", got)
		}
		sleepUntil(at(3, 0, 0))
		if got := b.drain(); len(got) != 2 {
			t.Fatalf("two more days: %v, want two showings", got)
		}
		b.stop()
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

// TestBubbleRestartCatchesUpOnce: down when the reminder came due and
// started again within its catch-up grace, the daemon shows it once;
// restarted again, it does not show it a second time.
func TestBubbleRestartCatchesUpOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := startBubble(t, bubbleSchedule, "")
		sleepUntil(at(0, 1, 0))
		if got := b.drain(); len(got) != 1 {
			t.Fatalf("day 0: %v", got)
		}
		b.stop()
		sleepUntil(at(1, 1, 0)) // down at the next 00:30
		b2 := startBubble(t, bubbleSchedule, b.opts.StateDir)
		if got := b2.drain(); len(got) != 1 || got[0] != "magnesium@00:30" {
			t.Fatalf("caught up: %v", got)
		}
		b2.stop()
		b3 := startBubble(t, bubbleSchedule, b.opts.StateDir)
		sleepUntil(at(1, 23, 0))
		if got := b3.drain(); len(got) != 0 {
			t.Fatalf("shown again after a restart: %v", got)
		}
	})
}

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
