package state

import (
	"errors"
	"fmt"
	"time"
)

// The lifecycle of one scheduled instant of a reminder, the only place
// where what happened to a firing is decided. The daemon (on a firing, on
// the notification server's news, on a button) and the control commands
// (`bedtime done`, `bedtime snooze`) all go through Apply, inside
// Store.Update, and append the events it returns to the history:
//
//	due -> held -> shown -> done | snoozed (-> shown again) | dismissed | expired
//	due -> skipped | missed
//
// A reminder has at most one open instant (due, held, shown or snoozed);
// its next instant coming due finishes the open one (an unanswered shown
// one as expired, one never shown as missed). Every event names the
// reminder and the scheduled instant it belongs to.

// Instant is the open (not yet finished) scheduled instant of a reminder.
type Instant struct {
	// Scheduled is the instant the reminder was due.
	Scheduled time.Time `json:"scheduled"`
	// Status is Due, Held, Shown or Snoozed.
	Status Kind `json:"status"`
	// Since is when it took that status.
	Since time.Time `json:"since"`
	// Via names what showed it (Shown), or why it is held (Held).
	Via string `json:"via,omitempty"`
	// Popup is what the notifier needs to find the popup again after a
	// restart, so that a done closes it (notify.Response.Popup); opaque.
	Popup string `json:"popup,omitempty"`
}

// Outcome is how a reminder's most recent finished instant ended.
type Outcome struct {
	Scheduled time.Time `json:"scheduled"`
	// Kind is Done, Dismissed, Expired, Skipped or Missed.
	Kind Kind      `json:"kind"`
	At   time.Time `json:"at"`
}

// Step is one thing that happened to a scheduled instant of a reminder.
type Step struct {
	Reminder  string    `json:"reminder"`
	Scheduled time.Time `json:"scheduled"`
	// Kind is what happened: Due (the daemon fires it), Held, Shown,
	// Snoozed, Done, Dismissed, Expired, Skipped or Missed.
	Kind Kind `json:"kind"`
	// At is when it happened.
	At time.Time `json:"at"`
	// Via names what showed the reminder (with Shown), and Popup the
	// notifier's reference to it.
	Via   string `json:"via,omitempty"`
	Popup string `json:"popup,omitempty"`
	// Detail is the reason or the extra facts of the event (why held,
	// skipped or missed; the snooze time; "again" for a repeat).
	Detail string `json:"detail,omitempty"`
	// Source says who reported a Done, Snoozed or Dismissed: "button",
	// "command", "phone". It is written into the event's Detail.
	Source string `json:"source,omitempty"`
}

// Errors of Apply and Resolve.
var (
	// ErrNotOpen means the step needs an open instant and the reminder
	// has none for that scheduled instant (it is finished, or was never due).
	ErrNotOpen = errors.New("no open instant")
	// ErrNothing means there is no instant for a command to answer.
	ErrNothing = errors.New("nothing to mark")
)

// AlreadyError means the instant already has the outcome asked for.
type AlreadyError struct {
	Reminder string
	Outcome  Outcome
}

func (e *AlreadyError) Error() string {
	return fmt.Sprintf("%s was already %s at %s", e.Reminder, e.Outcome.Kind, e.Outcome.At.Format("15:04"))
}

// isOpenKind reports whether k is a status of an open instant.
func isOpenKind(k Kind) bool { return k == Due || k == Held || k == Shown || k == Snoozed }

// IsFinal reports whether k ends an instant.
func IsFinal(k Kind) bool {
	switch k {
	case Done, Dismissed, Expired, Skipped, Missed:
		return true
	}
	return false
}

// Apply applies s to the state and returns the history events it makes,
// oldest first: none for a step that changes nothing (a second Held, the
// same instant coming due again), one for most, two when the reminder's
// next instant finishes the open one. It returns an *AlreadyError for a
// second Done, and ErrNotOpen for a step about an instant that is not open
// (Held, Shown, Snoozed, Dismissed, Expired of a finished instant).
//
// Done may also end an instant that finished otherwise (dismissed,
// expired, missed, skipped): a person who closed the reminder and then did
// it counts as done. Stats counts such an instant once, as done.
//
// A step for one instant never changes another, except that an instant
// newer than the open one finishes it (as its coming due does). A Done,
// Skipped or Missed for an instant older than the open one leaves the open
// one as it is: a Done for the instant that finished last counts (a phone
// answering the previous one of a reminder that repeats); one for an
// older instant than that is refused with ErrNotOpen, since whether it
// was done already is no longer known.
func (st *State) Apply(s Step) ([]Event, error) {
	st.fill()
	name, at := s.Reminder, s.At
	open, hasOpen := st.Open[name]
	sameOpen := hasOpen && open.Scheduled.Equal(s.Scheduled)
	closed, hasClosed := st.Closed[name]
	sameClosed := hasClosed && closed.Scheduled.Equal(s.Scheduled)
	ev := Event{At: at, Reminder: name, Kind: s.Kind, Scheduled: s.Scheduled, Detail: s.Detail, Via: s.Via}
	if s.Source != "" {
		ev.Detail = joinDetail(s.Source, s.Detail)
	}
	// older: the step is about an instant before the open one, or, with
	// none open, before the last finished one.
	older := hasOpen && s.Scheduled.Before(open.Scheduled) ||
		!hasOpen && hasClosed && s.Scheduled.Before(closed.Scheduled)
	var out []Event
	// supersede finishes the open instant when another one of the same
	// reminder comes along.
	supersede := func() {
		if !hasOpen || sameOpen {
			return
		}
		end := Event{At: at, Reminder: name, Scheduled: open.Scheduled}
		switch open.Status {
		case Shown, Snoozed:
			end.Kind, end.Detail = Expired, "not answered before the next one"
		default:
			end.Kind, end.Detail = Missed, "never shown"
			if open.Status == Held && open.Via != "" {
				end.Detail = "never shown: " + open.Via
			}
		}
		out = append(out, end)
		st.Closed[name] = Outcome{Scheduled: open.Scheduled, Kind: end.Kind, At: at}
		delete(st.Open, name)
		delete(st.Snoozes, name)
		delete(st.Repeats, name)
		hasOpen = false
	}
	switch s.Kind {
	case Due:
		if sameOpen {
			return nil, nil // shown again (a snooze or a repeat)
		}
		if sameClosed {
			if closed.Kind == Dismissed || closed.Kind == Expired {
				// repeat_until_done shows a closed reminder again.
				delete(st.Closed, name)
				st.Open[name] = Instant{Scheduled: s.Scheduled, Status: Due, Since: at}
				return nil, nil
			}
			return nil, fmt.Errorf("%s at %s: %w (it was %s)", name, s.Scheduled.Format(time.RFC3339), ErrNotOpen, closed.Kind)
		}
		supersede()
		st.Open[name] = Instant{Scheduled: s.Scheduled, Status: Due, Since: at}
		return out, nil
	case Held:
		if !sameOpen {
			return nil, ErrNotOpen
		}
		if open.Status == Held && open.Via == s.Detail {
			return nil, nil
		}
		if open.Status != Due && open.Status != Held {
			return nil, nil // already shown: a retry of a repeat
		}
		st.Open[name] = Instant{Scheduled: s.Scheduled, Status: Held, Since: at, Via: s.Detail}
		return []Event{ev}, nil
	case Shown:
		if !sameOpen {
			return nil, ErrNotOpen
		}
		if open.Status == Shown || open.Status == Snoozed {
			ev.Detail = joinDetail("again", ev.Detail)
		}
		st.Open[name] = Instant{Scheduled: s.Scheduled, Status: Shown, Since: at, Via: s.Via, Popup: s.Popup}
		return []Event{ev}, nil
	case Snoozed:
		if !sameOpen {
			return nil, ErrNotOpen
		}
		open.Status, open.Since = Snoozed, at
		st.Open[name] = open
		return []Event{ev}, nil
	case Dismissed, Expired:
		if !sameOpen {
			return nil, ErrNotOpen
		}
		if open.Status != Shown && open.Status != Snoozed {
			return nil, ErrNotOpen
		}
		delete(st.Open, name)
		delete(st.Snoozes, name)
		st.Closed[name] = Outcome{Scheduled: s.Scheduled, Kind: s.Kind, At: at}
		return []Event{ev}, nil
	case Done:
		if sameClosed && closed.Kind == Done {
			return nil, &AlreadyError{Reminder: name, Outcome: closed}
		}
		if older {
			if !sameClosed {
				return nil, fmt.Errorf("%s at %s: %w (a later instant is open or finished, and this one is too old to know)", name, s.Scheduled.Format(time.RFC3339), ErrNotOpen)
			}
			// The instant that finished last, done after all; the open
			// one stays open.
			st.Closed[name] = Outcome{Scheduled: s.Scheduled, Kind: Done, At: at}
			return []Event{ev}, nil
		}
		supersede()
		delete(st.Open, name)
		delete(st.Snoozes, name)
		delete(st.Repeats, name)
		st.Closed[name] = Outcome{Scheduled: s.Scheduled, Kind: Done, At: at}
		if st.Last[name].Before(s.Scheduled) {
			// Done before the daemon fired it: it is not fired after.
			st.Last[name] = s.Scheduled
		}
		return append(out, ev), nil
	case Skipped, Missed:
		if sameClosed {
			return nil, nil // already finished
		}
		if older {
			return nil, fmt.Errorf("%s at %s: %w (a later instant is open or finished)", name, s.Scheduled.Format(time.RFC3339), ErrNotOpen)
		}
		supersede()
		delete(st.Open, name)
		if sameOpen {
			delete(st.Snoozes, name)
		}
		st.Closed[name] = Outcome{Scheduled: s.Scheduled, Kind: s.Kind, At: at}
		return append(out, ev), nil
	}
	return nil, fmt.Errorf("state: %q is not a step of a reminder's lifecycle", s.Kind)
}

func joinDetail(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}

// Resolve returns the instant of the named reminder that a command-line
// answer (`bedtime done`, `bedtime snooze`) applies to: the open one (held,
// shown, snoozed or due) if it is the reminder's most recent instant,
// otherwise the most recent instant latest if it came due no more than
// grace ago and is not done. latest is the reminder's most recent
// scheduled instant at or before now (the zero Time if none). Without
// such an instant Resolve returns an error wrapping ErrNothing that says
// what the reminder's last outcome was; with an instant already done, an
// *AlreadyError.
func (st *State) Resolve(name string, latest time.Time, grace time.Duration, now time.Time) (time.Time, error) {
	st.fill()
	open, hasOpen := st.Open[name]
	if hasOpen && !open.Scheduled.Before(latest) {
		return open.Scheduled, nil
	}
	closed, hasClosed := st.Closed[name]
	if !latest.IsZero() && !latest.After(now) && now.Sub(latest) <= grace {
		if hasClosed && closed.Scheduled.Equal(latest) && closed.Kind == Done {
			return time.Time{}, &AlreadyError{Reminder: name, Outcome: closed}
		}
		return latest, nil
	}
	if hasClosed && closed.Kind == Done && closed.Scheduled.Equal(latest) {
		return time.Time{}, &AlreadyError{Reminder: name, Outcome: closed}
	}
	if hasClosed {
		return time.Time{}, &NothingError{Reminder: name, Last: closed}
	}
	return time.Time{}, &NothingError{Reminder: name}
}

// NothingError is Resolve's error when there is no instant to answer: it
// is ErrNothing (errors.Is), with the reminder and its last outcome, so
// that the command line can say it in the person's language.
type NothingError struct {
	Reminder string
	// Last is the reminder's last outcome; its Kind is empty when the
	// state has none.
	Last Outcome
}

func (e *NothingError) Error() string {
	if e.Last.Kind == "" {
		return fmt.Sprintf("%v: %s is not due", ErrNothing, e.Reminder)
	}
	return fmt.Sprintf("%v: %s was last %s at %s", ErrNothing, e.Reminder, e.Last.Kind, e.Last.At.Format("Mon 15:04"))
}

// Unwrap returns ErrNothing.
func (e *NothingError) Unwrap() error { return ErrNothing }

// UnrecordedError means a change was written to the state but its events
// could not be appended to the history (a full disk): the change holds, the
// record of it is missing. Events are the lines not written.
type UnrecordedError struct {
	Events []Event
	Err    error
}

func (e *UnrecordedError) Error() string {
	return fmt.Sprintf("done, but not recorded in the history: %v", e.Err)
}

func (e *UnrecordedError) Unwrap() error { return e.Err }

// Record changes the state under its lock like Update, with fn returning
// the history events of its change (usually from State.Apply), and then
// appends those events to the history. When fn fails nothing is written.
// When the state is written but the history is not, Record returns an
// *UnrecordedError holding the events, so the caller can say so truthfully
// and, if it lives on, append them later.
func (s *Store) Record(fn func(*State) ([]Event, error)) ([]Event, error) {
	var events []Event
	err := s.Update(func(st *State) error {
		var err error
		events, err = fn(st)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := s.AppendAll(events); err != nil {
		return events, &UnrecordedError{Events: events, Err: err}
	}
	return events, nil
}
