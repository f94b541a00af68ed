package tray

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// TestBuildInEachLanguage: the tooltip and the menu in English, US English,
// every shipped language and the pseudo-locale, as goldens, with two
// reminders waiting (one held, one snoozed), a pause and a day's marks.
func TestBuildInEachLanguage(t *testing.T) {
	s := loadSchedule(t, testSchedule)
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC) // a Tuesday
	due := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	st := state.State{Open: map[string]state.Instant{}, Snoozes: map[string]time.Time{}, Skips: map[string]time.Time{}}
	st.PausedUntil = time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)
	st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Held, Since: due}
	st.Open["hydration"] = state.Instant{Scheduled: due.Add(-time.Hour), Status: state.Snoozed, Since: due.Add(-time.Hour)}
	st.Snoozes["hydration"] = now.Add(15 * time.Minute)
	events := []state.Event{
		{At: due.Add(-time.Hour), Reminder: "hydration", Kind: state.Shown, Scheduled: due.Add(-time.Hour)},
		{At: due, Reminder: "magnesium", Kind: state.Held, Scheduled: due},
	}
	for _, lang := range append(append([]string{"en-US"}, locale.Shipped...), locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			l, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			v := Build(Input{Now: now, Running: false, State: st, Events: events, Schedule: s, Report: true,
				LastError: "state: locked by pid 7", Locale: l})
			var b strings.Builder
			b.WriteString("tooltip:\n" + v.Tooltip + "\n\nmenu:\n")
			for _, it := range v.Menu {
				switch {
				case it.Separator:
					b.WriteString("----\n")
				case it.Enabled():
					b.WriteString("[" + it.Label + "]\n")
				default:
					b.WriteString(it.Label + "\n")
				}
			}
			golden := filepath.Join("testdata", "lang", lang+".golden")
			if *update { // the package's -update (icons_test.go)
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./tray -run TestBuildInEachLanguage -update writes it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("the view differs from %s (-update rewrites it; then read the diff):\n%s", golden, b.String())
			}
			if !strings.HasPrefix(lang, "en") && strings.Contains(b.String(), "Quit the tray") {
				t.Errorf("the menu in %s is English:\n%s", lang, b.String())
			}
		})
	}
}

// TestHeldLineInEachLanguage: each reason a reminder is held is said in
// every shipped language, not left in English.
func TestHeldLineInEachLanguage(t *testing.T) {
	for _, via := range []string{"away", "busy: in a call", "elsewhere: desktop", "no notification server"} {
		en := heldLine(locale.English, "magnesium", "20:30", via)
		for _, lang := range locale.Shipped {
			if strings.HasPrefix(lang, "en") {
				continue
			}
			l, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := heldLine(l, "magnesium", "20:30", via); got == en || strings.Contains(got, " held") {
				t.Errorf("%s, held for %q: %q is English", lang, via, got)
			}
		}
	}
}
