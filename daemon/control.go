package daemon

import (
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// syncControl applies what the control commands (pause, snooze, skip,
// done) wrote to the state file.
func (d *daemon) syncControl() {
	prev := d.w.View()
	st, err := d.w.refresh()
	if err != nil {
		d.log.Warn("cannot read the state", "err", err)
		return
	}
	d.applyControl(prev, st)
}

// applyControl applies the state st to the engine and acts on what
// changed since prev, the daemon's view of the state before it was read:
// a pause, a stop of the routines, an instant done from the command line.
func (d *daemon) applyControl(prev, st state.State) {
	d.engine.PauseUntil(st.PausedUntil)
	// An instant marked done before it fired (`bedtime done` within its
	// grace) is not fired after.
	for name, t := range st.Last {
		if last, ok := d.engine.Last(name); ok && t.After(last) {
			d.engine.SetLast(name, t)
		}
	}
	names := map[string]bool{}
	for _, j := range d.engine.Jobs() {
		names[j.Name] = true
	}
	for name := range st.Snoozes {
		names[name] = true
	}
	for name := range names {
		d.engine.SkipAt(name, st.Skips[name])
		d.engine.SetOnce(name, st.Snoozes[name])
	}
	d.mu.Lock()
	changed := !d.paused.Equal(st.PausedUntil)
	d.paused = st.PausedUntil
	stopRoutines := st.RoutineStop.After(d.routineStop)
	d.routineStop = st.RoutineStop
	d.mu.Unlock()
	var answered []string // answered elsewhere since the daemon last looked
	for name, o := range st.Closed {
		if was, ok := prev.Closed[name]; o.Kind == state.Done && (!ok || !was.At.Equal(o.At) || was.Kind != o.Kind) {
			answered = append(answered, name)
		}
	}
	if stopRoutines {
		d.log.Info("routines stopped", "count", d.stopRoutines(""), "from", "command line")
	}
	for _, name := range answered {
		o := st.Closed[name]
		d.log.Info("done", "reminder", name, "scheduled", o.Scheduled.Format(time.RFC3339), "from", "command line")
		d.engine.SetOnce(name, time.Time{})
		if w, ok := d.notifier.(notify.Withdrawer); ok && d.ctx != nil {
			if err := w.Withdraw(d.ctx, name); err != nil {
				d.log.Debug("cannot close the notification", "reminder", name, "err", err)
			}
		}
	}
	switch {
	case changed && st.PausedUntil.After(d.o.Clock.Now()):
		d.log.Info("paused", "until", st.PausedUntil.Format(time.RFC3339))
	case changed:
		d.log.Info("resumed")
	}
	if d.o.OnControl != nil {
		d.o.OnControl(st)
	}
}

// writeBackLast writes what the engine knows was handled into a state
// that lost it (a state directory made again), so that a restart does not
// show those reminders again.
func (d *daemon) writeBackLast() {
	jobs := d.engine.Jobs()
	d.w.change(func(tx *state.Tx) {
		for _, j := range jobs {
			if t, ok := d.engine.Last(j.Name); ok && t.After(tx.Last(j.Name)) {
				tx.SetLast(j.Name, t)
			}
		}
	})
}
