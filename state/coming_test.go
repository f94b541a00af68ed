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
