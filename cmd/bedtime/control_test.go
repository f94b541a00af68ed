package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
)

// loadState returns the user's state and whole history.
func loadState(t *testing.T) (state.State, []state.Event) {
	t.Helper()
	dir, err := userStateDir()
	if err != nil {
		t.Fatal(err)
	}
	return loadStateIn(t, dir)
}

// loadStateIn returns the state and whole history in the state directory dir.
func loadStateIn(t *testing.T, dir string) (state.State, []state.Event) {
	t.Helper()
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

// TestControlWithDaemonUp: with a daemon holding the lock, a control
// command does not say that bedtime is not running.
func TestControlWithDaemonUp(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	holdLock(t, stateDir)
	app := &App{StateDir: stateDir, Clock: scheduler.NewFakeClock(berlin(t, "2026-11-25 17:30"))}
	code, out, errOut := runApp(app, "pause", "--until", "19:30", "--config", berlinDefault(t))
	if code != 0 || strings.Contains(out, "not running") {
		t.Fatalf("pause: exit %d, stdout %q, stderr %q; want it to know the daemon is up", code, out, errOut)
	}
}

// TestStatusWithoutServiceManager: started from the session's autostart
// on a machine without a service manager, status still says bedtime runs,
// with its pid, and what comes next.
func TestStatusWithoutServiceManager(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	release := holdLock(t, stateDir)
	clock := scheduler.NewFakeClock(berlin(t, "2026-11-25 19:00"))
	path := existingSchedule(t)
	none := service.Unsupported{Found: "launchctl is missing", Opts: (&App{StateDir: stateDir}).serviceOptions()}
	status := func() (int, string, string) {
		app := withService(none, "/usr/bin/bedtime")
		app.Clock, app.StateDir = clock, stateDir
		return runApp(app, "status", "--config", path)
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
	release() // the daemon stops
	code, out, _ = status()
	if code != statusNotRunning || !strings.HasPrefix(out, "bedtime: not running\n") {
		t.Fatalf("after stop: exit %d\n%s", code, out)
	}
}

// TestStatusRunByHandBesideStoppedService: a bedtime run started by hand
// while the installed service does not run is not shown as the service
// running: status says it was started by hand, and how the service
// stands. One that the service runs is the service.
func TestStatusRunByHandBesideStoppedService(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	holdLock(t, stateDir)
	clock := scheduler.NewFakeClock(berlin(t, "2026-11-25 19:00"))
	path := existingSchedule(t)
	unit := "/home/alice/.config/systemd/user/bedtime.service"
	tests := []struct {
		name  string
		st    serviceStatus
		first string // the first line, up to the pid's "since"
		rest  string // what follows the since, on that line
	}{
		{"service stopped", serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled", State: "failed", UnitPath: unit},
			fmt.Sprintf("bedtime: running (pid %d since ", os.Getpid()), "), started by hand; the installed service does not run (failed)\n"},
		{"the service's own", serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled", Running: true, PID: os.Getpid(),
			Since: "Wed 2025-11-25 18:00:00 CET", State: "active, running", UnitPath: unit},
			fmt.Sprintf("bedtime: installed, running (pid %d since ", os.Getpid()), "CET)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return tt.st, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.Clock, app.StateDir = clock, stateDir
			code, out, errOut := runApp(app, "status", "--config", path)
			first, _, _ := strings.Cut(out, "\n")
			if code != 0 || errOut != "" || !strings.HasPrefix(first, tt.first) || !strings.HasSuffix(first+"\n", tt.rest) {
				t.Errorf("exit %d, stderr %q, first line %q; want 0, nothing, %q...%q", code, errOut, first, tt.first, tt.rest)
			}
			if !strings.Contains(out, "  unit:     "+unit+" (systemd user unit, enabled)\n") {
				t.Errorf("status does not say which unit is installed:\n%s", out)
			}
		})
	}
}

// TestRefusesWhileRunByHand: with a bedtime run started by hand holding
// the lock, install, start and restart refuse, saying what to do, instead
// of starting a service daemon that exits at once (which systemd would
// still call started); the service's own daemon holding it is fine.
// start and restart of a service not installed say that instead.
func TestRefusesWhileRunByHand(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	holdLock(t, stateDir)
	clock := scheduler.NewFakeClock(berlin(t, "2026-11-25 19:00"))
	path := existingSchedule(t)
	stopped := serviceStatus{Manager: "fake", Installed: true, State: "failed"}
	ours := serviceStatus{Manager: "fake", Installed: true, Running: true, PID: os.Getpid()}
	refused := func(verb string) string {
		return fmt.Sprintf("bedtime: bedtime is already running outside the service (pid %d), and only one may run; stop it (bedtime stop), then run bedtime %s again\n", os.Getpid(), verb)
	}
	tests := []struct {
		verb       string
		status     serviceStatus
		wantCode   int
		wantStderr string
		wantCalls  string
	}{
		{"install", serviceStatus{Manager: "fake"}, 1, refused("install"), ""},
		{"install", stopped, 1, refused("install"), ""},
		{"install", ours, 0, "", "install"},
		{"start", stopped, 1, refused("start"), ""},
		{"start", ours, 0, "", "start"},
		{"start", serviceStatus{Manager: "fake"}, 1, "bedtime: cannot start bedtime: " + service.ErrNotInstalled.Error() + "\n", "start"},
		{"restart", stopped, 1, refused("restart"), ""},
		{"restart", ours, 0, "", "restart"},
	}
	for _, tt := range tests {
		var calls []string
		m := &fakeManager{
			InstallFunc: func(context.Context, service.Spec) error { calls = append(calls, "install"); return nil },
			ControlFunc: func(_ context.Context, verb string) error {
				calls = append(calls, verb)
				if !tt.status.Installed {
					return service.ErrNotInstalled
				}
				return nil
			},
			StatusFunc: func(context.Context) (serviceStatus, error) { return tt.status, nil },
		}
		app := withService(m, "/usr/bin/bedtime")
		app.Clock, app.StateDir = clock, stateDir
		code, _, errOut := runApp(app, tt.verb, "--config", path)
		if code != tt.wantCode || errOut != tt.wantStderr || strings.Join(calls, " ") != tt.wantCalls {
			t.Errorf("%s with the service %+v: exit %d, stderr %q, manager calls %q; want %d, %q, %q",
				tt.verb, tt.status, code, errOut, calls, tt.wantCode, tt.wantStderr, tt.wantCalls)
		}
	}
}

// TestDoneReportsAnUnrecordedChangeTruthfully: when the change is made but
// the history could not take it, the command succeeds and says so.
func TestDoneReportsAnUnrecordedChangeTruthfully(t *testing.T) {
	var stderr bytes.Buffer
	app := &App{Stderr: &stderr}
	err := app.recorded(&state.UnrecordedError{Events: []state.Event{{Kind: state.Done}}, Err: errors.New("no space left on device")})
	if err != nil {
		t.Fatalf("recorded = %v, want nil: the change was made", err)
	}
	if want := "bedtime: the change is made, but it could not be written to the history (no space left on device); stats will not count it.\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	if err := app.recorded(errors.New("state: cannot lock the state")); err == nil {
		t.Error("a change not made is not reported as made")
	}
}

// TestPauseLimit: a pause is at most state.MaxPause (30 days); a longer
// one is refused, naming the limit and the ways to a longer break, and
// changes nothing. The end is said with its year when it falls in
// another year than now's (a pause over new year).
func TestPauseLimit(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		now  time.Time
		args []string
		code int
		out  string // stdout's first line, or stderr's when code != 0
	}{
		{"a day", nov(t, 25, "20:00"), []string{"1h"}, 0, "Paused until Wed 25 Nov 21:00. `bedtime resume` ends it early."},
		{"30 days, the most", nov(t, 25, "20:00"), []string{"720h"}, 0, "Paused until Fri 25 Dec 20:00. `bedtime resume` ends it early."},
		{"over new year", nov(t, 25, "20:00").AddDate(0, 1, 0), []string{"240h"}, 0, "Paused until Mon 04 Jan 2027 20:00. `bedtime resume` ends it early."},
		{"a minute over", nov(t, 25, "20:00"), []string{"720h1m"}, 1,
			"bedtime: \"720h1m\" is longer than a pause can be (30 days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)"},
		{"eleven years", nov(t, 25, "20:00"), []string{"99999h"}, 1,
			"bedtime: \"99999h\" is longer than a pause can be (30 days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			args := append([]string{"pause"}, tt.args...)
			code, out, errOut := runIn(t, dir, tt.now, append(args, "--config", berlinDefault(t))...)
			got := out
			if code != 0 {
				got = errOut
			}
			if first, _, _ := strings.Cut(got, "\n"); code != tt.code || first != tt.out {
				t.Fatalf("exit %d, first line %q; want %d, %q (stderr %q)", code, first, tt.code, tt.out, errOut)
			}
			st, _ := loadStateIn(t, dir)
			if code != 0 && !st.PausedUntil.IsZero() {
				t.Errorf("a refused pause paused until %v", st.PausedUntil)
			}
			if code == 0 && st.PausedUntil.Sub(tt.now) > state.MaxPause {
				t.Errorf("paused until %v, more than MaxPause", st.PausedUntil)
			}
		})
	}
}
