//go:build linux

package service

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// fakeSystemctlScript records each call's arguments, one line per call, and
// fails the verb named in $FAKE_SYSTEMCTL_FAIL with a message on stderr, as
// systemctl does. "show" prints the file $FAKE_SYSTEMCTL_SHOW,
// "show-environment" the file $FAKE_SYSTEMCTL_ENV.
const fakeSystemctlScript = `#!/bin/sh
echo "$*" >> "$FAKE_SYSTEMCTL_LOG"
verb=
for a in "$@"; do case "$a" in -*) ;; *) verb=$a; break;; esac; done
if [ -n "$FAKE_SYSTEMCTL_FAIL" ] && [ "$verb" = "$FAKE_SYSTEMCTL_FAIL" ]; then
	echo "Failed to $verb bedtime.service: injected by the test" >&2
	exit 1
fi
if [ "$verb" = show ] && [ -n "$FAKE_SYSTEMCTL_SHOW" ]; then cat "$FAKE_SYSTEMCTL_SHOW"; fi
if [ "$verb" = show-environment ] && [ -n "$FAKE_SYSTEMCTL_ENV" ]; then cat "$FAKE_SYSTEMCTL_ENV"; fi
exit 0
`

// fakeSystemd is a temporary home with a fake systemctl first on PATH.
type fakeSystemd struct {
	t        *testing.T
	home     string
	log      string
	schedule string // $XDG_CONFIG_HOME/bedtime/schedule.yaml
	m        *systemdManager
}

func newFakeSystemd(t *testing.T) *fakeSystemd {
	t.Helper()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	bin := filepath.Join(dir, "bin")
	for _, d := range []string{home, bin} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(bin, "systemctl"), []byte(fakeSystemctlScript), 0o755); err != nil {
		t.Fatal(err)
	}
	f := &fakeSystemd{t: t, home: home, log: filepath.Join(dir, "calls.log"),
		schedule: filepath.Join(home, ".config", "bedtime", "schedule.yaml")}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(home, ".local", "state"))
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("FAKE_SYSTEMCTL_LOG", f.log)
	t.Setenv("FAKE_SYSTEMCTL_FAIL", "")
	t.Setenv("FAKE_SYSTEMCTL_SHOW", "")
	t.Setenv("FAKE_SYSTEMCTL_ENV", "")
	sys, err := systemdSystem()
	if err != nil {
		t.Fatal(err)
	}
	f.m = &systemdManager{system: sys, opts: Options{StateDir: filepath.Join(home, ".local", "state", "bedtime"), StopTimeout: 5 * time.Second}}
	return f
}

// fail makes the fake fail verb ("" for none).
func (f *fakeSystemd) fail(verb string) { f.t.Setenv("FAKE_SYSTEMCTL_FAIL", verb) }

// show makes the fake's "show" print props.
func (f *fakeSystemd) show(props string) {
	p := filepath.Join(filepath.Dir(f.log), "show.txt")
	if err := os.WriteFile(p, []byte(props), 0o600); err != nil {
		f.t.Fatal(err)
	}
	f.t.Setenv("FAKE_SYSTEMCTL_SHOW", p)
}

// managerEnv makes the fake's "show-environment" print env, the user
// manager's environment.
func (f *fakeSystemd) managerEnv(env string) {
	p := filepath.Join(filepath.Dir(f.log), "environment.txt")
	if err := os.WriteFile(p, []byte(env), 0o600); err != nil {
		f.t.Fatal(err)
	}
	f.t.Setenv("FAKE_SYSTEMCTL_ENV", p)
}

// calls returns the recorded calls and forgets them.
func (f *fakeSystemd) calls() []string {
	data, err := os.ReadFile(f.log)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		f.t.Fatal(err)
	}
	os.Remove(f.log)
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

func (f *fakeSystemd) unitPath() string {
	return filepath.Join(f.home, ".config", "systemd", "user", "bedtime.service")
}

func (f *fakeSystemd) unit() (string, bool) {
	data, err := os.ReadFile(f.unitPath())
	if errors.Is(err, os.ErrNotExist) {
		return "", false
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return string(data), true
}

func sameCalls(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("systemctl calls:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// installCalls are the calls of a successful install: ours, then
// kardianos/service's two (its argument order), then ours.
var installCalls = []string{
	"--user show-environment",
	"enable --user bedtime.service",
	"daemon-reload --user",
	"--user reset-failed bedtime.service",
	"--user restart bedtime.service",
}

var (
	plainSpec   = Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml"}
	oddSpec     = Spec{Executable: `/opt/my apps/100% $bed/bedtime`, ConfigPath: `/home/bob/My "night" $HOME\notes/50% schedule.yaml`}
	defaultSpec = Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml", OrBuiltin: true}
)

func TestSystemdUnitGolden(t *testing.T) {
	tests := []struct {
		name string
		spec Spec
	}{
		{"plain", plainSpec},
		{"odd-paths", oddSpec},
		{"default-path", defaultSpec},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSystemd(t)
			if err := f.m.Install(context.Background(), tt.spec); err != nil {
				t.Fatalf("Install: %v", err)
			}
			unit, ok := f.unit()
			if !ok {
				t.Fatal("Install wrote no unit")
			}
			testutil.Golden(t, tt.name+".service.golden", []byte(unit))
			if got, want := configFromUnit(unit), tt.spec.ConfigPath; got != want {
				t.Errorf("configFromUnit = %q, want %q", got, want)
			}
		})
	}
}

// TestSystemdUnitVerifies runs the real systemd-analyze on rendered units.
// The unit with a missing binary shows that the check can fail.
func TestSystemdUnitVerifies(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Fatal("systemd-analyze is needed (Debian package systemd): ", err)
	}
	tests := []struct {
		name      string
		exe       string // under the temporary dir
		createExe bool
		wantOK    bool
		orBuiltin bool
	}{
		{"plain", "bin/bedtime", true, true, false},
		{"odd-paths", `my apps/100% $x/bedtime`, true, true, false},
		{"default-path", "bin/bedtime", true, true, true},
		{"missing-binary", "bin/bedtime", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSystemd(t)
			exe := filepath.Join(t.TempDir(), tt.exe)
			if tt.createExe {
				if err := os.MkdirAll(filepath.Dir(exe), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(exe, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.m.Install(context.Background(), Spec{Executable: exe, ConfigPath: oddSpec.ConfigPath, OrBuiltin: tt.orBuiltin}); err != nil {
				t.Fatalf("Install: %v", err)
			}
			runtime := t.TempDir()
			if err := os.Chmod(runtime, 0o700); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(analyze, "verify", "--user", f.unitPath())
			cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtime, "SYSTEMD_LOG_COLOR=0")
			out, err := cmd.CombinedOutput()
			if tt.wantOK && (err != nil || len(bytes.TrimSpace(out)) > 0) {
				t.Errorf("systemd-analyze verify --user: %v\n%s", err, out)
			}
			if !tt.wantOK && err == nil {
				t.Errorf("systemd-analyze verify --user passed a unit whose binary %s does not exist", exe)
			}
		})
	}
}

func TestSystemdInstall(t *testing.T) {
	f := newFakeSystemd(t)
	if err := f.m.Install(context.Background(), plainSpec); err != nil {
		t.Fatalf("Install: %v", err)
	}
	sameCalls(t, f.calls(), installCalls)
	unit, ok := f.unit()
	if !ok {
		t.Fatal("no unit after Install")
	}
	want := `ExecStart=/usr/local/bin/bedtime "run" "--config" "/home/alice/.config/bedtime/schedule.yaml"`
	if !strings.Contains(unit, want+"\n") {
		t.Errorf("unit lacks %q:\n%s", want, unit)
	}
}

// TestSystemdReinstall checks that installing again updates the unit to the
// new binary and schedule, with the same calls, instead of failing.
func TestSystemdReinstall(t *testing.T) {
	f := newFakeSystemd(t)
	if err := f.m.Install(context.Background(), oddSpec); err != nil {
		t.Fatalf("first Install: %v", err)
	}
	f.calls()
	if err := f.m.Install(context.Background(), plainSpec); err != nil {
		t.Fatalf("second Install: %v", err)
	}
	sameCalls(t, f.calls(), installCalls)
	unit, _ := f.unit()
	if got, want := configFromUnit(unit), plainSpec.ConfigPath; got != want {
		t.Errorf("config after re-install = %q, want %q", got, want)
	}
	if !strings.Contains(unit, "ExecStart=/usr/local/bin/bedtime ") {
		t.Errorf("unit does not run the new binary:\n%s", unit)
	}
}

// TestSystemdUnitRunsTheDaemon: with a bedtime-daemon beside bedtime, the
// unit runs it, with the arguments of "bedtime run"; status reads the
// schedule back from either form of the unit, and install over a unit of
// the older form (bedtime run) rewrites it to run bedtime-daemon, and back
// when the daemon is gone.
func TestSystemdUnitRunsTheDaemon(t *testing.T) {
	ctx := context.Background()
	daemonSpec := Spec{Executable: "/usr/local/bin/bedtime", Daemon: "/usr/local/bin/bedtime-daemon",
		ConfigPath: "/home/alice/.config/bedtime/schedule.yaml", OrBuiltin: true}
	f := newFakeSystemd(t)
	f.show("UnitFileState=enabled\nActiveState=active\nSubState=running\nMainPID=42\n")
	for _, tt := range []struct {
		spec Spec
		want string // the ExecStart line
	}{
		{defaultSpec, `ExecStart=/usr/local/bin/bedtime "run" "--config" "/home/alice/.config/bedtime/schedule.yaml" "--or-builtin"`},
		{daemonSpec, `ExecStart=/usr/local/bin/bedtime-daemon "run" "--config" "/home/alice/.config/bedtime/schedule.yaml" "--or-builtin"`},
		{defaultSpec, `ExecStart=/usr/local/bin/bedtime "run" "--config" "/home/alice/.config/bedtime/schedule.yaml" "--or-builtin"`},
	} {
		if err := f.m.Install(ctx, tt.spec); err != nil {
			t.Fatalf("Install %+v: %v", tt.spec, err)
		}
		sameCalls(t, f.calls(), installCalls)
		unit, _ := f.unit()
		if !strings.Contains(unit, "\n"+tt.want+"\n") {
			t.Errorf("after installing %+v the unit lacks %s:\n%s", tt.spec, tt.want, unit)
		}
		if got := programFromUnit(unit); got != tt.spec.Program() {
			t.Errorf("the unit reads back as running %q, want %q", got, tt.spec.Program())
		}
		st, err := f.m.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !st.Installed || !st.Running || st.ConfigPath != tt.spec.ConfigPath {
			t.Errorf("status of the unit running %s = %+v, want installed, running, schedule %s", tt.spec.Program(), st, tt.spec.ConfigPath)
		}
		f.calls()
	}
	// The unit systemd checks: bedtime-daemon beside bedtime.
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Fatal("systemd-analyze is needed (Debian package systemd): ", err)
	}
	dir := filepath.Join(t.TempDir(), "my apps", "100% $x")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bedtime", DaemonName} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "bedtime")
	spec := Spec{Executable: exe, Daemon: daemonBeside(t, exe), ConfigPath: oddSpec.ConfigPath}
	if spec.Daemon != filepath.Join(dir, DaemonName) {
		t.Fatalf("DaemonBeside(%s) = %q", exe, spec.Daemon)
	}
	if err := f.m.Install(ctx, spec); err != nil {
		t.Fatalf("Install: %v", err)
	}
	runtime := t.TempDir()
	if err := os.Chmod(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(analyze, "verify", "--user", f.unitPath())
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtime, "SYSTEMD_LOG_COLOR=0")
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify --user: %v\n%s", err, out)
	}
	if unit, _ := f.unit(); programFromUnit(unit) != spec.Daemon || configFromUnit(unit) != spec.ConfigPath {
		t.Errorf("the unit runs %q with --config %q, want %q with %q", programFromUnit(unit), configFromUnit(unit), spec.Daemon, spec.ConfigPath)
	}
}

// TestSystemdInstallFailure checks that a failing systemctl step is reported
// with systemctl's message and leaves no unit behind (or the previous one).
func TestSystemdInstallFailure(t *testing.T) {
	tests := []struct {
		verb      string
		wantCalls []string
	}{
		{"show-environment", []string{"--user show-environment"}},
		{"enable", []string{
			"--user show-environment",
			"enable --user bedtime.service",
			"--user enable bedtime.service", // again, for its stderr
			"--user disable bedtime.service",
			"--user daemon-reload",
		}},
		{"daemon-reload", []string{
			"--user show-environment",
			"enable --user bedtime.service",
			"daemon-reload --user",
			"--user enable bedtime.service",
			"--user daemon-reload", // again, for its stderr
			"--user disable bedtime.service",
			"--user daemon-reload",
		}},
		{"restart", []string{
			"--user show-environment",
			"enable --user bedtime.service",
			"daemon-reload --user",
			"--user reset-failed bedtime.service",
			"--user restart bedtime.service",
			showStartCall, // what became of the daemon: nothing it says here
			"--user disable bedtime.service",
			"--user daemon-reload",
		}},
	}
	for _, tt := range tests {
		t.Run("fresh/"+tt.verb, func(t *testing.T) {
			f := newFakeSystemd(t)
			f.fail(tt.verb)
			err := f.m.Install(context.Background(), plainSpec)
			if err == nil {
				t.Fatal("Install succeeded with a failing systemctl " + tt.verb)
			}
			if want := "Failed to " + tt.verb + " bedtime.service: injected by the test"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks systemctl's message %q", err, want)
			}
			sameCalls(t, f.calls(), tt.wantCalls)
			if unit, ok := f.unit(); ok {
				t.Errorf("a failed install left a unit behind:\n%s", unit)
			}
		})
		t.Run("reinstall/"+tt.verb, func(t *testing.T) {
			f := newFakeSystemd(t)
			if err := f.m.Install(context.Background(), oddSpec); err != nil {
				t.Fatalf("first Install: %v", err)
			}
			before, _ := f.unit()
			f.fail(tt.verb)
			if err := f.m.Install(context.Background(), plainSpec); err == nil {
				t.Fatal("Install succeeded with a failing systemctl " + tt.verb)
			}
			if after, ok := f.unit(); after != before || !ok {
				t.Errorf("a failed re-install did not restore the previous unit:\n%s\nwant:\n%s", after, before)
			}
		})
	}
	for _, exe := range []string{`/opt/"bed"/bedtime`, `/opt/it's/bedtime`, `/opt/a\b/bedtime`, "/opt/a\tb/bedtime"} {
		t.Run("binary "+exe, func(t *testing.T) {
			f := newFakeSystemd(t)
			err := f.m.Install(context.Background(), Spec{Executable: exe, ConfigPath: plainSpec.ConfigPath})
			if err == nil || !strings.Contains(err.Error(), "systemd cannot run a binary whose path contains") {
				t.Errorf("Install = %v, want a refusal of the binary's path", err)
			}
			sameCalls(t, f.calls(), nil)
			if _, ok := f.unit(); ok {
				t.Error("Install wrote a unit for a binary systemd cannot run")
			}
		})
	}
	t.Run("no systemctl", func(t *testing.T) {
		f := newFakeSystemd(t)
		t.Setenv("PATH", t.TempDir())
		err := f.m.Install(context.Background(), plainSpec)
		var nsm NoManagerError
		if !errors.As(err, &nsm) {
			t.Fatalf("Install without systemctl: %v, want a NoManagerError", err)
		}
		if _, ok := f.unit(); ok {
			t.Error("Install without systemctl wrote a unit")
		}
	})
}

func TestSystemdUninstall(t *testing.T) {
	f := newFakeSystemd(t)
	// The user's schedule and state, which uninstall must keep.
	state := filepath.Join(f.home, ".local", "state", "bedtime", "history.jsonl")
	for _, p := range []string{f.schedule, state} {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("keep me\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.m.Install(context.Background(), plainSpec); err != nil {
		t.Fatalf("Install: %v", err)
	}
	f.calls()

	t.Run("disable fails", func(t *testing.T) {
		f.fail("disable")
		defer f.fail("")
		removed, err := f.m.Uninstall(context.Background())
		if err == nil || !strings.Contains(err.Error(), "Failed to disable bedtime.service: injected by the test") {
			t.Errorf("Uninstall = %v, %v; want systemctl's message", removed, err)
		}
		if _, ok := f.unit(); !ok {
			t.Error("a failed uninstall removed the unit, leaving the service enabled without it")
		}
		f.calls()
	})

	removed, err := f.m.Uninstall(context.Background())
	if err != nil || !removed {
		t.Fatalf("Uninstall = %v, %v; want true, nil", removed, err)
	}
	sameCalls(t, f.calls(), []string{
		"--user disable --now bedtime.service",
		"--user reset-failed bedtime.service",
		"--user daemon-reload",
	})
	if _, ok := f.unit(); ok {
		t.Error("unit still there after Uninstall")
	}
	for _, p := range []string{f.schedule, state} {
		if data, err := os.ReadFile(p); err != nil || string(data) != "keep me\n" {
			t.Errorf("Uninstall touched %s: %q, %v", p, data, err)
		}
	}

	removed, err = f.m.Uninstall(context.Background())
	if err != nil || removed {
		t.Errorf("second Uninstall = %v, %v; want false, nil", removed, err)
	}
	sameCalls(t, f.calls(), nil)
}

func TestSystemdControl(t *testing.T) {
	f := newFakeSystemd(t)
	ctx := context.Background()
	for _, do := range []func(context.Context) error{f.m.Start, f.m.Restart} {
		if err := do(ctx); !errors.Is(err, ErrNotInstalled) {
			t.Errorf("control before install = %v, want ErrNotInstalled", err)
		}
	}
	// Stop without a unit stops a daemon started by hand; there is none.
	if err := f.m.Stop(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Stop before install with nothing running = %v, want ErrNotRunning", err)
	}
	sameCalls(t, f.calls(), nil)
	if err := f.m.Install(ctx, plainSpec); err != nil {
		t.Fatal(err)
	}
	f.calls()
	for _, do := range []func(context.Context) error{f.m.Start, f.m.Stop, f.m.Restart} {
		if err := do(ctx); err != nil {
			t.Error(err)
		}
	}
	sameCalls(t, f.calls(), []string{
		"--user reset-failed bedtime.service",
		"--user start bedtime.service",
		"--user stop bedtime.service",
		"--user reset-failed bedtime.service",
		"--user restart bedtime.service",
	})
	f.fail("start")
	if err := f.m.Start(ctx); err == nil || !strings.Contains(err.Error(), "Failed to start bedtime.service: injected by the test") {
		t.Errorf("Start with failing systemctl = %v, want its message", err)
	}
}

func TestSystemdStatus(t *testing.T) {
	const showCall = "--user show --property=UnitFileState,ActiveState,SubState,MainPID,ActiveEnterTimestamp bedtime.service"
	tests := []struct {
		name    string
		install bool
		props   string
		want    Status
	}{
		{
			name:    "running",
			install: true,
			props:   "MainPID=4242\nActiveState=active\nSubState=running\nActiveEnterTimestamp=Tue 2025-11-25 21:54:01 UTC\nUnitFileState=enabled\n",
			want: Status{Installed: true, Enabled: "enabled", Running: true, PID: 4242,
				Since: "Tue 2025-11-25 21:54:01 UTC", Started: time.Date(2025, 11, 25, 21, 54, 1, 0, time.UTC),
				State: "active, running", ConfigPath: plainSpec.ConfigPath},
		},
		{
			name:    "failed",
			install: true,
			props:   "MainPID=0\nActiveState=failed\nSubState=failed\nActiveEnterTimestamp=Tue 2025-11-25 21:54:01 UTC\nUnitFileState=enabled\n",
			want:    Status{Installed: true, Enabled: "enabled", State: "failed", ConfigPath: plainSpec.ConfigPath},
		},
		{
			name:  "not installed",
			props: "MainPID=0\nActiveState=inactive\nSubState=dead\nActiveEnterTimestamp=\nUnitFileState=\n",
			want:  Status{State: "inactive, dead"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSystemd(t)
			if tt.install {
				if err := f.m.Install(context.Background(), plainSpec); err != nil {
					t.Fatal(err)
				}
				f.calls()
			}
			f.show(tt.props)
			got, err := f.m.Status(context.Background())
			if err != nil {
				t.Fatalf("Status: %v", err)
			}
			sameCalls(t, f.calls(), []string{showCall})
			tt.want.Manager, tt.want.UnitPath = "systemd user unit", f.unitPath()
			if !got.Started.Equal(tt.want.Started) {
				t.Errorf("Started = %v, want %v", got.Started, tt.want.Started)
			}
			got.Started, tt.want.Started = time.Time{}, time.Time{}
			if got != tt.want {
				t.Errorf("Status =\n  %+v\nwant\n  %+v", got, tt.want)
			}
		})
	}
}

func TestSplitExecStart(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`/usr/bin/bedtime "run" "--config" "/a b/c.yaml"`, []string{"/usr/bin/bedtime", "run", "--config", "/a b/c.yaml"}},
		{`/opt/my\x20apps/100%%\x20b/bedtime "x"`, []string{"/opt/my apps/100% b/bedtime", "x"}},
		{`/b "say \"hi\" \\ $$HOME"`, []string{"/b", `say "hi" \ $HOME`}},
		{`/b  plain   words`, []string{"/b", "plain", "words"}},
	}
	for _, tt := range tests {
		if got := splitExecStart(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitExecStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestChooseSaysWhy: without a systemd user manager the XDG autostart entry
// is chosen, and says why (install prints it); with one, the unit.
func TestChooseSaysWhy(t *testing.T) {
	f := newFakeSystemd(t)
	f.fail("show-environment")
	m := choose(context.Background(), f.m.opts)
	x, ok := m.(*xdgManager)
	if !ok {
		t.Fatalf("choose without a user manager = %T, want the XDG autostart entry", m)
	}
	st, err := x.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(st.Why, "chosen because no systemd user manager answers: ") || !strings.Contains(st.Why, "injected by the test") {
		t.Errorf("Status.Why = %q, want systemctl's own message", st.Why)
	}
	f.fail("")
	if m := choose(context.Background(), f.m.opts); func() bool { _, ok := m.(*systemdManager); return !ok }() {
		t.Errorf("choose with a user manager = %T, want the systemd unit", m)
	}
}

// TestSystemdStopByHand: bedtime stop ends a bedtime run started by hand
// whether or not the unit is installed (install and "bedtime run" tell the
// person to run it to end one); with the unit installed and nothing
// running it is no error, as "systemctl stop" of a stopped unit.
func TestSystemdStopByHand(t *testing.T) {
	tests := []struct {
		name      string
		installed bool
		byHand    bool
		wantErr   error
		wantCalls []string
	}{
		{"installed, run by hand", true, true, nil, []string{"--user stop bedtime.service"}},
		{"installed, nothing runs", true, false, nil, []string{"--user stop bedtime.service"}},
		{"not installed, run by hand", false, true, nil, nil},
		{"not installed, nothing runs", false, false, ErrNotRunning, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSystemd(t)
			f.m.opts = testOptions(t)
			ctx := testContext(t)
			if tt.installed {
				if err := f.m.Install(ctx, plainSpec); err != nil {
					t.Fatal(err)
				}
				f.calls()
			}
			var exited chan error
			if tt.byHand {
				cmd := startByHand(t, f.m.opts, "1")
				exited = make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
			}
			if err := f.m.Stop(ctx); !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("Stop = %v, want %v", err, tt.wantErr)
			}
			sameCalls(t, f.calls(), tt.wantCalls)
			if _, _, ok := f.m.opts.running(); ok {
				t.Fatal("Stop returned while a daemon still holds the lock")
			}
			if exited != nil {
				waitExitedClean(t, exited)
			}
		})
	}
}

// TestSystemdUninstallStopsRunByHand: uninstall says bedtime is stopped,
// so a bedtime run started by hand beside the installed unit is stopped
// too, as the XDG manager's uninstall does.
func TestSystemdUninstallStopsRunByHand(t *testing.T) {
	f := newFakeSystemd(t)
	f.m.opts = testOptions(t)
	ctx := testContext(t)
	if err := f.m.Install(ctx, plainSpec); err != nil {
		t.Fatal(err)
	}
	cmd := startByHand(t, f.m.opts, "1")
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if removed, err := f.m.Uninstall(ctx); err != nil || !removed {
		t.Fatalf("Uninstall = %v, %v; want true, nil", removed, err)
	}
	if _, _, ok := f.m.opts.running(); ok {
		t.Fatal("Uninstall returned while the daemon started by hand still holds the lock")
	}
	waitExitedClean(t, exited)
}

// waitExitedClean waits, at most 5 s, for the daemon started by hand to
// exit cleanly on the SIGTERM it was sent (its Wait's error on exited).
func waitExitedClean(t *testing.T, exited <-chan error) {
	t.Helper()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the daemon did not exit cleanly on SIGTERM: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the daemon started by hand did not exit")
	}
}
