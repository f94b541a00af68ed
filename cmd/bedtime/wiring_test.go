package main

import (
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

func TestDoctorScheduleCheck(t *testing.T) {
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	good := berlinDefault(t)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("reminders:\n  magnesium: {at: \"25:00\"}\n"), 0o600)
	tests := []struct {
		path string
		ok   bool
		want string
	}{
		{good, true, good + ": 6 reminders, next: hydration at 20:00"},
		{filepath.Join(dir, "none.yaml"), false, "no file at " + filepath.Join(dir, "none.yaml") + ", which --config names"},
		{bad, false, "1 error, first: " + bad + `:2:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
		{"", true, "none at " + filepath.Join(dir, "bedtime", "schedule.yaml") + "; the built-in default is in use"},
	}
	t.Setenv("XDG_CONFIG_HOME", dir)
	notInstalled := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return serviceStatus{Manager: "systemd user unit"}, nil }}
	for _, tt := range tests {
		app := withService(notInstalled, "/usr/bin/bedtime")
		app.ConfigPath, app.Clock = tt.path, fakeAt(now)
		r := checkSchedule(context.Background(), app)
		if r.OK != tt.ok || !strings.HasPrefix(r.Detail, tt.want) {
			t.Errorf("checkSchedule(%q) = %v %q, want %v %q", filepath.Base(tt.path), r.OK, r.Detail, tt.ok, tt.want)
		}
		if !r.OK && !strings.Contains(r.Fix, "bedtime validate") && !strings.Contains(r.Fix, "bedtime init --config") {
			t.Errorf("fix = %q", r.Fix)
		}
	}
}

// TestDoctorScheduleCheckOfTheService: without --config, doctor's
// schedule line looks at the default file; when the installed service
// reads another (installed with --config), it says so and how to check
// that one, instead of calling the default fine. With the default, or
// with --config, it checks the file as before.
func TestDoctorScheduleCheckOfTheService(t *testing.T) {
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	def := filepath.Join(dir, "bedtime", "schedule.yaml")
	plan := berlinDefault(t)
	tests := []struct {
		name      string
		config    string // --config
		serviceOf string // the installed service's schedule
		ok        bool
		detail    string // its start
		fix       string
	}{
		{"service reads another file", "", plan, false, "the service reads " + plan + ", not the default " + def + ", which this check looks at without --config",
			"run `bedtime doctor --config " + plan + "`"},
		{"service reads the default", "", def, true, "none at " + def + "; the built-in default is in use", ""},
		{"--config names the service's file", plan, plan, true, plan + ": 6 reminders", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := serviceStatus{Manager: "systemd user unit", Installed: true, ConfigPath: tt.serviceOf}
			app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}, "/usr/bin/bedtime")
			app.ConfigPath, app.Clock = tt.config, fakeAt(now)
			r := checkSchedule(context.Background(), app)
			if r.OK != tt.ok || !strings.HasPrefix(r.Detail, tt.detail) || r.Fix != tt.fix {
				t.Errorf("checkSchedule = %v %q, fix %q; want %v %q..., fix %q", r.OK, r.Detail, r.Fix, tt.ok, tt.detail, tt.fix)
			}
		})
	}
}

func TestDoctorServiceCheck(t *testing.T) {
	t.Parallel()
	stateDir := t.TempDir() // no daemon holds a lock there
	tests := []struct {
		st   serviceStatus
		err  error
		ok   bool
		want string
	}{
		{serviceStatus{Manager: "systemd user unit", Installed: true, Running: true, PID: 7, Since: "Wed 2026-11-25 08:00"}, nil, true, "running, pid 7 since Wed 2026-11-25 08:00 (systemd user unit)"},
		{serviceStatus{Manager: "systemd user unit from the package", UnitPath: "/usr/lib/systemd/user/bedtime.service", Installed: true, Running: true, PID: 7, Since: "Wed 2026-11-25 08:00"}, nil, true,
			"running, pid 7 since Wed 2026-11-25 08:00 (systemd user unit from the package /usr/lib/systemd/user/bedtime.service)"},
		{serviceStatus{Manager: "systemd user unit", UnitPath: "/home/a/.config/systemd/user/bedtime.service", Installed: true, Running: true, PID: 7, Since: "Wed 2026-11-25 08:00"}, nil, true,
			"running, pid 7 since Wed 2026-11-25 08:00 (systemd user unit /home/a/.config/systemd/user/bedtime.service)"},
		{serviceStatus{Manager: "XDG autostart entry", Installed: false}, nil, false, "not installed (XDG autostart entry)"},
		{serviceStatus{Installed: true, UnitPath: "/u/bedtime.service", State: "failed"}, nil, false, "installed (/u/bedtime.service) but not running (failed)"},
		{serviceStatus{}, errors.New("systemctl: boom"), false, "systemctl: boom"},
		{serviceStatus{Manager: "none", State: "no supported per-user service manager here (launchctl is missing)"}, nil, false, "not running"},
	}
	for _, tt := range tests {
		app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return tt.st, tt.err }}, "/usr/bin/bedtime")
		app.StateDir = stateDir
		r := checkService(context.Background(), app)
		if r.OK != tt.ok || r.Detail != tt.want {
			t.Errorf("checkService = %v %q, want %v %q", r.OK, r.Detail, tt.ok, tt.want)
		}
		if !r.OK && (r.Fix == "" || strings.Contains(r.Fix, r.Detail)) {
			t.Errorf("checkService(%+v): fix %q does not say what to do beyond the detail", tt.st, r.Fix)
		}
	}
}

func TestDescribeNext(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	got, err := describeNext(context.Background(), berlinDefault(t), state.State{}, now)
	if err != nil || got != "hydration at Wed 25 Nov 20:00 (in 1h 00m)" {
		t.Fatalf("describeNext = %q, %v", got, err)
	}
	// After `bedtime skip hydration` the next line names what comes after.
	skipped := state.State{Skips: map[string]time.Time{"hydration": time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)}}
	got, err = describeNext(context.Background(), berlinDefault(t), skipped, now)
	if err != nil || strings.HasPrefix(got, "hydration at Wed 25 Nov 20:00") {
		t.Fatalf("describeNext after skipping hydration = %q, %v; want a later firing", got, err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("{"), 0o600)
	if _, err := describeNext(context.Background(), bad, state.State{}, now); err == nil {
		t.Fatal("describeNext of a broken file succeeded")
	}
}

func TestRoutineTableIncludesSchedule(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(path, []byte(`reminders:
  desk: {at: "15:00", routine: desk}
routines:
  desk:
    title: Desk stretch
    steps: [{text: "Stand up", hold: 20s}]
`), 0o600)
	table, err := scheduleRoutines(&App{ConfigPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := table["desk"]; !ok {
		t.Error("the schedule's routine is missing")
	}
	if _, ok := table["calf-stretch"]; !ok {
		t.Error("the built-in routine is missing")
	}
}

func fakeAt(t time.Time) *scheduler.FakeClock { return scheduler.NewFakeClock(t) }

// TestDoctorServiceCheckRunByHand: an installed service that does not run
// beside a bedtime started by hand: doctor says which runs, and to stop it
// before starting the service (start refuses while it runs).
func TestDoctorServiceCheckRunByHand(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	holdLock(t, stateDir)
	st := serviceStatus{Manager: "systemd user unit", Installed: true, UnitPath: "/u/bedtime.service", State: "inactive, dead"}
	app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}, "/usr/bin/bedtime")
	app.StateDir = stateDir
	r := checkService(context.Background(), app)
	want := fmt.Sprintf("installed (/u/bedtime.service) but not running (inactive, dead); a bedtime started by hand runs instead (pid %d)", os.Getpid())
	if r.OK || r.Detail != want || r.Fix != "stop that one with `bedtime stop`, then run `bedtime start`" {
		t.Errorf("checkService = %v %q, fix %q; want false %q and to stop it first", r.OK, r.Detail, r.Fix, want)
	}
}

func TestDoctorServiceCheckWithoutManager(t *testing.T) {
	t.Parallel()
	stateDir := filepath.Join(t.TempDir(), "state")
	app := &App{StateDir: stateDir}
	none := service.Unsupported{Found: "launchctl is missing", Opts: app.serviceOptions()}
	app.Service = none
	if r := checkService(context.Background(), app); r.OK || r.Detail != "not running" || !strings.Contains(r.Fix, "autostart") {
		t.Fatalf("nothing running: %+v", r)
	}
	holdLock(t, stateDir) // a daemon started by hand
	if r := checkService(context.Background(), app); !r.OK || !strings.Contains(r.Detail, "started by hand") {
		t.Fatalf("running by hand: %+v", r)
	}
}

// TestDoctorServiceCheckNamesTheManagerInTheLanguage: doctor's service
// line names the service's mechanism in the person's language, as status
// and install do ("XDG-Autostart-Eintrag", not "XDG autostart entry").
func TestDoctorServiceCheckNamesTheManagerInTheLanguage(t *testing.T) {
	t.Parallel()
	stateDir := t.TempDir()
	for _, tt := range []struct {
		st   serviceStatus
		want string
	}{
		{serviceStatus{Manager: "XDG autostart entry"}, "nicht installiert (XDG-Autostart-Eintrag)"},
		{serviceStatus{Manager: "systemd user unit", Installed: true, Running: true, PID: 7, Since: "Wed 2026-11-25 08:00:00 UTC"},
			"läuft, PID 7 seit "},
	} {
		app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return tt.st, nil }}, "/usr/bin/bedtime")
		app.StateDir = stateDir
		app.ConfigPath = filepath.Join(t.TempDir(), "none.yaml")
		app.Getenv = func(k string) string {
			if k == "LANG" {
				return "de_DE.UTF-8"
			}
			return ""
		}
		r := checkService(context.Background(), app)
		if !strings.HasPrefix(r.Detail, tt.want) || strings.Contains(r.Detail, tt.st.Manager) {
			t.Errorf("checkService(%s) = %q, want it to start %q and name the manager in German", tt.st.Manager, r.Detail, tt.want)
		}
	}
}
