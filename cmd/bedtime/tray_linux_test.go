package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// TestTrayReport: the menu offers the report once there is a history or a
// diary, and Report writes `bedtime report`'s HTML to a private file in
// the cache directory and hands it to xdg-open (a stand-in here, which
// says what it was given through a FIFO).
func TestTrayReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	app := &App{StateDir: dir, Clock: scheduler.NewFakeClock(time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)),
		Stdout: io.Discard, Stderr: io.Discard}
	has := app.trayReport()
	if has() {
		t.Fatal("a report offered with no state directory")
	}
	store, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Pause(time.Date(2026, 3, 10, 21, 0, 0, 0, time.UTC), time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC), time.UTC); err != nil {
		t.Fatal(err)
	}
	if !has() {
		t.Fatal("no report offered with a history")
	}

	bin := t.TempDir()
	fifo := filepath.Join(bin, "opened")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho \"$1\" > " + fifo + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	opened := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo) // blocks until the stand-in writes
		opened <- strings.TrimSpace(string(b))
	}()
	if err := (trayLauncher{app: app}).Report(); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(cache, "bedtime", defaultReportFile)
	select {
	case got := <-opened:
		if got != want {
			t.Fatalf("xdg-open got %q, want %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("xdg-open was not run within 10 s")
	}
	fi, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the report is %v, want 0600", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(want); !strings.Contains(string(b), "<html") {
		t.Errorf("the report is not HTML: %.80s", b)
	}
}

// TestTrayWithoutSessionBus: outside a desktop session the tray says, in
// the person's language, that it needs the session's bus, instead of the
// systray library's crash.
func TestTrayWithoutSessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	for lang, want := range map[string]string{
		"C":           "bedtime: the tray needs your desktop session's bus (",
		"de_DE.UTF-8": "bedtime: das Symbol in der Leiste braucht den Bus deiner Desktop-Sitzung (",
	} {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "state")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			app := &App{StateDir: dir, ConfigPath: filepath.Join(t.TempDir(), "schedule.yaml"),
				Getenv: func(k string) string { return map[string]string{"LANG": lang}[k] }}
			code, _, stderr := runApp(app, "tray")
			if code != 1 || !strings.HasPrefix(stderr, want) || strings.Contains(stderr, "panic") {
				t.Fatalf("exit %d, stderr %q, want it to start %q", code, stderr, want)
			}
		})
	}
}

// TestTrayWithoutAHost: on a session bus with no tray host (a panel not
// started yet at login, or none), the tray says so once in the person's
// words, not the systray library's, and keeps running to show the icon
// when one comes. A real bus, and the real program.
func TestTrayWithoutAHost(t *testing.T) {
	bin := buildBedtime(t)
	bus := notifytest.StartBus(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "schedule.yaml"), []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config", filepath.Join(dir, "schedule.yaml"), "tray")
	cmd.Env = []string{"DBUS_SESSION_BUS_ADDRESS=" + bus.Address, "HOME=" + dir, "XDG_STATE_HOME=" + dir,
		"XDG_CONFIG_HOME=" + dir, "XDG_RUNTIME_DIR=" + dir, "LANG=C", "PATH=" + os.Getenv("PATH")}
	var stderr lockedLog
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	want := "bedtime: no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one\n"
	testutil.WaitFor(t, 10*time.Second, "the tray to say there is no host", func() bool {
		select {
		case err := <-exited:
			t.Fatalf("the tray exited (%v): %s", err, stderr.String())
		default:
		}
		return strings.Contains(stderr.String(), want)
	})
	// The library has tried to register by now; its words are not shown.
	testutil.WaitFor(t, 10*time.Second, "the tray's icon on the bus", func() bool {
		return strings.Contains(busNames(t, bus.Address), "org.kde.StatusNotifierItem-")
	})
	if got := stderr.String(); got != want {
		t.Errorf("stderr\n%s\nwant only\n%s", got, want)
	}
}

// busNames lists the names on the bus at address.
func busNames(t *testing.T, address string) string {
	t.Helper()
	out, err := exec.Command("dbus-send", "--bus="+address, "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames").CombinedOutput()
	if err != nil {
		t.Fatalf("dbus-send: %v %s", err, out)
	}
	return string(out)
}
