package config

import (
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// Describe says when r is due, in l's language, as the report lists it:
// "at 07:30, weekdays", "every 2h between 08:00 and 18:00", "30m before
// bedtime", "cron 55 9-16 * * mon-fri". The words are bedtime's and
// translated; the values (times, durations, a cron expression) are the
// person's and stay as the file writes them.
func (r Reminder) Describe(l *locale.Locale) string {
	var s string
	switch sch := r.Schedule.(type) {
	case *scheduler.Daily:
		times := make([]string, len(sch.Times))
		for i, t := range sch.Times {
			times[i] = t.String()
		}
		s = l.Sprintf("at %s", strings.Join(times, ", "))
	case *scheduler.Interval:
		if sch.Window {
			s = l.Sprintf("every %s between %s and %s", durfmt.Format(sch.Every), sch.Start.String(), sch.End.String())
		} else {
			s = l.Sprintf("every %s", durfmt.Format(sch.Every))
		}
	case *scheduler.BeforeBedtime:
		s = l.Sprintf("%s before bedtime", durfmt.Format(sch.Before))
	default:
		if r.Form == FormCron {
			return l.Sprintf("cron %s", r.Spec) // its days are in the expression
		}
		s = r.Spec
	}
	return describeDays(l, s, r.Days)
}

const (
	weekdays = scheduler.Weekdays(1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday)
	weekends = scheduler.Weekdays(1<<time.Saturday | 1<<time.Sunday)
)

// describeDays adds the days a reminder is limited to, if any, to s: in
// words for working days and the weekend, else as the language's short
// day names in the order of its week.
func describeDays(l *locale.Locale, s string, days scheduler.Weekdays) string {
	switch days {
	case 0, scheduler.Every:
		return s
	case weekdays:
		return l.Sprintf("%s, weekdays", s)
	case weekends:
		return l.Sprintf("%s, weekends", s)
	}
	var names []string
	for _, d := range l.Weekdays() {
		if days.Has(d) {
			names = append(names, l.WeekdayShort(d))
		}
	}
	return l.Sprintf("%s, %s", s, strings.Join(names, ", "))
}
