package channel

import (
	"context"
	"log/slog"
	"time"

	"github.com/bedtime-app/bedtime/internal/durfmt"
)

// listen reads the replies of r and passes the verified ones on.
func (d *Dispatcher) listen(ctx context.Context, r Replier, since string) {
	defer d.wg.Done()
	err := r.Listen(ctx, since, func(rp Reply) { d.reply(ctx, r.Name(), rp) })
	if err != nil && ctx.Err() == nil {
		d.log.Error("stopped reading answers", "channel", r.Name(), "err", err)
	}
}

// reply verifies one reply and, when it is a fresh answer, sends it on
// Answers before it is marked answered (so an answer is not lost when
// bedtime stops between the two).
func (d *Dispatcher) reply(ctx context.Context, channel string, rp Reply) {
	log := d.log.With("channel", channel, "id", rp.ID)
	if rp.Err != nil || rp.Check {
		d.mu.Lock()
		level, more := d.ignored(channel, rp.ID, "not an answer", slog.LevelWarn)
		d.mu.Unlock()
		if rp.Check {
			log.Debug("reply topic check message ignored")
		} else {
			log.Log(ctx, level, "ignored a message on the reply topic", moreLikeIt([]any{"err", rp.Err}, more)...)
		}
		return
	}
	d.mu.Lock()
	e := d.answerable(rp)
	var problem string
	switch {
	case e == nil:
		problem = "stale: no reminder sent in the last " + durfmt.Format(d.o.Retain) + " has this reference"
	case !d.sign.valid(e.Reminder, e.Scheduled, rp.Action, rp.Token):
		problem = "spoofed: the token is wrong"
	case e.Answered:
		problem = "already answered"
	}
	if problem != "" {
		level := slog.LevelWarn
		if problem == "already answered" {
			level = slog.LevelInfo
		}
		level, more := d.ignored(channel, rp.ID, problem, level)
		d.mu.Unlock()
		if problem == "already answered" {
			log.Log(ctx, level, "ignored an answer: the reminder was already answered", moreLikeIt([]any{"reminder", e.Reminder, "scheduled", e.Scheduled}, more)...)
		} else {
			log.Log(ctx, level, "ignored an answer", moreLikeIt([]any{"why", problem}, more)...)
		}
		return
	}
	a := Answer{Reminder: e.Reminder, Scheduled: e.Scheduled, Action: rp.Action, Channel: channel, Time: rp.Time}
	if a.Time.IsZero() {
		a.Time = d.o.Clock.Now()
	}
	d.mu.Unlock()
	log.Info("answer from a channel", "reminder", a.Reminder, "scheduled", a.Scheduled, "action", a.Action)
	select {
	case d.answers <- a:
	case <-ctx.Done():
		return
	}
	d.mu.Lock()
	for _, x := range d.box.Entries {
		if x.Reminder == a.Reminder && x.Scheduled.Equal(a.Scheduled) {
			x.Answered = true
			if x.Channel == channel && x.State == StatePending {
				// The phone answered, so an attempt arrived after all.
				x.State, x.Done, x.LastError = StateSent, d.o.Clock.Now(), ""
			}
		}
	}
	if rp.ID != "" {
		d.box.Cursors[channel] = rp.ID
	}
	d.save()
	d.mu.Unlock()
}

// answerable returns the entry rp answers, the caller holding d.mu: of
// the entries of its instant (one per showing and channel), the latest
// showing not answered yet; but when a showing before it was answered, not
// one that began after rp was given (that is an answer to the earlier
// showing, read again: a snooze pressed before the reminder came back
// does not answer it again). Else the one answered, or nil when no entry
// has rp's reference. (The time test only guards that case, so a server
// whose clock is behind never turns away a first answer.)
func (d *Dispatcher) answerable(rp Reply) *entry {
	var answered, open, given *entry
	later := func(a, b *entry) bool { return b == nil || a.Message.Showing.After(b.Message.Showing) }
	for _, x := range d.box.Entries {
		if d.sign.ref(x.Reminder, x.Scheduled) != rp.Ref {
			continue
		}
		if x.Answered {
			answered = x
			continue
		}
		if later(x, open) {
			open = x
		}
		// ntfy's times are whole seconds.
		if (rp.Time.IsZero() || !rp.Time.Before(x.Message.Showing.Truncate(time.Second))) && later(x, given) {
			given = x
		}
	}
	switch {
	case answered == nil:
		return open
	case given != nil:
		return given
	}
	return answered
}

// ignored notes a reply that was read and ignored, for a reason of kind;
// the caller holds d.mu. The cursor moves on in memory only: it is written
// with the next change of the outbox or at Close (after a crash the reply
// is read again and ignored again), so a flood of junk costs no write per
// line. It returns the level to log at: level for the first of a kind in
// a minute, Debug for the others, counted in more (the number not logged
// at level since the last one that was).
func (d *Dispatcher) ignored(channel, id, kind string, level slog.Level) (slog.Level, int) {
	if id != "" && d.box.Cursors[channel] != id {
		d.box.Cursors[channel] = id
		d.cursorMoved = true
	}
	if d.quiet == nil {
		d.quiet = map[string]*quiet{}
	}
	key := channel + "\x00" + kind
	now := d.o.Clock.Now()
	q := d.quiet[key]
	if q != nil && !now.Before(q.at) && now.Sub(q.at) < time.Minute {
		q.n++
		return slog.LevelDebug, 0
	}
	more := 0
	if q != nil {
		more = q.n
	}
	d.quiet[key] = &quiet{at: now}
	return level, more
}

// moreLikeIt adds to attrs how many more like it were logged at Debug.
func moreLikeIt(attrs []any, more int) []any {
	if more > 0 {
		attrs = append(attrs, "more_like_it", more)
	}
	return attrs
}

// quiet is when a kind of ignored reply was last logged at its level and
// how many were logged at Debug since.
type quiet struct {
	at time.Time
	n  int
}
