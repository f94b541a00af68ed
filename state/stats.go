package state

import (
	"slices"
	"time"
)

// ReminderStats sums up the history of one reminder over a number of days.
type ReminderStats struct {
	Reminder string `json:"reminder"`
	// Fired counts the scheduled instants the reminder was shown for; an
	// instant shown again (a repeat, a snooze) counts once.
	Fired int `json:"fired"`
	// Done counts the instants answered with Done (a second Done for the
	// same instant counts once).
	Done      int `json:"done"`
	Snoozed   int `json:"snoozed"`
	Skipped   int `json:"skipped"`
	Dismissed int `json:"dismissed"`
	// Missed counts the instants that were due but not shown.
	Missed int `json:"missed"`
	// Adherence is Done / (Fired + Missed), from 0 to 1; 0 when nothing was
	// due.
	Adherence float64 `json:"adherence"`
	// Days has one mark per day, oldest first, today last.
	Days []DayMark `json:"days"`
	// Streak counts the consecutive days, up to today, on which the
	// reminder was done. Days with nothing due or skipped on purpose
	// neither count nor break it, and neither does today while it is
	// shown and not yet answered. It may reach back beyond Days.
	Streak int `json:"streak"`
}

// DayMark says how one day went for a reminder.
type DayMark struct {
	// Date is the day, as 2006-01-02.
	Date string `json:"date"`
	// Mark is one of the Mark constants.
	Mark string `json:"mark"`
}

// The marks of a day, from the best news to none: a day with any Done is
// "done"; otherwise one with a missed instant is "missed"; otherwise one
// on which it was shown is "fired"; otherwise one skipped is "skipped".
const (
	MarkDone    = "done"
	MarkMissed  = "missed"
	MarkFired   = "fired" // shown, not answered with Done
	MarkSkipped = "skipped"
	MarkNone    = "" // nothing due
)

// Stats sums up events per reminder over the last days days, today (the
// day of now in loc) included. An event belongs to the day of its
// Scheduled instant, or of At when it has none. Events without a reminder
// (Paused, Resumed) are not counted. The result is sorted by reminder name.
func Stats(events []Event, days int, now time.Time, loc *time.Location) []ReminderStats {
	if loc == nil {
		loc = time.Local
	}
	if days < 1 {
		days = 1
	}
	now = now.In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	start := today.AddDate(0, 0, -(days - 1))
	end := today.AddDate(0, 0, 1)

	byName := map[string][]Event{}
	for _, ev := range events {
		if ev.Reminder != "" {
			byName[ev.Reminder] = append(byName[ev.Reminder], ev)
		}
	}
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)

	out := make([]ReminderStats, 0, len(names))
	for _, name := range names {
		evs := byName[name]
		rs := ReminderStats{Reminder: name}
		seen := map[Kind]map[time.Time]bool{}
		kinds := map[string]map[Kind]bool{} // by date
		for _, ev := range evs {
			day := eventTime(ev).In(loc)
			date := day.Format(time.DateOnly)
			if kinds[date] == nil {
				kinds[date] = map[Kind]bool{}
			}
			kinds[date][ev.Kind] = true
			if day.Before(start) || !day.Before(end) {
				continue
			}
			if !ev.Scheduled.IsZero() {
				if seen[ev.Kind] == nil {
					seen[ev.Kind] = map[time.Time]bool{}
				}
				key := ev.Scheduled.UTC()
				if seen[ev.Kind][key] && (ev.Kind == Fired || ev.Kind == Done || ev.Kind == Missed) {
					continue
				}
				seen[ev.Kind][key] = true
			}
			switch ev.Kind {
			case Fired:
				rs.Fired++
			case Done:
				rs.Done++
			case Snoozed:
				rs.Snoozed++
			case Skipped:
				rs.Skipped++
			case Dismissed:
				rs.Dismissed++
			case Missed:
				rs.Missed++
			}
		}
		if due := rs.Fired + rs.Missed; due > 0 {
			rs.Adherence = min(1, float64(rs.Done)/float64(due))
		}
		for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
			date := d.Format(time.DateOnly)
			rs.Days = append(rs.Days, DayMark{Date: date, Mark: dayMark(kinds[date])})
		}
		rs.Streak = streak(kinds, today, firstDay(evs, loc))
		out = append(out, rs)
	}
	return out
}

// eventTime is the instant that decides an event's day.
func eventTime(ev Event) time.Time {
	if !ev.Scheduled.IsZero() {
		return ev.Scheduled
	}
	return ev.At
}

// dayMark turns the kinds of event seen on a day into its mark.
func dayMark(k map[Kind]bool) string {
	switch {
	case k[Done]:
		return MarkDone
	case k[Missed]:
		return MarkMissed
	case k[Fired] || k[Snoozed] || k[Dismissed]:
		return MarkFired
	case k[Skipped]:
		return MarkSkipped
	}
	return MarkNone
}

func firstDay(evs []Event, loc *time.Location) time.Time {
	var first time.Time
	for _, ev := range evs {
		if t := eventTime(ev); first.IsZero() || t.Before(first) {
			first = t
		}
	}
	first = first.In(loc)
	return time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
}

// streak counts the done days back from today; see ReminderStats.Streak.
func streak(kinds map[string]map[Kind]bool, today, first time.Time) int {
	n := 0
	for d := today; !d.Before(first); d = d.AddDate(0, 0, -1) {
		switch dayMark(kinds[d.Format(time.DateOnly)]) {
		case MarkDone:
			n++
		case MarkFired:
			if !d.Equal(today) {
				return n
			}
		case MarkMissed:
			return n
		}
	}
	return n
}
