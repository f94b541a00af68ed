package devices

import (
	"slices"
	"strings"
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
	i1, i2, i3 := t0, t0.Add(time.Hour), t0.Add(2*time.Hour)
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
	snooze := func(sched, until time.Time) Record {
		return Record{Device: idA, Event: state.Event{At: now}, Snooze: &Snooze{Reminder: "hydration", Scheduled: sched, Until: until}}
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
			// When it comes due here, nothing happens.
			evs, _ := s.Apply(state.Step{Reminder: "hydration", Scheduled: i2, Kind: state.Due, At: i2})
			return s.Last["hydration"].Equal(i2) && s.Closed["hydration"].Scheduled.Equal(i2) && len(evs) == 0
		}},
		{"pause", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Paused, Detail: "until " + now.Add(time.Hour).Format(time.RFC3339)}}}, 1, func(s state.State) bool {
			return s.PausedUntil.Equal(now.Add(time.Hour))
		}},
		{"a pause of more than MaxPause is not believed", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Paused, Detail: "until " + now.Add(state.MaxPause+time.Minute).Format(time.RFC3339)}}}, 0, nil},
		{"nor one of eleven years", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Paused, Detail: "until 2038-05-05T07:40:00+02:00"}}}, 0, nil},
		{"a pause of MaxPause", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Paused, Detail: "until " + now.Add(state.MaxPause).Format(time.RFC3339)}}}, 1, func(s state.State) bool {
			return s.PausedUntil.Equal(now.Add(state.MaxPause))
		}},
		{"resume", []Record{{Device: idA, Event: state.Event{At: now, Kind: state.Resumed}}}, 1, func(s state.State) bool {
			return s.PausedUntil.IsZero()
		}},
		{"a skip asked for there", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "hydration", At: i2.Add(time.Hour)}}}, 1, func(s state.State) bool {
			return s.Skips["hydration"].Equal(i2.Add(time.Hour))
		}},
		{"the same skip again", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "hydration", At: i2.Add(time.Hour)}}}, 0, nil},
		{"a skip of an instant past", []Record{{Device: idA, Event: state.Event{At: now}, Skip: &state.Mark{Reminder: "movement", At: now.Add(-time.Hour)}}}, 0, nil},
		{"a dismiss is not followed", []Record{{Device: idA, Event: state.Event{At: now, Reminder: "hydration", Kind: state.Dismissed, Scheduled: i2}}}, 0, nil},
		{"a snooze event alone (history) is not followed", []Record{{Device: idA, Event: state.Event{At: now, Reminder: "hydration", Kind: state.Snoozed, Scheduled: i2}}}, 0, nil},
		{"a snooze of an instant done here", []Record{snooze(i2, now.Add(10*time.Minute))}, 0, nil},
		{"a snooze of an instant not come here yet", []Record{snooze(i3, now.Add(10*time.Minute))}, 1, func(s state.State) bool {
			in := s.Open["hydration"]
			return in.Scheduled.Equal(i3) && in.Status == state.Snoozed && s.Snoozes["hydration"].Equal(now.Add(10*time.Minute)) && s.Last["hydration"].Equal(i3)
		}},
		{"the same snooze again (its echo)", []Record{snooze(i3, now.Add(10*time.Minute))}, 0, nil},
		{"snoozed again there: moved again", []Record{snooze(i3, now.Add(20*time.Minute))}, 1, func(s state.State) bool {
			return s.Open["hydration"].Status == state.Snoozed && s.Snoozes["hydration"].Equal(now.Add(20*time.Minute))
		}},
		{"a snooze that is over", []Record{snooze(i3, now.Add(-time.Minute))}, 0, nil},
		{"a snooze of more than a day", []Record{snooze(i3, now.Add(MaxSnooze+time.Minute))}, 0, nil},
		{"a snooze of an older instant", []Record{snooze(i2, now.Add(30*time.Minute))}, 0, nil},
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
	h, _ := st.History(time.Time{})
	last := h[len(h)-1]
	if last.Kind != state.Snoozed || last.Detail != "on laptop" || !last.Scheduled.Equal(i3) {
		t.Errorf("the snooze followed is recorded as %+v", last)
	}
	var done2 bool
	for _, ev := range h {
		if ev.Kind == state.Done && ev.Detail == "on laptop" && ev.Scheduled.Equal(i2) {
			done2 = true
		}
	}
	if !done2 {
		t.Errorf("the Done followed is not recorded as done on laptop: %+v", h)
	}
}

// TestSplitLeavesAFollowedAnswerToItsDevice: a Done given on the laptop,
// followed on the desktop (which records it in its own history), counts
// in the split by device for the laptop alone: the desktop's part has no
// answer it did not give. The merged record has the instant once, done.
func TestSplitLeavesAFollowedAnswerToItsDevice(t *testing.T) {
	st, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := t0.Add(5 * time.Minute)
	laptop := []Record{
		{Device: idA, Event: state.Event{At: t0, Reminder: "pill", Kind: state.Due, Scheduled: t0}},
		{Device: idA, Event: state.Event{At: t0, Reminder: "pill", Kind: state.Shown, Scheduled: t0}},
		{Device: idA, Event: state.Event{At: now, Reminder: "pill", Kind: state.Done, Scheduled: t0}},
	}
	snoozed := Record{Device: idA, Event: state.Event{At: now}, Snooze: &Snooze{Reminder: "water", Scheduled: t0, Until: now.Add(10 * time.Minute)}}
	if n, err := Follow(st, append(laptop, snoozed), now, func(string) string { return "laptop (" + idA[:6] + ")" }); n != 2 || err != nil {
		t.Fatalf("Follow = %d, %v; want 2 followed", n, err)
	}
	local, err := st.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	followed := 0
	for _, e := range local {
		if Followed(e) {
			followed++
		}
	}
	if followed != 2 {
		t.Fatalf("the desktop's history %+v has %d followed answers, want the Done and the snooze", local, followed)
	}
	all, byDev := Merge(idB, local, laptop, time.Time{})
	for _, e := range byDev[idB] {
		if e.Kind == state.Done || e.Kind == state.Snoozed {
			t.Errorf("the desktop's part has %s of %s, which it only followed", e.Kind, e.Reminder)
		}
	}
	if got := len(byDev[idA]); got != len(laptop) {
		t.Errorf("the laptop's part has %d events, want its %d", got, len(laptop))
	}
	pill := false
	for _, s := range state.Stats(all, 7, now.Add(time.Minute), time.UTC) {
		if s.Reminder == "pill" {
			pill = true
			if s.Due != 1 || s.Done != 1 {
				t.Errorf("merged pill: due %d done %d, want 1 and 1", s.Due, s.Done)
			}
		}
	}
	if !pill {
		t.Error("the merged stats have no pill")
	}
}

// TestFollowTakesRecordsInTheOrderTheyHappened: a Scan hands over the
// records device by device (in the order of their ids), not in the order
// they were given. What the person did last wins all the same: a resume
// on one computer before a pause on another leaves it paused, and of two
// pauses the later one counts, whichever device's files are read first.
func TestFollowTakesRecordsInTheOrderTheyHappened(t *testing.T) {
	now := t0.Add(time.Hour)
	tests := []struct {
		name string
		recs []Record // as Scan hands them over: idA's, then idB's
		want time.Time
	}{
		{"a pause and its resume, then a pause elsewhere", []Record{
			pauseRec(idA, t0.Add(30*time.Minute), t0.Add(3*time.Hour)),
			pauseRec(idB, t0.Add(5*time.Minute), t0.Add(2*time.Hour)), resumeRec(idB, t0.Add(10*time.Minute)),
		}, t0.Add(3 * time.Hour)},
		{"a pause, then a resume elsewhere", []Record{
			pauseRec(idA, t0.Add(10*time.Minute), t0.Add(2*time.Hour)),
			resumeRec(idB, t0.Add(20*time.Minute)),
		}, time.Time{}},
		{"a shorter pause given later", []Record{
			pauseRec(idA, t0.Add(40*time.Minute), t0.Add(90*time.Minute)),
			pauseRec(idB, t0.Add(10*time.Minute), t0.Add(3*time.Hour)),
		}, t0.Add(90 * time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := state.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			// Scan's order: idA's records first when idA < idB.
			recs := tt.recs
			if idB < idA {
				recs = slices.Clone(recs)
				slices.Reverse(recs)
			}
			if _, err := Follow(st, recs, now, func(string) string { return "laptop" }); err != nil {
				t.Fatal(err)
			}
			s, _ := st.Load()
			if !s.PausedUntil.Equal(tt.want) {
				t.Errorf("paused until %v, want %v", s.PausedUntil, tt.want)
			}
		})
	}
}

// TestFollowAcrossScans: records of three computers read in two scans (a
// sync tool brought one computer's file late) are still taken in the
// order they were given: a resume given before the pause in effect ended
// an older pause, not this one; a pause given before it does not replace
// it.
func TestFollowAcrossScans(t *testing.T) {
	now := t0.Add(time.Hour)
	tests := []struct {
		name         string
		first, later []Record
		want         time.Time
	}{
		{"an older resume read late", []Record{pauseRec(idC, t0.Add(30*time.Minute), t0.Add(3*time.Hour))},
			[]Record{resumeRec(idB, t0.Add(10*time.Minute))}, t0.Add(3 * time.Hour)},
		{"an older pause read late", []Record{pauseRec(idC, t0.Add(30*time.Minute), t0.Add(3*time.Hour))},
			[]Record{pauseRec(idB, t0.Add(10*time.Minute), t0.Add(5*time.Hour))}, t0.Add(3 * time.Hour)},
		{"a newer resume read later", []Record{pauseRec(idC, t0.Add(30*time.Minute), t0.Add(3*time.Hour))},
			[]Record{resumeRec(idB, t0.Add(40*time.Minute))}, time.Time{}},
		{"an older pause read after a resume", []Record{resumeRec(idC, t0.Add(30*time.Minute))},
			[]Record{pauseRec(idB, t0.Add(10*time.Minute), t0.Add(5*time.Hour))}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := state.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(tt.name, "after a resume") {
				// This computer was paused; C's resume ends it first.
				if err := st.Pause(t0.Add(2*time.Hour), t0.Add(5*time.Minute), time.UTC); err != nil {
					t.Fatal(err)
				}
			}
			label := func(string) string { return "laptop" }
			for _, recs := range [][]Record{tt.first, tt.later} {
				if _, err := Follow(st, recs, now, label); err != nil {
					t.Fatal(err)
				}
			}
			s, _ := st.Load()
			if !s.PausedUntil.Equal(tt.want) {
				t.Errorf("paused until %v, want %v", s.PausedUntil, tt.want)
			}
		})
	}
}

// TestFollowLeavesAPauseEndedHere: a pause or resume from another computer
// is read again whenever this computer reads the folder afresh (bedtime
// restarted, the folder unmounted and back). One given here since, which
// the other computer followed without a line of its own, wins: a pause
// resumed here does not come back, a resume there does not end a pause
// given here after it.
func TestFollowLeavesAPauseEndedHere(t *testing.T) {
	pause := Record{Device: idA, Event: state.Event{At: t0, Kind: state.Paused, Detail: "until " + t0.Add(3*time.Hour).Format(time.RFC3339)}}
	resume := Record{Device: idA, Event: state.Event{At: t0.Add(10 * time.Minute), Kind: state.Resumed}}
	tests := []struct {
		name string
		recs []Record
		here func(st *state.Store) error // given here after the records
		want time.Time
	}{
		{"a pause there, resumed here", []Record{pause}, func(st *state.Store) error {
			_, err := st.Resume(t0.Add(20 * time.Minute))
			return err
		}, time.Time{}},
		{"a resume there, paused here after", []Record{pause, resume}, func(st *state.Store) error {
			return st.Pause(t0.Add(2*time.Hour), t0.Add(20*time.Minute), time.UTC)
		}, t0.Add(2 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := state.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			label := func(string) string { return "laptop" }
			if _, err := Follow(st, tt.recs, t0.Add(15*time.Minute), label); err != nil {
				t.Fatal(err)
			}
			if err := tt.here(st); err != nil {
				t.Fatal(err)
			}
			// Read again: bedtime restarted here.
			if _, err := Follow(st, tt.recs, t0.Add(30*time.Minute), label); err != nil {
				t.Fatal(err)
			}
			s, _ := st.Load()
			if !s.PausedUntil.Equal(tt.want) {
				t.Errorf("paused until %v, want %v", s.PausedUntil, tt.want)
			}
		})
	}
}

// pauseRec is device dev's record of a pause given at at, until until.
func pauseRec(dev string, at, until time.Time) Record {
	return Record{Device: dev, Event: state.Event{At: at, Kind: state.Paused, Detail: "until " + until.Format(time.RFC3339)}}
}

// resumeRec is device dev's record of a resume given at at.
func resumeRec(dev string, at time.Time) Record {
	return Record{Device: dev, Event: state.Event{At: at, Kind: state.Resumed}}
}
