//go:build linux

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// startXvfb starts a real X server and returns its DISPLAY. -noreset: an
// X server resets itself when its last client leaves, and a client that
// connects during the reset is cut off; a desktop always has clients
// (its window manager), so the server never resets there. Here doctor's
// presence probe is the only client, and the busy probe right after it
// would meet the reset.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Fatal("Xvfb not found: install the Debian package xvfb")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb exited without printing its display number")
		}
		return ":" + n
	case <-time.After(notifytest.Wait):
		t.Fatal("Xvfb printed no display number")
	}
	return ""
}

// TestDoctorPresence checks the presence line: the source in use, with the
// schedule's away.after, and why the others are not used.
func TestDoctorPresence(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	bus.StartServer(t, notifytest.DefaultConfig)
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "")
	t.Setenv("XDG_SESSION_ID", "")
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path="+dir+"/no-system-bus")
	if err := os.MkdirAll(filepath.Join(dir, "bedtime"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bedtime", "schedule.yaml"), []byte("away: {after: 12m}\nreminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	notUsed := "GNOME idle monitor: org.gnome.Mutter.IdleMonitor is not on the session bus (not a GNOME session); " +
		"Wayland ext-idle-notify-v1: WAYLAND_DISPLAY is not set (not a Wayland session); "
	logind := `logind: cannot connect to the system bus at "unix:path=` + dir + `/no-system-bus": dial unix ` + dir + "/no-system-bus: connect: no such file or directory; " +
		"screen saver: org.gnome.ScreenSaver is not on the session bus, org.freedesktop.ScreenSaver is not on the session bus"

	t.Run("none", func(t *testing.T) {
		t.Setenv("DISPLAY", "")
		code, lines := runDoctor(t, nil)
		if code != 0 {
			t.Errorf("exit code = %d, want 0", code)
		}
		want := "OK   presence: now here; none: no idle source, so reminders come as if you were always here; " +
			"no lock source: a locked screen is not detected; not used: " + notUsed +
			"X11 MIT-SCREEN-SAVER: DISPLAY is not set (not an X11 session); " + logind
		if got := findLine(t, lines, "OK   presence: "); got != want {
			t.Errorf("presence line:\n got %s\nwant %s", got, want)
		}
		// The microphone and camera depend on this machine; the
		// fullscreen window on DISPLAY.
		if got := findLine(t, lines, "OK   busy: now "); !strings.HasSuffix(got, "fullscreen window not used: DISPLAY is not set (not an X11 session)") {
			t.Errorf("busy line %q does not say why the fullscreen window is not used", got)
		}
	})
	t.Run("X11", func(t *testing.T) {
		t.Setenv("DISPLAY", startXvfb(t))
		_, lines := runDoctor(t, nil)
		want := "OK   presence: now here; X11 MIT-SCREEN-SAVER (away after 12m of no input); " +
			"no lock source: a locked screen is not detected; not used: " + notUsed + logind
		if got := findLine(t, lines, "OK   presence: "); got != want {
			t.Errorf("presence line:\n got %s\nwant %s", got, want)
		}
		if got := findLine(t, lines, "OK   busy: now not busy; "); !strings.Contains(got, "fullscreen window") || strings.Contains(got, "fullscreen window not used") {
			t.Errorf("busy line %q, want the fullscreen window used", got)
		}
	})
}
