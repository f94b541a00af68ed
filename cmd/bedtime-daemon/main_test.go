package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/userlock"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		want flags
		ok   bool
	}{
		{args: nil, ok: true},
		{args: []string{"run"}, ok: true},
		{args: []string{"run", "--config", "/s.yaml", "--or-builtin"}, want: flags{config: "/s.yaml", orBuiltin: true}, ok: true},
		{args: []string{"--config=/s.yaml"}, want: flags{config: "/s.yaml"}, ok: true},
		{args: []string{"run", "--builtin"}, want: flags{builtin: true}, ok: true},
		// What bedtime run explains: handed to it.
		{args: []string{"run", "--frobnicate"}},
		{args: []string{"run", "--config"}},
		{args: []string{"run", "--help"}},
		{args: []string{"run", "extra"}},
		{args: []string{"status"}},
	}
	for _, tt := range tests {
		got, ok := parse(tt.args)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parse(%q) = %+v, %v; want %+v, %v", tt.args, got, ok, tt.want, tt.ok)
		}
	}
}

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// build builds bedtime-daemon and bedtime side by side, as they are
// installed, and returns their directory.
func build(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "bedtime-daemon-test")
		if buildErr != nil {
			return
		}
		for name, pkg := range map[string]string{"bedtime-daemon": ".", "bedtime": "../bedtime"} {
			if out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, name), pkg).CombinedOutput(); err != nil {
				buildErr = err
				t.Logf("go build %s: %s", pkg, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

// start runs bedtime-daemon with args in a home of its own (XDG dirs
// under home); its output goes to out.
func start(t *testing.T, home string, out *testutil.LogBuffer, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(filepath.Join(build(t), "bedtime-daemon"), args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+home, "XDG_STATE_HOME="+home, "XDG_RUNTIME_DIR="+home,
		"DBUS_SESSION_BUS_ADDRESS=", "NOTIFY_SOCKET=", "JOURNAL_STREAM=", "LANG=C", "LANGUAGE=", "LC_ALL=")
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// exe is the program process pid runs now.
func exe(t *testing.T, pid int) string {
	t.Helper()
	p, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Base(p)
}

// TestRunsTheDaemonItself: on the built-in schedule, bedtime-daemon runs
// the daemon in its own program (it does not hand over), and stops on
// SIGTERM.
func TestRunsTheDaemonItself(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	t.Parallel()
	home := t.TempDir()
	var out testutil.LogBuffer
	cmd := start(t, home, &out, "run", "--builtin")
	defer cmd.Process.Kill()
	testutil.WaitFor(t, 20*time.Second, "bedtime started", func() bool { return strings.Contains(out.String(), "bedtime started") }, &out)
	if got := exe(t, cmd.Process.Pid); got != "bedtime-daemon" {
		t.Errorf("the daemon runs in %s, want bedtime-daemon", got)
	}
	if _, _, held := userlock.Running(filepath.Join(home, "bedtime")); !held {
		t.Error("the daemon does not hold the state's lock")
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit: %v\n%s", err, &out)
	}
}

// TestHandsOverWhatBedtimeExplains: what bedtime-daemon does not do
// itself, bedtime run does in its process, with its messages and exit
// status (78: the service managers do not retry it).
func TestHandsOverWhatBedtimeExplains(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		lock bool // another daemon holds the lock
		want string
	}{
		{name: "unknown flag", args: []string{"run", "--frobnicate"}, want: "unknown flag: --frobnicate"},
		{name: "no such schedule", args: []string{"run", "--config", "/nonexistent/schedule.yaml"}, want: "--config /nonexistent/schedule.yaml: no such file"},
		{name: "another daemon", args: []string{"run", "--builtin"}, lock: true, want: "already running"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			if tt.lock {
				l, err := userlock.Take(filepath.Join(home, "bedtime"))
				if err != nil {
					t.Fatal(err)
				}
				defer l.Unlock()
			}
			var out testutil.LogBuffer
			cmd := start(t, home, &out, tt.args...)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 78 {
				t.Errorf("exit: %v, want status 78\n%s", err, &out)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output %q does not say %q", out.String(), tt.want)
			}
		})
	}
}

// TestHandsOverForAPhone: a schedule with a phone channel, at start or
// saved while bedtime-daemon runs, has bedtime run take over in the same
// process (a service manager sees one daemon go on), and the phone
// channel then runs: it listens for answers on the ntfy server.
func TestHandsOverForAPhone(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	t.Parallel()
	const plain = "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n"
	phone := func(srv *ntfytest.Server) string {
		return fmt.Sprintf("timezone: UTC\nchannels:\n  phone:\n    ntfy: {server: %q, topic: bedtime-test-topic}\nreminders:\n  magnesium: {at: \"20:30\", channels: [desktop, phone]}\n", srv.URL())
	}
	for _, atStart := range []bool{true, false} {
		t.Run(fmt.Sprintf("at start %v", atStart), func(t *testing.T) {
			t.Parallel()
			srv := ntfytest.New(t)
			home := t.TempDir()
			path := filepath.Join(home, "schedule.yaml")
			first := plain
			if atStart {
				first = phone(srv)
			}
			if err := os.WriteFile(path, []byte(first), 0o600); err != nil {
				t.Fatal(err)
			}
			var out testutil.LogBuffer
			cmd := start(t, home, &out, "run", "--config", path)
			defer cmd.Process.Kill()
			pid := cmd.Process.Pid
			if !atStart {
				testutil.WaitFor(t, 20*time.Second, "bedtime started", func() bool { return strings.Contains(out.String(), "bedtime started") }, &out)
				if got := exe(t, pid); got != "bedtime-daemon" {
					t.Fatalf("without a phone channel the daemon runs in %s, want bedtime-daemon", got)
				}
				if err := os.WriteFile(path, []byte(phone(srv)), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			testutil.WaitFor(t, 20*time.Second, "bedtime run listening on the reply topic", func() bool {
				return srv.Subscribers("bedtime-test-topic-reply") == 1
			}, &out)
			if got := exe(t, pid); got != "bedtime" {
				t.Errorf("with a phone channel process %d runs %s, want bedtime", pid, got)
			}
			cmd.Process.Signal(os.Interrupt)
			if err := cmd.Wait(); err != nil {
				t.Errorf("exit: %v\n%s", err, &out)
			}
		})
	}
}

// TestPhoneWithoutBedtimeBeside: with no bedtime beside it to hand over
// to, bedtime-daemon runs the schedule's other channels and reminders
// and says that the phone channel is left out.
func TestPhoneWithoutBedtimeBeside(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	t.Parallel()
	alone := filepath.Join(t.TempDir(), "bedtime-daemon")
	src, err := os.ReadFile(filepath.Join(build(t), "bedtime-daemon"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, src, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := ntfytest.New(t)
	home := t.TempDir()
	path := filepath.Join(home, "schedule.yaml")
	sched := fmt.Sprintf("timezone: UTC\nchannels:\n  phone:\n    ntfy: {server: %q, topic: bedtime-test-topic}\nreminders:\n  magnesium: {at: \"20:30\", channels: [desktop, phone]}\n", srv.URL())
	if err := os.WriteFile(path, []byte(sched), 0o600); err != nil {
		t.Fatal(err)
	}
	var out testutil.LogBuffer
	cmd := exec.Command(alone, "run", "--config", path)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+home, "XDG_STATE_HOME="+home, "XDG_RUNTIME_DIR="+home,
		"DBUS_SESSION_BUS_ADDRESS=", "NOTIFY_SOCKET=", "JOURNAL_STREAM=")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	testutil.WaitFor(t, 20*time.Second, "bedtime started", func() bool { return strings.Contains(out.String(), "bedtime started") }, &out)
	if !strings.Contains(out.String(), `channel \"phone\": this program does not run phone (ntfy) channels`) {
		t.Errorf("the log does not say the phone channel is left out:\n%s", &out)
	}
	if got := exe(t, cmd.Process.Pid); got != "bedtime-daemon" {
		t.Errorf("the daemon runs in %s, want bedtime-daemon", got)
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit: %v\n%s", err, &out)
	}
}
