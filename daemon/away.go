package daemon

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/busy"
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
// while reminders are held for the person's return, so that a return
// shows them within it (the source's own poll is slower). Nothing is
// asked this often while nothing is held.
const heldRecheck = time.Second

// busyRecheck is how often the daemon asks whether the person is still
// busy while a reminder is held because they were. Nothing is asked
// while nothing is held.
const busyRecheck = 5 * time.Second

// Busy says whether the person is busy: in a call (a microphone or camera
// in use) or with a fullscreen window. busy.Detector is one.
type Busy interface {
	// Busy reports whether the person is busy now, and why.
	Busy(ctx context.Context) (why string, busy bool)
	Close() error
}

var _ Busy = (*busy.Detector)(nil)

// openBusy opens the busy sources for the daemon's life.
func (d *daemon) openBusy(ctx context.Context) {
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	b, rep := d.o.Busy(pctx)
	d.busy = b
	d.log.Info("busy sources chosen", "sources", rep.String())
}

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
	// whenBusy is true when the reminder waits while the person is busy
	// (when_busy: hold), also when they are back.
	whenBusy bool
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
	// A bus that takes calls and never answers holds up neither the
	// start nor a reload: ctx lives as long as the daemon.
	pctx, cancel := context.WithTimeout(ctx, presenceOpenWait)
	mon, rep := d.o.Presence(pctx, presence.Options{AwayAfter: after, Logger: d.log, Now: d.o.Clock.Now})
	cancel()
	a := &away{d: d, mon: mon, rep: rep, after: after, held: map[string]heldOne{}, done: make(chan struct{})}
	a.last = a.current(ctx)
	wctx, cancel := context.WithCancel(ctx)
	a.stop = cancel
	d.mu.Lock()
	d.away = a
	d.mu.Unlock()
	d.setPresence(a.last)
	go a.watch(wctx)
	if old == nil {
		return
	}
	// What the old monitor held waits for the person's return on the
	// new one: a reload (away.after edited) loses no reminder.
	held, natural := old.close()
	a.mu.Lock()
	for name, h := range held {
		if _, newer := a.held[name]; !newer {
			a.held[name] = h
		}
	}
	a.naturalUntil = later(a.naturalUntil, natural)
	a.askLaterLocked()
	back := len(a.held) > 0 && a.last.State == presence.Here
	a.mu.Unlock()
	if back {
		a.release(ctx, d.o.Clock.Now())
	}
}

// close stops watching and returns the reminders held and the end of a
// natural break, for the monitor that replaces this one.
func (a *away) close() (held map[string]heldOne, naturalUntil time.Time) {
	a.stop()
	<-a.done
	a.mon.Close()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.recheck != nil {
		a.recheck.Stop()
		a.recheck = nil
	}
	held, a.held = a.held, map[string]heldOne{}
	return held, a.naturalUntil
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
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
	if prev.State == st.State {
		// Heard twice (a source without events answers Current, and
		// then its poll says the same): not a change.
		a.mu.Unlock()
		return
	}
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
	st := a.current(ctx)
	// A source without events (X11): what Current says may be news.
	a.changed(ctx, st)
	a.mu.Lock()
	natural := a.d.o.Clock.Now().Before(a.naturalUntil)
	a.mu.Unlock()
	if st.State == presence.Here {
		if natural && r.WhenAway == config.WhenAwaySkip && !once {
			a.mu.Lock()
			a.naturalUntil = time.Time{} // one reminder, the break of that hour
			a.mu.Unlock()
			return state.Skipped, "natural break"
		}
		if r.WhenBusy != config.WhenBusyShow {
			if why, busy := a.d.busyNow(ctx); busy {
				return state.Held, "busy: " + why
			}
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

// hold keeps m until the person is back and not busy (whenBusy), or
// until deadline; busyNow says it is held because busy.
func (a *away) hold(m notify.Message, deadline time.Time, whenBusy, busyNow bool) {
	a.mu.Lock()
	a.held[m.Reminder] = heldOne{msg: m, deadline: deadline, whenBusy: whenBusy}
	a.askLaterLocked()
	back := a.last.State == presence.Here && !busyNow
	a.mu.Unlock()
	if back {
		// The return came between the decision and now: show it.
		a.release(a.d.ctx, a.d.o.Clock.Now())
	}
}

// askLaterLocked sets the timer that asks again whether what is held can
// be shown: every heldRecheck with a source without events (X11), every
// busyRecheck while the person is here (so held because busy); none
// while away with a source that says when they are back. a.mu is held.
func (a *away) askLaterLocked() {
	if len(a.held) == 0 || a.recheck != nil {
		return
	}
	switch {
	case a.rep.OnDemand:
		a.recheck = time.AfterFunc(heldRecheck, a.ask)
	case a.last.State == presence.Here:
		every := busyRecheck
		if a.d.o.busyEvery > 0 {
			every = a.d.o.busyEvery
		}
		a.recheck = time.AfterFunc(every, a.ask)
	}
}

// ask asks whether the person is back (a source without events) and no
// longer busy, while something is held.
func (a *away) ask() {
	a.mu.Lock()
	a.recheck = nil
	n := len(a.held)
	a.mu.Unlock()
	ctx := a.d.ctx
	if n == 0 || ctx.Err() != nil {
		return
	}
	st := a.current(ctx)
	a.changed(ctx, st) // back: releases what is held, unless busy
	a.mu.Lock()
	here := a.last.State == presence.Here
	a.mu.Unlock()
	if here {
		a.release(ctx, a.d.o.Clock.Now()) // busy no longer, or past its grace
	}
	a.mu.Lock()
	a.askLaterLocked()
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
	if len(held) == 0 {
		return
	}
	busyWhy, busy := "", false
	for _, h := range held {
		if h.whenBusy {
			busyWhy, busy = a.d.busyNow(ctx)
			break
		}
	}
	var still []string
	defer func() {
		if len(still) > 0 {
			a.d.log.Info("still busy: held until that ends", "reminders", strings.Join(still, ","), "why", busyWhy)
		}
	}()
	// The state as the daemon knows it: the file, with what it could not
	// write yet (a full disk) applied.
	st := a.d.w.current()
	for name, h := range held {
		// Shown while held here means shown on a phone or another channel
		// (when_away: phone, or channels: [desktop, phone]): the desktop
		// holds its own copy all the same, until it is answered.
		if in, ok := st.Open[name]; !ok || !in.Scheduled.Equal(h.msg.Scheduled) || in.Status != state.Held && in.Status != state.Due && in.Status != state.Shown {
			continue // answered meanwhile (bedtime done, the phone's Done or Snooze), or replaced by its next firing
		}
		if now.After(h.deadline) {
			why := "away until too late"
			if busy && h.whenBusy {
				why = "busy until too late"
			}
			a.d.w.change(func(tx *state.Tx) {
				tx.Step(state.Step{Reminder: name, Scheduled: h.msg.Scheduled, Kind: state.Missed, At: now,
					Detail: why})
			})
			a.d.log.Info("missed", "reminder", name, "why", why)
			continue
		}
		if busy && h.whenBusy {
			a.mu.Lock()
			if _, newer := a.held[name]; !newer {
				a.held[name] = h
			}
			a.askLaterLocked()
			a.mu.Unlock()
			still = append(still, name)
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
	f.busy = strings.HasPrefix(why, "busy: ")
	if kind == state.Held {
		// Held before it is recorded so, so that a return at this very
		// moment releases it.
		deadline := f.instant.Add(max(f.r.CatchUp, scheduler.OnTime))
		if f.ev.Once {
			deadline = f.ev.At.Add(scheduler.OnceGrace)
		}
		a.hold(m, deadline, f.r.WhenBusy != config.WhenBusyShow, f.busy)
	}
	d.w.change(func(tx *state.Tx) {
		tx.Step(state.Step{Reminder: f.r.Name, Scheduled: f.instant, Kind: kind, At: now, Detail: why})
	})
	switch {
	case kind == state.Held && strings.HasPrefix(why, "busy: "):
		d.log.Info("held until you are no longer busy", "reminder", f.r.Name, "why", strings.TrimPrefix(why, "busy: "))
	case kind == state.Held:
		d.log.Info("held until you are back", "reminder", f.r.Name, "why", why)
	default:
		d.log.Info("skipped", "reminder", f.r.Name, "why", why)
	}
	return false
}

// presenceOpenWait bounds the choosing of the presence sources, and
// presenceAskWait asking one (an X server) whether the person is here.
const (
	presenceOpenWait = 10 * time.Second
	presenceAskWait  = 2 * time.Second
)

// current asks the monitor whether the person is here, within
// presenceAskWait: an X server that does not answer holds up no reminder.
func (a *away) current(ctx context.Context) presence.Status {
	ctx, cancel := context.WithTimeout(ctx, presenceAskWait)
	defer cancel()
	return a.mon.Current(ctx)
}

// busyNow asks whether the person is busy.
func (d *daemon) busyNow(ctx context.Context) (string, bool) {
	if d.busy == nil {
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return d.busy.Busy(ctx)
}
