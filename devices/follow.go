package devices

import (
	"errors"
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
//   - a pause pauses here until the same time; a resume resumes;
//   - a skip asked for there (`bedtime skip`) skips the same instant here.
//
// Snoozes and dismissals are not followed: the computer that showed the
// instant shows it again after a snooze, and the others, which held it
// for that one, see it was handled (Peers.Handled). Following is idempotent:
// a Done already here changes nothing, so the Done this device records in
// turn, read back by the other, ends there. It returns how many records
// changed the state.
func Follow(store *state.Store, recs []Record, now time.Time, label func(id string) string) (int, error) {
	followed := 0
	_, err := store.Change(func(tx *state.Tx) error {
		followed = 0
		for _, r := range recs {
			ev := r.Event
			if d := now.Sub(ev.At); d > FollowWindow || d < -FollowWindow {
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
				if _, err := tx.Step(state.Step{Reminder: ev.Reminder, Scheduled: ev.Scheduled, Kind: state.Done, At: ev.At, Source: "on " + label(r.Device)}); err != nil {
					continue
				}
				if tx.Last(ev.Reminder).Before(ev.Scheduled) {
					tx.SetLast(ev.Reminder, ev.Scheduled)
				}
				followed++
			case state.Paused:
				until, err := time.Parse(time.RFC3339, strings.TrimPrefix(ev.Detail, "until "))
				if err != nil || !until.After(now) || tx.PausedUntil().Equal(until) {
					continue
				}
				tx.Pause(until)
				followed++
			case state.Resumed:
				if tx.PausedUntil().After(ev.At) {
					tx.Pause(time.Time{})
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
	return followed, err
}
