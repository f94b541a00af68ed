package scheduler

import "time"

// date is a civil calendar date, independent of any time zone.
type date struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time, loc *time.Location) date {
	y, m, d := t.In(loc).Date()
	return date{y, m, d}
}

// add returns the date n days after dt (n may be negative).
func (dt date) add(n int) date {
	y, m, d := time.Date(dt.y, dt.m, dt.d+n, 12, 0, 0, 0, time.UTC).Date()
	return date{y, m, d}
}

func (dt date) weekday() time.Weekday {
	return time.Weekday(weekdayOf(dt.y, int(dt.m), dt.d))
}

// at returns the instant when the wall clock in loc first shows dt at tod.
//
// A wall time that occurs twice (the hour repeated when clocks go back)
// resolves to its first occurrence. A wall time that does not occur (skipped
// when clocks go forward) resolves to the first instant after the jump.
func (dt date) at(tod TimeOfDay, loc *time.Location) time.Time {
	return resolve(dt, tod.Hour, tod.Minute, loc)
}

func resolve(dt date, h, mi int, loc *time.Location) time.Time {
	// Far from any change of the zone's offset, the instant is the wall
	// time less the offset. resolveSlow looks at the offsets two days
	// around the wall time read as UTC, and offsets stay within 14 hours
	// of UTC: if one offset holds 62 hours either side, it is the answer.
	naive := int64(daysFromCivil(dt.y, int(dt.m), dt.d))*86400 + int64(h*3600+mi*60)
	probe := time.Unix(naive, 0).In(loc)
	_, off := probe.Zone()
	start, end := probe.ZoneBounds()
	const margin = 62 * 3600
	if (start.IsZero() || start.Unix() <= naive-margin) && (end.IsZero() || end.Unix() > naive+margin) {
		return time.Unix(naive-int64(off), 0).In(loc)
	}
	return resolveSlow(dt, h, mi, loc)
}

// resolveSlow is resolve by its definition: it tries the offsets in force
// around the day and takes the first instant whose wall time matches.
func resolveSlow(dt date, h, mi int, loc *time.Location) time.Time {
	naive := time.Date(dt.y, dt.m, dt.d, h, mi, 0, 0, time.UTC)
	// The offsets in force around that day: before, at and after any change.
	var offs [3]int
	_, offs[0] = naive.Add(-48 * time.Hour).In(loc).Zone()
	_, offs[1] = naive.In(loc).Zone()
	_, offs[2] = naive.Add(48 * time.Hour).In(loc).Zone()
	var best time.Time
	for _, o := range offs {
		u := naive.Add(-time.Duration(o) * time.Second)
		if _, uo := u.In(loc).Zone(); uo == o && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if !best.IsZero() {
		return best.In(loc)
	}
	// The wall time falls in a gap. Read with the offset from before the
	// jump, it lies just after the jump; the zone in force then began at
	// the jump itself.
	u := naive.Add(-time.Duration(offs[0]) * time.Second).In(loc)
	if start, _ := u.ZoneBounds(); !start.IsZero() && !start.After(u) {
		return start.In(loc)
	}
	return u
}

// DayStart returns the first instant of the date n days after t's date
// (n may be 0 or negative), both in t's location. It is what
// time.Date(y, m, d, 0, 0, 0, 0, loc) and AddDate mean to be, but where a
// daylight-saving jump skips midnight (the Azores, Chile, Cuba and
// Paraguay move their clocks at 00:00) those give 23:00 of the day
// before, which names the wrong date; DayStart gives the jump, the
// day's first instant.
func DayStart(t time.Time, n int) time.Time {
	loc := t.Location()
	return dateOf(t, loc).add(n).at(TimeOfDay{}, loc)
}
