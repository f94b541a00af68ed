//go:build linux

package main

import (
	"context"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/tray"
)

// TestDoctorTrayLineInEachLanguage: doctor's tray line (what
// tray.ProbeHost found, its fix and the note that only the tray needs a
// host) comes in the person's language; only D-Bus's own error in it
// stays as it came. It was English in every language.
func TestDoctorTrayLineInEachLanguage(t *testing.T) {
	t.Parallel()
	noBus := tray.ProbeHost(context.Background(), "unix:path=/nonexistent/bedtime-test-bus", "")
	noHost := tray.Host{Detail: "no tray host on the session bus (no org.kde.StatusNotifierWatcher)",
		Format: "no tray host on the session bus (no %s)", Args: []any{"org.kde.StatusNotifierWatcher"},
		Fix: "use a panel with a status notifier tray (KDE, Xfce's Status Tray plugin, Cinnamon, MATE, waybar's tray)"}
	if noBus.Found || noBus.Format != "no session bus: %v" {
		t.Fatalf("ProbeHost on no bus = %+v", noBus)
	}
	busErr := strings.TrimPrefix(noBus.Detail, "no session bus: ")
	want := map[string][2]string{
		"de": {"kein Sitzungsbus: " + busErr + "; nur bedtime tray braucht das, und es ist nicht installiert",
			"keine Leiste mit Statusbereich auf dem Sitzungsbus (kein org.kde.StatusNotifierWatcher)"},
		"fr": {"pas de bus de session\u00a0: " + busErr + "\u00a0; seul bedtime tray en a besoin, et il n’est pas installé",
			"aucun panneau avec zone de notification sur le bus de session (pas de org.kde.StatusNotifierWatcher)"},
		"es": {"no hay bus de sesión: " + busErr + "; solo bedtime tray lo necesita, y no está instalado",
			"ningún panel con bandeja de estado en el bus de sesión (no hay org.kde.StatusNotifierWatcher)"},
	}
	for _, lang := range append(locale.Shipped, locale.Pseudo) {
		l, err := locale.Parse(lang)
		if err != nil {
			t.Fatal(err)
		}
		off := trayResult(l, noBus, false)
		on := trayResult(l, noHost, true)
		if !off.OK || on.OK {
			t.Errorf("%s: OK = %v without the tray installed, %v with it; want true, false", lang, off.OK, on.OK)
		}
		if lang == locale.Pseudo {
			// Every word of bedtime's own goes through the catalog.
			for _, s := range []string{strings.Replace(off.Detail, busErr, "", 1), on.Detail, on.Fix, off.Fix} {
				if !strings.HasPrefix(s, "⟦") {
					t.Errorf("pseudo: %q bypasses the catalog", s)
				}
			}
			continue
		}
		if w, ok := want[lang]; ok && (off.Detail != w[0] || on.Detail != w[1]) {
			t.Errorf("%s: tray line\n got %q\n     %q\nwant %q\n     %q", lang, off.Detail, on.Detail, w[0], w[1])
		}
	}
}
