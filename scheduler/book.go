package scheduler

import "time"

// Book is what the engine asks about what was already handled. Its owner
// keeps it (the daemon: its state, the one place this is kept) and records
// each event the engine hands over before the engine asks again: the last
// handled instant of a fired, missed or skipped one, the extra instant of
// a snooze taken off, a skip that passed. After changing it otherwise (a
// command paused, skipped or snoozed), the owner calls Engine.Poke.
type Book interface {
	// Last returns the last scheduled instant of the job that was handled.
	Last(job string) (time.Time, bool)
	// Again returns the extra instants at which the job is due once more,
	// besides its schedule (a snooze, a repeat).
	Again(job string) []time.Time
	// Skip returns the scheduled instant of the job not to show, or the
	// zero Time.
	Skip(job string) time.Time
	// PausedUntil returns when a pause ends: nothing is shown before it.
	PausedUntil() time.Time
}

// SetLast records t as the last handled instant of the named job in the
// engine's own book, as when state is restored after a restart. A t later
// than the clock is handled as Engine says.
func (e *Engine) SetLast(name string, t time.Time) {
	e.mu.Lock()
	if e.own != nil {
		e.own.last[name] = t
		delete(e.from, name)
		delete(e.fresh, name)
	}
	e.mu.Unlock()
	e.Poke()
}

// Last returns the last handled instant of the named job, as the engine
// counts it.
func (e *Engine) Last(name string) (time.Time, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	l, ok := e.book.Last(name)
	f, counted := e.from[name]
	if !ok || counted && !l.After(f) {
		return f, counted
	}
	if s, seen := e.suspect[name]; seen && counted && s.Equal(l) {
		return f, true
	}
	return l, true
}

// FireOnceAt makes the named job due once more at t, besides its schedule
// (a snooze), in the engine's own book.
func (e *Engine) FireOnceAt(name string, t time.Time) {
	e.mu.Lock()
	if e.own != nil {
		e.own.once[name] = append(e.own.once[name], t)
	}
	e.mu.Unlock()
	e.Poke()
}

// SetOnce replaces the extra instants of the named job with t alone in the
// engine's own book; the zero t drops them.
func (e *Engine) SetOnce(name string, t time.Time) {
	e.mu.Lock()
	if e.own != nil {
		if t.IsZero() {
			delete(e.own.once, name)
		} else {
			e.own.once[name] = []time.Time{t}
		}
	}
	e.mu.Unlock()
	e.Poke()
}

// CancelOnce drops the extra instants FireOnceAt added for the named job
// (the user pressed Done, so no snooze or repeat is needed).
func (e *Engine) CancelOnce(name string) { e.SetOnce(name, time.Time{}) }

// Once returns the extra instants pending for the named job, in no
// particular order.
func (e *Engine) Once(name string) []time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Time(nil), e.book.Again(name)...)
}

// SkipAt makes the named job's scheduled instant t a Skip instead of a
// Fire, in the engine's own book. The zero t clears it.
func (e *Engine) SkipAt(name string, t time.Time) {
	e.mu.Lock()
	if e.own != nil {
		if t.IsZero() {
			delete(e.own.skip, name)
		} else {
			e.own.skip[name] = t
		}
	}
	e.mu.Unlock()
	e.Poke()
}

// PauseUntil makes every instant due before t a Skip (Paused), in the
// engine's own book. The zero t resumes.
func (e *Engine) PauseUntil(t time.Time) {
	e.mu.Lock()
	if e.own != nil {
		e.own.paused = t
	}
	e.mu.Unlock()
	e.Poke()
}

// memBook is the book of an engine that keeps its own (NewEngine).
type memBook struct {
	last   map[string]time.Time
	once   map[string][]time.Time
	skip   map[string]time.Time
	paused time.Time
}

func (b *memBook) Last(job string) (time.Time, bool) { t, ok := b.last[job]; return t, ok }
func (b *memBook) Again(job string) []time.Time      { return b.once[job] }
func (b *memBook) Skip(job string) time.Time         { return b.skip[job] }
func (b *memBook) PausedUntil() time.Time            { return b.paused }
