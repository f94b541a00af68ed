package daemon

import (
	"context"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// syncControl applies what the control commands (pause, snooze, skip,
// done) wrote to the state file.
func (d *daemon) syncControl() {
	prev, st, err := d.w.refresh()
	if err != nil {
		d.log.Warn("cannot read the state", "err", err)
		return
	}
	d.applyControl(prev, st)
}

// startView is the view applyControl compares the state with at start: a
// pause in force is said, a stop or a done from before is not acted on.
func startView(st state.State) state.State {
	prev := st.Clone()
	prev.PausedUntil = time.Time{}
	return prev
}

// applyControl acts on what changed in the state st since prev, the
// daemon's view of it before it was read: a pause or its end, a stop of
// the routines, an instant done from the command line. The engine asks
// the state itself (stateBook); it is only told to ask again. Its log
// says such a change came from "the state": a command, the tray and
// another computer (devices.Follow) all change it the same way, and the
// state does not say which did.
func (d *daemon) applyControl(prev, st state.State) {
	d.engine.Poke()
	changed := !prev.PausedUntil.Equal(st.PausedUntil)
	if st.RoutineStop.After(prev.RoutineStop) {
		d.log.Info("routines stopped", "count", d.stopRoutines(""), "from", "the state")
	}
	var snoozed []string // snoozed elsewhere: off the screen until it comes again
	for name, in := range st.Open {
		if was, ok := prev.Open[name]; in.Status == state.Snoozed && (!ok || was.Status != in.Status || !was.Since.Equal(in.Since)) {
			snoozed = append(snoozed, name)
		}
	}
	for _, name := range snoozed {
		d.log.Info("snooze", "reminder", name, "scheduled", st.Open[name].Scheduled.Format(time.RFC3339), "from", "the state")
		d.withdraw(name)
	}
	var answered []string // answered elsewhere since the daemon last looked
	for name, o := range st.Closed {
		if was, ok := prev.Closed[name]; o.Kind == state.Done && (!ok || !was.At.Equal(o.At) || was.Kind != o.Kind) {
			answered = append(answered, name)
		}
	}
	for _, name := range answered {
		o := st.Closed[name]
		d.log.Info("done", "reminder", name, "scheduled", o.Scheduled.Format(time.RFC3339), "from", "the state")
		d.withdraw(name)
	}
	now := d.o.Clock.Now()
	if changed && st.PausedUntil.Sub(now) > state.MaxPause {
		// No bedtime asks for this (state.Store.Pause refuses it): an older
		// bedtime's pause, or a hand-edited file. It is cut to the longest
		// pause, so that reminders do not stay off for years unseen.
		asked, until := st.PausedUntil, now.Add(state.MaxPause)
		d.log.Warn("pause too long, shortened", "until", asked.Format(time.RFC3339), "now_until", until.Format(time.RFC3339), "max", state.MaxPause.String())
		d.w.change(func(tx *state.Tx) {
			if tx.PausedUntil().Equal(asked) {
				tx.Pause(until)
			}
		})
		st.PausedUntil = until
	}
	switch {
	case changed && st.PausedUntil.After(now):
		d.log.Info("paused", "until", st.PausedUntil.Format(time.RFC3339))
	case changed:
		d.log.Info("resumed")
	}
	if d.o.OnControl != nil {
		d.o.OnControl(st)
	}
}

// withdraw takes the named reminder's notification off the screen.
func (d *daemon) withdraw(name string) {
	if w, ok := d.notifier.(notify.Withdrawer); ok && d.ctx != nil {
		if err := w.Withdraw(d.ctx, name); err != nil {
			d.log.Debug("cannot close the notification", "reminder", name, "err", err)
		}
	}
}

// adoptPopups hands the notifier the popups an earlier process showed and
// left unanswered, so that a done closes them and their buttons answer.
func (d *daemon) adoptPopups(ctx context.Context, st state.State) {
	a, ok := d.notifier.(notify.Adopter)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second) // a hung bus does not hold up the start
	defer cancel()
	for name, in := range st.Open {
		if in.Status != state.Shown || in.Popup == "" {
			continue
		}
		if a.Adopt(ctx, name, in.Scheduled, in.Popup) {
			d.log.Info("popup taken back", "reminder", name, "scheduled", in.Scheduled.Format(time.RFC3339))
		}
	}
}

// writeBackLast writes the last handled instants the daemon knows into a
// state that lost them (a state directory made again), so that a restart
// does not show those reminders again. Every write does so (see writer);
// this one makes sure a write comes now.
func (d *daemon) writeBackLast() {
	d.w.change(func(*state.Tx) {})
}

// stateBook is the daemon's state as the engine asks it: the writer's
// view, the state as last read or written with what is kept in memory.
type stateBook struct{ w *writer }

func (b stateBook) Last(job string) (time.Time, bool) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	t, ok := b.w.view.Last[job]
	return t, ok
}

func (b stateBook) Again(job string) []time.Time {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	if t, ok := b.w.view.Snoozes[job]; ok && !t.IsZero() {
		return []time.Time{t}
	}
	return nil
}

func (b stateBook) Skip(job string) time.Time {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	return b.w.view.Skips[job]
}

func (b stateBook) PausedUntil() time.Time {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	return b.w.view.PausedUntil
}
