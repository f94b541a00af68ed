package report

import (
	"slices"
	"strconv"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// DefaultWeeks is how many weeks a report covers unless asked.
const DefaultWeeks = 8

// MaxWeeks is the longest report: ten years.
const MaxWeeks = 522

// Scheduled is one reminder of the schedule in force, as the report
// lists it.
type Scheduled struct {
	Name    string
	When    Timing // when it is due, said in the report's language
	Enabled bool
}

// Timing says when a reminder is due, in a language: "at 20:30",
// "um 20:30" (config.Reminder.Describe).
type Timing interface {
	Describe(l *locale.Locale) string
}

// Input is what a report is made of.
type Input struct {
	// Now is the report's moment; the last night is the one before it
	// (diary.LastNight).
	Now time.Time
	// Loc is the zone the days and nights are counted in.
	Loc *time.Location
	// Weeks is how many weeks of nights, up to the last night.
	Weeks int
	// Entries are the diary's entries, in file order.
	Entries []diary.Entry
	// Events are the reminders' history.
	Events []state.Event
	// Schedule is the schedule in force (nil when unknown).
	Schedule []Scheduled
	// ScheduleFrom says where the schedule came from (a path, "the
	// built-in default").
	ScheduleFrom string
	// Questions name the reminders that ask a question (the morning
	// question): their answers are the diary, not a habit, and they are
	// left out of the habits.
	Questions []string
	// Locale is the language the views write in (nil: English); the
	// figures do not depend on it.
	Locale *locale.Locale
}

// Mark is how a reminder went on one day, as state.Stats marks it, with
// MarkNotDue for a day with nothing due.
type Mark string

// The marks of a reminder's day.
const (
	MarkDone    Mark = Mark(state.MarkDone)    // done
	MarkNotDone Mark = Mark(state.MarkShown)   // shown, not done
	MarkMissed  Mark = Mark(state.MarkMissed)  // due, never shown
	MarkSkipped Mark = Mark(state.MarkSkipped) // skipped on purpose
	MarkNotDue  Mark = ""
)

// Night is one night of the report with the habits of the day it began.
type Night struct {
	Date  time.Time // midnight of the date it began, in Loc
	Diary diary.NightRecord
	// Habits are the day's marks, one per Report.Reminders.
	Habits []Mark
}

// Level is the night's answer in one word: none, some, bad or unknown.
func (n Night) Level() string {
	switch n.Diary.Status {
	case diary.StatusNone:
		return "none"
	case diary.StatusCramps:
		if n.Diary.Bad {
			return "bad"
		}
		return "some"
	}
	return "unknown"
}

// Week sums up seven nights.
type Week struct {
	From, To             time.Time
	None, Some, Bad, Unk int
	// Severity and Sleep are the means of the nights that gave one, and
	// SeverityN and SleepN how many did.
	Severity, Sleep   float64
	SeverityN, SleepN int
	// Done and Due are per reminder, like Report.Reminders: the instants
	// done of those due that week (the days the nights began).
	Done, Due []int
}

// Cramps returns the nights with cramps.
func (w Week) Cramps() int { return w.Some + w.Bad }

// Comparison counts the nights after the days a habit was done and after
// the days it was due and not done; nights without an answer are counted
// apart.
type Comparison struct {
	Reminder string
	// DoneNights and DoneCramps: nights answered after a done day, and how
	// many had cramps; DoneUnknown: nights without an answer.
	DoneNights, DoneCramps, DoneUnknown int
	// NotNights, NotCramps, NotUnknown: the same after a day it was due
	// and not done.
	NotNights, NotCramps, NotUnknown int
	// NeverShown counts the days it was due and never shown (every
	// instant missed: the computer off or asleep, bedtime not running),
	// answered or not. Whether it was done is not known, so they are in
	// neither group.
	NeverShown int
}

// Change is a reminder that came or went within the period, as the
// history shows it.
type Change struct {
	Reminder    string
	First, Last time.Time // its first and last day in the history
	Came, Went  bool      // first seen after the period began; last seen before its end
}

// Report is everything the views show.
type Report struct {
	Now      time.Time
	Loc      *time.Location
	From, To time.Time // the first and last night
	Weeks    []Week
	Nights   []Night
	// Reminders are the reminders of the history and the schedule, the
	// evening ones (most often due from 17:00) first.
	Reminders []string
	// Evening says, per Reminders, whether it is an evening habit.
	Evening []bool
	// Adherence is done and due over the period, per Reminders.
	Done, Due    []int
	Compare      []Comparison
	Schedule     []Scheduled
	ScheduleFrom string
	Changes      []Change
	// Answered, Cramps, Bad, Unknown count the period's nights.
	Answered, CrampNights, BadNights, Unknown int
	// Empty is true when neither the diary nor the history says anything
	// about the period.
	Empty bool
	// Locale is the language of the views (Input.Locale; nil: English).
	Locale *locale.Locale
}

// locale returns the report's language, English when none was given.
func (r Report) locale() *locale.Locale {
	if r.Locale == nil {
		return locale.English
	}
	return r.Locale
}

// Build makes the report of in; it reads nothing but its argument.
func Build(in Input) Report {
	loc := in.Loc
	if loc == nil {
		loc = time.Local
	}
	weeks := in.Weeks
	if weeks < 1 {
		weeks = DefaultWeeks
	}
	weeks = min(weeks, MaxWeeks)
	// Days are counted with scheduler.DayStart, never time.Date's
	// midnight or AddDate: where the clocks jump at 00:00 those name the
	// day before.
	last := scheduler.DayStart(in.Now.In(loc), -1)
	first := scheduler.DayStart(last, -(weeks*7 - 1))
	r := Report{Now: in.Now, Loc: loc, From: first, To: last, Schedule: in.Schedule, ScheduleFrom: in.ScheduleFrom, Locale: in.Locale}

	// The diary, one record per night of the period.
	records := map[string]diary.NightRecord{}
	for _, rec := range diary.Fold(in.Entries) {
		records[rec.Night] = rec
	}

	// The history of the period (and two days before, where a late answer
	// or an old line without its instant may belong): each reminder's
	// marks by date (as state.Stats marks them), and done/due by date.
	since := scheduler.DayStart(first, -2)
	events := in.Events
	if len(events) > 0 && events[0].At.Before(since) {
		events = make([]state.Event, 0, len(in.Events))
		for _, ev := range in.Events {
			if !ev.At.Before(since) {
				events = append(events, ev)
			}
		}
	}
	instants, _ := state.Instants(events)
	perDay := map[string]map[string]tally{} // reminder -> date -> tally
	evening := map[string][2]int{}          // reminder -> {evening, all} instants
	seen := map[string][2]time.Time{}
	for _, i := range instants {
		if slices.Contains(in.Questions, i.Reminder) {
			continue
		}
		at := i.Scheduled.In(loc)
		date := at.Format(time.DateOnly)
		m := perDay[i.Reminder]
		if m == nil {
			m = map[string]tally{}
			perDay[i.Reminder] = m
		}
		t := m[date]
		switch i.Outcome {
		case state.Skipped:
			t.skipped++
		case state.Done:
			t.done++
			t.due++
			t.shown++
		case state.Missed:
			t.due++
		default: // dismissed, expired, or still open
			t.due++
			if i.Shown || i.Outcome == state.Dismissed || i.Outcome == state.Expired {
				t.shown++
			}
		}
		m[date] = t
		e := evening[i.Reminder]
		if at.Hour() >= 17 {
			e[0]++
		}
		e[1]++
		evening[i.Reminder] = e
		s := seen[i.Reminder]
		if s[0].IsZero() || at.Before(s[0]) {
			s[0] = at
		}
		if at.After(s[1]) {
			s[1] = at
		}
		seen[i.Reminder] = s
	}

	names := map[string]bool{}
	for name := range perDay {
		names[name] = true
	}
	for _, s := range in.Schedule {
		if s.Enabled && !slices.Contains(in.Questions, s.Name) {
			names[s.Name] = true
		}
	}
	isEvening := func(name string) bool { e := evening[name]; return e[1] > 0 && 2*e[0] > e[1] }
	for name := range names {
		r.Reminders = append(r.Reminders, name)
	}
	slices.SortFunc(r.Reminders, func(a, b string) int {
		if ea, eb := isEvening(a), isEvening(b); ea != eb {
			if ea {
				return -1
			}
			return 1
		}
		if a < b {
			return -1
		} else if a > b {
			return 1
		}
		return 0
	})
	nr := len(r.Reminders)
	for _, name := range r.Reminders {
		r.Evening = append(r.Evening, isEvening(name))
	}
	r.Done, r.Due = make([]int, nr), make([]int, nr)
	r.Compare = make([]Comparison, nr)
	for k, name := range r.Reminders {
		r.Compare[k].Reminder = name
	}

	anything := false
	for w := 0; w < weeks; w++ {
		wk := Week{From: scheduler.DayStart(first, 7*w), To: scheduler.DayStart(first, 7*w+6), Done: make([]int, nr), Due: make([]int, nr)}
		var sev, slp int
		for d := 0; d < 7; d++ {
			date := scheduler.DayStart(wk.From, d)
			key := date.Format(time.DateOnly)
			rec, ok := records[key]
			if !ok {
				rec = diary.NightRecord{Night: key, Status: diary.StatusUnknown, Count: diary.Unknown, Severity: diary.Unknown, Sleep: diary.Unknown}
			} else {
				anything = true
			}
			n := Night{Date: date, Diary: rec, Habits: make([]Mark, nr)}
			switch n.Level() {
			case "none":
				wk.None++
			case "some":
				wk.Some++
			case "bad":
				wk.Bad++
			default:
				wk.Unk++
			}
			if rec.Severity != diary.Unknown && rec.Status == diary.StatusCramps {
				sev += rec.Severity
				wk.SeverityN++
			}
			if rec.Sleep != diary.Unknown {
				slp += rec.Sleep
				wk.SleepN++
			}
			for k, name := range r.Reminders {
				t := perDay[name][key]
				n.Habits[k] = t.mark()
				wk.Done[k] += t.done
				wk.Due[k] += t.due
				if t.due > 0 {
					anything = true
				}
				c := &r.Compare[k]
				switch {
				case t.due == 0:
				case t.done == 0 && t.shown == 0:
					c.NeverShown++
				case t.done > 0 && rec.Status == diary.StatusUnknown:
					c.DoneUnknown++
				case t.done > 0:
					c.DoneNights++
					if rec.Status == diary.StatusCramps {
						c.DoneCramps++
					}
				case rec.Status == diary.StatusUnknown:
					c.NotUnknown++
				default:
					c.NotNights++
					if rec.Status == diary.StatusCramps {
						c.NotCramps++
					}
				}
			}
			r.Nights = append(r.Nights, n)
		}
		if wk.SeverityN > 0 {
			wk.Severity = float64(sev) / float64(wk.SeverityN)
		}
		if wk.SleepN > 0 {
			wk.Sleep = float64(slp) / float64(wk.SleepN)
		}
		for k := range r.Reminders {
			r.Done[k] += wk.Done[k]
			r.Due[k] += wk.Due[k]
		}
		r.CrampNights += wk.Cramps()
		r.BadNights += wk.Bad
		r.Unknown += wk.Unk
		r.Answered += wk.None + wk.Some + wk.Bad
		r.Weeks = append(r.Weeks, wk)
	}
	r.Empty = !anything

	for _, name := range r.Reminders {
		s, ok := seen[name]
		if !ok {
			continue
		}
		c := Change{Reminder: name, First: dayOf(s[0], loc), Last: dayOf(s[1], loc)}
		// A week's slack: a reminder of some weekdays only is not new
		// because the period began on another day.
		c.Came = c.First.After(scheduler.DayStart(first, 6))
		c.Went = c.Last.Before(scheduler.DayStart(last, -6))
		if (c.Came && !c.First.After(last)) || (c.Went && !c.Last.Before(first)) {
			r.Changes = append(r.Changes, c)
		}
	}
	return r
}

// tally is what a reminder's instants of one day came to: done, due
// (all but the skipped), shown (due and shown at least once) and skipped.
type tally struct{ done, due, shown, skipped int }

// mark is a day's mark of a reminder, from what its instants that day
// came to: done if one was done, else not done if one was shown, else
// missed (due and never shown), else skipped; not due when nothing was.
// Unlike stats' strip, where missed wins over shown, a day with one
// reminder shown and left and one missed is not done: "missed" says that
// the day never reached the person.
func (t tally) mark() Mark {
	switch {
	case t.done > 0:
		return MarkDone
	case t.shown > 0:
		return MarkNotDone
	case t.due > 0:
		return MarkMissed
	case t.skipped > 0:
		return MarkSkipped
	}
	return MarkNotDue
}

func dayOf(t time.Time, loc *time.Location) time.Time {
	return scheduler.DayStart(t.In(loc), 0)
}

// percent formats done of due as a whole percentage as the locale writes
// it ("40%", "40 %"), "–" when nothing was due.
func percent(l *locale.Locale, done, due int) string {
	if due == 0 {
		return "–"
	}
	return l.Sprintf("%s%%", strconv.FormatFloat(100*float64(done)/float64(due), 'f', 0, 64))
}
