package state

import (
	"math"
	"time"
)

// streamFolder folds history lines into instants as folder does and hands
// each instant to a summer as soon as no later line can change it, so that
// it holds the instants of about a day and a reminder's latest two, not
// those of all the lines read: Store.Stats reads a year in the memory a
// week takes.
//
// When is an instant over? Apply lets a step change only the reminder's
// open instant and the one that finished last, which are its latest two,
// and the history's lines are in time order up to HistorySlack. So an
// instant is retired (finished, summed up, forgotten) once two later
// instants of its reminder have been seen and it lies more than
// HistorySlack before the latest line read. An old line without a
// scheduled instant (version 1) waits, keeping the instants of its
// reminder it may belong to from being retired, until the instants it may
// belong to have all been read: HistorySlack, and until two later
// instants of its reminder have been seen (unless it has none yet, as
// before the upgrade to version 2).
//
// The result is always the one folder gives: a line the rules above did
// not foresee (an event for an instant already retired, a new instant that
// an old line already attributed elsewhere might have belonged to, an old
// line whose instant may be retired: a hand-edited history, a clock set
// back by days) makes add report false, and the caller folds the lines
// again the way folder does, holding every instant.
type streamFolder struct {
	sum    *summer
	active map[instantKey]*instantAcc
	// Per reminder: the two latest instants seen (UnixNano, the latest
	// first), the latest instant retired, and the latest old line
	// attributed.
	latest   map[string][2]int64
	retired  map[string]int64
	resolved map[string]int64
	// The old lines not yet attributed, per reminder in the order read,
	// how many, and the events of old lines attributed to active
	// instants, applied (in the order read) when the instant is retired:
	// folder applies them after all the dated events.
	pending  map[string][]Event
	npending int
	late     map[instantKey][]Kind
	// last is the latest line read, swept the last line at which
	// instants were retired.
	last, swept time.Time
	free        []*instantAcc
	failed      bool
}

// sweepEvery is how far the lines read move on between two looks for
// instants to retire.
const sweepEvery = time.Hour

func newStreamFolder(sum *summer) *streamFolder {
	return &streamFolder{
		sum:      sum,
		active:   map[instantKey]*instantAcc{},
		latest:   map[string][2]int64{},
		retired:  map[string]int64{},
		resolved: map[string]int64{},
		pending:  map[string][]Event{},
		late:     map[instantKey][]Kind{},
	}
}

// add folds in one line's event; false means the lines cannot be folded
// this way (see streamFolder) and folding must start again with folder.
func (f *streamFolder) add(ev Event) bool {
	if f.failed {
		return false
	}
	if !nanoSafe(ev.At) || !ev.Scheduled.IsZero() && !nanoSafe(ev.Scheduled) {
		// Instants are compared by UnixNano, which holds only these
		// years; folder sorts such times as they are.
		f.failed = true
		return false
	}
	if ev.At.After(f.last) {
		f.last = ev.At
	}
	switch {
	case ev.Reminder == "" || ev.Kind == Paused || ev.Kind == Resumed || ev.Kind == Due:
	case ev.Scheduled.IsZero():
		f.pending[ev.Reminder] = append(f.pending[ev.Reminder], ev)
		f.npending++
	default:
		k := instantKey{ev.Reminder, ev.Scheduled.UnixNano()}
		a := f.active[k]
		if a == nil {
			if f.isRetired(ev.Reminder, k.at) || f.isResolved(ev.Reminder, k.at) {
				f.failed = true
				return false
			}
			a = f.alloc()
			a.InstantOutcome = InstantOutcome{Reminder: ev.Reminder, Scheduled: ev.Scheduled}
			f.active[k] = a
			l, ok := f.latest[ev.Reminder]
			if !ok {
				l = [2]int64{math.MinInt64, math.MinInt64}
			}
			switch {
			case k.at > l[0]:
				l = [2]int64{k.at, l[0]}
			case k.at > l[1]:
				l[1] = k.at
			}
			f.latest[ev.Reminder] = l
		}
		a.apply(ev.Kind)
	}
	if f.npending > 0 && !f.attributeRead() {
		f.failed = true
		return false
	}
	if f.last.Sub(f.swept) >= sweepEvery {
		f.sweep(false)
		f.swept = f.last
	}
	return true
}

// nanoSafe reports whether t's UnixNano is t (the years 1678 to 2262).
func nanoSafe(t time.Time) bool {
	return t.After(time.Unix(0, math.MinInt64)) && t.Before(time.Unix(0, math.MaxInt64))
}

func (f *streamFolder) isRetired(name string, at int64) bool {
	r, ok := f.retired[name]
	return ok && at <= r
}

func (f *streamFolder) isResolved(name string, at int64) bool {
	r, ok := f.resolved[name]
	return ok && at <= r
}

func (f *streamFolder) alloc() *instantAcc {
	if n := len(f.free); n > 0 {
		a := f.free[n-1]
		f.free = f.free[:n-1]
		*a = instantAcc{}
		return a
	}
	return new(instantAcc)
}

// attributeRead attributes the old lines whose instants have all been
// read: those HistorySlack before the last line read, of a reminder that
// has had two instants since them (a later line can then be about no new
// instant before them: see streamFolder) or none at all yet (version 1
// throughout so far). false as attribute.
func (f *streamFolder) attributeRead() bool {
	for name, evs := range f.pending {
		n := 0
		for _, ev := range evs {
			l, dated := f.latest[name]
			if f.last.Sub(ev.At) <= HistorySlack || dated && l[1] <= ev.At.UnixNano() {
				break
			}
			if !f.attribute(ev) {
				return false
			}
			n++
		}
		if n == len(evs) {
			delete(f.pending, name)
		} else {
			f.pending[name] = evs[n:]
		}
		f.npending -= n
	}
	return true
}

// attribute gives an old line without a scheduled instant to the latest
// instant of its reminder at or up to attributeWindow before it, as
// folder.result does, or counts it unattributed; false if an instant it
// may belong to has been retired.
func (f *streamFolder) attribute(ev Event) bool {
	at := ev.At.UnixNano()
	var best instantKey
	found := false
	for k := range f.active {
		if k.reminder == ev.Reminder && k.at <= at && (!found || k.at > best.at) {
			best, found = k, true
		}
	}
	lo := ev.At.Add(-attributeWindow).UnixNano()
	if found && best.at > lo-1 {
		lo = best.at + 1
	}
	if r, ok := f.retired[ev.Reminder]; ok && r >= lo {
		return false // a retired instant may be later than best
	}
	if r, ok := f.resolved[ev.Reminder]; !ok || at > r {
		f.resolved[ev.Reminder] = at
	}
	if !found || ev.At.Sub(time.Unix(0, best.at)) > attributeWindow {
		f.sum.unattributed(ev.Reminder, 1)
		return true
	}
	f.late[best] = append(f.late[best], ev.Kind)
	return true
}

// sweep retires the instants that no later line can change, or, all set
// (at the end of the lines), every instant.
func (f *streamFolder) sweep(all bool) {
	cut := f.last.Add(-HistorySlack).UnixNano()
	for k, a := range f.active {
		if !all && (k.at >= cut || k.at >= f.latest[k.reminder][1]) {
			continue
		}
		if evs := f.pending[k.reminder]; !all && len(evs) > 0 && k.at >= evs[0].At.Add(-attributeWindow).UnixNano() {
			continue // an old line of its reminder may belong to it
		}
		for _, kind := range f.late[k] {
			a.apply(kind)
		}
		delete(f.late, k)
		f.sum.add(a.finish())
		if r, ok := f.retired[k.reminder]; !ok || k.at > r {
			f.retired[k.reminder] = k.at
		}
		delete(f.active, k)
		f.free = append(f.free, a)
	}
}

// result attributes the old lines still waiting, retires every instant
// and returns the sums; false as add.
func (f *streamFolder) result() ([]ReminderStats, map[string]*dayMarks, bool) {
	if f.failed {
		return nil, nil, false
	}
	for _, evs := range f.pending {
		for _, ev := range evs {
			if !f.attribute(ev) {
				return nil, nil, false
			}
		}
	}
	f.pending, f.npending = nil, 0
	f.sweep(true)
	out, marks := f.sum.result()
	return out, marks, true
}
