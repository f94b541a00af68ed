package scheduler

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TimeOfDay is a local wall-clock time of day with minute precision.
type TimeOfDay struct {
	Hour, Minute int
}

// Minutes returns the number of minutes since midnight.
func (t TimeOfDay) Minutes() int { return t.Hour*60 + t.Minute }

// String formats t as HH:MM.
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute) }

// ParseTimeOfDay parses "HH:MM" (24-hour clock, 00:00 to 23:59; one-digit
// hours are accepted).
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	hs, ms, ok := strings.Cut(s, ":")
	if !ok || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !digits(hs) || !digits(ms) {
		return TimeOfDay{}, fmt.Errorf("%q is not a time of day (want HH:MM)", s)
	}
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	if h > 23 || m > 59 {
		return TimeOfDay{}, fmt.Errorf("%q is not a time of day (want HH:MM)", s)
	}
	return TimeOfDay{h, m}, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Weekdays is a set of days of the week. The zero value means every day.
type Weekdays uint8

// Every is the set of all seven days.
const Every Weekdays = 0x7f

// Has reports whether d is in the set. The empty set contains every day.
func (w Weekdays) Has(d time.Weekday) bool { return w == 0 || w&(1<<uint(d)) != 0 }

// Add returns w with d added.
func (w Weekdays) Add(d time.Weekday) Weekdays { return w | 1<<uint(d) }

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// ParseWeekday parses a three-letter English day name (mon, tue, ...) or the
// full name, in any case.
func ParseWeekday(s string) (time.Weekday, error) {
	l := strings.ToLower(s)
	for i, n := range dayNames {
		if l == n || l == strings.ToLower(time.Weekday(i).String()) {
			return time.Weekday(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a day of the week (want mon, tue, wed, thu, fri, sat or sun)", s)
}

// String lists the days in w as "mon,tue", or "every day".
func (w Weekdays) String() string {
	if w == 0 || w == Every {
		return "every day"
	}
	var parts []string
	for i := 1; i <= 7; i++ {
		d := time.Weekday(i % 7)
		if w.Has(d) {
			parts = append(parts, dayNames[d])
		}
	}
	return strings.Join(parts, ",")
}
