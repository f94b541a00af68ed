package config

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/locale"
)

// TestDescribe: a reminder's timing in each language: bedtime's words
// translated, the file's values (times, durations, the cron expression)
// as written, the days in the language's order and words.
func TestDescribe(t *testing.T) {
	s, err := ParseIn("describe.yaml", []byte(`reminders:
  movement: {cron: "55 9-16 * * mon-fri"}
  hydration: {every: 2h, between: "08:00-18:00"}
  walk: {every: 90m, title: Walk}
  magnesium: {at: "20:30"}
  twice: {at: ["08:00", "20:30"], days: weekends, title: Twice}
  calf-stretch: {before_bedtime: 30m}
  morning-stretch: {at: "07:30", days: [mon, tue, wed, thu, fri]}
  gym: {at: "18:00", days: [sun, tue, thu], title: Gym}
  daily: {at: "09:00", days: [mon, tue, wed, thu, fri, sat, sun], title: Daily}
`), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"en": {"cron 55 9-16 * * mon-fri", "every 2h between 08:00 and 18:00", "every 1h30m", "at 20:30",
			"at 08:00, 20:30, weekends", "30m before bedtime", "at 07:30, weekdays", "at 18:00, Tue, Thu, Sun", "at 09:00"},
		"en-US": {"cron 55 9-16 * * mon-fri", "every 2h between 08:00 and 18:00", "every 1h30m", "at 20:30",
			"at 08:00, 20:30, weekends", "30m before bedtime", "at 07:30, weekdays", "at 18:00, Sun, Tue, Thu", "at 09:00"},
		"de": {"cron 55 9-16 * * mon-fri", "alle 2h von 08:00 bis 18:00", "alle 1h30m", "um 20:30",
			"um 08:00, 20:30, am Wochenende", "30m vor dem Schlafengehen", "um 07:30, werktags", "um 18:00, Di, Do, So", "um 09:00"},
		"fr": {"cron 55 9-16 * * mon-fri", "toutes les 2h entre 08:00 et 18:00", "toutes les 1h30m", "à 20:30",
			"à 08:00, 20:30, le week-end", "30m avant le coucher", "à 07:30, en semaine", "à 18:00, mar., jeu., dim.", "à 09:00"},
		"es": {"cron 55 9-16 * * mon-fri", "cada 2h entre las 08:00 y las 18:00", "cada 1h30m", "a las 20:30",
			"a las 08:00, 20:30, los fines de semana", "30m antes de acostarte", "a las 07:30, entre semana", "a las 18:00, mar, jue, dom", "a las 09:00"},
	}
	for tag, descs := range want {
		l, err := locale.Parse(tag)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range s.Reminders {
			if got := r.Describe(l); got != descs[i] {
				t.Errorf("%s: %s = %q, want %q", tag, r.Name, got, descs[i])
			}
		}
	}
}
