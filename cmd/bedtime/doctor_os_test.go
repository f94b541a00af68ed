package main

import (
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/locale"
)

// TestDoctorOnWindowsSaysNoLinux: on Windows and macOS, doctor's fix for
// a test notification not shown was to read `journalctl --user`, and on
// Windows its busy line named \proc\asound, ALSA and DISPLAY. In each
// language, what it says there now names none of Linux's commands or
// files, and is in the language.
func TestDoctorOnWindowsSaysNoLinux(t *testing.T) {
	for _, lang := range locale.Shipped {
		t.Run(lang, func(t *testing.T) {
			l, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			said := []string{notShownFix(l, "windows"), busyReportIn(l, busy.Report{None: "not detected on windows yet"}), notShownFix(l, "darwin")}
			for _, s := range said {
				for _, linux := range []string{"journalctl", "systemctl", "proc", "ALSA", "DISPLAY", "X11"} {
					if strings.Contains(s, linux) {
						t.Errorf("%q names %s", s, linux)
					}
				}
			}
			if lang != "en" && said[0] == notShownFix(locale.English, "windows") {
				t.Errorf("the fix is not in %s: %q", lang, said[0])
			}
			if lang != "en" && said[2] == notShownFix(locale.English, "darwin") {
				t.Errorf("the macOS fix is not in %s: %q", lang, said[2])
			}
			if !strings.Contains(said[2], "osascript") {
				t.Errorf("on macOS the fix does not say what shows the notifications: %q", said[2])
			}
			if !strings.Contains(notShownFix(l, "linux"), "journalctl --user") {
				t.Errorf("on Linux the fix no longer says where the server's log is: %q", notShownFix(l, "linux"))
			}
		})
	}
}
