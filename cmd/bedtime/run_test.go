package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// daemonNotifier records what the daemon shows and, like a notification
// server that accepted it, reports it Shown first.
type daemonNotifier struct {
	got     chan notify.Message
	respond func(notify.Response)
}

func (f *daemonNotifier) Notify(ctx context.Context, m notify.Message) error {
	if f.respond != nil {
		f.respond(notify.Response{Reminder: m.Reminder, Action: notify.Shown, At: time.Now(), Scheduled: m.Scheduled, Step: m.Step, Via: "test"})
	}
	f.got <- m
	return nil
}

var _ notify.Notifier = (*daemonNotifier)(nil)

// syncBuffer is a bytes.Buffer safe for the daemon's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// daemonHarness runs `bedtime run` in-process on a fake clock.
type daemonHarness struct {
	t       testing.TB
	clock   *scheduler.FakeClock
	path    string
	notes   *daemonNotifier
	reloads chan *config.Schedule
	// controls receives the state each time the daemon applied the state file.
	controls  chan state.State
	stateHome string
	stopOnce  sync.Once
	respond   func(notify.Response)
	stderr    *syncBuffer
	cancel    context.CancelFunc
	done      chan int
}

func startDaemon(t *testing.T, schedule string, now time.Time) *daemonHarness {
	t.Helper()
	return startDaemonIn(t, schedule, now, filepath.Join(t.TempDir(), "state"), 20*time.Millisecond)
}

// startDaemonIn starts the daemon with its state under stateHome, to
// restart it on the state an earlier daemon left, and the file watcher's
// debounce set to debounce.
func startDaemonIn(t testing.TB, schedule string, now time.Time, stateHome string, debounce time.Duration) *daemonHarness {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", stateHome)
	h := &daemonHarness{t: t, clock: scheduler.NewFakeClock(now), path: filepath.Join(dir, "conf", "schedule.yaml"),
		notes: &daemonNotifier{got: make(chan notify.Message, 64)}, reloads: make(chan *config.Schedule, 16),
		stderr: &syncBuffer{}, done: make(chan int, 1), controls: make(chan state.State, 64), stateHome: stateHome}
	if schedule != "" {
		if err := config.WriteFile(h.path, []byte(schedule)); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	app := &App{Stdin: strings.NewReader(""), Stdout: h.stderr, Stderr: h.stderr, Clock: h.clock,
		Daemon: func(o *daemon.Options) {
			o.OnControl = func(st state.State) { h.controls <- st }
			o.Notifier = func(log *slog.Logger, on func(notify.Response)) (notify.Notifier, func() error, error) {
				h.respond = on
				h.notes.respond = on
				return h.notes, func() error { return nil }, nil
			}
			o.OnReload = func(s *config.Schedule) { h.reloads <- s }
			o.Debounce = debounce
		}}
	go func() { h.done <- app.Run(ctx, []string{"run", "--config", h.path}) }()
	t.Cleanup(h.stop)
	h.reloaded() // the start-up load
	h.applied()  // the start-up state
	return h
}

// applied waits until the daemon applied the state file and returns it.
func (h *daemonHarness) applied() state.State {
	h.t.Helper()
	select {
	case st := <-h.controls:
		return st
	case <-time.After(5 * time.Second):
		h.t.Fatalf("state not applied within 5s; log:\n%s", h.stderr.String())
		return state.State{}
	}
}

func (h *daemonHarness) stop() {
	h.stopOnce.Do(h.stopNow)
}

func (h *daemonHarness) stopNow() {
	h.cancel()
	select {
	case <-h.done:
	case <-time.After(5 * time.Second):
		h.t.Error("daemon did not stop within 5s of cancel")
	}
}

// reloaded waits for the next reload and returns the schedule in use (nil
// when the file was rejected).
func (h *daemonHarness) reloaded() *config.Schedule {
	h.t.Helper()
	select {
	case s := <-h.reloads:
		return s
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no reload within 5s; log:\n%s", h.stderr.String())
		return nil
	}
}

// idleUntil waits until the daemon sleeps until want.
func (h *daemonHarness) idleUntil(want time.Time) {
	h.t.Helper()
	deadline := time.After(5 * time.Second)
	for h.clock.Waiters() == 0 || !h.clock.NextWake().Equal(want) {
		select {
		case <-h.clock.Waiting():
		case <-deadline:
			h.t.Fatalf("daemon not waiting for %s (waits for %s)", want, h.clock.NextWake())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (h *daemonHarness) shown() notify.Message {
	h.t.Helper()
	select {
	case m := <-h.notes.got:
		return m
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no notification; log:\n%s", h.stderr.String())
		return notify.Message{}
	}
}

func (h *daemonHarness) nothingShown() {
	h.t.Helper()
	select {
	case m := <-h.notes.got:
		h.t.Fatalf("unexpected notification %+v", m)
	default:
	}
}

func berlin(t *testing.T, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const berlinSchedule = `timezone: Europe/Berlin
reminders:
  magnesium: {at: "20:30"}
  hydration: {every: 2h, between: "08:00-20:00", title: "Water!"}
`

func TestDaemonFiresWithTexts(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 19:59"))
	h.idleUntil(berlin(t, "2026-11-25 20:00"))
	h.clock.Advance(time.Minute)
	m := h.shown()
	if m.Reminder != "hydration" || m.Title != "Water!" || m.Body == "" {
		t.Fatalf("hydration shown as %+v: want the user's title over a built-in body", m)
	}
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	h.clock.Advance(30 * time.Minute)
	m = h.shown()
	if m.Reminder != "magnesium" || !strings.Contains(m.Body+m.Title, "doctor") {
		t.Fatalf("magnesium shown as %+v: want the built-in text with its caution", m)
	}
	if want := berlin(t, "2026-11-25 22:30"); !m.Deadline.Equal(want) {
		t.Errorf("deadline = %v, want the catch-up grace %v", m.Deadline, want)
	}
	if log := h.stderr.String(); !strings.Contains(log, `msg=fired reminder=magnesium scheduled=2026-11-25T20:30:00+01:00`) {
		t.Errorf("no firing line in the log:\n%s", log)
	}
}

func TestDaemonSnoozeFiresAgain(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:29"))
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	h.clock.Advance(time.Minute)
	h.shown()
	h.respond(notify.Response{Reminder: "magnesium", Action: notify.Snooze, Scheduled: berlin(t, "2026-11-25 20:30")})
	h.idleUntil(berlin(t, "2026-11-25 20:40"))
	h.clock.Advance(10 * time.Minute)
	if m := h.shown(); m.Reminder != "magnesium" {
		t.Fatalf("after snooze: %+v", m)
	}
}

func TestDaemonResumeFromSuspend(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 13:00"))
	h.idleUntil(berlin(t, "2026-11-25 14:00"))
	// Suspended from 13:00 to 21:00: hydration missed (no grace), magnesium
	// within its 2h grace fires once.
	h.clock.Set(berlin(t, "2026-11-25 21:00"))
	if m := h.shown(); m.Reminder != "magnesium" {
		t.Fatalf("after resume: %+v", m)
	}
	h.idleUntil(berlin(t, "2026-11-26 08:00"))
	h.nothingShown()
	if log := h.stderr.String(); !strings.Contains(log, "msg=missed reminder=hydration") {
		t.Errorf("missed hydration not logged:\n%s", log)
	}
}

func TestDaemonKeepsScheduleOnBadEdit(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:10"))
	h.idleUntil(berlin(t, "2026-11-25 20:30"))

	// A bad edit, saved in place.
	bad := strings.Replace(berlinSchedule, `"20:30"`, `"25:00"`, 1)
	if err := os.WriteFile(h.path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	if s := h.reloaded(); s != nil {
		t.Fatal("an invalid file was accepted")
	}
	m := h.shown()
	if m.Title != "Your bedtime schedule has an error" || !strings.Contains(m.Body, `schedule.yaml:3:19: reminder "magnesium": at: "25:00" is not a time of day (want HH:MM)`) ||
		!strings.Contains(m.Body, "Running the previous schedule") {
		t.Fatalf("error notification = %+v", m)
	}
	// The old schedule still runs.
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	h.clock.Advance(20 * time.Minute)
	if m := h.shown(); m.Reminder != "magnesium" {
		t.Fatalf("old schedule not kept: %+v", m)
	}

	// Fixed the way vim saves: a new file renamed over the old one.
	fixed := strings.Replace(berlinSchedule, `"20:30"`, `"21:15"`, 1)
	tmp := h.path + ".swp"
	if err := os.WriteFile(tmp, []byte(fixed), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, h.path); err != nil {
		t.Fatal(err)
	}
	s := h.reloaded()
	if s == nil {
		t.Fatal("fixed file rejected")
	}
	if m := h.shown(); m.Title != "Your bedtime schedule is fixed" {
		t.Fatalf("fixed notification = %+v", m)
	}
	h.idleUntil(berlin(t, "2026-11-25 21:15"))

	// Deleting the file falls back to the built-in default.
	if err := os.Remove(h.path); err != nil {
		t.Fatal(err)
	}
	if s := h.reloaded(); s == nil || s.Path != "" {
		t.Fatalf("after delete: %+v", s)
	}
	if m := h.shown(); m.Title != "Your bedtime schedule file is gone" {
		t.Errorf("deletion notification = %+v", m)
	}
	if log := h.stderr.String(); !strings.Contains(log, "from=\"built-in default (no file at "+h.path+")\"") {
		t.Errorf("fallback not logged:\n%s", log)
	}
}

func TestSecondDaemonRefused(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:10"))
	var out bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Clock: h.clock}
	code := app.Run(context.Background(), []string{"run", "--config", h.path})
	want := fmt.Sprintf("bedtime: already running (process %d since ", os.Getpid())
	if code != 1 || !strings.HasPrefix(out.String(), want) || !strings.HasSuffix(out.String(), fmt.Sprintf("), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %d` (one started by hand)\n", os.Getpid())) {
		t.Fatalf("second daemon: code %d, output %q", code, out.String())
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildBedtime builds the bedtime binary once per test run.
func buildBedtime(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "bedtime-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "bedtime")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// waitFor polls cond (for processes outside the test's control) until it
// holds or 10s pass.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
