package tray

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// TestControllerSkipCameMeanwhile: a Skip offered for an instant that has
// come by the time it is clicked skips nothing and says so.
func TestControllerSkipCameMeanwhile(t *testing.T) {
	s := loadSchedule(t, testSchedule)
	now := time.Date(2026, 3, 10, 21, 41, 0, 0, time.UTC)
	st := shownMagnesium(t, now)
	c := &Controller{Store: st, Schedule: func() (*config.Schedule, error) { return s, nil }, Clock: scheduler.NewFakeClock(now)}
	err := c.Do(Action{Kind: ActSkip, Reminder: "hydration", At: time.Date(2026, 3, 10, 21, 40, 0, 0, time.UTC)})
	if got, want := fmt.Sprint(err), "hydration at 21:40 has come already; nothing skipped"; got != want {
		t.Fatalf("Do = %q, want %q", got, want)
	}
	if loaded, _ := st.Load(); len(loaded.Skips) != 0 {
		t.Fatalf("skips = %v, want none", loaded.Skips)
	}
}

// shownMagnesium is a state directory where magnesium, due 20:30, is shown.
func shownMagnesium(t *testing.T, now time.Time) *state.Store {
	t.Helper()
	st, err := state.Open(filepath.Join(t.TempDir(), "state"))
	if err != nil {
		t.Fatal(err)
	}
	due := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	if _, err := st.Record(func(s *state.State) ([]state.Event, error) {
		s.Last["magnesium"] = due
		a, err := s.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Due, At: due})
		if err != nil {
			return nil, err
		}
		b, err := s.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Shown, At: due, Via: "test"})
		return append(a, b...), err
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestControllerFailsInTheSchedulesLanguage: what a menu action says
// after "Failed:" comes in the schedule's language, also when the
// schedule is broken (its language: key still names the language).
func TestControllerFailsInTheSchedulesLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C")
	now := time.Date(2026, 3, 10, 21, 41, 0, 0, time.UTC)
	at := time.Date(2026, 3, 10, 21, 40, 0, 0, time.UTC)
	broken := "language: de\ntimezone: UTC\nreminders:\n  magnesium: {at: \"25:30\"}\n"
	for _, tc := range []struct {
		name, src string
		act       Action
		want      string
	}{
		{"came meanwhile, English", testSchedule, Action{Kind: ActSkip, Reminder: "hydration", At: at},
			"hydration at 21:40 has come already; nothing skipped"},
		{"came meanwhile, German", "language: de\n" + testSchedule, Action{Kind: ActSkip, Reminder: "hydration", At: at},
			"hydration um 21:40 ist schon vorbei; nichts ausgelassen"},
		{"no such reminder, German", "language: de\n" + testSchedule, Action{Kind: ActDone, Reminder: "walk"},
			`keine Erinnerung "walk" im Plan`},
		{"broken schedule, German", broken, Action{Kind: ActPauseHour},
			"die Plandatei hat Fehler; behebe sie zuerst (`bedtime validate`)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := shownMagnesium(t, now)
			s, perr := config.ParseIn("schedule.yaml", []byte(tc.src), time.UTC)
			c := &Controller{Store: st, Schedule: func() (*config.Schedule, error) { return s, perr }, Clock: scheduler.NewFakeClock(now)}
			if got := fmt.Sprint(c.Do(tc.act)); got != tc.want {
				t.Fatalf("Do = %q, want %q", got, tc.want)
			}
		})
	}
}
