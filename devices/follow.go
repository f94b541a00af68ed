package devices

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// FollowWindow is how recent another device's answer or pause must be to
// be followed here: older ones are history, merged for the record but not
// acted on (a device joining late does not replay a month of answers).
const FollowWindow = 12 * time.Hour

// Follow makes this device's state follow what other devices' new records
// say the person did, through the same state changes as the command line
// (so the running daemon acts on them the same way: it closes the
// notification, stops repeating, pauses):
//   - a Done ends the instant here too (marked as done on that device);
//     an instant this device has not come to yet is marked handled, so it
//     is not shown here after;
//   - a pause pauses here until the same time; a resume resumes; a pause
//     that ends more than state.MaxPause from now is not believed (no
//     bedtime asks for one), as a snooze longer than MaxSnooze is not;
//   - a skip asked for there (`bedtime skip`) skips the same instant here;
//   - a snooze there snoozes the same instant here until the same time
//     (the notification here closes); when it comes again, the election
//     picks the one computer that shows it, as for any firing.
//
// Dismissals are not followed: the others, which held the instant for
// the computer that showed it, see it was handled (Peers.Handled). A
// Done wins over a snooze: a snooze of an instant done here is not
// followed. Following is idempotent:
// a Done already here changes nothing, so the Done this device records in
// turn, read back by the other, ends there. It returns how many records
// changed the state.
//
// The records are followed in the order they were given (their At), not
// in the order a Scan reads them, device after device: a resume on one
// computer does not end a pause given later on another, and of two
// pauses the later one counts. A pause or resume given here after a
// record's wins over it: the record is read again when this computer
// reads the folder afresh (bedtime restarted), and a resume here is not
// undone by the pause it ended. The state keeps when the pause or resume
// in effect was given (State.PauseGiven), so one given earlier and read
// in a later scan (a sync tool bringing a computer's file late) does not
// undo it either.
func Follow(store *state.Store, recs []Record, now time.Time, label func(id string) string) (int, error) {
	recs = slices.Clone(recs)
	slices.SortStableFunc(recs, func(a, b Record) int { return a.Event.At.Compare(b.Event.At) })
	pausedHere, herr := lastPauseHere(store, recs, now)
	followed := 0
	_, err := store.Change(func(tx *state.Tx) error {
		followed = 0
		for _, r := range recs {
			ev := r.Event
			if d := now.Sub(ev.At); d > FollowWindow || d < -FollowWindow {
				continue
			}
			if s := r.Snooze; s != nil {
				if followSnooze(tx, *s, now, followedPrefix+label(r.Device)) {
					followed++
				}
				continue
			}
			if s := r.Skip; s != nil {
				if s.At.After(now.Add(-time.Minute)) && !tx.Skip(s.Reminder).Equal(s.At) {
					tx.SetSkip(s.Reminder, s.At)
					followed++
				}
				continue
			}
			switch ev.Kind {
			case state.Done:
				if ev.Reminder == "" || ev.Scheduled.IsZero() {
					continue
				}
				if o, ok := tx.Closed(ev.Reminder); ok && o.Kind == state.Done && !o.Scheduled.Before(ev.Scheduled) {
					continue
				}
				if _, err := tx.Step(state.Step{Reminder: ev.Reminder, Scheduled: ev.Scheduled, Kind: state.Done, At: ev.At, Source: followedPrefix + label(r.Device)}); err != nil {
					continue
				}
				if tx.Last(ev.Reminder).Before(ev.Scheduled) {
					tx.SetLast(ev.Reminder, ev.Scheduled)
				}
				followed++
			case state.Paused:
				if ev.At.Before(pausedHere) || ev.At.Before(tx.PauseGivenAt()) {
					continue
				}
				until, err := time.Parse(time.RFC3339, strings.TrimPrefix(ev.Detail, "until "))
				if err != nil || !until.After(now) || until.Sub(now) > state.MaxPause || tx.PausedUntil().Equal(until) {
					continue
				}
				tx.PauseGiven(until, ev.At)
				followed++
			case state.Resumed:
				// Given before the pause in effect (read late, in another
				// scan than the pause): it ended an older one.
				if ev.At.Before(pausedHere) || ev.At.Before(tx.PauseGivenAt()) {
					continue
				}
				if tx.PausedUntil().After(ev.At) {
					tx.PauseGiven(time.Time{}, ev.At)
					followed++
				}
			}
		}
		if followed == 0 {
			return state.ErrUnchanged
		}
		return nil
	})
	if errors.Is(err, state.ErrUnchanged) {
		err = nil
	}
	return followed, errors.Join(err, herr)
}

// lastPauseHere returns when a pause or resume was last given here, within
// the FollowWindow, when recs have a pause or resume to follow: the local
// history has it (a pause followed from another computer makes no line).
// It cannot read the history: the zero Time (recs are followed as they
// are) and the error.
func lastPauseHere(store *state.Store, recs []Record, now time.Time) (time.Time, error) {
	if !slices.ContainsFunc(recs, func(r Record) bool {
		return r.Snooze == nil && r.Skip == nil && (r.Event.Kind == state.Paused || r.Event.Kind == state.Resumed)
	}) {
		return time.Time{}, nil
	}
	evs, err := store.History(now.Add(-2 * FollowWindow))
	if err != nil {
		return time.Time{}, fmt.Errorf("devices: cannot tell the pauses given here, following those given elsewhere as they are: %w", err)
	}
	var last time.Time
	for _, ev := range evs {
		if (ev.Kind == state.Paused || ev.Kind == state.Resumed) && ev.At.After(last) {
			last = ev.At
		}
	}
	return last, nil
}

// followedPrefix begins the Detail of an event a device records because
// it followed another's answer: "on laptop (3f9a2c)".
const followedPrefix = "on "

// Followed reports whether ev is one a device recorded following another
// device's answer (Follow: a Done or a snooze given there). The device
// where it was given has it in its own record; the split by device
// (Merge) leaves it out of the device that followed.
func Followed(ev state.Event) bool {
	return (ev.Kind == state.Done || ev.Kind == state.Snoozed) && strings.HasPrefix(ev.Detail, followedPrefix)
}

// MaxSnooze is the longest snooze followed from another device, as long
// as one can be asked for (`bedtime snooze NAME 24h`): a line that says
// longer is not believed.
const MaxSnooze = 24 * time.Hour

// followSnooze snoozes here the instant s snoozed on another device, and
// reports whether it changed anything: not when the snooze is over or
// longer than MaxSnooze, is already here, or is about an instant done or passed here.
func followSnooze(tx *state.Tx, s Snooze, now time.Time, source string) bool {
	if !s.Until.After(now) || s.Until.Sub(now) > MaxSnooze || tx.Snooze(s.Reminder).Equal(s.Until) {
		return false
	}
	if o, ok := tx.Closed(s.Reminder); ok && (o.Scheduled.After(s.Scheduled) ||
		o.Scheduled.Equal(s.Scheduled) && (o.Kind == state.Done || o.Kind == state.Skipped)) {
		return false // done here: a Done wins; or a later instant came
	}
	in, open := tx.Open(s.Reminder)
	switch {
	case open && in.Scheduled.After(s.Scheduled):
		return false // a later instant is due here
	case !open || in.Scheduled.Before(s.Scheduled):
		// Not come to here yet (a clock behind, a daemon stopped): due
		// now, so that the snooze has an instant to show again.
		if _, err := tx.Step(state.Step{Reminder: s.Reminder, Scheduled: s.Scheduled, Kind: state.Due, At: now}); err != nil {
			return false
		}
		if tx.Last(s.Reminder).Before(s.Scheduled) {
			tx.SetLast(s.Reminder, s.Scheduled)
		}
	}
	if _, err := tx.Step(state.Step{Reminder: s.Reminder, Scheduled: s.Scheduled, Kind: state.Snoozed, At: now, Source: source}); err != nil {
		return false
	}
	tx.SetSnooze(s.Reminder, s.Until)
	return true
}
