package state

import (
	"fmt"
	"time"
)

// A change to the state is data: a list of Changes, each a plain value
// that marshals to JSON. The daemon decides a change once, on the state as
// it is (a Tx), and keeps the Changes the decision made, never the
// decision itself: when the change cannot be written (a full disk, the
// state's lock held elsewhere) the same Changes are applied again later
// with ApplyChanges, and the history gets the events that application
// makes. They are also the unit a change is sent or merged in.

// Change is one change to the state. Exactly one of its fields is set.
// Every field of State changes through one of them: Open and Closed
// through Steps, the rest through the others.
type Change struct {
	// Step is a step of a reminder's lifecycle, applied with Apply.
	Step *Step `json:"step,omitempty"`
	// Last marks the reminder's last handled instant (State.Last).
	Last *Mark `json:"last,omitempty"`
	// Snooze sets when the reminder's open instant shows again
	// (State.Snoozes); a zero At drops it.
	Snooze *Mark `json:"snooze,omitempty"`
	// Repeats sets how many times the reminder's open instant was shown
	// again (State.Repeats); zero drops the count.
	Repeats *Count `json:"repeats,omitempty"`
	// Skip sets the reminder's instant to skip (State.Skips); a zero At
	// drops it.
	Skip *Mark `json:"skip,omitempty"`
	// Pause sets when the pause of every reminder ends; a zero At resumes.
	Pause *Mark `json:"pause,omitempty"`
	// RoutineStop asks the daemon to stop the routines it plays, at At.
	RoutineStop *Mark `json:"routine_stop,omitempty"`
	// Problem sets the daemon's problem about Key; an empty Text clears it.
	Problem *Problem `json:"problem,omitempty"`
	// Presence is the person's presence as the daemon sees it.
	Presence *Presence `json:"presence,omitempty"`
	// Record is a history event that changes no instant (Sent).
	Record *Event `json:"record,omitempty"`
}

// Mark is an instant, of a reminder or (Pause, RoutineStop) of all.
// Given, for a Pause, is when the pause or resume was given (zero: keep
// the State's PauseGiven as it is).
type Mark struct {
	Reminder string    `json:"reminder,omitempty"`
	At       time.Time `json:"at,omitzero"`
	Given    time.Time `json:"given,omitzero"`
}

// Count is a number of a reminder.
type Count struct {
	Reminder string `json:"reminder"`
	N        int    `json:"n,omitempty"`
}

// Problem is one of the daemon's problems (see State.Problems).
type Problem struct {
	Key  string `json:"key"`
	Text string `json:"text,omitempty"`
}

// ApplyChange applies c to the state and returns the history events it
// makes. Only a Step can fail, as Apply does; the error leaves the state
// as it was.
func (st *State) ApplyChange(c Change) ([]Event, error) {
	st.fill()
	switch {
	case c.Step != nil:
		return st.Apply(*c.Step)
	case c.Last != nil:
		st.Last[c.Last.Reminder] = c.Last.At
	case c.Snooze != nil:
		if c.Snooze.At.IsZero() {
			delete(st.Snoozes, c.Snooze.Reminder)
		} else {
			st.Snoozes[c.Snooze.Reminder] = c.Snooze.At
		}
	case c.Repeats != nil:
		if c.Repeats.N == 0 {
			delete(st.Repeats, c.Repeats.Reminder)
		} else {
			st.Repeats[c.Repeats.Reminder] = c.Repeats.N
		}
	case c.Skip != nil:
		if c.Skip.At.IsZero() {
			delete(st.Skips, c.Skip.Reminder)
		} else {
			st.Skips[c.Skip.Reminder] = c.Skip.At
		}
	case c.Pause != nil:
		st.PausedUntil = c.Pause.At
		if !c.Pause.Given.IsZero() {
			st.PauseGiven = c.Pause.Given
		}
	case c.RoutineStop != nil:
		st.RoutineStop = c.RoutineStop.At
	case c.Problem != nil:
		st.SetProblem(c.Problem.Key, c.Problem.Text)
	case c.Presence != nil:
		p := *c.Presence
		st.Presence = &p
	case c.Record != nil:
		return []Event{*c.Record}, nil
	default:
		return nil, fmt.Errorf("state: an empty change")
	}
	return nil, nil
}

// ApplyChanges applies cs in order and returns the history events they
// make. A step the lifecycle refuses now (the state changed since the
// change was decided: `bedtime done` from another process) is left out;
// refused counts those.
func (st *State) ApplyChanges(cs []Change) (events []Event, refused int) {
	for _, c := range cs {
		evs, err := st.ApplyChange(c)
		if err != nil {
			refused++
			continue
		}
		events = append(events, evs...)
	}
	return events, refused
}

// Tx is a change being decided: the decision reads the state through it
// and changes it only through its methods, each of which applies one
// Change at once and keeps it. Changes returns what was decided.
type Tx struct {
	st      *State
	changes []Change
	events  []Event
}

// NewTx starts deciding a change of st.
func NewTx(st *State) *Tx {
	st.fill()
	return &Tx{st: st}
}

// Changes returns the changes made through tx, in order.
func (tx *Tx) Changes() []Change { return tx.changes }

// Events returns the history events of the changes made through tx.
func (tx *Tx) Events() []Event { return tx.events }

func (tx *Tx) apply(c Change) ([]Event, error) {
	evs, err := tx.st.ApplyChange(c)
	if err != nil {
		return nil, err
	}
	tx.changes = append(tx.changes, c)
	tx.events = append(tx.events, evs...)
	return evs, nil
}

// Step applies a lifecycle step (see Apply) and returns its events. A
// step the lifecycle refuses changes nothing and is not kept.
func (tx *Tx) Step(s Step) ([]Event, error) { return tx.apply(Change{Step: &s}) }

// SetLast marks t as the reminder's last handled instant.
func (tx *Tx) SetLast(reminder string, t time.Time) {
	tx.apply(Change{Last: &Mark{Reminder: reminder, At: t}})
}

// SetSnooze makes the reminder's open instant show again at t; the zero t
// drops a snooze. Nothing is kept when nothing changes.
func (tx *Tx) SetSnooze(reminder string, t time.Time) {
	if old, ok := tx.st.Snoozes[reminder]; ok == !t.IsZero() && old.Equal(t) {
		return
	}
	tx.apply(Change{Snooze: &Mark{Reminder: reminder, At: t}})
}

// SetRepeats records that the reminder's open instant was shown again n
// times; zero drops the count. Nothing is kept when nothing changes.
func (tx *Tx) SetRepeats(reminder string, n int) {
	if tx.st.Repeats[reminder] == n {
		return
	}
	tx.apply(Change{Repeats: &Count{Reminder: reminder, N: n}})
}

// Repeats returns how many times the reminder's open instant was shown
// again.
func (tx *Tx) Repeats(reminder string) int { return tx.st.Repeats[reminder] }

// SetSkip makes the reminder's instant t one to skip; the zero t drops a
// skip. Nothing is kept when nothing changes.
func (tx *Tx) SetSkip(reminder string, t time.Time) {
	if old, ok := tx.st.Skips[reminder]; ok == !t.IsZero() && old.Equal(t) {
		return
	}
	tx.apply(Change{Skip: &Mark{Reminder: reminder, At: t}})
}

// Pause pauses every reminder until t; the zero t resumes. When the pause
// was given is kept as it was (the daemon shortening one too long).
func (tx *Tx) Pause(t time.Time) { tx.apply(Change{Pause: &Mark{At: t}}) }

// PauseGiven pauses every reminder until t, the zero t resuming, as given
// at given (here, or on another computer).
func (tx *Tx) PauseGiven(t, given time.Time) { tx.apply(Change{Pause: &Mark{At: t, Given: given}}) }

// PauseGivenAt returns when the pause or resume in effect was given; zero
// when not known.
func (tx *Tx) PauseGivenAt() time.Time { return tx.st.PauseGiven }

// StopRoutine asks the daemon, at t, to stop the routines it plays.
func (tx *Tx) StopRoutine(t time.Time) { tx.apply(Change{RoutineStop: &Mark{At: t}}) }

// PausedUntil returns when the pause ends.
func (tx *Tx) PausedUntil() time.Time { return tx.st.PausedUntil }

// SetProblem records text as the problem about key, or clears it when text
// is empty. It reports whether that changed anything.
func (tx *Tx) SetProblem(key, text string) bool {
	if tx.st.Problems[key] == text {
		return false
	}
	tx.apply(Change{Problem: &Problem{Key: key, Text: text}})
	return true
}

// SetPresence records the person's presence.
func (tx *Tx) SetPresence(p Presence) { tx.apply(Change{Presence: &p}) }

// Record adds ev to the history without changing any instant.
func (tx *Tx) Record(ev Event) { tx.apply(Change{Record: &ev}) }

// Open returns the reminder's open instant.
func (tx *Tx) Open(reminder string) (Instant, bool) {
	in, ok := tx.st.Open[reminder]
	return in, ok
}

// Closed returns how the reminder's last finished instant ended.
func (tx *Tx) Closed(reminder string) (Outcome, bool) {
	o, ok := tx.st.Closed[reminder]
	return o, ok
}

// Skip returns the reminder's instant to skip.
func (tx *Tx) Skip(reminder string) time.Time { return tx.st.Skips[reminder] }

// Snooze returns when the reminder's open instant shows again.
func (tx *Tx) Snooze(reminder string) time.Time { return tx.st.Snoozes[reminder] }

// Last returns the reminder's last handled instant.
func (tx *Tx) Last(reminder string) time.Time { return tx.st.Last[reminder] }

// Resolve is State.Resolve on the state being changed.
func (tx *Tx) Resolve(reminder string, latest time.Time, grace time.Duration, now time.Time) (time.Time, error) {
	return tx.st.Resolve(reminder, latest, grace, now)
}

// Change changes the state like Record, with the change decided through a
// Tx: fn decides it (an error writes nothing), and the history gets the
// events of the changes it made. It returns those changes.
func (s *Store) Change(fn func(*Tx) error) ([]Change, error) {
	var tx *Tx
	_, err := s.Record(func(st *State) ([]Event, error) {
		tx = NewTx(st)
		if err := fn(tx); err != nil {
			return nil, err
		}
		return tx.Events(), nil
	})
	if err != nil {
		return nil, err
	}
	return tx.Changes(), nil
}
