package state

import (
	"fmt"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

func TestNext(t *testing.T) {
	t.Parallel()
	at := func(hhmm string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", "2026-11-25 "+hhmm)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	daily := func(h, m int) scheduler.Schedule {
		return &scheduler.Daily{Times: []scheduler.TimeOfDay{{Hour: h, Minute: m}}, Location: time.UTC}
	}
	jobs := []scheduler.Job{{Name: "magnesium", Schedule: daily(20, 30)}, {Name: "water", Schedule: daily(18, 0)}, {Name: "stretch", Schedule: daily(22, 0)}}
	st := State{
		PausedUntil: at("18:30"),
		Skips:       map[string]time.Time{"stretch": at("22:00")},
		Snoozes:     map[string]time.Time{"water": at("17:10"), "old": at("16:00")},
	}
	tests := []struct {
		n    int
		want string
	}{
		{5, "[{water 17:10 snoozed} {water 18:00 paused} {magnesium 20:30 } {stretch 22:00 skipped} {water 18:00 }]"},
		{2, "[{water 17:10 snoozed} {water 18:00 paused}]"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range st.Next(jobs, at("17:00"), tt.n) {
			got = append(got, fmt.Sprintf("{%s %s %s}", c.Reminder, c.At.Format("15:04"), c.Note))
		}
		if s := fmt.Sprintf("%s", got); s != tt.want {
			t.Errorf("Next(%d) = %s\nwant      %s", tt.n, s, tt.want)
		}
	}
}

// TestNextShown: status's next line names the first firing that will be
// shown, passing over a skipped instant and a pause, and a snooze before
// it.
func TestNextShown(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	daily := func(h, m int) scheduler.Schedule {
		return &scheduler.Daily{Times: []scheduler.TimeOfDay{{Hour: h, Minute: m}}, Location: time.UTC}
	}
	jobs := []scheduler.Job{{Name: "hydration", Schedule: daily(18, 0)}, {Name: "magnesium", Schedule: daily(20, 30)}}
	tests := []struct {
		name string
		st   State
		want string
	}{
		{"nothing planned", State{}, "hydration 11-25 18:00 "},
		{"skipped", State{Skips: map[string]time.Time{"hydration": at(18, 0)}}, "magnesium 11-25 20:30 "},
		{"both skipped", State{Skips: map[string]time.Time{"hydration": at(18, 0), "magnesium": at(20, 30)}}, "hydration 11-26 18:00 "},
		{"paused", State{PausedUntil: at(21, 0)}, "hydration 11-26 18:00 "},
		{"paused until a firing", State{PausedUntil: at(20, 30)}, "magnesium 11-25 20:30 "},
		{"a snooze first", State{Skips: map[string]time.Time{"hydration": at(18, 0)}, Snoozes: map[string]time.Time{"hydration": at(17, 10)}}, "hydration 11-25 17:10 snoozed"},
		{"an old snooze", State{Snoozes: map[string]time.Time{"hydration": at(16, 0)}}, "hydration 11-25 18:00 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := tt.st.NextShown(jobs, at(17, 0))
			if got := fmt.Sprintf("%s %s %s", c.Reminder, c.At.Format("01-02 15:04"), c.Note); !ok || got != tt.want {
				t.Errorf("NextShown = %q, %v, want %q", got, ok, tt.want)
			}
		})
	}
	if c, ok := (State{}).NextShown(nil, at(17, 0)); ok {
		t.Errorf("NextShown of no jobs = %+v, want none", c)
	}
}
