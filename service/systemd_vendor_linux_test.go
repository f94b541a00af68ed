//go:build linux

package service

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestRenderUnitMatchesKardianos checks that the package's unit and the unit
// install writes come from one template: renderUnit, given what install gives
// kardianos/service, writes what kardianos/service writes.
func TestRenderUnitMatchesKardianos(t *testing.T) {
	for _, spec := range []Spec{plainSpec, oddSpec} {
		f := newFakeSystemd(t)
		if err := f.m.Install(context.Background(), spec); err != nil {
			t.Fatalf("Install: %v", err)
		}
		want, _ := f.unit()
		c := kardianosConfig(spec)
		got, err := renderUnit(systemdUnitTemplate, c.Executable, c.Arguments)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("renderUnit for %+v:\n%s\nkardianos/service wrote:\n%s", spec, got, want)
		}
	}
}

func TestVendorUnitGolden(t *testing.T) {
	unit, err := VendorUnit()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "vendor.service.golden", []byte(unit))
	if !strings.Contains(unit, "\nExecStart=/usr/bin/bedtime-daemon \"run\"\n") {
		t.Errorf("the package's unit does not run /usr/bin/bedtime-daemon run:\n%s", unit)
	}
	if got := programFromUnit(unit); got != VendorDaemon {
		t.Errorf("the package's unit reads back as running %q, want %q", got, VendorDaemon)
	}
}

func TestRenderUnitErrors(t *testing.T) {
	for _, tmpl := range []string{"{{Path", "{{range Arguments}}x", "{{Nope}}", "{{Path | nope}}"} {
		if _, err := renderUnit(tmpl, "/x", nil); err == nil {
			t.Errorf("renderUnit(%q) gave no error", tmpl)
		}
	}
}

// withVendor gives f a package's unit and programs of its own and returns
// the spec that runs the package's bedtime-daemon on the default schedule.
func (f *fakeSystemd) withVendor() Spec {
	f.t.Helper()
	spec := f.withVendorRunning(DaemonName)
	spec.Daemon = filepath.Join(filepath.Dir(spec.Executable), DaemonName)
	return spec
}

// withVendorRunning gives f a package's unit that runs program (bedtime,
// as a package's unit did before there was a bedtime-daemon, or
// bedtime-daemon) in a directory of its own, and returns the spec of
// that directory's bedtime on the default schedule, with no Daemon.
func (f *fakeSystemd) withVendorRunning(program string) Spec {
	f.t.Helper()
	dir := filepath.Join(filepath.Dir(f.home), "usr")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.t.Fatal(err)
	}
	f.m.vendorUnit = filepath.Join(dir, "bedtime.service")
	unit, err := vendorUnitRunning(filepath.Join(dir, program))
	if err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(f.m.vendorUnit, []byte(unit), 0o644); err != nil {
		f.t.Fatal(err)
	}
	return Spec{Executable: filepath.Join(dir, "bedtime"), ConfigPath: f.schedule}
}

func (f *fakeSystemd) vendorFileKept() {
	f.t.Helper()
	if data, err := os.ReadFile(f.m.vendorUnit); err != nil || !strings.HasPrefix(string(data), vendorUnitHeader) {
		f.t.Errorf("the package's unit was changed: %q, %v", data, err)
	}
}

var vendorInstallCalls = []string{
	"--user show-environment",
	// Which schedule the package's unit would read: the manager's
	// environment and the unit's Environment=.
	"--user show-environment",
	"--user show --property=Environment bedtime.service",
	"--user daemon-reload",
	"--user enable bedtime.service",
	"--user restart bedtime.service",
}

func TestSystemdVendorInstall(t *testing.T) {
	ctx := context.Background()
	t.Run("enables the package's unit", func(t *testing.T) {
		f := newFakeSystemd(t)
		spec := f.withVendor()
		if err := f.m.Install(ctx, spec); err != nil {
			t.Fatalf("Install: %v", err)
		}
		sameCalls(t, f.calls(), vendorInstallCalls)
		if _, ok := f.unit(); ok {
			t.Error("install wrote a unit of its own beside the package's")
		}
		f.vendorFileKept()
	})
	t.Run("removes its own older unit, which would hide the package's", func(t *testing.T) {
		f := newFakeSystemd(t)
		spec := f.withVendor()
		if err := f.m.Install(ctx, plainSpec); err != nil {
			t.Fatal(err)
		}
		f.calls()
		if err := f.m.Install(ctx, spec); err != nil {
			t.Fatalf("Install: %v", err)
		}
		sameCalls(t, f.calls(), vendorInstallCalls)
		if _, ok := f.unit(); ok {
			t.Error("the home directory's unit is still there, hiding the package's")
		}
	})
	t.Run("a failed start puts the old unit back", func(t *testing.T) {
		f := newFakeSystemd(t)
		spec := f.withVendor()
		if err := f.m.Install(ctx, plainSpec); err != nil {
			t.Fatal(err)
		}
		before, _ := f.unit()
		f.calls()
		f.fail("restart")
		err := f.m.Install(ctx, spec)
		if err == nil || !strings.Contains(err.Error(), "Failed to restart bedtime.service: injected by the test") {
			t.Fatalf("Install = %v, want systemctl's message", err)
		}
		sameCalls(t, f.calls(), append(vendorInstallCalls, showStartCall, "--user disable bedtime.service", "--user daemon-reload"))
		if after, ok := f.unit(); !ok || after != before {
			t.Errorf("the previous unit was not restored: %q", after)
		}
		f.vendorFileKept()
	})
	t.Run("another schedule or binary gets a unit of its own", func(t *testing.T) {
		for _, spec := range []Spec{plainSpec, {Executable: filepath.Join(t.TempDir(), "bedtime"), ConfigPath: "/elsewhere/schedule.yaml"}} {
			f := newFakeSystemd(t)
			vendor := f.withVendor()
			if spec.Executable != plainSpec.Executable {
				spec.Executable, spec.Daemon = vendor.Executable, vendor.Daemon
			}
			if err := f.m.Install(ctx, spec); err != nil {
				t.Fatalf("Install: %v", err)
			}
			want := installCalls
			if spec.Executable == vendor.Executable {
				want = append(vendorInstallCalls[:3:3], installCalls[1:]...)
			}
			sameCalls(t, f.calls(), want)
			if unit, ok := f.unit(); !ok || configFromUnit(unit) != spec.ConfigPath {
				t.Errorf("no unit of its own for %+v: %q", spec, unit)
			}
		}
	})
}

// TestSystemdVendorUnitForms: install enables the package's unit when it
// runs the program install would run, in either of its forms: a package's
// bedtime-daemon, or (a package from before there was one) its bedtime.
// When they differ, a unit of install's own runs what is there.
func TestSystemdVendorUnitForms(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name       string
		unitRuns   string // what the package's unit runs
		withDaemon bool   // a bedtime-daemon beside the bedtime install runs from
		vendor     bool
	}{
		{"the package's unit runs bedtime-daemon, which is there", DaemonName, true, true},
		{"the package's unit runs bedtime-daemon, which is not there", DaemonName, false, false},
		{"an older package's unit runs bedtime", "bedtime", false, true},
		{"an older package's unit runs bedtime, and a bedtime-daemon is there", "bedtime", true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSystemd(t)
			spec := f.withVendorRunning(tt.unitRuns)
			if tt.withDaemon {
				spec.Daemon = filepath.Join(filepath.Dir(spec.Executable), DaemonName)
			}
			if err := f.m.Install(ctx, spec); err != nil {
				t.Fatalf("Install: %v", err)
			}
			unit, own := f.unit()
			if own == tt.vendor {
				t.Fatalf("a unit of its own: %v, want %v", own, !tt.vendor)
			}
			if tt.vendor {
				sameCalls(t, f.calls(), vendorInstallCalls)
				f.vendorFileKept()
				return
			}
			sameCalls(t, f.calls(), installCalls)
			if programFromUnit(unit) != spec.Program() || configFromUnit(unit) != spec.ConfigPath {
				t.Errorf("its own unit runs %q --config %q, want %q --config %q", programFromUnit(unit), configFromUnit(unit), spec.Program(), spec.ConfigPath)
			}
		})
	}
}

func TestSystemdVendorUninstall(t *testing.T) {
	ctx := context.Background()
	f := newFakeSystemd(t)
	f.withVendor()
	f.show("UnitFileState=disabled\n")
	if removed, err := f.m.Uninstall(ctx); err != nil || removed {
		t.Errorf("Uninstall of a disabled package unit = %v, %v; want false, nil", removed, err)
	}
	sameCalls(t, f.calls(), []string{"--user show --property=UnitFileState bedtime.service"})

	f.show("UnitFileState=enabled\n")
	if removed, err := f.m.Uninstall(ctx); err != nil || !removed {
		t.Errorf("Uninstall = %v, %v; want true, nil", removed, err)
	}
	sameCalls(t, f.calls(), []string{
		"--user show --property=UnitFileState bedtime.service",
		"--user disable --now bedtime.service",
		"--user reset-failed bedtime.service",
	})
	f.vendorFileKept()
}

func TestSystemdVendorControlAndStatus(t *testing.T) {
	ctx := context.Background()
	f := newFakeSystemd(t)
	f.withVendor()
	f.show("UnitFileState=disabled\nActiveState=inactive\nSubState=dead\nMainPID=0\n")
	if err := f.m.Start(ctx); err != ErrNotInstalled {
		t.Errorf("Start of a disabled package unit = %v, want ErrNotInstalled", err)
	}
	st, err := f.m.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Installed || st.Manager != vendorManager || st.UnitPath != f.m.vendorUnit {
		t.Errorf("Status of a disabled package unit = %+v", st)
	}
	f.calls()

	f.show("UnitFileState=enabled\nActiveState=active\nSubState=running\nMainPID=42\nActiveEnterTimestamp=Tue 2025-11-25 21:54:01 UTC\n")
	if err := f.m.Restart(ctx); err != nil {
		t.Errorf("Restart: %v", err)
	}
	st, err = f.m.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Status{Manager: vendorManager, UnitPath: f.m.vendorUnit, Installed: true, Enabled: "enabled", Running: true,
		PID: 42, Since: "Tue 2025-11-25 21:54:01 UTC", State: "active, running", ConfigPath: f.schedule}
	if !st.Started.Equal(time.Date(2025, 11, 25, 21, 54, 1, 0, time.UTC)) {
		t.Errorf("Started = %v, want 2025-11-25T21:54:01Z", st.Started)
	}
	st.Started = time.Time{}
	if st != want {
		t.Errorf("Status =\n  %+v\nwant\n  %+v", st, want)
	}
}

// TestSystemdVendorScheduleOfTheManager: the package's unit has no
// --config, so it reads the default schedule of the user manager's
// environment, not of the shell's. A shell whose XDG_CONFIG_HOME the
// manager lacks gets a unit of its own from install, with its schedule;
// status names the file the service reads: the running daemon's, or the
// one the manager (and the unit's Environment=) would give a start now.
func TestSystemdVendorScheduleOfTheManager(t *testing.T) {
	ctx := context.Background()
	t.Run("install", func(t *testing.T) {
		for _, tt := range []struct {
			name, env string
			vendor    bool
		}{
			{"the manager lacks the shell's XDG_CONFIG_HOME", "HOME=%h\nLANG=C.UTF-8\n", false},
			{"the manager has it", "HOME=%h\nXDG_CONFIG_HOME=%s\n", true},
		} {
			f := newFakeSystemd(t)
			spec := f.withVendor()
			shell := filepath.Join(f.home, "dotfiles", "config")
			t.Setenv("XDG_CONFIG_HOME", shell)
			spec.ConfigPath = filepath.Join(shell, "bedtime", "schedule.yaml")
			f.managerEnv(strings.NewReplacer("%h", f.home, "%s", shell).Replace(tt.env))
			if err := f.m.Install(ctx, spec); err != nil {
				t.Fatalf("%s: Install: %v", tt.name, err)
			}
			unit, own := f.unit()
			if own == tt.vendor || own && configFromUnit(unit) != spec.ConfigPath {
				t.Errorf("%s: a unit of its own %v (--config %q), want %v with %s", tt.name, own, configFromUnit(unit), !tt.vendor, spec.ConfigPath)
			}
		}
	})
	t.Run("status", func(t *testing.T) {
		f := newFakeSystemd(t)
		f.withVendor()
		t.Setenv("XDG_CONFIG_HOME", filepath.Join(f.home, "dotfiles", "config"))
		f.managerEnv("HOME=" + f.home + "\nPATH=/usr/bin\n")
		stopped := "UnitFileState=enabled\nActiveState=inactive\nSubState=dead\nMainPID=0\n"

		// A daemon started with an environment of its own, as the
		// manager started it before the manager's changed.
		daemon := exec.Command("sleep", "600")
		daemon.Env = []string{"HOME=" + f.home, "XDG_CONFIG_HOME=/srv/from-the-process"}
		if err := daemon.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = daemon.Process.Kill(); _ = daemon.Wait() })
		running := fmt.Sprintf("UnitFileState=enabled\nActiveState=active\nSubState=running\nMainPID=%d\n", daemon.Process.Pid)

		for _, tt := range []struct{ name, show, want string }{
			{"not running", stopped, filepath.Join(f.home, ".config", "bedtime", "schedule.yaml")},
			{"the unit's Environment=", stopped + `Environment="XDG_CONFIG_HOME=/srv/my config" LANG=de_DE.UTF-8` + "\n", "/srv/my config/bedtime/schedule.yaml"},
			{"running", running, "/srv/from-the-process/bedtime/schedule.yaml"},
		} {
			f.show(tt.show)
			st, err := f.m.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Installed || st.ConfigPath != tt.want {
				t.Errorf("%s: Status installed %v, schedule %q; want %q", tt.name, st.Installed, st.ConfigPath, tt.want)
			}
		}
	})
}

// TestDefaultScheduleIn reads the default schedule of an environment as
// os.UserConfigDir does.
func TestDefaultScheduleIn(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		env  []string
		want string
	}{
		{[]string{"HOME=/home/a"}, "/home/a/.config/bedtime/schedule.yaml"},
		{[]string{"HOME=/home/a", "XDG_CONFIG_HOME=/c"}, "/c/bedtime/schedule.yaml"},
		{[]string{"XDG_CONFIG_HOME=/c", "XDG_CONFIG_HOME=/d"}, "/d/bedtime/schedule.yaml"},
		{[]string{"HOME=/home/a", `XDG_CONFIG_HOME=$'/x\ty'`}, "/x\ty/bedtime/schedule.yaml"},
		{[]string{"HOME=/home/a", "XDG_CONFIG_HOME=rel"}, ""},
	} {
		got, err := defaultScheduleIn(lookup(tt.env))
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("%q: %q, %v; want %q", tt.env, got, err, tt.want)
		}
	}
}
