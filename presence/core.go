package presence

import "time"

// kind is what a source observed.
type kind int

const (
	// evIdle: no input since at.
	evIdle kind = iota
	// evActive: input at at.
	evActive
	// evLocked: the screen locked at at.
	evLocked
	// evUnlocked: the screen unlocked at at (which counts as input).
	evUnlocked
)

// event is one observation of a source.
type event struct {
	kind   kind
	at     time.Time
	source string
}

// core turns the observations of the sources into a Status. It is a pure
// state machine: it never reads the clock, it is told the time.
type core struct {
	awayAfter time.Duration

	idle      bool      // no input since idleSince
	idleSince time.Time // the last input, when idle
	idleSrc   string    // the idle source in use, or SourceNone

	locked   map[string]time.Time // lock source -> when it locked
	lastLock string               // the lock source that locked last

	backAt time.Time // the last input or unlock
	last   Status
}

// newCore returns a core that says here since now, from idleSrc.
func newCore(awayAfter time.Duration, idleSrc string, now time.Time) *core {
	c := &core{awayAfter: awayAfter, idleSrc: idleSrc, locked: map[string]time.Time{}, backAt: now}
	c.last = Status{State: Here, Since: now, Source: idleSrc}
	return c
}

// continueFrom makes c's last status prev, the last one published by the
// core c replaces: a change is then a change from what was last said, and
// a state that goes on keeps its beginning.
func (c *core) continueFrom(prev Status) {
	c.last = prev
}

// apply records ev.
func (c *core) apply(ev event) {
	switch ev.kind {
	case evIdle:
		c.idle, c.idleSince = true, ev.at
		c.idleSrc = ev.source
	case evActive:
		c.idle = false
		c.backAt = ev.at
		c.idleSrc = ev.source
	case evLocked:
		if _, ok := c.locked[ev.source]; !ok {
			c.locked[ev.source] = ev.at
		}
		c.lastLock = ev.source
	case evUnlocked:
		delete(c.locked, ev.source)
		if len(c.locked) == 0 {
			// Unlocking takes a password: the person is back.
			c.idle = false
			c.backAt = ev.at
		}
	}
}

// status returns the state at now, and whether it differs from the last
// one returned.
func (c *core) status(now time.Time) (Status, bool) {
	var s Status
	switch {
	case len(c.locked) > 0:
		src, at := c.lastLock, c.locked[c.lastLock]
		if _, ok := c.locked[src]; !ok {
			for k, v := range c.locked {
				src, at = k, v
				break
			}
		}
		for _, v := range c.locked { // the first lock begins the state
			if v.Before(at) {
				at = v
			}
		}
		s = Status{State: Locked, Since: at, Source: src}
	case c.idle && !now.Before(c.idleSince.Add(c.awayAfter)):
		s = Status{State: Away, Since: c.idleSince, Source: c.idleSrc}
	default:
		s = Status{State: Here, Since: c.backAt, Source: c.idleSrc}
	}
	if s.State == c.last.State {
		// Same state: it began when it began, whatever refreshed it.
		s.Since = c.last.Since
		c.last = s
		return s, false
	}
	c.last = s
	return s, true
}

// deadline returns when the state changes by itself (an idle session
// turning away), if it will.
func (c *core) deadline(now time.Time) (time.Time, bool) {
	if len(c.locked) > 0 || !c.idle {
		return time.Time{}, false
	}
	at := c.idleSince.Add(c.awayAfter)
	if !at.After(now) {
		return time.Time{}, false
	}
	return at, true
}
