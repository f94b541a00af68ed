//go:build linux

package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

func init() { installFromChild = xdgInstallFromChild }

var desktopSpecs = []struct {
	name string
	spec Spec
}{
	{"plain", Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml"}},
	{"odd-paths", Spec{Executable: `/opt/my "apps"/$bed/bedtime`, ConfigPath: "/home/bob/My \"night\" $HOME\\notes/`x` 50% schedule.yaml"}},
	{"default-path", Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml", OrBuiltin: true}},
	{"daemon", Spec{Executable: "/usr/local/bin/bedtime", Daemon: "/usr/local/bin/bedtime-daemon", ConfigPath: "/home/alice/.config/bedtime/schedule.yaml", OrBuiltin: true}},
}

func TestDesktopEntryGolden(t *testing.T) {
	for _, tt := range desktopSpecs {
		t.Run(tt.name, func(t *testing.T) {
			entry := desktopEntry(tt.spec)
			testutil.Golden(t, tt.name+".desktop.golden", []byte(entry))
			args, err := desktopExecArgs(entry)
			want := append([]string{tt.spec.Program()}, tt.spec.Args()...)
			if err != nil || strings.Join(args, "|") != strings.Join(want, "|") {
				t.Errorf("desktopExecArgs = %q, %v; want %q", args, err, want)
			}
			if back, ok := specFromArgs(args); !ok || back != tt.spec {
				t.Errorf("the entry reads back as %+v, want %+v", back, tt.spec)
			}
		})
	}
}

// TestDesktopEntryGio hands the rendered entry to GLib, which GNOME's and
// most sessions' autostart use: the program it starts must get exactly the
// arguments install meant. A "%" in the binary's path is refused by GLib,
// so install refuses it too (checked here both ways).
func TestDesktopEntryGio(t *testing.T) {
	gio, err := exec.LookPath("gio")
	if err != nil {
		t.Fatal("gio is needed to check the autostart entry (Debian package libglib2.0-bin): ", err)
	}
	tests := []struct {
		name   string
		exeDir string // under a temporary dir
		config string
		wantOK bool
	}{
		{"plain", "bin", "/home/alice/.config/bedtime/schedule.yaml", true},
		{"odd-paths", `my "apps"/$bed`, desktopSpecs[1].spec.ConfigPath, true},
		{"percent", "100% apps", "/s.yaml", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			exe := filepath.Join(dir, tt.exeDir, "bedtime")
			out := filepath.Join(dir, "args")
			if err := os.MkdirAll(filepath.Dir(exe), 0o755); err != nil {
				t.Fatal(err)
			}
			script := "#!/bin/sh\nfor a in \"$0\" \"$@\"; do printf '%s\\n' \"$a\"; done > " + out + ".tmp && mv " + out + ".tmp " + out + "\n"
			if err := os.WriteFile(exe, []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			spec := Spec{Executable: exe, ConfigPath: tt.config}
			if err := checkDesktopExecutable(exe); (err == nil) != tt.wantOK {
				t.Fatalf("checkDesktopExecutable(%q) = %v, want ok %v", exe, err, tt.wantOK)
			}
			entry := filepath.Join(dir, "bedtime.desktop")
			if err := os.WriteFile(entry, []byte(desktopEntry(spec)), 0o600); err != nil {
				t.Fatal(err)
			}
			msg, err := exec.Command(gio, "launch", entry).CombinedOutput()
			if !tt.wantOK {
				if err == nil {
					t.Fatalf("gio launched an entry whose binary path has a %%; install's check is then needless: %s", msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("gio launch: %v: %s\n%s", err, msg, desktopEntry(spec))
			}
			// gio starts the program and returns: another process, which
			// cannot say when it has written, so the test looks again.
			var got []byte
			testutil.WaitFor(t, 10*time.Second, "the program gio started writing "+out, func() bool {
				got, err = os.ReadFile(out)
				return err == nil
			})
			want := strings.Join(append([]string{exe}, spec.Args()...), "\n") + "\n"
			if string(got) != want {
				t.Errorf("GLib started\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// xdgFixture is a temporary home whose bedtime is this test binary acting
// as a fake daemon (see TestMain).
type xdgFixture struct {
	m    *xdgManager
	spec Spec
	args string // where the fake daemon writes its arguments
}

func newXDG(t *testing.T, mode string) *xdgFixture {
	t.Helper()
	opts := testOptions(t)
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("BEDTIME_TEST_DAEMON", mode)
	f := &xdgFixture{args: filepath.Join(home, "args")}
	t.Setenv("BEDTIME_TEST_ARGS", f.args)
	m, err := newXDGManager(opts)
	if err != nil {
		t.Fatal(err)
	}
	m.startTimeout = 5 * time.Second
	f.m = m
	f.spec = Spec{Executable: os.Args[0], ConfigPath: filepath.Join(home, "My Plans", "50% $night.yaml"), OrBuiltin: true}
	t.Cleanup(func() {
		// Never leave a fake daemon behind.
		if pid, _, ok := opts.running(); ok && pid > 0 {
			p, _ := os.FindProcess(pid)
			p.Kill()
		}
	})
	return f
}

func (f *xdgFixture) status(t *testing.T) Status {
	t.Helper()
	st, err := f.m.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// procLink returns where /proc/pid/fd/n points.
func procLink(pid, n int) string {
	l, _ := os.Readlink(fmt.Sprintf("/proc/%d/fd/%d", pid, n))
	return l
}

// sessionOf returns the session id of pid (field 6 of /proc/pid/stat).
func sessionOf(t *testing.T, pid int) int {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	sid, _ := strconv.Atoi(fields[3])
	return sid
}

func TestXDGLifecycle(t *testing.T) {
	f := newXDG(t, "1")
	ctx := testContext(t)
	if st := f.status(t); st.Installed || st.Running || st.Manager != "XDG autostart entry" {
		t.Fatalf("status before install = %+v", st)
	}
	for _, do := range []func(context.Context) error{f.m.Start, f.m.Restart} {
		if err := do(ctx); !errors.Is(err, ErrNotInstalled) {
			t.Errorf("before install: %v, want ErrNotInstalled", err)
		}
	}

	if err := f.m.Install(ctx, f.spec); err != nil {
		t.Fatalf("Install: %v", err)
	}
	fi, err := os.Stat(f.m.path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("entry %s: %v, mode %v; want 0600", f.m.path, err, fi.Mode())
	}
	st := f.status(t)
	if !st.Installed || !st.Running || st.ConfigPath != f.spec.ConfigPath || st.UnitPath != f.m.path {
		t.Fatalf("status after install = %+v", st)
	}
	pid := st.PID
	// Detached: its own session, stdin on /dev/null, output in the log.
	if sid := sessionOf(t, pid); sid != pid {
		t.Errorf("the daemon's session is %d, want its own (%d)", sid, pid)
	}
	if got := procLink(pid, 0); got != os.DevNull {
		t.Errorf("the daemon's stdin is %q, want /dev/null", got)
	}
	for _, n := range []int{1, 2} {
		if got := procLink(pid, n); got != f.m.opts.LogFile() {
			t.Errorf("the daemon's fd %d is %q, want the log %s", n, got, f.m.opts.LogFile())
		}
	}
	if got, _ := os.ReadFile(f.args); string(got) != strings.Join(f.spec.Args(), "\n") {
		t.Errorf("the daemon got arguments %q, want %q", got, f.spec.Args())
	}

	// Install again: the running daemon is replaced by a new one.
	if err := f.m.Install(ctx, f.spec); err != nil {
		t.Fatalf("second Install: %v", err)
	}
	if st := f.status(t); !st.Running || st.PID == pid {
		t.Errorf("re-install did not restart the daemon: %+v (was pid %d)", st, pid)
	}
	if err := f.m.Start(ctx); err != nil {
		t.Errorf("Start while running: %v", err)
	}

	if err := f.m.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if st := f.status(t); !st.Installed || st.Running || st.State != "not running" {
		t.Errorf("status after stop = %+v", st)
	}
	if err := f.m.Stop(ctx); !errors.Is(err, ErrNotRunning) {
		t.Errorf("second Stop = %v, want ErrNotRunning", err)
	}
	if err := f.m.Start(ctx); err != nil {
		t.Fatalf("Start: %v", err)
	}
	if st := f.status(t); !st.Running {
		t.Errorf("status after start = %+v", st)
	}
	// Start reads the entry back: the same arguments, --or-builtin too.
	// (The fake daemon has written them when it holds the lock, which
	// Restart waits for.)
	os.Remove(f.args)
	if err := f.m.Restart(ctx); err != nil {
		t.Fatalf("Restart: %v", err)
	}
	if got, _ := os.ReadFile(f.args); string(got) != strings.Join(f.spec.Args(), "\n") {
		t.Errorf("after restart the daemon got arguments %q, want %q", got, f.spec.Args())
	}

	removed, err := f.m.Uninstall(ctx)
	if err != nil || !removed {
		t.Fatalf("Uninstall = %v, %v", removed, err)
	}
	if _, err := os.Stat(f.m.path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("entry still there after uninstall: %v", err)
	}
	if _, _, ok := f.m.opts.running(); ok {
		t.Error("a daemon still runs after uninstall")
	}
	if removed, err := f.m.Uninstall(ctx); removed || err != nil {
		t.Errorf("second Uninstall = %v, %v; want false, nil", removed, err)
	}
}

// TestXDGRunsTheDaemon: with a bedtime-daemon beside bedtime, the entry
// runs it and start and restart read it back and run it again; an entry of
// the older form (bedtime run) still starts, and install over it rewrites
// it to run bedtime-daemon. (Both programs are links to this test's fake
// daemon.)
func TestXDGRunsTheDaemon(t *testing.T) {
	f := newXDG(t, "1")
	t.Setenv("BEDTIME_TEST_PROGRAM", "1")
	ctx := testContext(t)
	dir := t.TempDir()
	for _, name := range []string{"bedtime", DaemonName} {
		if err := os.Symlink(os.Args[0], filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "bedtime")
	daemon := Spec{Executable: exe, Daemon: daemonBeside(t, exe), ConfigPath: f.spec.ConfigPath, OrBuiltin: true}
	old := daemon
	old.Daemon = ""
	ran := func(what string, want Spec) {
		t.Helper()
		got, _ := os.ReadFile(f.args)
		if w := strings.Join(append([]string{want.Program()}, want.Args()...), "\n"); string(got) != w {
			t.Errorf("%s: the daemon ran as %q, want %q", what, got, w)
		}
		if st := f.status(t); !st.Installed || !st.Running || st.ConfigPath != want.ConfigPath {
			t.Errorf("%s: status %+v", what, st)
		}
	}

	if err := f.m.Install(ctx, daemon); err != nil {
		t.Fatalf("Install: %v", err)
	}
	if spec, err := f.m.installedSpec(); err != nil || spec != daemon {
		t.Errorf("the entry reads back as %+v, %v; want %+v", spec, err, daemon)
	}
	ran("install", daemon)
	os.Remove(f.args)
	if err := f.m.Restart(ctx); err != nil {
		t.Fatalf("Restart: %v", err)
	}
	ran("restart", daemon)

	// An entry an older bedtime wrote: it runs bedtime itself.
	if err := f.m.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.m.path, []byte(desktopEntry(old)), 0o600); err != nil {
		t.Fatal(err)
	}
	if spec, err := f.m.installedSpec(); err != nil || spec != old {
		t.Errorf("the older entry reads back as %+v, %v; want %+v", spec, err, old)
	}
	os.Remove(f.args)
	if err := f.m.Start(ctx); err != nil {
		t.Fatalf("Start of the older entry: %v", err)
	}
	ran("start of the older entry", old)

	if err := f.m.Install(ctx, daemon); err != nil {
		t.Fatalf("Install over the older entry: %v", err)
	}
	if args, err := desktopExecArgs(string(mustRead(t, f.m.path))); err != nil || len(args) == 0 || args[0] != daemon.Daemon {
		t.Errorf("install over the older entry: Exec runs %q (%v), want %s", args, err, daemon.Daemon)
	}
	ran("install over the older entry", daemon)
	if _, err := f.m.Uninstall(ctx); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestXDGInstallFailure: a daemon that exits at once fails install with
// its own message, and leaves no entry (or the previous one) behind.
func TestXDGInstallFailure(t *testing.T) {
	ctx := testContext(t)
	t.Run("fresh", func(t *testing.T) {
		f := newXDG(t, "fail")
		err := f.m.Install(ctx, f.spec)
		if err == nil || !strings.Contains(err.Error(), "bedtime exited at once") || !strings.Contains(err.Error(), "the schedule file has errors") {
			t.Fatalf("Install with a failing daemon = %v", err)
		}
		if _, err := os.Stat(f.m.path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed install left the entry: %v", err)
		}
	})
	t.Run("reinstall", func(t *testing.T) {
		f := newXDG(t, "1")
		if err := f.m.Install(ctx, f.spec); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(f.m.path)
		t.Setenv("BEDTIME_TEST_DAEMON", "fail")
		other := f.spec
		other.ConfigPath = "/elsewhere.yaml"
		if err := f.m.Install(ctx, other); err == nil {
			t.Fatal("Install with a failing daemon succeeded")
		}
		if after, _ := os.ReadFile(f.m.path); !bytes.Equal(before, after) {
			t.Errorf("a failed re-install did not restore the entry:\n%s\nwant\n%s", after, before)
		}
	})
	t.Run("binary path", func(t *testing.T) {
		f := newXDG(t, "1")
		for _, exe := range []string{"/opt/100% bed/bedtime", "/opt/a\nb/bedtime"} {
			if err := f.m.Install(ctx, Spec{Executable: exe, ConfigPath: "/s.yaml"}); err == nil {
				t.Errorf("Install accepted the binary %q", exe)
			}
		}
		if _, err := os.Stat(f.m.path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a refused install wrote the entry: %v", err)
		}
	})
}

// xdgInstallFromChild installs this binary as a fake daemon through the
// XDG manager, in a child process whose stdout and stderr are a pipe.
func xdgInstallFromChild() int {
	m, err := newXDGManager(Options{StateDir: os.Getenv("BEDTIME_TEST_STATE")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv("BEDTIME_TEST_DAEMON", "1")
	if err := m.Install(context.Background(), Spec{Executable: os.Args[0], ConfigPath: "/s.yaml"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("installed")
	return 0
}

// TestXDGInstallReleasesPipe is "bedtime install | cat": the reader of
// install's output must see the end of it when install exits, although
// the daemon it started goes on running.
func TestXDGInstallReleasesPipe(t *testing.T) {
	opts := testOptions(t)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), ".config"))
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "BEDTIME_TEST_INSTALL=1")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		if pid, _, ok := opts.running(); ok {
			p, _ := os.FindProcess(pid)
			p.Kill()
		}
	})
	done := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	select {
	case out := <-done:
		if err := cmd.Wait(); err != nil || string(out) != "installed\n" {
			t.Fatalf("install: %v, output %q", err, out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the pipe from install is still open 20 s later: the daemon holds it")
	}
	if _, _, ok := opts.running(); !ok {
		t.Error("the daemon install started is not running")
	}
}
