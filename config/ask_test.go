package config

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/content"
)

func TestAskCramps(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		title     string
		catchUp   time.Duration
	}{
		{"the built-in question", "reminders:\n  cramp-diary:\n    at: \"06:00\"\n    ask: cramps\n", content.CrampQuestion().Title, AskCatchUp},
		{"its own words and grace", "reminders:\n  legs:\n    at: \"07:30\"\n    ask: cramps\n    title: \"Cramps?\"\n    catch_up: 3h\n", "Cramps?", 3 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseIn("s.yaml", []byte(tc.src), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			r := s.Reminders[0]
			if r.Ask != AskCramps || r.Title != tc.title || r.CatchUp != tc.catchUp || r.WhenAway != WhenAwayHold {
				t.Fatalf("reminder = ask %q, title %q, catch_up %v, when_away %q; want %q, %q, %v, hold", r.Ask, r.Title, r.CatchUp, r.WhenAway, AskCramps, tc.title, tc.catchUp)
			}
		})
	}
}

func TestTemplateAsksTheMorningQuestion(t *testing.T) {
	r, ok := DefaultIn(time.UTC).Reminder("cramp-diary")
	if !ok || r.Ask != AskCramps || !r.Enabled || r.Spec != "06:00" || r.WhenAway != WhenAwayHold {
		t.Fatalf("the default schedule's cramp-diary = %+v, %v; want the morning question at 06:00, held while away", r, ok)
	}
}
