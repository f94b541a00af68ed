package scheduler

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Cron is due at the times a standard five-field cron expression names, in
// local wall-clock time with this package's rules for daylight-saving
// jumps. The day fields follow cronie and Vixie cron; see the package
// documentation.
type Cron struct {
	Spec     string
	Location *time.Location

	minute uint64 // bits 0-59
	hour   uint32 // bits 0-23
	dom    uint32 // bits 1-31
	month  uint16 // bits 1-12
	dow    uint8  // bits 0-6, Sunday is 0
	// both is true when a day field starts with "*": then a day must
	// match both fields, otherwise either.
	both bool
	// dowDays[w] has bit d set when day d of a month whose first day is
	// weekday w falls on a day in dow.
	dowDays [7]uint32
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
	// robfig/cron reads the fields; the day fields' standard meaning is
	// applied around it: which field is unrestricted is decided from the
	// text, and 7 (Sunday) is rewritten to the 0 it accepts.
	zone, body := "", trimmed
	if strings.HasPrefix(body, "TZ=") || strings.HasPrefix(body, "CRON_TZ=") {
		if i := strings.Index(body, " "); i >= 0 {
			zone, body = body[:i+1], strings.TrimSpace(body[i:])
		}
	}
	both, fivefields := false, false
	fields := strings.Fields(body)
	if len(fields) != 5 && !strings.HasPrefix(body, "@") && !strings.HasPrefix(body, "TZ=") && !strings.HasPrefix(body, "CRON_TZ=") {
		// robfig/cron's "expected exactly 5 fields, found 4: [...]" does
		// not say which five.
		return nil, fmt.Errorf("%q is not five fields (want minute hour day-of-month month day-of-week, such as \"30 20 * * *\")", spec)
	}
	if !strings.HasPrefix(body, "@") && len(fields) == 5 {
		fivefields = true
		both = unrestricted(fields[2]) || unrestricted(fields[4])
		if fields[4], err = sundaySeven(fields[4]); err != nil {
			return nil, fmt.Errorf("%q: %w", spec, err)
		}
		body = strings.Join(fields, " ")
	}
	parsed, err := cronParser.Parse(zone + body)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", spec, plainer(err))
	}
	ss, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("%q is not a calendar cron expression", spec)
	}
	if ss.Location != nil && ss.Location != time.Local {
		loc = ss.Location
	}
	if !fivefields {
		// A descriptor: @monthly is "0 0 1 * *", @weekly "0 0 * * 0".
		both = ss.Dom&starBit != 0 || ss.Dow&starBit != 0
	}
	c = &Cron{Spec: spec, Location: loc,
		minute: ss.Minute &^ starBit, hour: uint32(ss.Hour), dom: uint32(ss.Dom),
		month: uint16(ss.Month), dow: uint8(ss.Dow & 0x7f), both: both}
	for w := range c.dowDays {
		for d := 1; d <= 31; d++ {
			if c.dow&(1<<((w+d-1)%7)) != 0 {
				c.dowDays[w] |= 1 << d
			}
		}
	}
	if !c.canFire() {
		return nil, fmt.Errorf("%q can never be due: no month has that day", spec)
	}
	return c, nil
}

const starBit = 1 << 63

// notNumber is robfig/cron's error for a field element that is neither a
// number nor a name it knows ("mon-fry"), said without the strconv
// detail it carries, which means nothing to the person who wrote it.
type notNumber struct {
	word string
	err  error
}

func (e notNumber) Error() string {
	return fmt.Sprintf("%q is not a number or a name (months jan-dec, weekdays sun-sat)", e.word)
}

func (e notNumber) Unwrap() error { return e.err }

// plainer is err, robfig/cron's, as notNumber when it is the "failed to
// parse int from WORD: strconv.Atoi: ..." one, and as it is otherwise.
func plainer(err error) error {
	rest, ok := strings.CutPrefix(err.Error(), "failed to parse int from ")
	if !ok {
		return err
	}
	word, _, ok := strings.Cut(rest, ": strconv.")
	if !ok {
		return err
	}
	return notNumber{word: word, err: err}
}

// unrestricted reports whether a day field leaves its day unrestricted:
// it starts with "*" (or robfig/cron's "?"), as in "*" or "*/2".
func unrestricted(field string) bool {
	return strings.HasPrefix(field, "*") || strings.HasPrefix(field, "?")
}

// sundaySeven rewrites the elements of a day-of-week field that use 7 for
// Sunday ("7", "5-7", "1-7/2") and ranges that end on Sunday written as 0
// ("fri-sun", as cronie reads them) into lists of 0-6 for robfig/cron.
// Elements it does not understand are left for robfig/cron to report.
func sundaySeven(field string) (string, error) {
	elems := strings.Split(field, ",")
	for i, e := range elems {
		r, err := sundayElem(e)
		if err != nil {
			return "", err
		}
		elems[i] = r
	}
	return strings.Join(elems, ","), nil
}

func sundayElem(e string) (string, error) {
	rng, stepText, stepped := strings.Cut(e, "/")
	step := 1
	if stepped {
		n, err := strconv.Atoi(stepText)
		if err != nil || n <= 0 {
			return e, nil
		}
		step = n
	}
	loText, hiText, ranged := strings.Cut(rng, "-")
	lo, ok := weekdayNumber(loText)
	if !ok {
		return e, nil // "*", "?" or a typo
	}
	hi := lo
	switch {
	case ranged:
		if hi, ok = weekdayNumber(hiText); !ok {
			return e, nil
		}
		if hi == 0 && lo > 0 && !stepped {
			hi = 7 // "fri-sun" is Friday to Sunday
		}
	case stepped:
		hi = 7 // "N/step" is "N-7/step"
	}
	if hi > 7 {
		return "", fmt.Errorf("end of range (%d) above maximum (7): %s", hi, e)
	}
	if hi < 7 && lo < 7 || lo > hi {
		return e, nil
	}
	var out []string
	for d := lo; d <= hi; d += step {
		out = append(out, strconv.Itoa(d%7))
	}
	return strings.Join(out, ","), nil
}

var weekdayNumbers = map[string]int{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}

func weekdayNumber(s string) (int, bool) {
	if n, ok := weekdayNumbers[strings.ToLower(s)]; ok {
		return n, true
	}
	if !digits(s) || len(s) > 3 {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// canFire reports whether some day of some year matches c. A weekday
// restriction never rules a date out for good: every date falls on every
// weekday within the 400 years of the Gregorian cycle.
func (c *Cron) canFire() bool {
	if !c.both {
		return true // a weekday alone matches some day of every month
	}
	for m := 1; m <= 12; m++ {
		if c.month&(1<<m) != 0 && c.dom&daysMask(2000, time.Month(m)) != 0 {
			return true
		}
	}
	return false
}

// OncePerDayAtMost reports whether c is due at most once on any day.
func (c *Cron) OncePerDayAtMost() bool {
	return bits.OnesCount32(c.hour) == 1 && bits.OnesCount64(c.minute) == 1
}

// cronHorizon bounds the search for a firing, in months: any date recurs
// on any weekday within the 400-year Gregorian cycle.
const cronHorizon = 400*12 + 1

// Next returns the first instant after t at which c is due. Next and Prev
// compute on the fields' bit sets: the wall-clock times are walked in
// order from t's, and each is turned into an instant by this package's
// rules for daylight-saving jumps. Those rules keep the order of wall
// times (a later wall time never resolves to an earlier instant), so the
// first wall time after t's that resolves to after t is the answer; only
// after the clocks went back does a wall time after t's resolve to before
// t (its first occurrence), and the walk goes on past it.
func (c *Cron) Next(t time.Time) time.Time {
	w := wallMinute(t.In(c.Location)).plusMinute()
	for {
		var ok bool
		if w, ok = c.atOrAfter(w); !ok {
			return time.Time{}
		}
		if u := w.resolve(c.Location); u.After(t) {
			return u
		}
		w = w.plusMinute()
	}
}

// Prev returns the last instant at or before t at which c was due.
func (c *Cron) Prev(t time.Time) time.Time {
	now := wallMinute(t.In(c.Location))
	// Wall times after t's that resolve to t or before: the hour repeated
	// when the clocks went back.
	var best time.Time
	for w := now.plusMinute(); ; w = w.plusMinute() {
		var ok bool
		if w, ok = c.atOrAfter(w); !ok {
			break
		}
		u := w.resolve(c.Location)
		if u.After(t) {
			break
		}
		best = u
	}
	if !best.IsZero() {
		return best
	}
	w, ok := c.atOrBefore(now)
	if !ok {
		return time.Time{}
	}
	return w.resolve(c.Location)
}

// atOrAfter returns the first wall time at or after w that c names.
func (c *Cron) atOrAfter(w wallTime) (wallTime, bool) {
	for i := 0; i < cronHorizon; i++ {
		if c.month&(1<<w.m) != 0 {
			for days := c.days(w.y, w.m) &^ (1<<w.d - 1); days != 0; {
				d := bits.TrailingZeros32(days)
				if d != w.d {
					w.d, w.h, w.mi = d, 0, 0
				}
				for hours := c.hour &^ (1<<w.h - 1); hours != 0; {
					h := bits.TrailingZeros32(hours)
					if h != w.h {
						w.h, w.mi = h, 0
					}
					if mins := c.minute &^ (1<<w.mi - 1); mins != 0 {
						w.mi = bits.TrailingZeros64(mins)
						return w, true
					}
					hours &^= 1 << h
				}
				days &^= 1 << d
			}
		}
		w.d, w.h, w.mi = 1, 0, 0
		if w.m++; w.m > 12 {
			w.y, w.m = w.y+1, 1
		}
	}
	return w, false
}

// atOrBefore returns the last wall time at or before w that c names.
func (c *Cron) atOrBefore(w wallTime) (wallTime, bool) {
	for i := 0; i < cronHorizon; i++ {
		if c.month&(1<<w.m) != 0 {
			for days := c.days(w.y, w.m) & (1<<(w.d+1) - 1); days != 0; {
				d := 31 - bits.LeadingZeros32(days)
				if d != w.d {
					w.d, w.h, w.mi = d, 23, 59
				}
				for hours := c.hour & (1<<(w.h+1) - 1); hours != 0; {
					h := 31 - bits.LeadingZeros32(hours)
					if h != w.h {
						w.h, w.mi = h, 59
					}
					if mins := c.minute & (1<<(w.mi+1) - 1); mins != 0 {
						w.mi = 63 - bits.LeadingZeros64(mins)
						return w, true
					}
					hours &^= 1 << h
				}
				days &^= 1 << d
			}
		}
		if w.m--; w.m < 1 {
			w.y, w.m = w.y-1, 12
		}
		w.d, w.h, w.mi = 31, 23, 59
	}
	return w, false
}

// days returns the days of month m of year y on which c is due, as bits.
func (c *Cron) days(y, m int) uint32 {
	valid := daysMask(y, time.Month(m))
	byWeekday := c.dowDays[weekdayOf(y, m, 1)]
	if c.both {
		return c.dom & byWeekday & valid
	}
	return (c.dom | byWeekday) & valid
}

// daysMask has bits 1 to the number of days of the month set.
func daysMask(y int, m time.Month) uint32 {
	n := monthDays[m]
	if m == time.February && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		n = 28
	}
	return (1<<(n+1) - 1) &^ 1
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// weekdayOf returns the day of the week of y-m-d, Sunday being 0.
func weekdayOf(y, m, d int) int {
	return ((daysFromCivil(y, m, d)+4)%7 + 7) % 7 // 1970-01-01 was a Thursday
}

// wallTime is a local wall-clock time to the minute, in no zone.
type wallTime struct{ y, m, d, h, mi int }

func wallMinute(t time.Time) wallTime {
	y, m, d := t.Date()
	h, mi, _ := t.Clock()
	return wallTime{y, int(m), d, h, mi}
}

// plusMinute returns the wall time a minute after w; it may name a day
// past the month's end (day 32 or an hour 24), which atOrAfter skips.
func (w wallTime) plusMinute() wallTime {
	if w.mi++; w.mi == 60 {
		w.h, w.mi = w.h+1, 0
		if w.h == 24 {
			w.d, w.h = w.d+1, 0
		}
	}
	return w
}

// resolve returns the instant w names in loc, with resolve's rules for
// times skipped or repeated by a daylight-saving jump.
func (w wallTime) resolve(loc *time.Location) time.Time {
	return resolve(date{w.y, time.Month(w.m), w.d}, w.h, w.mi, loc)
}
