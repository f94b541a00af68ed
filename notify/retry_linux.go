package notify

import (
	"errors"
	"time"

	"github.com/bedtime-app/bedtime/internal/backoff"
)

// pending is a message held until a server can show it.
type pending struct {
	m        Message
	why      string // why it is held
	deadline time.Time
	next     time.Time // next attempt
	failures int       // attempts in a row that failed and were retried
}

// schedule sets p's next attempt after a failure with err: exponential
// backoff, except that Do Not Disturb is waited out (its end wakes the loop)
// with a slow poll for servers that do not signal it.
func (d *dbusBackend) schedule(p *pending, err error, now time.Time) {
	if errors.Is(err, errBannersOff) {
		// GNOME says nothing on the bus when it ends: read it again.
		p.next = now.Add(d.o.DNDPoll)
		return
	}
	if errors.Is(err, ErrInhibited) {
		p.next = now.Add(d.o.RetryMax)
		return
	}
	p.failures++
	p.next = now.Add(backoff.Policy{Min: d.o.RetryMin, Max: d.o.RetryMax}.Wait(p.failures))
}

// wake wakes the retry loop; with now set, everything held is tried at once.
func (d *dbusBackend) wake(now bool) {
	if now {
		d.mu.Lock()
		d.retryNow = true
		d.mu.Unlock()
	}
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// retryLoop retries held messages when they are due, or at once when woken
// by a server appearing or Do Not Disturb ending, and reports the ones whose
// deadline passed as Missed.
func (d *dbusBackend) retryLoop() {
	defer d.wg.Done()
	t := time.NewTimer(time.Hour)
	t.Stop()
	for {
		d.mu.Lock()
		var wake time.Time
		for _, p := range d.pending {
			for _, w := range []time.Time{p.next, p.deadline} {
				if wake.IsZero() || w.Before(wake) {
					wake = w
				}
			}
		}
		d.mu.Unlock()
		if !wake.IsZero() {
			t.Reset(max(wake.Sub(d.o.Now()), 0))
		}
		select {
		case <-d.ctx.Done():
			t.Stop()
			return
		case <-d.kick:
		case <-t.C:
		}
		t.Stop()
		d.retryDue()
	}
}

func (d *dbusBackend) retryDue() {
	now := d.o.Now()
	d.mu.Lock()
	force := d.retryNow
	d.retryNow = false
	var due []*pending
	for name, p := range d.pending {
		switch {
		case !now.Before(p.deadline):
			delete(d.pending, name)
			d.missLocked(p)
		case force || !now.Before(p.next):
			due = append(due, p)
		}
	}
	d.mu.Unlock()
	for _, p := range due {
		if d.ctx.Err() != nil {
			return
		}
		err := d.attempt(d.ctx, p.m)
		if err == nil {
			d.delivered()
		} else {
			d.failure(err)
		}
		d.mu.Lock()
		if d.pending[p.m.Reminder] == p {
			switch {
			case err == nil, errors.Is(err, errInFlight):
				delete(d.pending, p.m.Reminder)
			case !retryable(err):
				delete(d.pending, p.m.Reminder)
				d.missLocked(p)
			default:
				d.schedule(p, err, d.o.Now())
			}
		}
		d.mu.Unlock()
	}
}

// replacedLocked reports held p, replaced by m, as missed unless m is
// about the same firing. d.mu must be held.
func (d *dbusBackend) replacedLocked(p *pending, m Message) {
	if m.Scheduled.IsZero() || !p.m.Scheduled.Equal(m.Scheduled) {
		d.missLocked(p)
	}
}

// missLocked reports p as missed. d.mu must be held.
func (d *dbusBackend) missLocked(p *pending) {
	d.log.Warn("reminder missed: no notification could be shown before its deadline",
		"reminder", p.m.Reminder, "title", p.m.Title, "deadline", p.deadline.Format(time.RFC3339))
	d.queueLocked(d.respondTo(p.m, Missed, "never shown: "+p.why))
}

// queueLocked queues r for OnResponse. d.mu must be held.
func (d *dbusBackend) queueLocked(r Response) {
	d.queue = append(d.queue, r)
	select {
	case d.respond <- struct{}{}:
	default:
	}
}

// dispatch passes queued responses to OnResponse one at a time, so that
// OnResponse may call Notify.
func (d *dbusBackend) dispatch() {
	defer d.wg.Done()
	for {
		d.mu.Lock()
		q := d.queue
		d.queue = nil
		d.mu.Unlock()
		for _, r := range q {
			d.o.OnResponse(r)
		}
		if len(q) > 0 {
			continue
		}
		select {
		case <-d.respond:
		case <-d.ctx.Done():
			d.mu.Lock()
			q := d.queue
			d.queue = nil
			d.mu.Unlock()
			for _, r := range q {
				d.o.OnResponse(r)
			}
			return
		}
	}
}
