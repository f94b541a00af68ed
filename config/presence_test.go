package config

import (
	"testing"
	"time"
)

// TestPresenceKeys checks away.after, when_away, stay and sound, and their
// defaults.
func TestPresenceKeys(t *testing.T) {
	src := `
away: {after: 12m}
reminders:
  movement: {cron: "55 9-16 * * mon-fri"}
  hydration: {every: 2h, when_away: show, when_busy: show, stay: false, sound: true}
  magnesium: {at: "20:30", stay: 90s, sound: bell}
  calf-stretch: {before_bedtime: 30m, routine: calf-stretch, when_away: skip, stay: yes, sound: off}
  pills: {at: "08:00", title: Pills, when_away: HOLD, when_busy: Hold}
`
	s, err := Parse("schedule.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.AwayAfter != 12*time.Minute {
		t.Errorf("AwayAfter = %v, want 12m", s.AwayAfter)
	}
	tests := []struct {
		name     string
		whenAway WhenAway
		whenBusy WhenBusy
		stay     time.Duration
		sound    string
	}{
		{"movement", WhenAwaySkip, WhenBusyHold, StayUntilAnswered, ""},
		{"hydration", WhenAwayShow, WhenBusyShow, 0, DefaultSound},
		{"magnesium", WhenAwayHold, WhenBusyHold, 90 * time.Second, "bell"},
		{"calf-stretch", WhenAwaySkip, WhenBusyHold, StayUntilAnswered, ""},
		{"pills", WhenAwayHold, WhenBusyHold, StayUntilAnswered, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := s.Reminder(tt.name)
			if !ok {
				t.Fatal("no such reminder")
			}
			if r.WhenAway != tt.whenAway || r.WhenBusy != tt.whenBusy || r.Stay != tt.stay || r.Sound != tt.sound {
				t.Errorf("when_away %q, when_busy %q, stay %v, sound %q; want %q, %q, %v, %q", r.WhenAway, r.WhenBusy, r.Stay, r.Sound, tt.whenAway, tt.whenBusy, tt.stay, tt.sound)
			}
		})
	}
}

// TestPresenceDefaults: a schedule without the keys, and the built-in one.
func TestPresenceDefaults(t *testing.T) {
	for _, s := range []*Schedule{Default(), mustParse(t, "reminders:\n  movement: {every: 1h}\n  magnesium: {at: \"20:30\"}\n")} {
		if s.AwayAfter != DefaultAwayAfter {
			t.Errorf("%s: AwayAfter = %v, want %v", s.Path, s.AwayAfter, DefaultAwayAfter)
		}
		for _, r := range s.Reminders {
			want := WhenAwayHold
			if r.Name == "movement" {
				want = WhenAwaySkip
			}
			if r.WhenAway != want || r.WhenBusy != WhenBusyHold || r.Stay != StayUntilAnswered || r.Sound != "" {
				t.Errorf("%s: %s: when_away %q, stay %v, sound %q; want %q, until answered, silent", s.Path, r.Name, r.WhenAway, r.Stay, r.Sound, want)
			}
		}
	}
}

func mustParse(t *testing.T, src string) *Schedule {
	t.Helper()
	s, err := Parse("schedule.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
