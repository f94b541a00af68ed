package state

import (
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// dayStart returns the first instant of the date n days after t's date in
// loc: scheduler.DayStart, which, unlike time.Date(y, m, d, 0, 0, 0, 0,
// loc) and AddDate, stays on that date where the clocks jump at midnight
// (the Azores, Chile, Cuba, Paraguay). Days are counted with it, never
// with AddDate, which keeps a start that fell an hour early on the day
// before.
func dayStart(t time.Time, n int, loc *time.Location) time.Time {
	return scheduler.DayStart(t.In(loc), n)
}

// dateStart returns the first instant of the date s (2006-01-02) in loc.
func dateStart(s string, loc *time.Location) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, err
	}
	return dayStart(time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, loc), 0, loc), nil
}
