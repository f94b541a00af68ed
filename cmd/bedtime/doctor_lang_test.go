package main

import (
	"context"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
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
