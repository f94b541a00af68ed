//go:build linux && e2e

package presence

// These tests run a real GNOME compositor: `mutter --headless` on a private
// session bus (Debian package mutter). They are in the e2e build because
// mutter is a large package to install for `make test`; `make
// e2e-presence` (e2e/presence.sh) installs it and runs them.

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// mutter is a running headless mutter.
type mutter struct {
	cmd  *exec.Cmd
	done chan struct{}
	env  env
	obj  dbus.BusObject
}

// startMutter starts mutter on a new private session bus and waits until
// its idle monitor is on the bus. ResetIdletime works in it: it stands in
// for the person's input.
func startMutter(t *testing.T) *mutter {
	t.Helper()
	if _, err := exec.LookPath("mutter"); err != nil {
		t.Fatal("mutter not found: install the Debian package mutter")
	}
	b := notifytest.StartBus(t)
	rt, err := os.MkdirTemp("", "bedtime-rt-") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(rt) })
	os.Chmod(rt, 0o700)
	home := t.TempDir()
	cmd := exec.Command("mutter", "--headless", "--virtual-monitor", "1024x768", "--wayland", "--no-x11", "--wayland-display", "wayland-bedtime")
	cmd.Env = append(os.Environ(),
		"DBUS_SESSION_BUS_ADDRESS="+b.Address, "XDG_RUNTIME_DIR="+rt, "HOME="+home,
		"XDG_CONFIG_HOME="+home+"/.config", "XDG_CACHE_HOME="+home+"/.cache", "MUTTER_DEBUG_RESET_IDLETIME=1")
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start mutter: %v", err)
	}
	m := &mutter{cmd: cmd, done: make(chan struct{}),
		env: env{"DBUS_SESSION_BUS_ADDRESS": b.Address, "XDG_RUNTIME_DIR": rt, "WAYLAND_DISPLAY": "wayland-bedtime"}}
	go func() { cmd.Wait(); close(m.done) }()
	t.Cleanup(func() {
		m.stop()
		if t.Failed() {
			t.Logf("mutter's output:\n%s", log.String())
		}
	})

	c, err := dbus.Connect(b.Address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	sigs := make(chan *dbus.Signal, 8)
	c.Signal(sigs)
	if err := c.AddMatchSignal(dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, mutterName)); err != nil {
		t.Fatal(err)
	}
	var has bool
	c.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, mutterName).Store(&has)
	timeout := time.After(wait)
	for !has {
		select {
		case sig := <-sigs:
			has = sig.Name == "org.freedesktop.DBus.NameOwnerChanged" && len(sig.Body) == 3 && sig.Body[0] == mutterName
		case <-m.done:
			t.Fatalf("mutter exited: %s", log.String())
		case <-timeout:
			t.Fatalf("mutter's idle monitor not on the bus within %v", wait)
		}
	}
	m.obj = c.Object(mutterName, mutterPath)
	return m
}

// input resets mutter's idle time, as input from the person does.
func (m *mutter) input(t *testing.T) time.Time {
	t.Helper()
	if err := m.obj.Call(mutterIface+".ResetIdletime", 0).Err; err != nil {
		t.Fatalf("ResetIdletime (needs MUTTER_DEBUG_RESET_IDLETIME=1): %v", err)
	}
	return time.Now()
}

func (m *mutter) stop() {
	m.cmd.Process.Signal(os.Interrupt)
	select {
	case <-m.done:
	case <-time.After(wait):
		m.cmd.Process.Kill()
		<-m.done
	}
}

// TestMutter watches a real mutter's idle monitor: away after away.after
// without input (an idle watch), here at the next input (a user-active
// watch), and none when mutter goes away.
func TestMutter(t *testing.T) {
	mu := startMutter(t)
	opts := testOptions(t, mu.env, SourceMutter)
	opts.AwayAfter = time.Second
	mu.input(t)
	m, r := open(t, opts)
	if r.Idle != SourceMutter {
		t.Fatalf("report = %s, want %s", r, SourceMutter)
	}
	if got := m.Current(context.Background()); got.State != Here || got.Source != SourceMutter {
		t.Fatalf("Current = %v, want here from mutter", got)
	}
	for range 2 {
		s := wantState(t, m, Away, SourceMutter)
		if d := time.Since(s.Since); d < opts.AwayAfter {
			t.Errorf("away since %v ago, want at least away.after (%v)", d, opts.AwayAfter)
		}
		before := mu.input(t)
		s = wantState(t, m, Here, SourceMutter)
		if s.Since.Before(before.Add(-time.Second)) {
			t.Errorf("here since %v, want about the input at %v", s.Since, before)
		}
	}

	// mutter is no Wayland compositor with ext-idle-notify-v1: the
	// Wayland client sees its real registry and says so.
	_, wr := open(t, testOptions(t, mu.env, SourceWayland))
	if len(wr.Tried) != 1 || wr.Tried[0].Why != "the compositor has no ext_idle_notifier_v1" {
		t.Errorf("Wayland on mutter: %+v", wr.Tried)
	}

	// The session changes: mutter leaves the bus, and nothing is left.
	mu.stop()
	// Mutter leaves the bus on its own time: a real process, looked at
	// again.
	testutil.WaitFor(t, wait, "no source after mutter stopped", func() bool { return m.Source() == SourceNone })
}

// TestMutterIdleAtStart: idle for longer than away.after when watching
// begins is away at once, since the last input.
func TestMutterIdleAtStart(t *testing.T) {
	mu := startMutter(t)
	last := mu.input(t)
	time.Sleep(1200 * time.Millisecond) // real idle time in the real compositor
	opts := testOptions(t, mu.env, SourceMutter)
	opts.AwayAfter = time.Second
	m, _ := open(t, opts)
	got := m.Current(context.Background())
	if got.State != Away || got.Source != SourceMutter {
		t.Fatalf("Current = %v, want away from mutter", got)
	}
	if d := got.Since.Sub(last); d < -200*time.Millisecond || d > 200*time.Millisecond {
		t.Errorf("away since %v, want the last input at %v", got.Since, last)
	}
	if c := next(t, m); c != got {
		t.Errorf("change = %v, want %v", c, got)
	}
	mu.input(t)
	wantState(t, m, Here, SourceMutter)
}
