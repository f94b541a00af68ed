package daemon

import (
	"context"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/state"
)

// electedElsewhere, with several computers (Options.Devices), holds a
// firing that another computer is elected to show: it is recorded held,
// why "elsewhere", and shown here after Options.ShowWithin unless that
// computer (or any other) showed, answered or skipped it meanwhile, or it
// was answered here. It reports whether it held the firing.
func (d *daemon) electedElsewhere(ctx context.Context, f *firing, m notify.Message) bool {
	el := d.o.Devices
	if el == nil {
		return false
	}
	here, input := d.presenceNow()
	who := el.Elect(here, input)
	if who == "" {
		return false
	}
	// held is the instant as it is once held: Held, or, shown again after
	// a snooze or a repeat, as it was (the lifecycle keeps an instant
	// shown once as shown).
	var held state.Instant
	d.w.change(func(tx *state.Tx) {
		tx.Step(state.Step{Reminder: f.r.Name, Scheduled: f.instant, Kind: state.Held, At: f.ev.At, Detail: "elsewhere: " + who})
		held, _ = tx.Open(f.r.Name)
	})
	d.log.Info("held: shown on another computer", "reminder", f.r.Name, "on", who)
	// A snooze or a repeat shows the instant again: that it was shown
	// before does not say it is shown again elsewhere.
	var since time.Time
	if f.ev.Once {
		since = d.o.Clock.Now()
	}
	until := d.o.Clock.Now().Add(d.o.ShowWithin)
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		for d.o.Clock.Now().Before(until) {
			if ctx.Err() != nil {
				return
			}
			d.o.Clock.WaitUntil(ctx, until)
		}
		if el.Handled(f.r.Name, f.instant, since) {
			d.log.Info("shown on another computer", "reminder", f.r.Name)
			return
		}
		st := d.w.current() // with what a full disk kept from the file
		if in, ok := st.Open[f.r.Name]; !ok || !in.Scheduled.Equal(f.instant) || in.Status != held.Status || !in.Since.Equal(held.Since) {
			return // answered or snoozed here meanwhile, or replaced by its next firing
		}
		d.log.Info("not shown on the other computer in time: showing it here", "reminder", f.r.Name, "waited", d.o.ShowWithin.String())
		if d.awayDecision(ctx, f, m) {
			d.send(ctx, m)
		}
	}()
	return true
}

// presenceNow says where the person is as this computer sees it, for the
// election: "" when it cannot tell (no presence source).
func (d *daemon) presenceNow() (string, time.Time) {
	d.mu.Lock()
	a := d.away
	d.mu.Unlock()
	if a == nil {
		return "", time.Time{}
	}
	a.mu.Lock()
	st := a.last
	a.mu.Unlock()
	if st.Source == presence.SourceNone || st.Source == "" {
		return "", time.Time{}
	}
	return st.State.String(), st.Since
}
