package scheduler

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Cron is due at the times a standard five-field cron expression names, in
// local wall-clock time with this package's rules for daylight-saving
// jumps.
type Cron struct {
	Spec     string
	spec     *cron.SpecSchedule
	Location *time.Location
}

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseCron parses a five-field cron expression ("55 9-16 * * mon-fri") or
// a descriptor (@daily, @hourly, ...). Times are read in loc unless the
// expression starts with CRON_TZ=Zone. It reports an error for an
// expression that can never be due, such as "0 0 31 2 *".
func ParseCron(spec string, loc *time.Location) (c *Cron, err error) {
	trimmed := strings.TrimSpace(spec)
	if trimmed == "" {
		return nil, fmt.Errorf("empty cron expression (want five fields: minute hour day-of-month month day-of-week)")
	}
	if strings.HasPrefix(trimmed, "@every") {
		return nil, fmt.Errorf("%q: use the every field for intervals", spec)
	}
	// robfig/cron panics on some malformed input (a bare "CRON_TZ=UTC").
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("%q is not a valid cron expression", spec)
		}
	}()
	parsed, err := cronParser.Parse(trimmed)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", spec, err)
	}
	ss, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("%q is not a calendar cron expression", spec)
	}
	if ss.Location != nil && ss.Location != time.Local {
		loc = ss.Location
	}
	c = &Cron{Spec: spec, spec: ss, Location: loc}
	if !c.canFire() {
		return nil, fmt.Errorf("%q can never be due: no month has that day", spec)
	}
	return c, nil
}

const starBit = 1 << 63

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func (c *Cron) canFire() bool {
	s := c.spec
	if s.Dom&starBit != 0 || s.Dow&starBit == 0 {
		// Any day of the month, or day-of-month OR day-of-week: a
		// weekday restriction alone always matches some day.
		return s.Month&^uint64(starBit) != 0
	}
	for m := 1; m <= 12; m++ {
		if s.Month&(1<<uint(m)) == 0 {
			continue
		}
		for d := 1; d <= monthDays[m]; d++ {
			if s.Dom&(1<<uint(d)) != 0 {
				return true
			}
		}
	}
	return false
}

// OncePerDayAtMost reports whether c is due at most once on any day.
func (c *Cron) OncePerDayAtMost() bool {
	return bits(c.spec.Hour) == 1 && bits(c.spec.Minute) == 1
}

func bits(x uint64) int {
	n := 0
	for x &^= starBit; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func (c *Cron) location() *time.Location { return c.Location }

func (c *Cron) dayMatches(dt date) bool {
	s := c.spec
	if s.Month&(1<<uint(dt.m)) == 0 {
		return false
	}
	domMatch := s.Dom&(1<<uint(dt.d)) != 0
	dowMatch := s.Dow&(1<<uint(dt.weekday())) != 0
	if s.Dom&starBit != 0 || s.Dow&starBit != 0 {
		return domMatch && dowMatch
	}
	return domMatch || dowMatch
}

func (c *Cron) on(dt date) []time.Time {
	if !c.dayMatches(dt) {
		return nil
	}
	var out []time.Time
	for h := 0; h < 24; h++ {
		if c.spec.Hour&(1<<uint(h)) == 0 {
			continue
		}
		for m := 0; m < 60; m++ {
			if c.spec.Minute&(1<<uint(m)) != 0 {
				out = append(out, resolve(dt, h, m, c.Location))
			}
		}
	}
	return sortUnique(out)
}

// Next returns the first instant after t at which c is due.
func (c *Cron) Next(t time.Time) time.Time { return nextOf(c, t) }

// Prev returns the last instant at or before t at which c was due.
func (c *Cron) Prev(t time.Time) time.Time { return prevOf(c, t) }
