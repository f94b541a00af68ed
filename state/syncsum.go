package state

// The synced checkpoint's sums: pure functions of events in time order,
// the day and the zone, kept apart from the file they are stored in.

import (
	"slices"
	"time"
)

// window returns today (midnight in loc) and the first day Store.Stats
// reads for days days: statsLookback before the first day summed up.
func window(days int, now time.Time, loc *time.Location) (today, from time.Time) {
	local := now.In(loc)
	today = dayStart(local, 0, loc)
	return today, dayStart(today, -(days-1)-statsLookback, loc)
}

// inOrder sorts events by time if they are not: what follows finds the
// events of a span by a binary search.
func inOrder(events []Event) {
	byAt := func(a, b Event) int { return a.At.Compare(b.At) }
	if !slices.IsSortedFunc(events, byAt) {
		slices.SortStableFunc(events, byAt)
	}
}

// between returns the events (in time order) at or after since and, end
// set, before end.
func between(events []Event, since, end time.Time) []Event {
	lo, _ := slices.BinarySearchFunc(events, since, func(ev Event, t time.Time) int {
		if ev.At.Before(t) {
			return -1
		}
		return 1
	})
	hi := len(events)
	if !end.IsZero() {
		hi, _ = slices.BinarySearchFunc(events, end, func(ev Event, t time.Time) int {
			if ev.At.Before(t) {
				return -1
			}
			return 1
		})
	}
	return events[lo:hi]
}

// sumEvents is Stats of events with each reminder's day marks, folded as
// Store.Stats folds the lines it reads (streamFolder), or whole when they
// do not allow it.
func sumEvents(events []Event, days int, now time.Time, loc *time.Location) ([]ReminderStats, map[string]*dayMarks) {
	sf := newStreamFolder(newSummer(days, now, loc))
	for _, ev := range events {
		if !sf.add(ev) {
			break
		}
	}
	if out, marks, ok := sf.result(); ok {
		return out, marks
	}
	instants, unattributed := Instants(events)
	return sumUp(instants, unattributed, days, now, loc)
}

// sumMerged is Store.Stats of a record read from before the days days
// and, when they were read, from day on (events, in time order): the sums
// of the events from the first day Store.Stats reads, and a streak that
// reaches back before them lengthened by the days since day and base, the
// streaks on the day before day.
func sumMerged(events []Event, days int, now time.Time, loc *time.Location, base map[string]int, day time.Time) []ReminderStats {
	today, from := window(days, now, loc)
	out, marks := sumEvents(between(events, from, time.Time{}), days, now, loc)
	var more map[string]*dayMarks // the marks from day on, made when first needed
	for i, rs := range out {
		dm := marks[rs.Reminder]
		dm.trim(from)
		n, reached := streak(dm.marks, today, from)
		if reached {
			if day.Before(from) {
				if more == nil {
					_, more = sumEvents(between(events, day, dayStart(from, statsLookback, loc)), 1, now, loc)
				}
				if m := more[rs.Reminder]; m != nil {
					m.trim(day)
					dm.add(*m)
				}
			}
			if n, reached = streak(dm.marks, today, day); reached {
				n += base[rs.Reminder]
			}
		}
		out[i].Streak = n
	}
	return slices.Clip(out)
}

// buildSynced makes the checkpoint's streaks for day from the events
// before end (all the record's, and byDev each device's, in time order):
// from base, the checkpoint for since, and the events from since on, or,
// base nil, from all of them.
func buildSynced(base *syncedCheckpoint, since time.Time, all []Event, byDev map[string][]Event, end, day time.Time, loc *time.Location) *syncedCheckpoint {
	ck := &syncedCheckpoint{
		Version: syncedStreaksVersion, Zone: loc.String(), Month: end.Format("2006-01"),
		Day: day.Format(time.DateOnly), Midnight: day.Unix(), Devices: map[string]map[string]int{},
	}
	var baseDevs map[string]map[string]int
	var baseAll map[string]int
	if base != nil {
		baseAll, baseDevs = base.Streaks, base.Devices
	} else {
		since = time.Time{}
	}
	ck.Streaks = streaksBefore(between(all, since, end), base != nil, baseAll, since, day, loc)
	for id, evs := range byDev {
		if streaks := streaksBefore(between(evs, since, end), base != nil, baseDevs[id], since, day, loc); len(streaks) > 0 {
			ck.Devices[id] = streaks
		}
	}
	for id, streaks := range baseDevs { // devices without an event since
		if _, ok := byDev[id]; !ok && len(streaks) > 0 {
			ck.Devices[id] = streaks
		}
	}
	return ck
}

// streaksBefore returns each reminder's streak on the day before day by
// events: from base (the streaks on the day before since) and events from
// since on, or, fromBase false, from events alone.
func streaksBefore(events []Event, fromBase bool, base map[string]int, since, day time.Time, loc *time.Location) map[string]int {
	_, marks := sumEvents(events, 1, day, loc)
	last := dayStart(day, -1, loc)
	out := map[string]int{}
	for name, dm := range marks {
		first := dm.first
		if fromBase {
			dm.trim(since)
			first = since
		}
		n, reached := streakUntil(dm.marks, last, first)
		if reached && fromBase {
			n += base[name]
		}
		if n > 0 {
			out[name] = n
		}
	}
	for name, n := range base { // reminders without an instant since
		if _, ok := marks[name]; !ok && n > 0 {
			out[name] = n
		}
	}
	return out
}
