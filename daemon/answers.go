package daemon

import (
	"fmt"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// respond acts on the notifier's news of a message (shown, held, missed)
// and on the user's answers to it, through the lifecycle of the instant
// the message is about. News of a routine's steps is not news of the
// reminder.
func (d *daemon) respond(resp notify.Response) { d.respondFrom(resp, "button") }

// respondFrom is respond for an answer from source: "button" (the
// desktop), or the name of the channel it came through (the phone).
func (d *daemon) respondFrom(resp notify.Response, source string) {
	if resp.Scheduled.IsZero() {
		return // a message about bedtime itself, such as a schedule error
	}
	now := d.o.Clock.Now()
	name := resp.Reminder
	if resp.Step != 0 {
		switch resp.Action {
		case notify.Missed:
			d.log.Info("a routine step was not shown", "reminder", name, "step", resp.Step)
		case notify.Stop:
			d.stopRoutines(name)
		}
		return
	}
	step := state.Step{Reminder: name, Scheduled: resp.Scheduled, At: now}
	var snoozeAt, repeatAt time.Time
	var answer diary.Entry
	var answered bool
	decide := func(tx *state.Tx) {}
	switch resp.Action {
	case notify.Shown:
		step.Kind, step.Via, step.Popup = state.Shown, resp.Via, resp.Popup
		decide = func(tx *state.Tx) { tx.SetProblem(state.ProblemNotifications, "") }
	case notify.Held:
		step.Kind, step.Detail = state.Held, resp.Detail
		if resp.Detail != "do not disturb" {
			decide = func(tx *state.Tx) {
				tx.SetProblem(state.ProblemNotifications, fmt.Sprintf(heldProblem, resp.Detail))
			}
		}
	case notify.Missed:
		step.Kind, step.Detail = state.Missed, resp.Detail
	case notify.Done:
		step.Kind, step.Source = state.Done, source
	case notify.Start:
		// Doing the routine is doing the reminder.
		step.Kind, step.Source = state.Done, "routine started"
	case notify.Snooze:
		snooze := config.DefaultSnooze
		if r, ok := d.reminder(name); ok {
			snooze = r.Snooze
		}
		snoozeAt = now.Add(snooze)
		step.Kind, step.Source, step.Detail = state.Snoozed, source, durfmt.Format(snooze)
		decide = func(tx *state.Tx) { tx.SetSnooze(name, snoozeAt) }
	case notify.Dismissed, notify.Expired:
		step.Kind = state.Dismissed
		if resp.Action == notify.Expired {
			step.Kind = state.Expired
		}
		if r, ok := d.reminder(name); ok && r.RepeatEvery > 0 {
			// repeat_until_done: the next repeat comes, though it was
			// closed unanswered.
			decide = func(tx *state.Tx) { tx.SetSnooze(name, repeatAt) }
		}
	default:
		i, ok := resp.Action.Choice()
		if !ok {
			return
		}
		r, _ := d.reminder(name)
		if answer, answered = diaryAnswer(r, resp.Scheduled, now, i, source); !answered {
			d.log.Info("an answer to no question", "reminder", name, "action", resp.Action.String())
			return
		}
		// Answering the question is doing the reminder.
		step.Kind, step.Source = state.Done, source
	}
	if answered {
		// The diary first, whether or not the instant is still open: a
		// second answer (the phone after the desktop) is a correction.
		d.recordAnswer(answer)
	}
	// The notifier's dispatcher is not held up by the write: answers that
	// come while one is under way are written together after it. The
	// answer is decided once, on the state as it is then.
	var applied, late bool
	d.w.submit(func(tx *state.Tx) {
		repeatAt = tx.Snooze(name)
		if _, err := tx.Step(step); err != nil {
			d.log.Info("answer not applied", "reminder", name, "action", resp.Action.String(), "why", err.Error())
			// A notification the server put up only after its instant was
			// answered elsewhere (the phone's Done came before the
			// server's reply to Notify) has nothing left to ask.
			o, closed := tx.Closed(name)
			late = resp.Action == notify.Shown && closed && o.Scheduled.Equal(resp.Scheduled)
			return
		}
		applied = true
		decide(tx)
	}, func() {
		if late {
			d.withdraw(name)
		}
		if !applied {
			return
		}
		switch resp.Action {
		case notify.Shown, notify.Held:
			d.log.Debug(resp.Action.String(), "reminder", name, "via", resp.Via, "why", resp.Detail)
			return
		case notify.Start:
			d.playRoutine(name, resp.Scheduled)
		}
		d.log.Info(resp.Action.String(), "reminder", name, "scheduled", resp.Scheduled.Format(time.RFC3339))
	})
}

// reminder returns the named reminder of the schedule in use.
func (d *daemon) reminder(name string) (config.Reminder, bool) {
	d.mu.Lock()
	s := d.schedule
	d.mu.Unlock()
	if s == nil {
		return config.Reminder{}, false
	}
	return s.Reminder(name)
}
