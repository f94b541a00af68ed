//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// startXvfb starts a real X server and returns its DISPLAY (doctor's
// presence and busy probes connect one after the other: see
// testutil.StartXvfb on -noreset).
func startXvfb(t *testing.T) string { return testutil.StartXvfb(t, notifytest.Wait) }

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
