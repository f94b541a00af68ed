package daemon

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/config/zonetest"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// logBuffer is a log destination safe for the daemon's goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

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

// harness runs the daemon with Run on a fake clock, in temporary dirs.
type harness struct {
	t       testing.TB
	clock   *scheduler.FakeClock
	opts    Options
	shown   chan notify.Message
	reloads chan *config.Schedule
	records chan state.Event
	log     *logBuffer

	// respond answers as the user would, on the notifier; set when the
	// daemon made its notifier.
	respond func(notify.Response)
	// controls receives the state each time the daemon applied the state
	// file, when startRun started it.
	controls chan state.State
	stopOnce sync.Once
	stopNow  func()
}

// recorded waits for the next history event the daemon records.
func (h *harness) recorded() state.Event {
	h.t.Helper()
	select {
	case ev := <-h.records:
		return ev
	case <-time.After(5 * time.Second):
		h.t.Fatalf("nothing recorded; log:\n%s", h.log)
		return state.Event{}
	}
}

func newHarness(t testing.TB, schedule string, now time.Time, zoneFile string) *harness {
	t.Helper()
	dir := t.TempDir()
	h := &harness{t: t, clock: scheduler.NewFakeClock(now), shown: make(chan notify.Message, 64),
		reloads: make(chan *config.Schedule, 16), records: make(chan state.Event, 64), log: &logBuffer{}}
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
		Debounce: 20 * time.Millisecond,
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
	return h
}

func (h *harness) start() {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, h.opts) }()
	h.stopNow = func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			h.t.Error("Run did not return within 5s of cancel")
		}
	}
	h.t.Cleanup(h.stop)
	h.reloaded()
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

// stop stops the daemon that start started, once.
func (h *harness) stop() { h.stopOnce.Do(h.stopNow) }

func (h *harness) reloaded() *config.Schedule {
	h.t.Helper()
	select {
	case s := <-h.reloads:
		return s
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no reload; log:\n%s", h.log)
		return nil
	}
}

func (h *harness) idleUntil(want time.Time) {
	h.t.Helper()
	deadline := time.After(5 * time.Second)
	for h.clock.Waiters() == 0 || !h.clock.NextWake().Equal(want) {
		select {
		case <-h.clock.Waiting():
		case <-deadline:
			h.t.Fatalf("not waiting for %s (waits for %s); log:\n%s", want, h.clock.NextWake(), h.log)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestFollowsTimeZoneChange: the laptop's zone is changed while bedtime
// runs; a schedule without timezone moves with it at once.
func TestFollowsTimeZoneChange(t *testing.T) {
	file, set := zonetest.File(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	now := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC) // 20:00 in Berlin
	h := newHarness(t, "reminders:\n  magnesium: {at: \"20:30\"}\n", now, file)
	h.start()
	h.idleUntil(time.Date(2026, 11, 25, 19, 30, 0, 0, time.UTC)) // 20:30 Berlin

	set("America/New_York")
	if s := h.reloaded(); s == nil || s.Location.String() != "America/New_York" {
		t.Fatalf("after the zone change: %+v", s)
	}
	h.idleUntil(time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC)) // 20:30 in New York
	if log := h.log.String(); !strings.Contains(log, `msg="time zone changed" from=Europe/Berlin to=America/New_York`) {
		t.Errorf("zone change not logged:\n%s", log)
	}
}

// TestSleepRecordsEveryInstant: the machine sleeps from 09:00 to 12:10
// through three hourly instants of water (each due with no catch-up
// grace): each is recorded missed, the ones folded into the last too, so
// stats count three misses, not one.
func TestSleepRecordsEveryInstant(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	h := newHarness(t, "timezone: UTC\nreminders:\n  hydration: {every: 1h, between: \"08:00-20:00\"}\n", now, filepath.Join(t.TempDir(), "none"))
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
