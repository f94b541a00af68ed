package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
)

// appliedWhere waits until the daemon has applied a state for which cond
// holds (the daemon's own writes are applied too, so skip those).
func (h *daemonHarness) appliedWhere(cond func(state.State) bool) state.State {
	h.t.Helper()
	for {
		if st := h.applied(); cond(st) {
			return st
		}
	}
}

// cli runs a command line in-process at the harness's fake time.
func (h *daemonHarness) cli(args ...string) string {
	h.t.Helper()
	code, out, errOut := runAt(h.t, h.clock.Now(), append(args, "--config", h.path)...)
	if code != 0 {
		h.t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

func loadState(t *testing.T) (state.State, []state.Event) {
	t.Helper()
	dir, err := userStateDir()
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	evs, err := store.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return st, evs
}

func kinds(evs []state.Event) string {
	var s []string
	for _, ev := range evs {
		k := string(ev.Kind)
		if ev.Reminder != "" {
			k = ev.Reminder + ":" + k
		}
		if ev.Detail != "" {
			k += "(" + ev.Detail + ")"
		}
		s = append(s, k)
	}
	return strings.Join(s, " ")
}

func TestControlWithDaemonDown(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path := berlinDefault(t)
	now := berlin(t, "2026-11-25 19:00")
	run := func(args ...string) string {
		t.Helper()
		code, out, errOut := runAt(t, now, append(args, "--config", path)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	if out := run("pause", "--until", "21:00"); out != "Paused until Wed 25 Nov 21:00. `bedtime resume` ends it early.\nbedtime is not running; this applies when it starts.\n" {
		t.Errorf("pause: %q", out)
	}
	if out := run("skip", "magnesium"); !strings.HasPrefix(out, "Skipping magnesium at Wed 25 Nov 20:30; it comes back after that.\n") {
		t.Errorf("skip: %q", out)
	}
	// At 19:00 the 18:00 water is an hour old, past its grace: nothing to
	// snooze or mark done, and the command says so and fails.
	for _, args := range [][]string{{"snooze", "hydration", "15m"}, {"done", "hydration"}} {
		code, _, errOut := runAt(t, now, append(args, "--config", path)...)
		if want := "nothing to "; code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "is next due Wed 20:00") {
			t.Errorf("%v: exit %d, stderr %q: want an error saying %q and when it is next due", args, code, errOut, want)
		}
	}
	// Within its grace the 18:00 water can be snoozed, then marked done,
	// once; a second done says so and changes nothing.
	now = berlin(t, "2026-11-25 18:00").Add(30 * time.Second)
	if out := run("snooze", "hydration", "15m"); !strings.HasPrefix(out, "hydration again at 18:15:30.\n") {
		t.Errorf("snooze: %q", out)
	}
	st, _ := loadState(t)
	if !st.PausedUntil.Equal(berlin(t, "2026-11-25 21:00")) || !st.Skips["magnesium"].Equal(berlin(t, "2026-11-25 20:30")) ||
		!st.Snoozes["hydration"].Equal(berlin(t, "2026-11-25 18:15").Add(30*time.Second)) {
		t.Fatalf("state = %+v", st)
	}
	if out := run("done", "hydration"); out != "Marked hydration done (due Wed 18:00).\nbedtime is not running; this applies when it starts.\n" {
		t.Errorf("done: %q", out)
	}
	if out := run("done", "hydration"); out != "hydration was already done at 18:00 (due Wed 18:00); nothing changed.\n" {
		t.Errorf("second done: %q", out)
	}
	if out := run("resume"); !strings.HasPrefix(out, "Reminders are back on.") {
		t.Errorf("resume: %q", out)
	}
	if out := run("resume"); out != "Reminders were not paused.\n" {
		t.Errorf("second resume: %q", out)
	}
	st, evs := loadState(t)
	if !st.PausedUntil.IsZero() || len(st.Snoozes) != 0 || st.Closed["hydration"].Kind != state.Done {
		t.Fatalf("state after done and resume = %+v", st)
	}
	if got, want := kinds(evs), "paused(until 2026-11-25T21:00:00+01:00) hydration:snoozed(command, 15m) hydration:done(command) resumed"; got != want {
		t.Fatalf("history = %s\nwant      %s", got, want)
	}
	for _, args := range [][]string{{"skip", "nope"}, {"snooze", "magnesium", "5s"}, {"pause", "soon"}, {"pause", "1h", "--today"}} {
		if code, _, errOut := runAt(t, now, append(args, "--config", path)...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q: want an error", args, code, errOut)
		}
	}
}

func TestPauseSkipSnoozeDoneWithDaemonUp(t *testing.T) {
	sched := berlinSchedule + "  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
	h := startDaemon(t, sched, berlin(t, "2026-11-25 17:30"))
	h.idleUntil(berlin(t, "2026-11-25 18:00"))

	// Pause until 19:30: the 18:00 water is skipped, quietly.
	if out := h.cli("pause", "--until", "19:30"); strings.Contains(out, "not running") {
		t.Fatalf("pause thinks the daemon is down: %q", out)
	}
	h.appliedWhere(func(st state.State) bool { return !st.PausedUntil.IsZero() })
	h.clock.Advance(30 * time.Minute) // 18:00
	h.idleUntil(berlin(t, "2026-11-25 20:00"))
	h.nothingShown()

	// Skip magnesium's 20:30; the 20:00 water still shows.
	h.cli("skip", "magnesium")
	h.appliedWhere(func(st state.State) bool { return !st.Skips["magnesium"].IsZero() })
	h.clock.Set(berlin(t, "2026-11-25 20:00"))
	if m := h.shown(); m.Reminder != "hydration" {
		t.Fatalf("20:00: %+v", m)
	}
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	h.clock.Set(berlin(t, "2026-11-25 20:30"))
	h.idleUntil(berlin(t, "2026-11-25 21:00"))
	h.nothingShown()

	// Snooze the water from the CLI: it comes back in 10 minutes.
	h.cli("snooze", "hydration", "10m")
	h.appliedWhere(func(st state.State) bool { return !st.Snoozes["hydration"].IsZero() })
	h.idleUntil(berlin(t, "2026-11-25 20:40"))
	h.clock.Set(berlin(t, "2026-11-25 20:40"))
	if m := h.shown(); m.Reminder != "hydration" {
		t.Fatalf("snoozed water: %+v", m)
	}

	// Pills repeat every 15 minutes until done.
	h.idleUntil(berlin(t, "2026-11-25 21:00"))
	h.clock.Set(berlin(t, "2026-11-25 21:00"))
	if m := h.shown(); m.Title != "Pills" {
		t.Fatalf("21:00: %+v", m)
	}
	h.idleUntil(berlin(t, "2026-11-25 21:15"))
	h.clock.Set(berlin(t, "2026-11-25 21:15"))
	if m := h.shown(); m.Title != "Pills" {
		t.Fatalf("21:15 repeat: %+v", m)
	}
	h.cli("done", "pills")
	h.appliedWhere(func(st state.State) bool { return st.Closed["pills"].Kind == state.Done })
	h.idleUntil(berlin(t, "2026-11-26 08:00"))
	h.nothingShown()

	// Done from the notification's button stops repeats too.
	_, evs := loadState(t)
	want := "hydration:skipped(paused) hydration:shown magnesium:skipped(bedtime skip) hydration:snoozed(command, 10m) hydration:shown(again) pills:shown pills:shown(again) pills:done(command)"
	var got []state.Event
	for _, ev := range evs {
		if ev.Kind != state.Paused {
			got = append(got, ev)
		}
	}
	if kinds(got) != want {
		t.Fatalf("history = %s\nwant      %s", kinds(got), want)
	}
}

func TestRepeatStopsAtMaxAndOnDoneButton(t *testing.T) {
	sched := "timezone: Europe/Berlin\nreminders:\n  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
	h := startDaemon(t, sched, berlin(t, "2026-11-25 20:59"))
	h.idleUntil(berlin(t, "2026-11-25 21:00"))
	h.clock.Set(berlin(t, "2026-11-25 21:00"))
	h.shown()
	for _, at := range []string{"21:15", "21:30"} {
		h.idleUntil(berlin(t, "2026-11-25 "+at))
		h.clock.Set(berlin(t, "2026-11-25 "+at))
		h.shown()
	}
	// Two repeats, then no more.
	h.idleUntil(berlin(t, "2026-11-26 21:00"))
	h.clock.Set(berlin(t, "2026-11-26 21:00"))
	m := h.shown()
	h.respond(notify.Response{Reminder: "pills", Action: notify.Done, Scheduled: m.Scheduled})
	h.idleUntil(berlin(t, "2026-11-27 21:00"))
	h.nothingShown()
}

func TestRestartNeverRepeatsAndCatchesUp(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:29"))
	stateHome := h.stateHome
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	h.clock.Set(berlin(t, "2026-11-25 20:30"))
	if m := h.shown(); m.Reminder != "magnesium" {
		t.Fatalf("%+v", m)
	}
	h.stop()

	// Restarted at 20:45 the same evening: magnesium does not show again.
	h2 := startDaemonIn(t, berlinSchedule, berlin(t, "2026-11-25 20:45"), stateHome, 20*time.Millisecond)
	h2.idleUntil(berlin(t, "2026-11-26 08:00"))
	h2.nothingShown()
	h2.stop()

	// Down all the next day; started at 21:30 the day after: magnesium's
	// 20:30 is within its 2h grace and shows once; the water is long gone.
	h3 := startDaemonIn(t, berlinSchedule, berlin(t, "2026-11-26 21:30"), stateHome, 20*time.Millisecond)
	if m := h3.shown(); m.Reminder != "magnesium" {
		t.Fatalf("catch-up on start: %+v", m)
	}
	h3.idleUntil(berlin(t, "2026-11-27 08:00"))
	h3.nothingShown()
}

func TestStartButtonPlaysTheRoutine(t *testing.T) {
	sched := "timezone: Europe/Berlin\nbedtime: \"22:30\"\nreminders:\n  calf-stretch: {before_bedtime: 30m, routine: calf-stretch}\n"
	h := startDaemon(t, sched, berlin(t, "2026-11-25 21:59"))
	h.idleUntil(berlin(t, "2026-11-25 22:00"))
	h.clock.Set(berlin(t, "2026-11-25 22:00"))
	m := h.shown()
	if m.Reminder != "calf-stretch" || !m.Start {
		t.Fatalf("reminder = %+v, want a Start button", m)
	}
	h.respond(notify.Response{Reminder: "calf-stretch", Action: notify.Start, Scheduled: m.Scheduled})
	rt, _ := content.LookupRoutine("calf-stretch")
	for i := range rt.Steps {
		m := h.shown()
		if m.Reminder != "calf-stretch" || m.Body != rt.Steps[i].Text || !m.Stop || m.Step != i+1 || !m.Scheduled.Equal(berlin(t, "2026-11-25 22:00")) {
			t.Fatalf("step %d = %+v, want %q replacing the reminder, with only a Stop button", i+1, m, rt.Steps[i].Text)
		}
		h.playThrough(rt.Steps[i].Hold) // the step's hold, on the one clock
	}
	if m := h.shown(); m.Title != rt.Title {
		t.Fatalf("closing message = %+v", m)
	}
	_, evs := loadState(t)
	if got := kinds(evs); got != "calf-stretch:shown calf-stretch:done(routine started)" {
		t.Fatalf("history = %s", got)
	}
}

// TestStatusWithoutServiceManager: started from the session's autostart
// on a machine without a service manager, status still says bedtime runs,
// with its pid, and what comes next.
func TestStatusWithoutServiceManager(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 19:00"))
	none := service.Unsupported{Found: "launchctl is missing", Opts: (&App{}).serviceOptions()}
	status := func() (int, string, string) {
		app := withService(none, "/usr/bin/bedtime")
		app.Clock = h.clock
		return runApp(app, "status", "--config", h.path)
	}
	code, out, errOut := status()
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q\n%s", code, errOut, out)
	}
	for _, want := range []string{
		fmt.Sprintf("bedtime: running (pid %d since ", os.Getpid()),
		"), started by hand\n",
		"  service:  no supported per-user service manager here (launchctl is missing)",
		"  next:     hydration at Wed 25 Nov 20:00 (in 1h 00m)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	h.stop()
	code, out, _ = status()
	if code != statusNotRunning || !strings.HasPrefix(out, "bedtime: not running\n") {
		t.Fatalf("after stop: exit %d\n%s", code, out)
	}
}

func TestInstallRefusesWhileRunByHand(t *testing.T) {
	h := startDaemon(t, berlinSchedule, berlin(t, "2026-11-25 19:00"))
	installed := false
	m := &fakeManager{
		InstallFunc: func(context.Context, service.Spec) error { installed = true; return nil },
		StatusFunc: func(context.Context) (serviceStatus, error) {
			return serviceStatus{Manager: "fake", Installed: false}, nil
		},
	}
	install := func() (int, string, string) {
		app := withService(m, "/usr/bin/bedtime")
		app.Clock = h.clock
		return runApp(app, "install", "--config", h.path)
	}
	code, _, errOut := install()
	want := fmt.Sprintf("bedtime: bedtime is already running outside the service (pid %d), and only one may run; stop it (bedtime stop), then run install again\n", os.Getpid())
	if code != 1 || errOut != want || installed {
		t.Fatalf("exit %d, installed %v, stderr %q", code, installed, errOut)
	}
	// The service's own daemon holding the lock is fine: install again updates it.
	m.StatusFunc = func(context.Context) (serviceStatus, error) {
		return serviceStatus{Manager: "fake", Installed: true, Running: true, PID: os.Getpid()}, nil
	}
	if code, _, errOut := install(); code != 0 || !installed {
		t.Fatalf("re-install: exit %d, installed %v, stderr %q", code, installed, errOut)
	}
}

// playThrough moves the fake clock through d of a routine's countdown, one
// wake-up of the player at a time, so that no wait is jumped over before
// the player has started it.
func (h *daemonHarness) playThrough(d time.Duration) {
	h.t.Helper()
	end := h.clock.Now().Add(d)
	deadline := time.After(5 * time.Second)
	for h.clock.Now().Before(end) {
		if next := h.clock.NextWake(); h.clock.Waiters() > 0 && !next.After(end) && next.After(h.clock.Now()) {
			h.clock.Set(next)
			continue
		}
		select {
		case <-h.clock.Waiting():
		case <-deadline:
			h.t.Fatalf("the routine does not wait within its hold (next wake %v, end %v)", h.clock.NextWake(), end)
		case <-time.After(time.Millisecond):
		}
	}
}
