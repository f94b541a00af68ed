package daemon

import (
	"context"
	"io"
	"time"

	"github.com/bedtime-app/bedtime/routine"
)

// playRoutine plays the guided routine of the named reminder, one
// notification per step, each replacing the one before, with a Stop
// button. A routine of the same reminder already playing is stopped first.
func (d *daemon) playRoutine(name string, scheduled time.Time) {
	d.mu.Lock()
	s := d.schedule
	ctx := d.ctx
	d.mu.Unlock()
	if s == nil || ctx == nil {
		return
	}
	r, ok := s.Reminder(name)
	if !ok {
		return
	}
	rt, ok := s.RoutineIn(speaks(s).Lang, r.Routine)
	if !ok {
		return
	}
	rt.Name = name // replace the reminder's own notification
	p := &routine.Player{Out: io.Discard, Warn: io.Discard, Notifier: d.notifier, Clock: d.o.Clock, Scheduled: scheduled, Sound: r.Sound,
		Locale: speaks(s)}
	ctx, cancel := context.WithCancel(ctx)
	me := &playing{stop: cancel}
	d.mu.Lock()
	if other := d.routines[name]; other != nil {
		other.stop()
	}
	d.routines[name] = me
	d.mu.Unlock()
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		defer cancel()
		d.log.Info("routine started", "reminder", name, "routine", r.Routine)
		err := p.Play(ctx, rt)
		d.mu.Lock()
		if d.routines[name] == me {
			delete(d.routines, name)
		}
		d.mu.Unlock()
		switch {
		case err == nil:
			d.log.Info("routine finished", "reminder", name)
		case d.ctx.Err() == nil:
			d.log.Info("routine stopped", "reminder", name)
		}
	}()
}

// playing is a guided routine the daemon plays.
type playing struct{ stop context.CancelFunc }

// stopRoutines stops the routines playing, those of name or, with an empty
// name, all. It reports how many it stopped.
func (d *daemon) stopRoutines(name string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for r, p := range d.routines {
		if name == "" || r == name {
			p.stop()
			delete(d.routines, r)
			n++
		}
	}
	return n
}
