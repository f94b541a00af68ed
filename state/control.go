package state

import (
	"errors"
	"fmt"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// The changes the control commands (bedtime pause, resume, skip, snooze,
// done, routine --stop) make to the state file, under its lock, each
// decided through a Tx like the daemon's own changes. A running daemon
// watches the file and acts on them at once; one that is not running reads
// them when it starts. Tests of the daemon make the same changes through
// these methods.

// MaxPause is the longest pause: a break longer than a month is better
// made by turning the reminders off (enabled: false) or stopping bedtime,
// which say so in `bedtime status`, than by a pause forgotten for years.
// Every way a pause is set holds to it: Store.Pause refuses a longer one,
// a pause followed from another computer is not believed when longer
// (devices.Follow), and the daemon shortens one it finds in the state
// file (an older bedtime's, or a hand-edited file).
const MaxPause = 30 * 24 * time.Hour

// ErrPauseTooLong is wrapped by Store.Pause's error for a pause that ends
// more than MaxPause after now.
var ErrPauseTooLong = errors.New("pause too long")

// Pause pauses every reminder until until, and records the pause at now
// (its detail says until when, in loc). A pause that ends more than
// MaxPause after now is refused (ErrPauseTooLong), and so is one that
// ends before now. It ends on a whole second (the next, for a fraction):
// its history line, which another computer follows, says it so.
func (s *Store) Pause(until, now time.Time, loc *time.Location) error {
	if whole := until.Truncate(time.Second); !whole.Equal(until) {
		until = whole.Add(time.Second)
	}
	if d := until.Sub(now); d > MaxPause {
		return fmt.Errorf("state: a pause until %s is %v long, more than %v: %w", until.Format(time.RFC3339), d, MaxPause, ErrPauseTooLong)
	}
	if !until.After(now) {
		return fmt.Errorf("state: a pause until %s ends before it starts (%s)", until.Format(time.RFC3339), now.Format(time.RFC3339))
	}
	_, err := s.Change(func(tx *Tx) error {
		tx.PauseGiven(until, now)
		tx.Record(Event{At: now, Kind: Paused, Detail: "until " + until.In(loc).Format(time.RFC3339)})
		return nil
	})
	return err
}

// Resume ends a pause and reports whether reminders were paused at now;
// only then is the resume recorded.
func (s *Store) Resume(now time.Time) (wasPaused bool, err error) {
	_, err = s.Change(func(tx *Tx) error {
		was := tx.PausedUntil()
		if was.IsZero() {
			return ErrUnchanged
		}
		tx.PauseGiven(time.Time{}, now)
		if wasPaused = was.After(now); wasPaused {
			tx.Record(Event{At: now, Kind: Resumed})
		}
		return nil
	})
	return wasPaused, err
}

// Skip skips the instant at of reminder: it is recorded skipped when it
// comes, and the reminder comes back after it.
func (s *Store) Skip(reminder string, at time.Time) error {
	_, err := s.Change(func(tx *Tx) error {
		tx.SetSkip(reminder, at)
		return nil
	})
	return err
}

// StopRoutine asks the daemon to stop the routine it plays.
func (s *Store) StopRoutine(now time.Time) error {
	_, err := s.Change(func(tx *Tx) error {
		tx.StopRoutine(now)
		return nil
	})
	return err
}

// Answer is an answer to a reminder given from the command line (or
// another process): done, or snoozed until SnoozeUntil.
type Answer struct {
	// Reminder names the reminder answered.
	Reminder string
	// Schedule gives the reminder's instants.
	Schedule scheduler.Schedule
	// CatchUp is the reminder's catch-up grace: its latest instant can be
	// answered that long after it came due (at least scheduler.OnTime).
	CatchUp time.Duration
	// Kind is Done or Snoozed.
	Kind Kind
	// Detail is recorded with the answer, such as "10m" for a snooze.
	Detail string
	// At is when the answer was given.
	At time.Time
	// SnoozeUntil is when a snoozed reminder shows again.
	SnoozeUntil time.Time
}

// Answer applies a to the instant of its reminder it is about: the open
// one, or the latest one within its grace (see State.Resolve), and returns
// that instant. A snooze of an instant that is due but was never shown
// (bedtime was not running, or it was dismissed) shows it. The error wraps
// ErrNothing when there is no instant to answer and is an *AlreadyError
// when the instant was already answered for good.
func (s *Store) Answer(a Answer) (time.Time, error) {
	latest := a.Schedule.Prev(a.At)
	grace := max(a.CatchUp, scheduler.OnTime)
	var sched time.Time
	_, err := s.Change(func(tx *Tx) error {
		var err error
		sched, err = tx.Resolve(a.Reminder, latest, grace, a.At)
		if err != nil {
			return err
		}
		if a.Kind == Snoozed {
			if _, open := tx.Open(a.Reminder); !open {
				if _, err := tx.Step(Step{Reminder: a.Reminder, Scheduled: sched, Kind: Due, At: a.At}); err != nil {
					return err
				}
				if tx.Last(a.Reminder).Before(sched) {
					tx.SetLast(a.Reminder, sched)
				}
			}
		}
		if _, err := tx.Step(Step{Reminder: a.Reminder, Scheduled: sched, Kind: a.Kind, At: a.At, Source: "command", Detail: a.Detail}); err != nil {
			return err
		}
		if a.Kind == Snoozed {
			tx.SetSnooze(a.Reminder, a.SnoozeUntil)
		}
		return nil
	})
	return sched, err
}
