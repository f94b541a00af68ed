package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// langSchedule writes the Berlin default schedule with language: lang
// first and returns its path.
func langSchedule(t *testing.T, lang string) string {
	t.Helper()
	path := berlinDefault(t)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append([]byte("language: "+lang+"\n"), src...), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestStatusInEachLanguage: status's text in every shipped language, US
// English and the pseudo-locale, paused with a day's history, as goldens;
// its JSON stays English.
func TestStatusInEachLanguage(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	for _, lang := range append([]string{"en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			st := installedStatus
			st.ConfigPath = path
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.Clock = scheduler.NewFakeClock(now)
			store := newStateDir(t)
			app.StateDir = store.Dir()
			statusDay(t, store, true)
			// --config: the service's file is the one here too.
			code, out, errOut := runApp(app, "status", "--config", path)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "stats/status-lang-"+lang+".golden", []byte(strings.ReplaceAll(out, path, "/home/alice/.config/bedtime/schedule.yaml")))

			_, js, _ := runApp(app, "status", "--json")
			if !strings.Contains(js, `"reminder": "hydration",`+"\n"+`    "at": "2026-11-27T20:00:00+01:00"`) || strings.ContainsAny(js, "⟦äéí") {
				t.Errorf("status --json is not English:\n%s", js)
			}
		})
	}
}

// TestStatusNotInstalledInEachLanguage: the service's lines are translated
// too, labels aligned to the language's widest.
func TestStatusNotInstalledInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append(locale.Shipped[1:], locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			st := serviceStatus{Manager: "systemd user unit", UnitPath: "/home/alice/.config/systemd/user/bedtime.service", ConfigPath: path}
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.Clock = scheduler.NewFakeClock(nov(t, 27, "16:30"))
			app.StateDir = newStateDir(t).Dir()
			_, out, _ := runApp(app, "status", "--ascii", "--config", path)
			if strings.Contains(out, st.Manager) {
				t.Errorf("the service's kind %q is not translated:\n%s", st.Manager, out)
			}
			testutil.Golden(t, "stats/status-not-installed-"+lang+".golden", []byte(strings.ReplaceAll(out, path, "/home/alice/.config/bedtime/schedule.yaml")))
		})
	}
}

// TestStatsInEachLanguage: stats's table in every shipped language, US
// English and the pseudo-locale, over a week and over one day (the
// singular), as goldens; its JSON stays English.
func TestStatsInEachLanguage(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "22:30").UTC()
	for _, lang := range append([]string{"en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			s := newStateDir(t)
			aWeek(t, s)
			var all strings.Builder
			for _, args := range [][]string{{"--ascii"}, {"--days", "1"}} {
				code, out, errOut := runIn(t, s.Dir(), now, append([]string{"stats", "--config", path}, args...)...)
				if code != 0 || errOut != "" {
					t.Fatalf("stats %v: exit %d, stderr %q", args, code, errOut)
				}
				all.WriteString("$ bedtime stats " + strings.Join(args, " ") + "\n" + out + "\n")
			}
			testutil.Golden(t, "stats/lang-"+lang+".golden", []byte(all.String()))

			_, js, _ := runIn(t, s.Dir(), now, "stats", "--config", path, "--json")
			if !strings.Contains(js, `"reminder": "magnesium"`) || strings.ContainsAny(js, "⟦äéí") {
				t.Errorf("stats --json is not language-neutral:\n%s", js)
			}
		})
	}
}

// TestWriteStatsCountsAndPlurals: the old-lines note takes the language's
// singular and plural, and large counts are not grouped (1200, not 1,200).
func TestWriteStatsCountsAndPlurals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang         string
		unattributed int
		want         []string
	}{
		{"en", 1, []string{"1 old history line matched no instant and is not counted.", "1200 of 1500 (80%)"}},
		{"en", 2, []string{"2 old history lines matched no instant and are not counted."}},
		{"de", 1, []string{"1 alte Zeile des Verlaufs passte zu keinem Zeitpunkt und ist nicht gezählt.", "1200 von 1500 (80\u00a0%)"}},
		{"fr", 2, []string{"2 anciennes lignes de l’historique ne correspondent à aucun moment et ne sont pas comptées."}},
		{"es", 1, []string{"1 línea antigua del historial no corresponde a ningún momento y no se cuenta."}},
	}
	for _, tt := range tests {
		l, err := locale.Parse(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		stats := []state.ReminderStats{{Reminder: "magnesium", Done: 1200, Due: 1500, Adherence: 0.8, Streak: 1,
			Unattributed: tt.unattributed, Days: []state.DayMark{{Date: "2026-11-27", Mark: state.MarkDone}}}}
		var b strings.Builder
		writeStats(&b, l, stats, 1, markSet(true))
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s, %d old lines: output lacks %q:\n%s", tt.lang, tt.unattributed, w, b.String())
			}
		}
	}
}

// TestLabelsFit: a continuation line that would pass 80 columns under its
// label is split at a two-space gap; one that fits, or has no gap, is not.
func TestLabelsFit(t *testing.T) {
	lb := labels{l: locale.English, width: 11} // "Demnächst:" and its space
	long := "✓ erledigt  ○ gezeigt  ✗ verpasst  – ausgelassen  • fällig  (jetzt 16:30)"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"fits", "✓ done  ○ shown  ✗ missed  – skipped  • due  (now 16:30)", []string{"✓ done  ○ shown  ✗ missed  – skipped  • due  (now 16:30)"}},
		{"too long", long, []string{"✓ erledigt  ○ gezeigt  ✗ verpasst  – ausgelassen  • fällig", "(jetzt 16:30)"}},
		{"no gap", strings.Repeat("x", 90), []string{strings.Repeat("x", 90)}},
		{"first gap too far", strings.Repeat("x", 70) + "  y", []string{strings.Repeat("x", 70) + "  y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lb.fit(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("fit = %q, want %q", got, tt.want)
			}
			for _, line := range got[:len(got)-1] {
				if n := utf8.RuneCountInString(lb.cont() + line); n > statusColumns {
					t.Errorf("%q is %d columns under the label", line, n)
				}
			}
		})
	}
}
