package devices

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

func TestFollowAnswersAndPauses(t *testing.T) {
	st, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := t0.Add(5 * time.Minute)
	i1, i2 := t0, t0.Add(time.Hour)
	// This device shows i1.
	if _, err := st.Record(func(s *state.State) ([]state.Event, error) {
		a, _ := s.Apply(state.Step{Reminder: "hydration", Scheduled: i1, Kind: state.Due, At: t0})
		b, _ := s.Apply(state.Step{Reminder: "hydration", Scheduled: i1, Kind: state.Shown, At: t0})
		s.Last["hydration"] = i1
		return append(a, b...), nil
	}); err != nil {
		t.Fatal(err)
	}
	label := func(id string) string { return "laptop" }
	done := func(sched time.Time, at time.Time) Record {
		return Record{Device: idA, Event: state.Event{At: at, Reminder: "hydration", Kind: state.Done, Scheduled: sched}}
	}
	tests := []struct {
		name  string
		recs  []Record
		want  int
		check func(s state.State) bool
	}{
		{"done elsewhere ends it here", []Record{done(i1, now)}, 1, func(s state.State) bool {
			_, open := s.Open["hydration"]
			return !open && s.Closed["hydration"].Kind == state.Done
		}},
		{"read again: nothing", []Record{done(i1, now)}, 0, nil},
		{"too old to follow", []Record{done(i1, now.Add(-FollowWindow-time.Minute))}, 0, nil},
		{"an instant not come here yet", []Record{done(i2, now)}, 1, func(s state.State) bool {
			return s.Last["hydration"].Equal(i2) && s.Closed["hydration"].Scheduled.Equal(i2)
		}},
		{"pause", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Paused, Detail: "until " + now.Add(time.Hour).Format(time.RFC3339)}}}, 1, func(s state.State) bool {
			return s.PausedUntil.Equal(now.Add(time.Hour))
		}},
		{"resume", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Resumed}}}, 1, func(s state.State) bool {
			return s.PausedUntil.IsZero()
		}},
		{"a skip asked for there", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "hydration", At: i2.Add(time.Hour)}}}, 1, func(s state.State) bool {
			return s.Skips["hydration"].Equal(i2.Add(time.Hour))
		}},
		{"the same skip again", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "hydration", At: i2.Add(time.Hour)}}}, 0, nil},
		{"a skip of an instant past", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "movement", At: now.Add(-time.Hour)}}}, 0, nil},
		{"snooze and dismiss are not followed", []Record{{Device: idA, Event: state.Event{At: now, Reminder: "hydration", Kind: state.Snoozed, Scheduled: i2}}}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Follow(st, tt.recs, now, label)
			if err != nil || n != tt.want {
				t.Fatalf("Follow = %d, %v; want %d", n, err, tt.want)
			}
			s, _ := st.Load()
			if tt.check != nil && !tt.check(s) {
				t.Errorf("state after: %+v", s)
			}
		})
	}
	// The instant that was done elsewhere comes due here: nothing happens.
	s, _ := st.Load()
	if evs, _ := s.Apply(state.Step{Reminder: "hydration", Scheduled: i2, Kind: state.Due, At: i2}); len(evs) != 0 {
		t.Errorf("an instant done elsewhere came due here: %+v", evs)
	}
	h, _ := st.History(time.Time{})
	last := h[len(h)-1]
	if last.Kind != state.Done || last.Detail != "on laptop" {
		t.Errorf("the Done followed is recorded as %+v", last)
	}
}
