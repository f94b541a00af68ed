package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestDoctorInEachLanguage: doctor's frame (the checks' names, "fix", the
// count of failures with its plural) in every shipped language and the
// pseudo-locale, as goldens; OK and FAIL stay as they are.
func TestDoctorInEachLanguage(t *testing.T) {
	t.Parallel()
	checks := []doctorCheck{
		func(context.Context, *App) []checkResult {
			return []checkResult{
				{Name: checkBus, OK: true, Detail: "unix:path=/run/user/1000/bus (from DBUS_SESSION_BUS_ADDRESS)"},
				{Name: checkServer, Detail: "no notification server", Fix: "start one such as dunst"},
			}
		},
		one(func(context.Context, *App) checkResult {
			return checkResult{Name: "channel phone", Detail: "ntfy.sh does not answer", Fix: "check the network"}
		}),
		one(func(context.Context, *App) checkResult {
			return checkResult{Name: "time zone", OK: true, Detail: "Europe/Berlin"}
		}),
	}
	for _, lang := range append(locale.Shipped, locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			app := &App{Checks: checks}
			code, out, _ := runApp(app, "doctor", "--config", path)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if strings.Count(out, "FAIL ") != 2 || strings.Count(out, "OK   ") != 2 {
				t.Errorf("OK and FAIL are not kept:\n%s", out)
			}
			testutil.Golden(t, "lang/doctor-"+lang+".golden", []byte(out))
		})
	}
}

// TestDoctorServiceSinceInGerman: doctor's service line writes when the
// daemon started in the person's language, as status does, not in the
// service manager's English.
func TestDoctorServiceSinceInGerman(t *testing.T) {
	t.Parallel()
	app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return installedStatus, nil }}, "/usr/bin/bedtime")
	app.Getenv = func(k string) string { return map[string]string{"LANG": "de_DE.UTF-8"}[k] }
	app.Clock = scheduler.NewFakeClock(time.Date(2025, 11, 26, 8, 0, 0, 0, time.UTC))
	app.Stdout, app.Stderr = io.Discard, io.Discard
	r := checkService(context.Background(), app)
	if want := "läuft, PID 4242 seit Di 25. Nov. 21:54 UTC (systemd-Benutzer-Unit /home/alice/.config/systemd/user/bedtime.service)"; r.Detail != want {
		t.Errorf("doctor's service line\n got %s\nwant %s", r.Detail, want)
	}
}

// TestNotifyErrInKeepsTheLanguagesColon: a notify error that wraps the
// system's reason ("session bus connection failed: ...") is joined to it
// as the language writes a colon: French puts a no-break space before it.
func TestNotifyErrInKeepsTheLanguagesColon(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("%w: %w", notify.ErrBus, errors.New("dial unix /nonexistent: connect: no such file or directory"))
	for lang, want := range map[string]string{
		"en": "session bus connection failed: dial unix /nonexistent: connect: no such file or directory",
		"de": "Verbindung zum Sitzungsbus fehlgeschlagen: dial unix /nonexistent: connect: no such file or directory",
		"fr": "la connexion au bus de session a échoué\u00a0: dial unix /nonexistent: connect: no such file or directory",
	} {
		l, perr := locale.Parse(lang)
		if perr != nil {
			t.Fatal(perr)
		}
		if got := notifyErrIn(l, err); got != want {
			t.Errorf("%s: notifyErrIn = %q, want %q", lang, got, want)
		}
	}
}
