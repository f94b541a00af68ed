package calendar

import (
	"fmt"
	"io"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/scheduler"
)

// MaxDays is the longest span, in days, that an export may cover: past it
// the schedule file has usually changed before the events come.
const MaxDays = 92

// MaxEvents is the most events one export holds; calendar apps import
// larger files slowly or not at all.
const MaxEvents = 10000

// DefaultLength is how long an event lasts in the calendar unless the
// reminder's routine takes longer.
const DefaultLength = 5 * time.Minute

// TextFunc returns the words a firing of r at the instant at shows. For
// each reminder it is called in time order, starting a day before the
// exported span, so that a function that rotates texts the way the daemon
// does picks the same one.
type TextFunc func(r config.Reminder, at time.Time) content.Text

// Firing is one coming firing of a reminder, with the words it shows.
type Firing struct {
	// Reminder is the reminder's name.
	Reminder string
	// At is the instant, in the reminder's time zone.
	At time.Time
	// Title and Message are what the notification shows.
	Title, Message string
	// Length is how long the event lasts in the calendar: the reminder's
	// routine, rounded up to a minute, or DefaultLength.
	Length time.Duration
}

// UID returns the firing's iCalendar UID, which depends only on the
// reminder and the instant: "magnesium-20261201T193000Z@bedtime".
func (f Firing) UID() string {
	return f.Reminder + "-" + f.At.UTC().Format("20060102T150405Z") + "@bedtime"
}

// SkipFunc reports whether the firing of reminder at the instant at will
// not fire, for `bedtime next` marks it skipped or paused
// (state.State.Planned).
type SkipFunc func(reminder string, at time.Time) bool

// Firings returns the firings of the enabled reminders of s strictly after
// from and before to, in time order; firings at the same instant keep the
// file's order of reminders: they are scheduler.Walk's, as `bedtime next`
// shows them. It leaves out
//
//   - the reminders that ask a question (config.Reminder.Ask): a calendar
//     cannot take the answer, and its alarm would ring at the scheduled
//     time, while the person may be asleep, rather than wait for them as
//     the desktop does;
//   - the firings for which skip, when not nil, reports true: those that
//     will not fire. The text function is not called for them, as the
//     daemon picks no text for a firing it does not show.
//
// It fails when there are more than MaxEvents.
func Firings(s *config.Schedule, from, to time.Time, text TextFunc, skip SkipFunc) ([]Firing, error) {
	type job struct {
		r      config.Reminder
		start  time.Time // the firings from here on are walked for their texts
		length time.Duration
	}
	enabled := s.Enabled()
	jobs := make(map[string]job, len(enabled))
	walkFrom := from
	for _, r := range enabled {
		if r.Ask != "" {
			continue
		}
		length := DefaultLength
		if rt, ok := s.Routine(r.Routine); ok {
			var sum time.Duration
			for _, st := range rt.Steps {
				sum += st.Hold
			}
			length = max(length, (sum + time.Minute - 1).Truncate(time.Minute))
		}
		// Walk from the start of the day before from in the reminder's
		// zone, so that the texts rotate as in a daemon that has been
		// running since then.
		y, m, d := from.In(r.Location).Date()
		start := time.Date(y, m, d-1, 0, 0, 0, 0, r.Location).Add(-time.Nanosecond)
		jobs[r.Name] = job{r, start, length}
		if start.Before(walkFrom) {
			walkFrom = start
		}
	}
	var walk []scheduler.Job // s.Jobs() less the questions, in file order
	for _, j := range s.Jobs() {
		if _, ok := jobs[j.Name]; ok {
			walk = append(walk, j)
		}
	}
	var out []Firing
	for due := range scheduler.Walk(walk, walkFrom) {
		if !due.At.Before(to) {
			break
		}
		j := jobs[due.Job]
		if !due.At.After(j.start) {
			continue
		}
		coming := due.At.After(from)
		if coming && skip != nil && skip(j.r.Name, due.At) {
			continue
		}
		t := text(j.r, due.At)
		if !coming {
			continue
		}
		if len(out) == MaxEvents {
			return nil, fmt.Errorf("more than %d firings from %s to %s (reminder %q fires often); export fewer days", MaxEvents,
				from.In(s.Location).Format("2006-01-02 15:04"), to.In(s.Location).Format("2006-01-02 15:04"), j.r.Name)
		}
		out = append(out, Firing{Reminder: j.r.Name, At: due.At.In(j.r.Location), Title: t.Title, Message: t.Body, Length: j.length})
	}
	return out, nil
}

// Write writes firings as an iCalendar file to w: a VTIMEZONE for each time
// zone the firings are in, then one VEVENT with a display alarm per
// firing. stamp is when the export was made (DTSTAMP).
func Write(w io.Writer, firings []Firing, stamp time.Time) error {
	cal := ics.NewCalendar()
	cal.SetProductId("-//bedtime-app//bedtime//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("bedtime")

	// The zones, in order of first use, with the span each must cover.
	type span struct{ first, last time.Time }
	var zones []*time.Location
	spans := map[*time.Location]*span{}
	for _, f := range firings {
		loc := f.At.Location()
		if inUTC(f.At) {
			continue
		}
		if sp, ok := spans[loc]; ok {
			sp.last = f.At
			continue
		}
		zones = append(zones, loc)
		spans[loc] = &span{f.At, f.At}
	}
	for _, loc := range zones {
		addZone(cal, loc, spans[loc].first, spans[loc].last)
	}

	for _, f := range firings {
		ev := cal.AddEvent(f.UID())
		ev.SetDtStampTime(stamp)
		if inUTC(f.At) {
			ev.SetStartAt(f.At)
		} else {
			ev.SetProperty(ics.ComponentPropertyDtStart, f.At.Format(localFormat), ics.WithTZID(tzid(f.At.Location())))
		}
		ev.SetProperty(ics.ComponentPropertyDuration, duration(f.Length))
		ev.SetSummary(f.Title)
		if f.Message != "" {
			ev.SetDescription(f.Message)
		}
		ev.SetTimeTransparency(ics.TransparencyTransparent)
		alarm := ev.AddAlarm()
		alarm.SetAction(ics.ActionDisplay)
		alarm.SetTrigger("PT0S")
		alarm.SetProperty(ics.ComponentPropertyDescription, f.Title)
	}
	// RFC 5545 lines end in CRLF on every system.
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// inUTC reports whether the instant t is written in UTC rather than as a
// local time with its zone: when the zone has no IANA name, and when the
// local time occurs twice (the hour repeated as daylight saving time
// ends), because apps disagree on which of the two such a time means.
func inUTC(t time.Time) bool {
	return tzid(t.Location()) == "" || ambiguous(t)
}

// ambiguous reports whether the wall-clock time of t in its zone also
// names another instant: it falls in the repeated hour of a clock turned
// back.
func ambiguous(t time.Time) bool {
	start, end := t.ZoneBounds()
	_, off := t.Zone()
	if !start.IsZero() {
		// The clock was turned back by back seconds at start.
		_, before := start.Add(-time.Second).Zone()
		if back := before - off; back > 0 && t.Before(start.Add(time.Duration(back)*time.Second)) {
			return true
		}
	}
	if !end.IsZero() {
		_, after := end.Zone()
		if back := off - after; back > 0 && !t.Before(end.Add(-time.Duration(back)*time.Second)) {
			return true
		}
	}
	return false
}

const localFormat = "20060102T150405"

// tzid returns the IANA name of loc to use as a TZID, or "" when loc has
// none (a bare TZ rule, or "Local" whose name is unknown) or is UTC: such
// times are written in UTC.
func tzid(loc *time.Location) string {
	name := loc.String()
	if name == "" || name == "Local" || name == "UTC" {
		return ""
	}
	if _, err := time.LoadLocation(name); err != nil {
		return ""
	}
	return name
}

// addZone adds a VTIMEZONE for loc whose observances cover first to last:
// one STANDARD or DAYLIGHT per period of Go's zone data, without
// recurrence rules.
func addZone(cal *ics.Calendar, loc *time.Location, first, last time.Time) {
	tz := cal.AddTimezone(tzid(loc))
	t := first.In(loc)
	for {
		start, end := t.ZoneBounds()
		name, offset := t.Zone()
		from := offset
		dtstart := "19700101T000000"
		if !start.IsZero() {
			_, from = start.Add(-time.Second).Zone()
			dtstart = start.In(time.FixedZone("", from)).Format(localFormat)
		}
		var ob *ics.ComponentBase
		if t.IsDST() {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			ob = &d.ComponentBase
		} else {
			ob = &tz.AddStandard().ComponentBase
		}
		ob.SetProperty(ics.ComponentPropertyDtStart, dtstart)
		ob.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(from))
		ob.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(offset))
		if name != "" && name[0] != '+' && name[0] != '-' {
			ob.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		}
		if end.IsZero() || end.After(last) {
			return
		}
		t = end
	}
}

// utcOffset formats an offset east of UTC in seconds as RFC 5545's
// UTC-OFFSET: +0100, -0330, +053328.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// duration formats d, a whole number of minutes, as an iCalendar
// DURATION such as PT5M.
func duration(d time.Duration) string {
	return fmt.Sprintf("PT%dM", int(d.Minutes()))
}
