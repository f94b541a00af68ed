package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/userlock"
)

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

// TestRunBuildsTheDaemonOptions: `bedtime run` hands the daemon the
// schedule file, the state directory, the clock, the zone file, the reload
// signals, the production debounce and what makes the phone channels, and
// no test hooks; --builtin says so.
func TestRunBuildsTheDaemonOptions(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	for _, builtin := range []bool{false, true} {
		t.Run(fmt.Sprintf("builtin=%v", builtin), func(t *testing.T) {
			t.Parallel()
			clock := scheduler.NewFakeClock(berlin(t, "2026-11-25 20:10"))
			stateDir := filepath.Join(t.TempDir(), "state")
			var got daemon.Options
			var out bytes.Buffer
			app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Clock: clock, StateDir: stateDir,
				ZoneFile: "/zone/file",
				RunDaemon: func(_ context.Context, o daemon.Options) error {
					got = o
					return nil
				}}
			args := []string{"run", "--config", path}
			if builtin {
				args = append(args, "--builtin")
			}
			if code := app.Run(context.Background(), args); code != 0 {
				t.Fatalf("exit %d: %s", code, out.String())
			}
			if got.SchedulePath != path || got.Builtin != builtin || got.StateDir != stateDir || got.Clock != clock ||
				got.ZoneFile != "/zone/file" || got.Debounce != daemon.DefaultDebounce || got.Version != buildVersion() ||
				got.Logger == nil || got.Notifier == nil || got.Ntfy == nil || !slices.Equal(got.ReloadSignals, reloadSignals) {
				t.Errorf("options = %+v", got)
			}
			if got.OnControl != nil || got.OnRecord != nil || got.Presence != nil {
				t.Errorf("test hooks set in the options of bedtime run: %+v", got)
			}
			// Sync follows the schedule the daemon loads; the built-in
			// schedule has none.
			if (got.OnReload != nil) == builtin || (got.Devices != nil) == builtin {
				t.Errorf("builtin=%v: OnReload set %v, Devices set %v; want both %v", builtin, got.OnReload != nil, got.Devices != nil, !builtin)
			}
		})
	}
	// Without an App.ZoneFile, the system's.
	var got daemon.Options
	app := &App{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, StateDir: filepath.Join(t.TempDir(), "state"),
		RunDaemon: func(_ context.Context, o daemon.Options) error { got = o; return nil }}
	if code := app.Run(context.Background(), []string{"run", "--config", path}); code != 0 || got.ZoneFile != config.SystemZoneFile {
		t.Errorf("exit %d, zone file %q; want 0, %s", code, got.ZoneFile, config.SystemZoneFile)
	}
}

// holdLock takes the daemon's lock in dir, as a running daemon holds it,
// until the test ends or the returned func is called.
func holdLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	lock, err := userlock.Take(dir)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { lock.Unlock() }) }
	t.Cleanup(release)
	return release
}

func TestSecondDaemonRefused(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	holdLock(t, stateDir)
	var out bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Clock: scheduler.NewFakeClock(berlin(t, "2026-11-25 20:10")),
		StateDir: stateDir, RunDaemon: func(context.Context, daemon.Options) error { t.Error("a second daemon ran"); return nil }}
	code := app.Run(context.Background(), []string{"run", "--config", berlinDefault(t)})
	want := fmt.Sprintf("bedtime: already running (process %d since ", os.Getpid())
	if code != service.ExitCannotStart || !strings.HasPrefix(out.String(), want) || !strings.HasSuffix(out.String(), fmt.Sprintf("), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %d` (one started by hand)\n", os.Getpid())) {
		t.Fatalf("second daemon: code %d, output %q", code, out.String())
	}
}

// TestRunOrBuiltin: with --or-builtin, run starts on a --config that does
// not exist yet (the daemon runs the built-in default until it appears);
// without it, such a start exits with the status that service managers do
// not retry, as does a flag this binary does not know; CannotStartEnv
// changes that status (launchd's 0).
func TestRunOrBuiltin(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "not yet", "schedule.yaml")
	tests := []struct {
		name     string
		args     []string
		env      string // CannotStartEnv; "" for unset
		wantCode int
		wantRun  bool
		wantErr  string
	}{
		{"or-builtin", []string{"run", "--config", missing, "--or-builtin"}, "", 0, true, ""},
		{"missing file", []string{"run", "--config", missing}, "", service.ExitCannotStart, false, "--config " + missing + ": no such file"},
		{"unknown flag", []string{"run", "--config", missing, "--from-the-future"}, "", service.ExitCannotStart, false, "unknown flag: --from-the-future"},
		{"launchd's status", []string{"run", "--config", missing}, "0", 0, false, "--config " + missing + ": no such file"},
		{"a bad status is ignored", []string{"run", "--config", missing}, "x", service.ExitCannotStart, false, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv(service.CannotStartEnv, tt.env)
			}
			var got *daemon.Options
			var out bytes.Buffer
			app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, StateDir: filepath.Join(t.TempDir(), "state"),
				RunDaemon: func(_ context.Context, o daemon.Options) error { got = &o; return nil }}
			code := app.Run(context.Background(), tt.args)
			if code != tt.wantCode || (got != nil) != tt.wantRun || !strings.Contains(out.String(), tt.wantErr) {
				t.Fatalf("exit %d, daemon ran %v, output %q; want %d, %v, %q", code, got != nil, out.String(), tt.wantCode, tt.wantRun, tt.wantErr)
			}
			if got != nil && (got.SchedulePath != missing || got.Builtin) {
				t.Errorf("options: schedule %q, builtin %v; want the file's path, to be taken when it appears", got.SchedulePath, got.Builtin)
			}
		})
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
	testutil.WaitFor(t, 10*time.Second, "the condition", cond)
}
