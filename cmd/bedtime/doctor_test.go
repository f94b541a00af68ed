//go:build linux

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// runDoctor runs `bedtime doctor` without the schedule and service checks
// (these tests cover the notification, time zone and presence checks, and
// wiring_test.go covers those two), with the schedule check schedule
// instead when it is not nil, and returns its exit code and output lines.
func runDoctor(t *testing.T, schedule func(context.Context, *App) checkResult) (int, []string) {
	t.Helper()
	checks := []doctorCheck{checkNotifications, checkTimeZone, checkPresence, checkBusy, checkChannels}
	if schedule != nil {
		checks = slices.Insert(checks, 1, one(schedule))
	}
	var out, errOut bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Checks: checks}
	code := app.Run(context.Background(), []string{"doctor"})
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	return code, strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
}

// findLine returns the output line that starts with prefix.
func findLine(t *testing.T, lines []string, prefix string) string {
	t.Helper()
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line starting with %q in:\n%s", prefix, strings.Join(lines, "\n"))
	return ""
}

func TestDoctor(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("TZ", "Europe/Paris")
	srv := bus.StartServer(t, notifytest.Config{Name: "dunst", Vendor: "knopwob", Version: "1.9.0", SpecVersion: "1.2",
		Capabilities: []string{"actions", "body", "body-markup"}})

	code, lines := runDoctor(t, nil)
	if code != 0 {
		t.Errorf("exit code = %d, want 0; output:\n%s", code, strings.Join(lines, "\n"))
	}
	for _, want := range []string{
		"OK   session bus: " + bus.Address + " (from DBUS_SESSION_BUS_ADDRESS)",
		"OK   notification server: dunst 1.9.0 (knopwob), spec 1.2; Done/Snooze buttons: yes; capabilities: actions, body, body-markup",
		`OK   test notification: sent`,
		"OK   time zone: Europe/Paris (CE",
	} {
		findLine(t, lines, want)
	}
	n := srv.Next(t)
	if n.AppName != "bedtime" || n.Summary != "bedtime doctor" || len(n.Actions) != 0 {
		t.Errorf("test notification = app %q, summary %q, actions %q; want bedtime, \"bedtime doctor\", none", n.AppName, n.Summary, n.Actions)
	}
}

func TestDoctorFailures(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(t *testing.T)
		schedule func(context.Context, *App) checkResult
		want     []string
	}{
		{
			name: "no notification server",
			setup: func(t *testing.T) {
				notifytest.StartBus(t).Setenv(t)
			},
			want: []string{
				"OK   session bus: ",
				"FAIL notification server: no notification server on the session bus",
				"FAIL test notification: not sent",
			},
		},
		{
			// The session bus starts dunst on demand, and dunst dies
			// (SIGTRAP, as GLib does when it cannot open the display).
			name: "activated server crashes",
			setup: func(t *testing.T) {
				script := filepath.Join(t.TempDir(), "crashing-server")
				if err := os.WriteFile(script, []byte("#!/bin/sh\nkill -TRAP $$\n"), 0o700); err != nil {
					t.Fatal(err)
				}
				notifytest.StartBusWith(t, map[string]string{"org.freedesktop.Notifications": script}).Setenv(t)
			},
			want: []string{
				"FAIL notification server: no notification server on the session bus: D-Bus tried to start one, and it failed (Process org.freedesktop.Notifications received signal 5); fix: see why with `journalctl --user -b`",
				"FAIL test notification: not sent",
			},
		},
		{
			name: "no session bus",
			setup: func(t *testing.T) {
				t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
				t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
			},
			want: []string{
				"FAIL session bus: no session bus: DBUS_SESSION_BUS_ADDRESS is not set and ",
				"FAIL notification server: not checked",
			},
		},
		{
			name: "server without actions, do not disturb on",
			setup: func(t *testing.T) {
				bus := notifytest.StartBus(t)
				bus.Setenv(t)
				srv := bus.StartServer(t, notifytest.Config{Name: "mako", Version: "1.8", Vendor: "emersion", SpecVersion: "1.2", Capabilities: []string{"body"}})
				if err := srv.SetInhibited(true); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{
				"OK   notification server: mako 1.8 (emersion), spec 1.2; Done/Snooze buttons: no (use `bedtime done` and `bedtime snooze`); capabilities: body; do not disturb is on",
				"FAIL test notification: held: do not disturb is on; fix: turn do not disturb off",
			},
		},
		{
			name: "unknown time zone",
			setup: func(t *testing.T) {
				bus := notifytest.StartBus(t)
				bus.Setenv(t)
				bus.StartServer(t, notifytest.DefaultConfig)
				t.Setenv("TZ", "Mars/Olympus_Mons")
			},
			want: []string{
				"OK   test notification: sent",
				`FAIL time zone: TZ is "Mars/Olympus_Mons", which is not a time zone this system knows; fix: unset TZ`,
			},
		},
		{
			name: "schedule check",
			setup: func(t *testing.T) {
				bus := notifytest.StartBus(t)
				bus.Setenv(t)
				bus.StartServer(t, notifytest.DefaultConfig)
			},
			schedule: func(ctx context.Context, app *App) checkResult {
				return checkResult{Name: "schedule file", Detail: "schedule.yaml:3:7: bad time", Fix: "edit it"}
			},
			want: []string{"FAIL schedule file: schedule.yaml:3:7: bad time; fix: edit it"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_CACHE_HOME", t.TempDir())
			tt.setup(t)
			code, lines := runDoctor(t, tt.schedule)
			if code != 1 {
				t.Errorf("exit code = %d, want 1; output:\n%s", code, strings.Join(lines, "\n"))
			}
			for _, want := range tt.want {
				line := findLine(t, lines, want)
				if strings.HasPrefix(line, "FAIL") && !strings.Contains(line, "; fix: ") {
					t.Errorf("failed check without a fix: %q", line)
				}
			}
		})
	}
}
