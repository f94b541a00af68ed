package tray

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/diary"
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

// TestControllerAnswersTheMorningQuestion: the morning question is
// answered from the menu as on its notification: the answer goes into
// the cramp diary, about the night before the day it was due, and the
// question is done; Done alone is refused, as `bedtime done` refuses it,
// for it would count the question answered with nothing in the diary.
func TestControllerAnswersTheMorningQuestion(t *testing.T) {
	src := testSchedule + "  cramp-diary: {at: \"06:00\", ask: cramps}\n"
	due := time.Date(2026, 3, 10, 6, 0, 0, 0, time.UTC)
	now := due.Add(90 * time.Minute)
	for _, tc := range []struct {
		name      string
		act       Action
		wantErr   string
		wantDiary []diary.Entry
		wantOpen  bool
	}{
		{"some", Action{Kind: ActAnswer, Reminder: "cramp-diary", At: due, Answer: "some"}, "",
			[]diary.Entry{{Night: "2026-03-09", At: now, Via: diary.ViaDesktop, Answer: diary.AnswerSome}}, false},
		{"none", Action{Kind: ActAnswer, Reminder: "cramp-diary", At: due, Answer: "none"}, "",
			[]diary.Entry{{Night: "2026-03-09", At: now, Via: diary.ViaDesktop, Answer: diary.AnswerNone}}, false},
		{"done is refused", Action{Kind: ActDone, Reminder: "cramp-diary"},
			"cramp-diary asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", nil, true},
		{"an answer that is none of the buttons", Action{Kind: ActAnswer, Reminder: "cramp-diary", At: due, Answer: "maybe"},
			"cramp-diary asks no question", nil, true},
		{"an answer to a reminder that asks nothing", Action{Kind: ActAnswer, Reminder: "magnesium", At: due, Answer: "some"},
			"magnesium asks no question", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := state.Open(filepath.Join(t.TempDir(), "state"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Record(func(s *state.State) ([]state.Event, error) {
				s.Last["cramp-diary"] = due
				a, err := s.Apply(state.Step{Reminder: "cramp-diary", Scheduled: due, Kind: state.Due, At: due})
				if err != nil {
					return nil, err
				}
				b, err := s.Apply(state.Step{Reminder: "cramp-diary", Scheduled: due, Kind: state.Shown, At: due, Via: "test"})
				return append(a, b...), err
			}); err != nil {
				t.Fatal(err)
			}
			s := loadSchedule(t, src)
			c := &Controller{Store: st, Schedule: func() (*config.Schedule, error) { return s, nil }, Clock: scheduler.NewFakeClock(now)}
			err = c.Do(tc.act)
			if got := fmt.Sprint(err); (tc.wantErr == "" && err != nil) || (tc.wantErr != "" && got != tc.wantErr) {
				t.Fatalf("Do = %v, want %q", err, tc.wantErr)
			}
			entries, err := diary.Open(st.Dir(), nil).Read()
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(tc.wantDiary) {
				t.Fatalf("diary = %+v, want %+v", entries, tc.wantDiary)
			}
			for i, e := range entries {
				w := tc.wantDiary[i]
				if e.Night != w.Night || !e.At.Equal(w.At) || e.Via != w.Via || e.Answer != w.Answer {
					t.Errorf("diary[%d] = %+v, want %+v", i, e, w)
				}
			}
			loaded, err := st.Load()
			if err != nil {
				t.Fatal(err)
			}
			if _, open := loaded.Open["cramp-diary"]; open != tc.wantOpen {
				t.Errorf("question open = %v, want %v (closed: %+v)", open, tc.wantOpen, loaded.Closed["cramp-diary"])
			}
			if !tc.wantOpen && loaded.Closed["cramp-diary"].Kind != state.Done {
				t.Errorf("question ended %q, want done", loaded.Closed["cramp-diary"].Kind)
			}
		})
	}
}
