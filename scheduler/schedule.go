package scheduler

import (
	"slices"
	"time"
)

// Schedule is when one reminder is due.
type Schedule interface {
	// Next returns the first instant strictly after t at which the
	// schedule is due, or the zero Time if there is none within eight years
	// (400 for a Cron).
	Next(t time.Time) time.Time
	// Prev returns the last instant at or before t at which the schedule
	// is due, or the zero Time if there is none within eight years (400
	// for a Cron).
	Prev(t time.Time) time.Time
}

// maxDays bounds every search: a cron day like 29 February recurs within
// eight years (1900 and 2100 are not leap years).
const maxDays = 8*366 + 1

// dayPlan lists the instants a schedule is due for the day dt, sorted and
// without repeats. The instants usually fall on dt itself, but may fall on
// the next calendar day (a bedtime after midnight belongs to the night
// before).
type dayPlan interface {
	on(dt date) []time.Time
	location() *time.Location
}

// nextOf and prevOf search day plans day by day.
func nextOf(p dayPlan, t time.Time) time.Time {
	loc := p.location()
	start := dateOf(t, loc).add(-1)
	var best time.Time
	for i := 0; i < maxDays; i++ {
		for _, o := range p.on(start.add(i)) {
			if o.After(t) {
				if best.IsZero() || o.Before(best) {
					best = o
				}
				break
			}
		}
		// Instants of one day may precede those of the day before (only
		// in odd zones); look one day past the first hit.
		if !best.IsZero() && i > 0 {
			for _, o := range p.on(start.add(i + 1)) {
				if o.After(t) && o.Before(best) {
					best = o
				}
			}
			return best
		}
	}
	return best
}

func prevOf(p dayPlan, t time.Time) time.Time {
	loc := p.location()
	start := dateOf(t, loc).add(1)
	var best time.Time
	for i := 0; i < maxDays; i++ {
		occ := p.on(start.add(-i))
		for j := len(occ) - 1; j >= 0; j-- {
			if !occ[j].After(t) {
				if occ[j].After(best) {
					best = occ[j]
				}
				break
			}
		}
		if !best.IsZero() && i > 0 {
			occ := p.on(start.add(-i - 1))
			for j := len(occ) - 1; j >= 0; j-- {
				if !occ[j].After(t) {
					if occ[j].After(best) {
						best = occ[j]
					}
					break
				}
			}
			return best
		}
	}
	return best
}

func sortUnique(ts []time.Time) []time.Time {
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(ts, func(a, b time.Time) bool { return a.Equal(b) })
}

// Daily is due at fixed local times of day, on some days of the week.
type Daily struct {
	Times    []TimeOfDay
	Days     Weekdays
	Location *time.Location
}

func (s *Daily) location() *time.Location { return s.Location }

func (s *Daily) on(dt date) []time.Time {
	if !s.Days.Has(dt.weekday()) {
		return nil
	}
	out := make([]time.Time, 0, len(s.Times))
	for _, tod := range s.Times {
		out = append(out, dt.at(tod, s.Location))
	}
	return sortUnique(out)
}

// Next returns the first instant after t at which s is due.
func (s *Daily) Next(t time.Time) time.Time { return nextOf(s, t) }

// Prev returns the last instant at or before t at which s was due.
func (s *Daily) Prev(t time.Time) time.Time { return prevOf(s, t) }

// Interval is due every Every of real time within a daily window, on some
// days of the week. The firings are anchored to the window's start, so they
// do not depend on when the program started. A firing exactly at the
// window's end is included. Without a window (Window false) the window is
// the whole day from local midnight, and the next midnight belongs to the
// next day.
type Interval struct {
	Every      time.Duration
	Window     bool
	Start, End TimeOfDay
	Days       Weekdays
	Location   *time.Location
}

func (s *Interval) location() *time.Location { return s.Location }

// bounds returns the window of day dt as instants; end is exclusive when
// open is true.
func (s *Interval) bounds(dt date) (start, end time.Time, open bool) {
	if !s.Window {
		return dt.at(TimeOfDay{}, s.Location), dt.add(1).at(TimeOfDay{}, s.Location), true
	}
	return dt.at(s.Start, s.Location), dt.at(s.End, s.Location), false
}

func (s *Interval) inWindow(c, end time.Time, open bool) bool {
	if open {
		return c.Before(end)
	}
	return !c.After(end)
}

func (s *Interval) on(dt date) []time.Time {
	if !s.Days.Has(dt.weekday()) || s.Every <= 0 {
		return nil
	}
	start, end, open := s.bounds(dt)
	var out []time.Time
	for c := start; s.inWindow(c, end, open); c = c.Add(s.Every) {
		out = append(out, c)
	}
	return out
}

// Next returns the first instant after t at which s is due.
func (s *Interval) Next(t time.Time) time.Time {
	if s.Every <= 0 {
		return time.Time{}
	}
	dt := dateOf(t, s.Location).add(-1)
	for i := 0; i < 9; i++ {
		d := dt.add(i)
		if !s.Days.Has(d.weekday()) {
			continue
		}
		start, end, open := s.bounds(d)
		c := start
		if !t.Before(start) {
			k := t.Sub(start)/s.Every + 1
			c = start.Add(k * s.Every)
		}
		if s.inWindow(c, end, open) {
			return c
		}
	}
	return time.Time{}
}

// Prev returns the last instant at or before t at which s was due.
func (s *Interval) Prev(t time.Time) time.Time {
	if s.Every <= 0 {
		return time.Time{}
	}
	dt := dateOf(t, s.Location).add(1)
	for i := 0; i < 9; i++ {
		d := dt.add(-i)
		if !s.Days.Has(d.weekday()) {
			continue
		}
		start, end, open := s.bounds(d)
		if t.Before(start) {
			continue
		}
		c := start.Add(t.Sub(start) / s.Every * s.Every)
		for !s.inWindow(c, end, open) {
			c = c.Add(-s.Every) // t lies past the window's end
		}
		if !c.Before(start) {
			return c
		}
	}
	return time.Time{}
}

// BeforeBedtime is due a fixed span of real time before the day's bedtime,
// on some days of the week. A bedtime from 00:00 to 05:59 belongs to the
// night that begins on the day it is listed for: Friday's "00:30" is the
// early hours of Saturday.
type BeforeBedtime struct {
	Before   time.Duration
	Bedtime  [7]TimeOfDay // indexed by time.Weekday
	Days     Weekdays
	Location *time.Location
}

// MorningEnd is the first time of day that no longer counts as the night
// before.
var MorningEnd = TimeOfDay{Hour: 6}

func (s *BeforeBedtime) location() *time.Location { return s.Location }

func (s *BeforeBedtime) on(dt date) []time.Time {
	wd := dt.weekday()
	if !s.Days.Has(wd) {
		return nil
	}
	bt := s.Bedtime[wd]
	night := dt
	if bt.Minutes() < MorningEnd.Minutes() {
		night = dt.add(1)
	}
	return []time.Time{night.at(bt, s.Location).Add(-s.Before)}
}

// Next returns the first instant after t at which s is due.
func (s *BeforeBedtime) Next(t time.Time) time.Time { return nextOf(s, t) }

// Prev returns the last instant at or before t at which s was due.
func (s *BeforeBedtime) Prev(t time.Time) time.Time { return prevOf(s, t) }
