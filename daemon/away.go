package daemon

import (
	"context"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// NaturalBreak is how long after coming back from being away the next
// reminder that is skipped when away (movement) is skipped too: being away
// was the break.
const NaturalBreak = time.Hour

// heldRecheck is how often a source without events (X11) is asked again
// while reminders are held for the person's return. Nothing is asked while
// nothing is held.
const heldRecheck = 30 * time.Second

// away is what the daemon knows of the person's presence, and the
// reminders it holds until they are back.
type away struct {
	d   *daemon
	mon presence.Monitor
	rep presence.Report
	// after is the away.after the monitor was opened with.
	after time.Duration

	mu           sync.Mutex
	last         presence.Status
	naturalUntil time.Time          // the next skip-when-away reminder before this is skipped
	held         map[string]heldOne // by reminder: held while away
	recheck      *time.Timer        // while held and the source has no events
	stop         context.CancelFunc // ends the watch goroutine
	done         chan struct{}      // closed when it ended
}

// heldOne is a reminder held until the person is back.
type heldOne struct {
	msg      notify.Message
	deadline time.Time // later than this, it is missed
}

// openPresence opens the presence monitor for the schedule's away.after,
// and watches its changes until ctx is done or the monitor is replaced.
func (d *daemon) openPresence(ctx context.Context, after time.Duration) {
	d.mu.Lock()
	old := d.away
	d.mu.Unlock()
	if old != nil && old.after == after {
		return
	}
	if old != nil {
		old.close()
	}
	mon, rep := d.o.Presence(ctx, presence.Options{AwayAfter: after, Logger: d.log, Now: d.o.Clock.Now})
	a := &away{d: d, mon: mon, rep: rep, after: after, held: map[string]heldOne{}, done: make(chan struct{})}
	a.last = mon.Current(ctx)
	wctx, cancel := context.WithCancel(ctx)
	a.stop = cancel
	d.mu.Lock()
	d.away = a
	d.mu.Unlock()
	d.setPresence(a.last)
	go a.watch(wctx)
}

// close stops watching; held reminders are released as if the person came
// back (the new monitor, if any, decides again on the next firing).
func (a *away) close() {
	a.stop()
	<-a.done
	a.mon.Close()
}

// watch follows the monitor's changes.
func (a *away) watch(ctx context.Context) {
	defer close(a.done)
	for {
		select {
		case <-ctx.Done():
			return
		case st, ok := <-a.mon.Changes():
			if !ok {
				return
			}
			a.changed(ctx, st)
		}
	}
}

// changed acts on a change of presence: a return releases what was held,
// and a return after at least away.after is a natural break.
func (a *away) changed(ctx context.Context, st presence.Status) {
	now := a.d.o.Clock.Now()
	a.mu.Lock()
	prev := a.last
	a.last = st
	back := prev.State != presence.Here && st.State == presence.Here
	if back && now.Sub(prev.Since) >= a.after {
		a.naturalUntil = now.Add(NaturalBreak)
	}
	natural := back && now.Sub(prev.Since) >= a.after
	a.mu.Unlock()
	a.d.setPresence(st)
	a.d.log.Info("presence changed", "from", prev.State.String(), "to", st.State.String(), "source", st.Source)
	if natural {
		a.d.log.Info("natural break", "away_for", durfmt.Format(now.Sub(prev.Since).Round(time.Second)))
	}
	if st.State == presence.Here {
		a.release(ctx, now)
	}
}

// decide says what becomes of a reminder due now: "" to show it, or the
// lifecycle step (held or skipped) and why.
func (a *away) decide(ctx context.Context, r config.Reminder, once bool) (kind state.Kind, why string) {
	st := a.mon.Current(ctx)
	a.mu.Lock()
	if st.State != a.last.State {
		// A source without events (X11): what Current says is news.
		prev := a.last
		a.last = st
		if prev.State != presence.Here && st.State == presence.Here && a.d.o.Clock.Now().Sub(prev.Since) >= a.after {
			a.naturalUntil = a.d.o.Clock.Now().Add(NaturalBreak)
		}
		defer a.d.setPresence(st)
	}
	natural := a.d.o.Clock.Now().Before(a.naturalUntil)
	a.mu.Unlock()
	if st.State == presence.Here {
		if natural && r.WhenAway == config.WhenAwaySkip && !once {
			a.mu.Lock()
			a.naturalUntil = time.Time{} // one reminder, the break of that hour
			a.mu.Unlock()
			return state.Skipped, "natural break"
		}
		return "", ""
	}
	switch r.WhenAway {
	case config.WhenAwayShow:
		return "", ""
	case config.WhenAwaySkip:
		return state.Skipped, st.State.String()
	}
	return state.Held, st.State.String() // hold, or phone: held on the desktop
}

// hold keeps m until the person is back, or until deadline.
func (a *away) hold(m notify.Message, deadline time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.held[m.Reminder] = heldOne{msg: m, deadline: deadline}
	if a.rep.OnDemand && a.recheck == nil {
		a.recheck = time.AfterFunc(heldRecheck, a.ask)
	}
}

// ask asks a source without events whether the person is back, while
// something is held.
func (a *away) ask() {
	a.mu.Lock()
	a.recheck = nil
	n := len(a.held)
	a.mu.Unlock()
	ctx := a.d.ctx
	if n == 0 || ctx.Err() != nil {
		return
	}
	st := a.mon.Current(ctx)
	if st.State == presence.Here {
		a.changed(ctx, st)
		return
	}
	a.mu.Lock()
	if len(a.held) > 0 && a.recheck == nil {
		a.recheck = time.AfterFunc(heldRecheck, a.ask)
	}
	a.mu.Unlock()
}

// release shows what was held, if still within its grace, and records the
// rest missed.
func (a *away) release(ctx context.Context, now time.Time) {
	a.mu.Lock()
	held := a.held
	a.held = map[string]heldOne{}
	if a.recheck != nil {
		a.recheck.Stop()
		a.recheck = nil
	}
	a.mu.Unlock()
	st, err := a.d.store.Load()
	for name, h := range held {
		if in, ok := st.Open[name]; err == nil && (!ok || !in.Scheduled.Equal(h.msg.Scheduled) || in.Status != state.Held && in.Status != state.Due) {
			continue // answered meanwhile (bedtime done), or replaced by its next firing
		}
		if now.After(h.deadline) {
			a.d.w.change(func(tx *state.Tx) {
				tx.Step(state.Step{Reminder: name, Scheduled: h.msg.Scheduled, Kind: state.Missed, At: now,
					Detail: "away until too late"})
			})
			a.d.log.Info("missed", "reminder", name, "why", "away until too late")
			continue
		}
		a.d.log.Info("back: showing the reminder held", "reminder", name)
		a.d.send(ctx, h.msg)
	}
}

// setPresence records the person's presence in the state, for status.
func (d *daemon) setPresence(st presence.Status) {
	p := state.Presence{State: st.State.String(), Since: st.Since, Source: st.Source}
	d.w.submit(func(tx *state.Tx) { tx.SetPresence(p) }, nil)
}

// awayDecision applies presence to a firing about to be shown: it returns
// true when the reminder is shown now, false when it was held or skipped.
func (d *daemon) awayDecision(ctx context.Context, f *firing, m notify.Message) bool {
	d.mu.Lock()
	a := d.away
	d.mu.Unlock()
	if a == nil {
		return true
	}
	a.mu.Lock()
	delete(a.held, f.r.Name) // an older firing held is ended by this one
	a.mu.Unlock()
	kind, why := a.decide(ctx, f.r, f.ev.Once)
	if kind == "" {
		return true
	}
	now := f.ev.At
	if kind == state.Held {
		// Held before it is recorded so, so that a return at this very
		// moment releases it.
		deadline := f.instant.Add(max(f.r.CatchUp, scheduler.OnTime))
		if f.ev.Once {
			deadline = f.ev.At.Add(scheduler.OnceGrace)
		}
		a.hold(m, deadline)
	}
	d.w.change(func(tx *state.Tx) {
		tx.Step(state.Step{Reminder: f.r.Name, Scheduled: f.instant, Kind: kind, At: now, Detail: why})
	})
	if kind == state.Held {
		d.log.Info("held until you are back", "reminder", f.r.Name, "why", why)
	} else {
		d.log.Info("skipped", "reminder", f.r.Name, "why", why)
	}
	return false
}
