package devices

import (
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// The election's times.
const (
	// ShowWithin is how long a computer that holds an instant for another
	// one ("elsewhere") waits for that one to say it showed or answered
	// it; then it shows it itself, so a reminder is never lost to the
	// election (the other is asleep, its folder behind, the person away
	// there). It covers a sync tool's usual delay on a local network
	// (Syncthing: seconds).
	ShowWithin = 2 * time.Minute
	// HeardWithin: a computer not heard from for this long takes no part
	// in the election, so nothing is held for it.
	HeardWithin = 12 * time.Hour
	// heartbeat: a computer rewrites its presence file at least this often
	// while its daemon records anything, so it stays heard from.
	heartbeat = time.Hour
)

// Peers is what this device knows of the others for its daemon: who is
// where and what they showed or answered. Keep updates it; the daemon
// asks it from its own goroutines (it is safe for concurrent use).
type Peers struct {
	self string
	now  func() time.Time

	mu      sync.Mutex
	devs    []Device
	handled map[instantKey]handledAt // instant → when its events were read
}

// handledAt is when this device read another's events about an instant:
// the first of any kind, and the latest that showed or ended it (not a
// snooze, which Follow follows, and which each device that follows it
// writes again).
type handledAt struct{ first, shown time.Time }

type instantKey struct {
	reminder string
	at       int64
}

// NewPeers returns the Peers of device self.
func NewPeers(self string, now func() time.Time) *Peers {
	return &Peers{self: self, now: now, handled: map[instantKey]handledAt{}}
}

// update takes what a Scan found.
func (p *Peers) update(devs []Device, recs []Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.devs = devs
	now := p.now()
	for _, r := range recs {
		switch r.Event.Kind {
		case state.Shown, state.Done, state.Snoozed, state.Dismissed, state.Expired, state.Skipped:
			if r.Event.Reminder == "" || r.Event.Scheduled.IsZero() {
				continue
			}
			k := instantKey{r.Event.Reminder, r.Event.Scheduled.UnixNano()}
			h, ok := p.handled[k]
			if !ok {
				h.first = now
			}
			if r.Event.Kind != state.Snoozed {
				h.shown = now
			}
			p.handled[k] = h
		}
	}
	for k, at := range p.handled { // bounded: only what is recent matters
		if now.Sub(at.first) > 2*HeardWithin && now.Sub(at.shown) > 2*HeardWithin {
			delete(p.handled, k)
		}
	}
}

// Handled reports whether another computer showed, answered or skipped
// the instant. With since set (the instant shown again after a snooze,
// held here from since), only what was read from since on and showed or
// ended it counts: that it was shown and snoozed before says nothing of
// its showing again.
func (p *Peers) Handled(reminder string, scheduled, since time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	h, ok := p.handled[instantKey{reminder, scheduled.UnixNano()}]
	if since.IsZero() {
		return ok
	}
	return ok && !h.shown.IsZero() && !h.shown.Before(since)
}

// Elect says which computer shows a reminder now, given where this one's
// person is (here: "here", "away", "locked" or "" unknown; input: the
// last input here). It returns "" for this computer, else the other's
// name. The rule, which every computer computes the same way from the
// same files: of the computers heard from within HeardWithin (this one
// always), the one whose person is here with the latest input; when none
// says the person is here, the one with the smallest id.
func (p *Peers) Elect(here string, input time.Time) string {
	c := p.candidates(here, input)
	best, ok := Here(c)
	if !ok {
		best = c[0]
		for _, d := range c {
			if d.ID < best.ID {
				best = d
			}
		}
	}
	if best.ID == p.self {
		return ""
	}
	return Label(best)
}

// SendsToPhone reports whether this computer is the one that sends to the
// phone (ntfy and command channels): of the computers heard from, the one
// with the smallest id, whatever the person's presence, so that every
// computer agrees without asking.
func (p *Peers) SendsToPhone() bool {
	for _, d := range p.candidates("", time.Time{}) {
		if d.ID < p.self {
			return false
		}
	}
	return true
}

func (p *Peers) candidates(here string, input time.Time) []Device {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	out := []Device{{ID: p.self, Presence: Presence{State: here, Input: input}}}
	for _, d := range p.devs {
		if d.ID == p.self || d.Presence.Written.IsZero() {
			continue
		}
		if w := d.Presence.Written; now.Sub(w) > HeardWithin || d.Presence.State == Stopped {
			continue // not heard from, or stopped: nothing is held for it
		}
		out = append(out, d)
	}
	return out
}
