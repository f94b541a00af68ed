package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/service"
)

// fakeManager is a service.Manager whose methods are function fields.
type fakeManager struct {
	InstallFunc   func(ctx context.Context, spec service.Spec) error
	UninstallFunc func(ctx context.Context) (bool, error)
	ControlFunc   func(ctx context.Context, verb string) error
	StatusFunc    func(ctx context.Context) (serviceStatus, error)
}

var _ service.Manager = (*fakeManager)(nil)

func (f *fakeManager) Install(ctx context.Context, spec service.Spec) error {
	return f.InstallFunc(ctx, spec)
}
func (f *fakeManager) Uninstall(ctx context.Context) (bool, error) { return f.UninstallFunc(ctx) }
func (f *fakeManager) Start(ctx context.Context) error             { return f.ControlFunc(ctx, "start") }
func (f *fakeManager) Stop(ctx context.Context) error              { return f.ControlFunc(ctx, "stop") }
func (f *fakeManager) Restart(ctx context.Context) error           { return f.ControlFunc(ctx, "restart") }
func (f *fakeManager) Status(ctx context.Context) (serviceStatus, error) {
	return f.StatusFunc(ctx)
}

// withService returns an App whose service manager is m and whose binary is exe.
func withService(m service.Manager, exe string) *App {
	return &App{Service: m, Executable: exe}
}

// runApp runs the command line on app, with empty stdin, and returns the
// exit code, stdout and stderr.
func runApp(app *App, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	app.Stdin, app.Stdout, app.Stderr = strings.NewReader(""), &out, &errOut
	code = app.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

var installedStatus = serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled",
	Running: true, PID: 4242, Since: "Tue 2025-11-25 21:54:01 UTC", Started: time.Date(2025, 11, 25, 21, 54, 1, 0, time.UTC), State: "active, running",
	UnitPath: "/home/alice/.config/systemd/user/bedtime.service", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml"}

func TestInstallCmd(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	var got []service.Spec
	status := installedStatus
	m := &fakeManager{
		InstallFunc: func(_ context.Context, spec service.Spec) error { got = append(got, spec); return nil },
		StatusFunc:  func(context.Context) (serviceStatus, error) { return status, nil },
	}
	defaultCfg, err := config.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}

	// An explicit --config must name a file, as for every command.
	code, stdout, stderr := runApp(withService(m, "/opt/bedtime/bin/bedtime"), "install", "--config", "plans/schedule.yaml")
	explicit := filepath.Join(dir, "plans", "schedule.yaml")
	if code != 1 || len(got) != 0 || !strings.Contains(stderr, "--config "+explicit+": no such file") {
		t.Fatalf("install --config to a missing file: exit %d, installed %+v, stderr %q; want 1, nothing, the missing file", code, got, stderr)
	}
	if err := config.WriteFile(explicit, []byte("reminders: {}\n")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runApp(withService(m, "/opt/bedtime/bin/bedtime"), "install", "--config", "plans/schedule.yaml")
	if code != 0 {
		t.Fatalf("install exited %d: %s", code, stderr)
	}
	want := service.Spec{Executable: "/opt/bedtime/bin/bedtime", ConfigPath: explicit}
	if len(got) != 1 || got[0] != want {
		t.Errorf("Install got %+v, want the absolute paths %+v", got, want)
	}
	for _, s := range []string{installedStatus.UnitPath, "/opt/bedtime/bin/bedtime run --config " + want.ConfigPath + ", now"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("install output lacks %q:\n%s", s, stdout)
		}
	}
	if strings.Contains(stdout, "no schedule file") || strings.Contains(stdout, "chosen because") {
		t.Errorf("install output says more than it should:\n%s", stdout)
	}

	// The default path need not exist: the service runs the built-in
	// default until it does. A fallback mechanism says why it was chosen.
	status.Why = "chosen because no systemd user manager answers: it is a test"
	if code, stdout, stderr = runApp(withService(m, "/opt/bedtime/bin/bedtime"), "install"); code != 0 {
		t.Fatalf("install exited %d: %s", code, stderr)
	}
	want = service.Spec{Executable: "/opt/bedtime/bin/bedtime", ConfigPath: defaultCfg, OrBuiltin: true}
	if len(got) != 2 || got[1] != want {
		t.Errorf("install without --config used %+v, want the default schedule, or the built-in default while it is missing: %+v", got, want)
	}
	for _, s := range []string{
		status.Why + "\n",
		"/opt/bedtime/bin/bedtime run --config " + defaultCfg + " --or-builtin, now",
		"there is no schedule file at " + defaultCfg + " yet: it runs the built-in default until `bedtime init` writes one there",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("install output lacks %q:\n%s", s, stdout)
		}
	}
}

// TestInstallCmdPackageUnit: when install enabled the package's unit, it
// says what that unit runs: "bedtime-daemon run" on the default schedule,
// with no --config (which a unit of install's own would carry).
func TestInstallCmdPackageUnit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	bin := filepath.Join(dir, "usr", "bin")
	writePrograms(t, bin, "bedtime", "bedtime-daemon")
	status := serviceStatus{Manager: "systemd user unit from the package", Installed: true, Enabled: "enabled", Running: true, PID: 7,
		UnitPath: "/usr/lib/systemd/user/bedtime.service"}
	m := &fakeManager{
		InstallFunc: func(context.Context, service.Spec) error { return nil },
		StatusFunc:  func(context.Context) (serviceStatus, error) { return status, nil },
	}
	code, stdout, stderr := runApp(withService(m, filepath.Join(bin, "bedtime")), "install")
	if code != 0 {
		t.Fatalf("install exited %d: %s", code, stderr)
	}
	for _, want := range []string{
		"installed systemd user unit from the package /usr/lib/systemd/user/bedtime.service\n",
		"it runs " + filepath.Join(bin, "bedtime-daemon") + " run, now and at every login\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("install output lacks %q:\n%s", want, stdout)
		}
	}
}

// writePrograms writes each of names into dir, as a program that can run.
func writePrograms(t *testing.T, dir string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// installedBy runs install as the bedtime at exe, with a service manager
// that takes the install, and returns what it was asked to install and
// what install said.
func installedBy(t *testing.T, exe string) (spec service.Spec, stdout, stderr string) {
	t.Helper()
	var got []service.Spec
	m := &fakeManager{
		InstallFunc: func(_ context.Context, spec service.Spec) error { got = append(got, spec); return nil },
		StatusFunc:  func(context.Context) (serviceStatus, error) { return installedStatus, nil },
	}
	code, stdout, stderr := runApp(withService(m, exe), "install")
	if code != 0 || len(got) != 1 {
		t.Fatalf("install exited %d, installed %+v: %s", code, got, stderr)
	}
	return got[0], stdout, stderr
}

// TestResolveServiceSpecDaemon: the service runs bedtime-daemon when it is
// beside the bedtime that runs install (a package, an archive, make
// build), and that bedtime ("bedtime run") when it is not (a go install of
// cmd/bedtime alone); on Windows bedtime-daemon.exe beside bedtime.exe.
// install says what runs.
func TestResolveServiceSpecDaemon(t *testing.T) {
	tests := []struct {
		name   string
		exe    string   // the bedtime that runs install
		beside []string // the programs in its directory, itself included
		daemon string   // the bedtime-daemon the service runs; "" for none
	}{
		{"beside", "bedtime", []string{"bedtime", "bedtime-daemon"}, "bedtime-daemon"},
		{"not beside (go install of cmd/bedtime)", "bedtime", []string{"bedtime"}, ""},
		{"windows .exe beside", "bedtime.exe", []string{"bedtime.exe", "bedtime-daemon.exe"}, "bedtime-daemon.exe"},
		{"windows .exe not beside", "bedtime.exe", []string{"bedtime.exe", "bedtime-daemon"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
			bin := filepath.Join(dir, "my bin")
			writePrograms(t, bin, tt.beside...)
			exe := filepath.Join(bin, tt.exe)
			spec, stdout, _ := installedBy(t, exe)
			wantDaemon, program := "", exe
			if tt.daemon != "" {
				wantDaemon = filepath.Join(bin, tt.daemon)
				program = wantDaemon
			}
			if spec.Executable != exe || spec.Daemon != wantDaemon || spec.Program() != program {
				t.Errorf("install asked for %+v; want Executable %s, Daemon %q", spec, exe, wantDaemon)
			}
			if !strings.Contains(stdout, "it runs "+program+" run --config ") {
				t.Errorf("install does not say it runs %s:\n%s", program, stdout)
			}
		})
	}
}

// TestInstallWithADaemonOfAnotherBuild: a bedtime-daemon beside bedtime
// of another version (a go install of a newer cmd/bedtime alone left the
// old one there) is not what the service runs; install says so and how to
// have it back. Real programs, stamped as make stamps bedtime.
func TestInstallWithADaemonOfAnotherBuild(t *testing.T) {
	tests := []struct {
		name            string
		bedtime, daemon string // their versions
		runsDaemon      bool
	}{
		{"one build", "v1.4.0", "v1.4.0", true},
		{"a newer bedtime", "v1.5.0", "v1.4.0", false},
	}
	ext := ""
	if runtime.GOOS == "windows" {
		ext = ".exe"
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
			exe := filepath.Join(dir, "bedtime"+ext)
			daemon := filepath.Join(dir, "bedtime-daemon"+ext)
			testutil.StampedProgram(t, exe, tt.bedtime, "c0ffee")
			testutil.StampedProgram(t, daemon, tt.daemon, "c0ffee")
			spec, stdout, stderr := installedBy(t, exe)
			program, word := exe, ""
			if tt.runsDaemon {
				program = daemon
			} else {
				word = "bedtime: " + daemon + " beside it is " + tt.daemon + " and this bedtime is " + tt.bedtime +
					": the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again.\n"
			}
			if p := spec.Program(); p != program {
				t.Errorf("the service runs %s, want %s", p, program)
			}
			if stderr != word {
				t.Errorf("install said on stderr %q, want %q", stderr, word)
			}
			if !strings.Contains(stdout, "it runs "+program+" run --config ") {
				t.Errorf("install does not say it runs %s:\n%s", program, stdout)
			}
		})
	}
}

func TestInstallCmdErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		exe        string
		install    error
		wantStderr string
	}{
		{
			name:       "temporary build",
			exe:        "/tmp/go-build123/b001/exe/bedtime",
			wantStderr: `bedtime: bedtime runs from a temporary build ("/tmp/go-build123/b001/exe/bedtime"), which will disappear`,
		},
		{
			name:       "no service manager",
			exe:        "/usr/bin/bedtime",
			install:    service.NoManagerError{Found: "launchctl is missing"},
			wantStderr: "bedtime: no supported per-user service manager here (launchctl is missing): start \"bedtime run\" from your desktop session's autostart instead\n",
		},
		{
			name:       "manager fails",
			exe:        "/usr/bin/bedtime",
			install:    errors.New("systemctl --user restart bedtime.service: Job failed: exit status 1"),
			wantStderr: "bedtime: cannot install the bedtime service: systemctl --user restart bedtime.service: Job failed: exit status 1\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &fakeManager{
				InstallFunc: func(context.Context, service.Spec) error { return tt.install },
				StatusFunc:  func(context.Context) (serviceStatus, error) { return installedStatus, nil },
			}
			schedule := filepath.Join(t.TempDir(), "schedule.yaml")
			if err := config.WriteFile(schedule, []byte("reminders: {}\n")); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runApp(withService(m, tt.exe), "install", "--config", schedule)
			if code != 1 || stdout != "" || !strings.HasPrefix(stderr, tt.wantStderr) {
				t.Errorf("install = %d, stdout %q, stderr %q; want 1, nothing, %q", code, stdout, stderr, tt.wantStderr)
			}
		})
	}
}

func TestUninstallAndControlCmds(t *testing.T) {
	t.Parallel()
	var calls []string
	removed := true
	m := &fakeManager{
		UninstallFunc: func(context.Context) (bool, error) { calls = append(calls, "uninstall"); return removed, nil },
		ControlFunc: func(_ context.Context, verb string) error {
			calls = append(calls, verb)
			if verb == "stop" {
				return service.ErrNotRunning
			}
			return nil
		},
	}
	tests := []struct {
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{[]string{"uninstall"}, 0, "bedtime is stopped and uninstalled; your schedule, state and history are kept\n", ""},
		{[]string{"start"}, 0, "bedtime started\n", ""},
		{[]string{"restart"}, 0, "bedtime restarted\n", ""},
		{[]string{"stop"}, 0, "bedtime was not running; nothing to stop\n", ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := runApp(withService(m, "/usr/bin/bedtime"), tt.args...)
		if code != tt.wantCode || stdout != tt.wantStdout || stderr != tt.wantStderr {
			t.Errorf("%v = %d, %q, %q; want %d, %q, %q", tt.args, code, stdout, stderr, tt.wantCode, tt.wantStdout, tt.wantStderr)
		}
	}
	removed = false
	if _, stdout, _ := runApp(withService(m, "/usr/bin/bedtime"), "uninstall"); stdout != "bedtime is not installed as a service; nothing to do\n" {
		t.Errorf("uninstall when not installed said %q", stdout)
	}
	if got, want := strings.Join(calls, " "), "uninstall start restart stop uninstall"; got != want {
		t.Errorf("manager calls = %q, want %q", got, want)
	}
}

func TestStatusCmd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		status   serviceStatus
		next     func(ctx context.Context, configPath string, now time.Time) (string, error)
		wantCode int
	}{
		{"running", installedStatus, nil, 0},
		{"running-next", installedStatus, func(_ context.Context, cfg string, _ time.Time) (string, error) {
			return "calf-stretch at Tue 22:30 (in 38m) from " + cfg, nil
		}, 0},
		{"next-error", installedStatus, func(context.Context, string, time.Time) (string, error) {
			return "", errors.New(`schedule.yaml:3:5: reminder "water": every: want a duration like 2h`)
		}, 0},
		{"failed", serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled", State: "failed",
			UnitPath: installedStatus.UnitPath, ConfigPath: installedStatus.ConfigPath}, nil, statusNotRunning},
		{"not-installed", serviceStatus{Manager: "systemd user unit", UnitPath: installedStatus.UnitPath, State: "inactive, dead"}, nil, statusNotRunning},
		// The package's unit is there, not enabled: install enables it, writes nothing.
		{"package-not-installed", serviceStatus{Manager: "systemd user unit from the package", UnitPath: "/usr/lib/systemd/user/bedtime.service", Enabled: "disabled", State: "inactive, dead"}, nil, statusNotRunning},
		{"xdg-not-installed", serviceStatus{Manager: "XDG autostart entry", UnitPath: "/home/alice/.config/autostart/bedtime.desktop", State: "not installed"}, nil, statusNotRunning},
		{"xdg-running", serviceStatus{Manager: "XDG autostart entry", Installed: true, Enabled: "starts at login", Running: true, PID: 4242,
			Since: "Tue 2025-11-25 21:54:01 UTC", UnitPath: "/home/alice/.config/autostart/bedtime.desktop", ConfigPath: installedStatus.ConfigPath}, nil, 0},
		// The autostart entry's only state is "not running": said once.
		{"xdg-not-running", serviceStatus{Manager: "XDG autostart entry", Installed: true, Enabled: "starts at login", State: "not running",
			UnitPath: "/home/alice/.config/autostart/bedtime.desktop", ConfigPath: installedStatus.ConfigPath}, nil, statusNotRunning},
		{"no-manager", serviceStatus{Manager: "none", State: service.NoManagerError{Found: "launchctl is missing"}.Error()}, nil, statusNotRunning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return tt.status, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.StateDir = t.TempDir() // no daemon holds a lock there
			// These tests run on the real clock: the lines about the next
			// firings are left out (stats_test.go covers them).
			app.NextReminder = tt.next
			if tt.next == nil {
				app.NextReminder = func(context.Context, string, time.Time) (string, error) { return "unknown", nil }
			}
			app.StatusSchedule = func(string) (*config.Schedule, error) { return nil, nil }
			code, stdout, stderr := runApp(app, "status", "--config", "/home/alice/other.yaml")
			if code != tt.wantCode || stderr != "" {
				t.Errorf("status = %d, stderr %q; want %d, nothing", code, stderr, tt.wantCode)
			}
			testutil.Golden(t, "service/status-"+tt.name+".golden", []byte(stdout))
			if strings.Contains(stdout, "not installed") && strings.Contains(stdout, "no supported") {
				t.Errorf("status says both \"not installed\" and that install is impossible:\n%s", stdout)
			}
		})
	}
}

func TestNoManagerErrorIsOneSentence(t *testing.T) {
	t.Parallel()
	msg := service.NoManagerError{Found: "launchctl is missing"}.Error()
	if strings.Count(msg, ". ") > 0 || strings.Contains(msg, "\n") || !strings.Contains(msg, `"bedtime run"`) {
		t.Errorf("message is not one sentence that says to start bedtime run: %q", msg)
	}
}

// TestInstallTray: install --tray installs the service and the tray's
// autostart entry, which runs `bedtime tray` with the same schedule.
func TestInstallTray(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the XDG autostart entry is Linux's; the Run key has its own test")
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	m := &fakeManager{
		InstallFunc: func(context.Context, service.Spec) error { return nil },
		StatusFunc:  func(context.Context) (serviceStatus, error) { return installedStatus, nil },
	}
	sched := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := os.WriteFile(sched, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runApp(withService(m, "/opt/bedtime/bin/bedtime"), "install", "--tray", "--config", sched)
	if code != 0 {
		t.Fatalf("install --tray exited %d: %s", code, stderr)
	}
	entry := filepath.Join(cfg, "autostart", "bedtime-tray.desktop")
	if !strings.Contains(stdout, "installed the tray's autostart "+entry) {
		t.Errorf("install --tray output lacks the entry:\n%s", stdout)
	}
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if want := `Exec="/opt/bedtime/bin/bedtime" "tray" "--config" "` + sched + `"`; !strings.Contains(string(data), want) {
		t.Errorf("entry lacks %s:\n%s", want, data)
	}
}

// TestStartWithoutTheServiceInTheLanguage: start and restart with no
// service installed say so in the person's language, what a manager wraps
// around it kept; it was "cannot start bedtime: bedtime is not installed
// as a service; ..." in English inside the translated sentence.
func TestStartWithoutTheServiceInTheLanguage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ lang, verb, want string }{
		{"de_DE.UTF-8", "start", "bedtime: bedtime lässt sich nicht starten: manager: bedtime ist nicht als Dienst installiert; richte ihn zuerst mit `bedtime install` ein"},
		{"fr_FR.UTF-8", "restart", "manager: bedtime n’est pas installé comme service\u00a0; lancez d’abord «\u00a0bedtime install\u00a0»"},
		{"es_ES.UTF-8", "start", "no está instalado como servicio; ejecuta primero «bedtime install»"},
	} {
		m := &fakeManager{ControlFunc: func(context.Context, string) error {
			return fmt.Errorf("manager: %w", service.ErrNotInstalled)
		}, StatusFunc: func(context.Context) (serviceStatus, error) {
			return serviceStatus{Manager: "XDG autostart entry"}, nil
		}}
		app := withService(m, "/usr/bin/bedtime")
		app.StateDir, app.ConfigPath = t.TempDir(), filepath.Join(t.TempDir(), "none.yaml")
		app.Getenv = func(k string) string { return map[string]string{"LANG": tt.lang}[k] }
		code, _, errOut := runApp(app, tt.verb)
		if code == 0 || strings.Contains(errOut, "not installed as a service") || !strings.Contains(errOut, "manager: ") {
			t.Errorf("%s %s: %d %q", tt.lang, tt.verb, code, errOut)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%s %s: %q lacks %q", tt.lang, tt.verb, errOut, tt.want)
		}
	}
}

// TestStatusNamesTheServicesSchedule: when the service reads another
// schedule than commands in this shell do without --config (the package's
// unit, whose user manager lacks the shell's XDG_CONFIG_HOME), status
// names the service's file and says which one the shell reads, and
// doctor's schedule check points at the service's; when they are the
// same file, neither says more.
func TestStatusNamesTheServicesSchedule(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "dotfiles")
	t.Setenv("XDG_CONFIG_HOME", cfg)
	shell := filepath.Join(cfg, "bedtime", "schedule.yaml")
	pkg := serviceStatus{Manager: "systemd user unit from the package", Installed: true, Enabled: "enabled", State: "inactive, dead",
		UnitPath: "/usr/lib/systemd/user/bedtime.service", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml"}
	for _, tt := range []struct {
		name, service string
		note          bool
	}{
		{"another file", pkg.ConfigPath, true},
		{"the same file", shell, false},
	} {
		st := pkg
		st.ConfigPath = tt.service
		m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
		app := withService(m, "/usr/bin/bedtime")
		app.StateDir = t.TempDir()
		app.Getenv = func(k string) string {
			if k == "LC_ALL" {
				return "C" // English, whatever the machine speaks
			}
			return ""
		}
		app.NextReminder = func(context.Context, string, time.Time) (string, error) { return "unknown", nil }
		app.StatusSchedule = func(string) (*config.Schedule, error) { return nil, nil }
		_, stdout, _ := runApp(app, "status")
		schedule := "  schedule: " + tt.service + "\n"
		note := "            the service reads this file; without --config, commands here read " + shell + "\n"
		if !strings.Contains(stdout, schedule) || strings.Contains(stdout, note) != tt.note {
			t.Errorf("%s: status says\n%s\nwant %q, and %q: %v", tt.name, stdout, schedule, note, tt.note)
		}
		r := checkSchedule(context.Background(), app)
		if said := strings.Contains(r.Detail, "the service reads "+tt.service+", not the default "+shell); said != tt.note {
			t.Errorf("%s: doctor's schedule check says %q, want the service's file named: %v", tt.name, r.Detail, tt.note)
		}
	}
}

// TestInstallAgainWhoseDaemonExitsAtOnce: a re-install (after an upgrade)
// stops the running bedtime to start the new one; when the new one exited
// at once, the manager put the previous unit back but left it stopped,
// and install said nothing of it: the person had no bedtime and did not
// know. The previous one is started again and said to run; when it does
// not run either, install says bedtime is stopped and how to start it.
func TestInstallAgainWhoseDaemonExitsAtOnce(t *testing.T) {
	stopped := serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled", State: "failed", UnitPath: installedStatus.UnitPath}
	again := installedStatus
	again.PID = 5151
	const (
		runsAgain = "The bedtime that ran before the install runs again (pid 5151).\n"
		isStopped = "bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it.\n"
	)
	tests := []struct {
		name         string
		lang         string
		before       serviceStatus
		afterInstall serviceStatus // the previous unit put back
		start        error
		afterStart   serviceStatus
		starts       int // calls of Start
		say          string
	}{
		{name: "the previous one starts again", before: installedStatus, afterInstall: stopped, afterStart: again, starts: 1, say: runsAgain},
		{name: "put back and started by the manager (launchd)", before: installedStatus, afterInstall: again, say: runsAgain},
		{name: "the previous one fails too", before: installedStatus, afterInstall: stopped, start: errors.New("bedtime exited at once"), afterStart: stopped, starts: 1, say: isStopped},
		{name: "started, but exits at once", before: installedStatus, afterInstall: stopped, afterStart: stopped, starts: 1, say: isStopped},
		{name: "not running before", before: stopped, afterInstall: stopped},
		{name: "first install", before: serviceStatus{Manager: "systemd user unit", State: "not installed"}, afterInstall: serviceStatus{Manager: "systemd user unit", State: "not installed"}},
		{name: "in German", lang: "de_DE.UTF-8", before: installedStatus, afterInstall: stopped, afterStart: again, starts: 1,
			say: "Das bedtime, das vor der Installation lief, läuft wieder (PID 5151).\n"},
		{name: "in French", lang: "fr_FR.UTF-8", before: installedStatus, afterInstall: stopped, afterStart: stopped, starts: 1,
			say: "bedtime est maintenant arrêté\u00a0: celui qui tournait avant l’installation n’a pas redémarré non plus. Une fois la cause corrigée, `bedtime start` le démarre.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cur, starts := tt.before, 0
			m := &fakeManager{
				InstallFunc: func(context.Context, service.Spec) error {
					cur = tt.afterInstall
					return errors.New("bedtime exited at once (exit status 1): bedtime: unknown flag --or-builtin")
				},
				ControlFunc: func(_ context.Context, verb string) error {
					if verb != "start" {
						t.Errorf("manager asked to %s", verb)
					}
					starts++
					cur = tt.afterStart
					return tt.start
				},
				StatusFunc: func(context.Context) (serviceStatus, error) { return cur, nil },
			}
			schedule := filepath.Join(t.TempDir(), "schedule.yaml")
			if err := config.WriteFile(schedule, []byte("reminders: {}\n")); err != nil {
				t.Fatal(err)
			}
			app := withService(m, "/usr/bin/bedtime")
			app.StateDir = t.TempDir()
			app.Getenv = func(k string) string { return map[string]string{"LANG": tt.lang}[k] }
			code, stdout, stderr := runApp(app, "install", "--config", schedule)
			lines := strings.SplitAfterN(stderr, "\n", 2)
			if code != 1 || stdout != "" || len(lines) != 2 || !strings.Contains(lines[0], "bedtime exited at once") || lines[1] != tt.say {
				t.Errorf("install = %d, stdout %q, stderr:\n%s\nwant 1, nothing, the install's error, then %q", code, stdout, stderr, tt.say)
			}
			if starts != tt.starts {
				t.Errorf("Start called %d times, want %d", starts, tt.starts)
			}
		})
	}
}
