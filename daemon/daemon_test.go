package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/config/zonetest"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// chanNotifier hands every message to a channel and, like a notification
// server that accepts it, reports it Shown.
type chanNotifier struct {
	ch      chan notify.Message
	respond func(notify.Response)
	// shownFirst reports Shown before the test sees the message, so that
	// an answer the test gives comes after it, as with a real server.
	shownFirst bool
}

func (c *chanNotifier) Notify(ctx context.Context, m notify.Message) error {
	if c.shownFirst {
		c.respond(notify.Response{Reminder: m.Reminder, Action: notify.Shown, At: time.Now(), Scheduled: m.Scheduled, Step: m.Step, Via: "test"})
		c.ch <- m
		return nil
	}
	c.ch <- m
	c.respond(notify.Response{Reminder: m.Reminder, Action: notify.Shown, At: time.Now(), Scheduled: m.Scheduled, Step: m.Step, Via: "test"})
	return nil
}

// harness runs the daemon with Run, in temporary dirs, on one of two
// clocks:
//
//   - in a testing/synctest bubble (newBubbleHarness; startBubbleRun,
//     and startBubble from the bubble's own start), on the bubble's own
//     time through bubbleClock, with an in-bubble notifier (chanNotifier)
//     and the watcher seam (Options.Watch): the test announces the files
//     that changed (changed), as the daemon's watcher would. Every test
//     whose point is the daemon's own logic runs here: timing, catch-up,
//     answers, snooze, repeat, pause, reload decisions, hostile state
//     directories, presence and busy, desktop or phone (an ntfy double
//     in memory), locks held elsewhere, a full disk, several
//     computers. Waiting is synctest.Wait: the helpers look once the
//     daemon has done all it can, never for a while.
//   - on scheduler.FakeClock outside a bubble (newHarness), with the real
//     file watcher, for the tests whose point is what cannot be in a
//     bubble, because a goroutine in a system call is never durably
//     blocked and the bubble's time would never move: the real D-Bus
//     path to a real notification server (lifecycle_linux_test.go,
//     language_linux_test.go, diary_linux_test.go: the buttons, the
//     popups closed and taken back, the hints, the probe, no bus and no
//     server, as a user meets them; channels_linux_test.go: the phone's
//     Done taking the desktop's popup down on a real server, also when
//     the server's reply comes late), the kernel's file events (the
//     watcher: hostile_test.go's links and directories removed and made
//     again, reload_test.go's editors' saves and a burst folded by the
//     debounce, absent_test.go's file made after the start), a real
//     signal, delivered from outside any bubble (signals_unix_test.go),
//     and a named pipe that must not hang the daemon (hostile_test.go:
//     a hang in a system call, which a bubble would wait out forever
//     instead of failing). Their waits are bounds on real time.
type harness struct {
	t       testing.TB
	clock   testClock
	bubble  bool // in a synctest bubble, on bubbleClock
	opts    Options
	shown   chan notify.Message
	reloads chan *config.Schedule
	records chan state.Event
	log     *testutil.LogBuffer

	// respond answers as the user would, on the notifier; set when the
	// daemon made its notifier.
	respond func(notify.Response)
	// controls receives the state each time the daemon applied the state
	// file, when startRun started it.
	controls chan state.State

	mu      sync.Mutex
	watched map[string]func() // in a bubble: the files the daemon watches

	// Run's goroutine: its error once it returned (ended).
	done   chan error
	cancel context.CancelFunc
	ended  bool
	runErr error
}

// testClock is the clock a harness runs the daemon on: a
// scheduler.FakeClock, or a bubbleClock in a bubble.
type testClock interface {
	scheduler.Clock
	// Set jumps to t as a clock change or a resume from suspend does:
	// every waiter wakes, none at an instant jumped over.
	Set(t time.Time)
	// Advance moves on by d as time passing does.
	Advance(d time.Duration)
	// NextWake is the earliest instant a waiter waits for.
	NextWake() time.Time
	// Waiters is how many wait.
	Waiters() int
}

// wait returns the next value of ch: in a bubble the one there once the
// daemon has done all it can, else the first within 5s.
func wait[T any](h *harness, ch chan T, what string) T {
	h.t.Helper()
	if h.bubble {
		synctest.Wait()
		select {
		case v := <-ch:
			return v
		default:
		}
	} else {
		select {
		case v := <-ch:
			return v
		case <-time.After(5 * time.Second):
		}
	}
	h.t.Fatalf("%s; log:\n%s", what, h.log)
	var zero T
	return zero
}

// recorded waits for the next history event the daemon records.
func (h *harness) recorded() state.Event {
	h.t.Helper()
	return wait(h, h.records, "nothing recorded")
}

// waitLog waits until log has want, for the tests on the real bus and
// the real watcher: what the daemon logs there follows a notification
// server's reply or a file event, which a test cannot be told of (in a
// bubble, synctest.Wait serves).
func waitLog(t *testing.T, log *testutil.LogBuffer, want string) {
	t.Helper()
	testutil.WaitFor(t, 5*time.Second, "the log has "+want, func() bool { return strings.Contains(log.String(), want) }, log)
}

// wantRecorded waits for the next history event and checks it is of
// kind, with detail in its detail, and has its instant.
func (h *harness) wantRecorded(kind state.Kind, detail string) state.Event {
	h.t.Helper()
	ev := h.recorded()
	if ev.Kind != kind || !strings.Contains(ev.Detail, detail) || ev.Scheduled.IsZero() {
		h.t.Fatalf("recorded %+v, want %s (%s) with its instant; log:\n%s", ev, kind, detail, h.log)
	}
	return ev
}

func newHarness(t testing.TB, schedule string, now time.Time, zoneFile string) *harness {
	t.Helper()
	clock := scheduler.NewFakeClock(now)
	h := &harness{t: t, clock: clock}
	h.setUp(schedule, zoneFile)
	h.opts.Debounce = 20 * time.Millisecond
	return h
}

// newBubbleHarness is newHarness in the current synctest bubble: its
// clock is moved on to now (the bubble starts in 2000; the zero now
// leaves it there), and the daemon gets the watcher seam.
func newBubbleHarness(t *testing.T, schedule string, now time.Time, zoneFile string) *harness {
	t.Helper()
	if now.IsZero() {
		// the bubble's own time
	} else if d := time.Until(now); d < 0 {
		t.Fatalf("the bubble's clock is past %v already", now)
	} else {
		time.Sleep(d)
	}
	h := &harness{t: t, clock: newBubbleClock(), bubble: true}
	h.setUp(schedule, zoneFile)
	h.opts.Watch = func(_ context.Context, files map[string]func()) error {
		h.mu.Lock()
		h.watched = files
		h.mu.Unlock()
		return nil
	}
	return h
}

func (h *harness) setUp(schedule, zoneFile string) {
	t := h.t
	t.Helper()
	dir := t.TempDir()
	if zoneFile == "" {
		zoneFile = filepath.Join(dir, "no-zone")
	}
	h.shown, h.reloads, h.records, h.log = make(chan notify.Message, 64), make(chan *config.Schedule, 16), make(chan state.Event, 256), &testutil.LogBuffer{}
	h.opts = Options{
		SchedulePath: filepath.Join(dir, "schedule.yaml"),
		StateDir:     filepath.Join(dir, "state"),
		Clock:        h.clock,
		Logger:       slog.New(slog.NewTextHandler(h.log, nil)),
		Notifier: func(_ *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
			h.respond = respond
			return &chanNotifier{ch: h.shown, respond: respond}, func() error { return nil }, nil
		},
		ZoneFile: zoneFile,
		// Always here, unless a test says otherwise: never the machine's
		// own desktop.
		Presence: func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
			return presencetest.NewFake(presence.Status{State: presence.Here, Source: "test"}), presence.Report{}
		},
		// Never busy, unless a test says otherwise: never the machine's
		// own microphone.
		Busy:     func(context.Context) (Busy, busy.Report) { return &fakeBusy{}, busy.Report{} },
		OnReload: func(s *config.Schedule) { h.reloads <- s },
		OnRecord: func(evs []state.Event) {
			for _, ev := range evs {
				h.records <- ev
			}
		},
	}
	if err := config.WriteFile(h.opts.SchedulePath, []byte(schedule)); err != nil {
		t.Fatal(err)
	}
}

// start starts the daemon and waits for its first load; the test's end
// stops it.
func (h *harness) start() {
	h.t.Helper()
	h.launch()
	h.t.Cleanup(func() { h.stop() })
	h.reloaded()
}

// launch runs Run in a goroutine of its own.
func (h *harness) launch() {
	ctx, cancel := context.WithCancel(context.Background())
	h.done, h.cancel = make(chan error, 1), cancel
	go func() { h.done <- Run(ctx, h.opts) }()
}

// stop stops the daemon and returns Run's error. Run must return within
// 5s (in a bubble: of the bubble's time, once all else waits).
func (h *harness) stop() error {
	h.t.Helper()
	h.cancel()
	if ended, err := h.endsWithin(5 * time.Second); !ended {
		h.t.Error("Run did not return within 5s of cancel")
	} else {
		return err
	}
	return nil
}

// endsWithin waits at most d for Run to return.
func (h *harness) endsWithin(d time.Duration) (bool, error) {
	if !h.ended {
		select {
		case err := <-h.done:
			h.runErr, h.ended = err, true
		case <-time.After(d):
		}
	}
	return h.ended, h.runErr
}

// exited reports whether Run returned, and its error.
func (h *harness) exited() (bool, error) {
	if !h.ended {
		select {
		case err := <-h.done:
			h.runErr, h.ended = err, true
		default:
		}
	}
	return h.ended, h.runErr
}

// changed tells the daemon in a bubble that the file at path changed, as
// its watcher would, and waits until it has acted on it. Outside a bubble
// the watcher sees it itself.
func (h *harness) changed(path string) {
	h.t.Helper()
	if !h.bubble {
		return
	}
	h.mu.Lock()
	fn := h.watched[filepath.Clean(path)]
	h.mu.Unlock()
	if fn == nil {
		h.t.Fatalf("%s is not watched", path)
	}
	fn()
	synctest.Wait()
}

// stateChanged is changed for the state file: a control command wrote it.
func (h *harness) stateChanged() {
	h.t.Helper()
	h.changed(filepath.Join(h.opts.StateDir, "state.json"))
}

// reportShownFirst makes the fake server report Shown before the test sees
// the message, for tests that move the clock on as soon as they see it: a
// Shown that comes after the next instant finds its instant closed. (In a
// test that holds the state lock, the message then comes only after the
// report has waited its turn for the lock.)
func (h *harness) reportShownFirst() {
	h.opts.Notifier = func(_ *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
		h.respond = respond
		return &chanNotifier{ch: h.shown, respond: respond, shownFirst: true}, func() error { return nil }, nil
	}
}

func (h *harness) reloaded() *config.Schedule {
	h.t.Helper()
	return wait(h, h.reloads, "no reload")
}

// idleUntil checks that the daemon is idle, waiting for want next: in a
// bubble once it has done all it can, else within 5s.
func (h *harness) idleUntil(want time.Time) {
	h.t.Helper()
	if h.bubble {
		synctest.Wait()
		if h.clock.Waiters() == 0 || !h.clock.NextWake().Equal(want) {
			h.t.Fatalf("not waiting for %s (waits for %s); log:\n%s", want, h.clock.NextWake(), h.log)
		}
		return
	}
	// The daemon's goroutines on the real watcher and bus are not the
	// test's to wait for: it looks again.
	testutil.WaitFor(h.t, 5*time.Second, "the daemon waiting for "+want.String(), func() bool {
		return h.clock.Waiters() > 0 && h.clock.NextWake().Equal(want)
	}, h.log)
}

// TestFollowsTimeZoneChange: the laptop's zone is changed while bedtime
// runs; a schedule without timezone moves with it at once.
func TestFollowsTimeZoneChange(t *testing.T) {
	file, set := zonetest.File(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC) // 20:00 in Berlin
		h := newBubbleHarness(t, "reminders:\n  magnesium: {at: \"20:30\"}\n", now, file)
		h.start()
		h.idleUntil(time.Date(2026, 11, 25, 19, 30, 0, 0, time.UTC)) // 20:30 Berlin

		set("America/New_York")
		h.changed(file)
		if s := h.reloaded(); s == nil || s.Location.String() != "America/New_York" {
			t.Fatalf("after the zone change: %+v", s)
		}
		h.idleUntil(time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC)) // 20:30 in New York
		if log := h.log.String(); !strings.Contains(log, `msg="time zone changed" from=Europe/Berlin to=America/New_York`) {
			t.Errorf("zone change not logged:\n%s", log)
		}
	})
}

// TestSleepRecordsEveryInstant: the machine sleeps from 09:00 to 12:10
// through three hourly instants of water (each due with no catch-up
// grace): each is recorded missed, the ones folded into the last too, so
// stats count three misses, not one.
func TestSleepRecordsEveryInstant(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		h := newBubbleHarness(t, "timezone: UTC\nreminders:\n  hydration: {every: 1h, between: \"08:00-20:00\"}\n", now, "")
		h.start()
		h.idleUntil(now.Add(time.Hour))
		h.clock.Set(now.Add(3*time.Hour + 10*time.Minute))
		var got []string
		for range 3 {
			ev := h.recorded()
			got = append(got, ev.Scheduled.Format("15:04")+" "+string(ev.Kind))
		}
		if want := "[10:00 missed 11:00 missed 12:00 missed]"; fmt.Sprint(got) != want {
			t.Fatalf("recorded %v, want %s", got, want)
		}
		rs := state.Stats(h.history(), 1, now.Add(4*time.Hour), time.UTC)
		if len(rs) != 1 || rs[0].Missed != 3 || rs[0].Due != 3 {
			t.Fatalf("stats = %+v, want 3 of 3 missed", rs)
		}
	})
}

func (h *harness) history() []state.Event {
	h.t.Helper()
	store, err := state.Open(h.opts.StateDir)
	if err != nil {
		h.t.Fatal(err)
	}
	evs, err := store.History(time.Time{})
	if err != nil {
		h.t.Fatal(err)
	}
	return evs
}

// fakeBusy is a Busy the test sets.
type fakeBusy struct {
	mu  sync.Mutex
	why string
}

func (f *fakeBusy) set(why string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.why = why
}

func (f *fakeBusy) Busy(context.Context) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.why, f.why != ""
}

func (f *fakeBusy) Close() error { return nil }

var _ Busy = (*fakeBusy)(nil)
