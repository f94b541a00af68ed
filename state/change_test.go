package state

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestChangesReplayAsDecided: what a decision made through a Tx is kept as
// data (through JSON, as it would be written or sent), and applying that
// data to the state the decision saw gives the same state and the same
// history events, without the decision.
func TestChangesReplayAsDecided(t *testing.T) {
	at := time.Date(2026, 12, 7, 21, 0, 0, 0, time.UTC)
	base := func() State {
		var st State
		st.fill()
		st.Open["water"] = Instant{Scheduled: at.Add(-time.Hour), Status: Shown, Since: at.Add(-time.Hour)}
		st.Skips["movement"] = at
		st.Snoozes["water"] = at.Add(time.Minute)
		return st
	}
	tests := []struct {
		name   string
		decide func(*Tx)
		events int
	}{
		{"firing supersedes the open instant", func(tx *Tx) {
			tx.SetLast("water", at)
			tx.SetSnooze("water", time.Time{})
			tx.Step(Step{Reminder: "water", Scheduled: at, Kind: Due, At: at})
			tx.SetSnooze("water", at.Add(10*time.Minute))
		}, 1},
		{"repeat counted, then reset by the next firing", func(tx *Tx) {
			tx.SetRepeats("water", tx.Repeats("water")+1)
			tx.SetSnooze("water", at.Add(15*time.Minute))
			tx.Step(Step{Reminder: "water", Scheduled: at, Kind: Due, At: at})
			tx.SetRepeats("water", 0)
		}, 1},
		{"answer and problem", func(tx *Tx) {
			tx.Step(Step{Reminder: "water", Scheduled: at.Add(-time.Hour), Kind: Done, At: at, Source: "button"})
			tx.SetProblem(ProblemNotifications, "reminders are held: do not disturb")
		}, 1},
		{"skip passed, presence, sent", func(tx *Tx) {
			tx.SetSkip("movement", time.Time{})
			tx.SetPresence(Presence{State: "away", Since: at, Source: "fake"})
			tx.Record(Event{At: at, Reminder: "water", Kind: Sent, Scheduled: at.Add(-time.Hour), Via: "phone"})
		}, 1},
		{"commands: pause, skip, routine stop", func(tx *Tx) {
			tx.Pause(at.Add(time.Hour))
			tx.SetSkip("water", at.Add(2*time.Hour))
			tx.StopRoutine(at)
			tx.Record(Event{At: at, Kind: Paused, Detail: "until 22:00"})
		}, 1},
		{"refused step is not kept", func(tx *Tx) {
			if _, err := tx.Step(Step{Reminder: "magnesium", Scheduled: at, Kind: Shown, At: at}); !errors.Is(err, ErrNotOpen) {
				t.Errorf("Shown of no open instant: err = %v, want ErrNotOpen", err)
			}
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decided := base()
			tx := NewTx(&decided)
			tt.decide(tx)
			if got := len(tx.Events()); got != tt.events {
				t.Fatalf("decision made %d events, want %d: %+v", got, tt.events, tx.Events())
			}
			data, err := json.Marshal(tx.Changes())
			if err != nil {
				t.Fatal(err)
			}
			var kept []Change
			if err := json.Unmarshal(data, &kept); err != nil {
				t.Fatal(err)
			}
			replayed := base()
			evs, refused := replayed.ApplyChanges(kept)
			if refused != 0 {
				t.Errorf("replay refused %d changes", refused)
			}
			if !reflect.DeepEqual(evs, tx.Events()) && len(evs)+len(tx.Events()) > 0 {
				t.Errorf("replay events = %+v, want %+v", evs, tx.Events())
			}
			if !reflect.DeepEqual(replayed, decided) {
				t.Errorf("replayed state = %+v\nwant %+v", replayed, decided)
			}
		})
	}
}

// TestReplayRefusesWhatChangedMeanwhile: a kept answer replayed on a state
// another process changed (the instant done from the command line) is left
// out, not written twice.
func TestReplayRefusesWhatChangedMeanwhile(t *testing.T) {
	at := time.Date(2026, 12, 7, 21, 0, 0, 0, time.UTC)
	var st State
	st.fill()
	st.Open["water"] = Instant{Scheduled: at, Status: Shown, Since: at}
	decided := st.Clone()
	tx := NewTx(&decided)
	if _, err := tx.Step(Step{Reminder: "water", Scheduled: at, Kind: Dismissed, At: at.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	meanwhile := st.Clone()
	if _, err := meanwhile.Apply(Step{Reminder: "water", Scheduled: at, Kind: Done, At: at, Source: "command"}); err != nil {
		t.Fatal(err)
	}
	evs, refused := meanwhile.ApplyChanges(tx.Changes())
	if refused != 1 || len(evs) != 0 {
		t.Fatalf("replay = %d events, %d refused; want 0, 1", len(evs), refused)
	}
	if got := meanwhile.Closed["water"].Kind; got != Done {
		t.Errorf("outcome = %s, want done", got)
	}
}

func TestEmptyChangeIsAnError(t *testing.T) {
	var st State
	if _, err := st.ApplyChange(Change{}); err == nil {
		t.Fatal("an empty change applied without error")
	}
}
