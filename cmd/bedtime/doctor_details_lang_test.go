//go:build linux

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestDoctorDetailsInEachLanguage: doctor on a setup where much is wrong,
// with the real checks through the App's seams: no session bus, a service
// installed but stopped (a fake manager), an unknown TZ, an ntfy server
// (the double) that refuses the token, a token file others can read, a private ntfy channel that works
// (its test message published in the language too),
// a command whose program is missing, sync without a key; and the
// presence and busy reports of a desktop without sources, and of Windows
// with a test notification not shown. What each check
// found and its fix come in the schedule's language, as goldens in each
// shipped language and the pseudo-locale (which shows any word that
// bypasses the catalog); only what the system itself said (a path, Go's
// error) stays as it was.
func TestDoctorDetailsInEachLanguage(t *testing.T) {
	runtimeDir := t.TempDir()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", runtimeDir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("TZ", "Mars/Olympus_Mons")
	srv := ntfytest.New(t)
	srv.RequireToken("tk_right", "bedtime-doctor-private-reply")
	reports := []doctorCheck{
		func(_ context.Context, app *App) []checkResult {
			l := app.locale(nil)
			p := presence.Report{Idle: presence.SourceX11, AwayAfter: 5 * time.Minute, Tried: []presence.Attempt{
				{Source: presence.SourceMutter, Role: "idle", Why: "org.gnome.Mutter.IdleMonitor is not on the session bus"},
				{Source: presence.SourceLogind, Role: "lock", Why: "no session of this user"},
			}}
			none := presence.Report{Idle: presence.SourceNone}
			b := busy.Report{Used: []string{busy.SourceMicrophone}, NotUsed: map[string]string{busy.SourceFullscreen: "DISPLAY is not set"}}
			return []checkResult{
				{Name: "presence", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf("away"), presenceReportIn(l, p))},
				{Name: "presence", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf("here"), presenceReportIn(l, none))},
				{Name: "busy", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf("busy (%s)", l.Sprintf("microphone in use")), busyReportIn(l, b))},
				{Name: "busy", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf("not busy"), busyReportIn(l, busy.Report{}))},
				// On Windows: no journalctl to read, and no Linux source named.
				{Name: "busy", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf("not busy"), busyReportIn(l, busy.Report{None: "not detected on windows yet"}))},
				{Name: checkTest, Detail: l.Sprintf("not shown: %s", "beeep: create main win failed"), Fix: notShownFix(l, "windows")},
			}
		},
	}
	checks := []doctorCheck{checkNotifications, one(checkSchedule), one(checkService), checkTimeZone, reports[0], checkChannels, checkSync}
	for _, lang := range append(locale.Shipped, locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			token := filepath.Join(dir, "token")
			right := filepath.Join(dir, "right-token")
			open := filepath.Join(dir, "open-token")
			if err := os.WriteFile(open, []byte("tk_right\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(open, 0o644); err != nil { // whatever the umask
				t.Fatal(err)
			}
			for file, tok := range map[string]string{token: "tk_wrong\n", right: "tk_right\n"} {
				if err := os.WriteFile(file, []byte(tok), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(dir, "schedule.yaml")
			src := "language: " + lang + "\ntimezone: Europe/Berlin\n" +
				"sync:\n  folder: " + filepath.Join(dir, "Sync") + "\n  name: laptop\n" +
				"channels:\n" +
				"  phone:\n    ntfy: {server: \"" + srv.URL() + "\", topic: bedtime-doctor-phone, token_file: \"" + token + "\"}\n" +
				"  quiet:\n    ntfy: {server: \"" + srv.URL() + "\", topic: bedtime-doctor-private, reply_topic: bedtime-doctor-private-reply, token_file: \"" + right + "\", private: true}\n" +
				"  open:\n    ntfy: {server: \"" + srv.URL() + "\", topic: bedtime-doctor-open, token_file: \"" + open + "\"}\n" +
				"  speak:\n    command: [no-such-program-bedtime, \"{title}\"]\n" +
				"reminders:\n  magnesium: {at: \"20:30\", channels: [desktop, phone, quiet, speak]}\n"
			if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			stopped := serviceStatus{Manager: "systemd user unit", Installed: true, State: "failed",
				UnitPath: "/home/alice/.config/systemd/user/bedtime.service"}
			app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return stopped, nil }}, "/usr/bin/bedtime")
			app.Checks = checks
			app.StateDir = t.TempDir()
			app.ZoneFile = filepath.Join(dir, "no-localtime")
			app.Clock = scheduler.NewFakeClock(nov(t, 27, "16:30"))
			app.Getenv = func(string) string { return "" }
			code, out, errOut := runApp(app, "doctor", "--config", path)
			if code != 1 || errOut != "" {
				t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errOut)
			}
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if strings.HasPrefix(l, "FAIL ") && !strings.Contains(l, "; ") {
					t.Errorf("a failure without its fix: %s", l)
				}
			}
			msgs := srv.Messages("bedtime-doctor-private")
			if len(msgs) == 0 {
				t.Fatal("no test message reached the private channel's topic")
			}
			last := msgs[len(msgs)-1]
			out += "\n# the test message on the phone\n" + last.Title + "\n" + last.Message + "\n"
			out = strings.NewReplacer(dir, "/home/alice/.config/bedtime", runtimeDir, "/run/user/1000", srv.URL(), "http://ntfy.test").Replace(out)
			testutil.Golden(t, "lang/doctor-details-"+lang+".golden", []byte(out))
		})
	}
}

// TestDoctorOnARealBusInGerman: doctor's notification checks in German
// against a real dbus-daemon and notification server (the notifytest
// double on it) without buttons and with do not disturb on: what it
// found and the fix are German, and so is the test notification the
// server receives.
func TestDoctorOnARealBusInGerman(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	srv := bus.StartServer(t, notifytest.Config{Name: "mako", Version: "1.8", Vendor: "emersion", SpecVersion: "1.2", Capabilities: []string{"body"}})
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := os.WriteFile(path, []byte("language: de\nreminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func() string {
		app := &App{Checks: []doctorCheck{checkNotifications}, Getenv: func(string) string { return "" }}
		_, out, errOut := runApp(app, "doctor", "--config", path)
		if errOut != "" {
			t.Errorf("stderr: %s", errOut)
		}
		return strings.ReplaceAll(out, bus.Address, "unix:path=/run/user/1000/bus")
	}
	out := run()
	n := srv.Next(t)
	de, _ := locale.Parse("de")
	if want := de.Sprintf("Test notification: if you can read this, bedtime's reminders reach you."); n.Body != want || n.Summary != "bedtime doctor" {
		t.Errorf("test notification = %q / %q, want %q / bedtime doctor", n.Summary, n.Body, want)
	}
	if err := srv.SetInhibited(true); err != nil {
		t.Fatal(err)
	}
	out += run()
	testutil.Golden(t, "lang/doctor-bus-de.golden", []byte(out))
}
