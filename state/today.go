package state

import (
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// Marks of a firing in Today besides the outcome kinds (done, missed,
// shown, held, snoozed, dismissed, expired, skipped).
const (
	// MarkDue: later today.
	MarkDue = "due"
	// MarkPaused: later today, but bedtime is paused then.
	MarkPaused = "paused"
)

// Firing is one scheduled instant of today and how it went.
type Firing struct {
	Reminder string    `json:"reminder"`
	At       time.Time `json:"at"`
	// Mark is what became of it: an outcome (done, missed, dismissed,
	// expired, skipped), the status of one still open (shown, held,
	// snoozed), or MarkDue or MarkPaused for one still to come.
	Mark string `json:"mark"`
}

// Planned says why a future firing of reminder at at will not be shown:
// MarkSkipped (bedtime skip), MarkPaused, or "" when it will be.
func (st State) Planned(reminder string, at, now time.Time) string {
	switch {
	case st.Skips[reminder].Equal(at):
		return string(Skipped)
	case st.PausedUntil.After(now) && at.Before(st.PausedUntil):
		return MarkPaused
	}
	return ""
}

// Today lists the firings of today, the day of now in loc, in time order:
// the schedule's (jobs), the pending snoozes and repeats, and any the
// history tells of (the schedule may have changed since), each marked by
// what became of it. A past instant with no record, due while bedtime was
// in use (after the first event of the history), is marked missed.
func Today(jobs []scheduler.Job, st State, events []Event, now time.Time, loc *time.Location) []Firing {
	now = now.In(loc)
	start := dayStart(now, 0, loc)
	end := dayStart(now, 1, loc)
	type key struct {
		reminder string
		at       int64
	}
	marks := map[key]string{}
	at := map[key]time.Time{}
	var order []key
	add := func(name string, t time.Time, mark string) {
		k := key{name, t.UnixNano()}
		if _, ok := at[k]; !ok {
			at[k] = t
			order = append(order, k)
		}
		if mark != "" {
			marks[k] = mark
		}
	}
	for _, j := range jobs {
		for t, n := j.Schedule.Next(start.Add(-time.Nanosecond)), 0; !t.IsZero() && t.Before(end) && n < 24*60; t, n = j.Schedule.Next(t), n+1 {
			add(j.Name, t, "")
		}
	}
	var inUseSince time.Time // the first event: before it, bedtime did not run
	for _, ev := range events {
		if inUseSince.IsZero() || ev.At.Before(inUseSince) {
			inUseSince = ev.At
		}
	}
	instants, _ := Instants(events)
	for _, in := range instants {
		if !in.Scheduled.Before(start) && in.Scheduled.Before(end) {
			add(in.Reminder, in.Scheduled, string(in.Outcome))
		}
	}
	for name, in := range st.Open {
		k := key{name, in.Scheduled.UnixNano()}
		if !in.Scheduled.Before(start) && in.Scheduled.Before(end) && !IsFinal(Kind(marks[k])) {
			add(name, in.Scheduled, string(in.Status))
		}
	}
	var out []Firing
	for _, k := range order {
		t := at[k]
		mark, ok := marks[k]
		switch {
		case ok && mark != string(Due) && mark != "":
		case ok: // due and being shown right now
			mark = string(Shown)
		case t.After(now):
			mark = MarkDue
			if n := st.Planned(k.reminder, t, now); n != "" {
				mark = n
			}
		case !inUseSince.IsZero() && t.After(inUseSince):
			// Due while bedtime was in use, but nothing was recorded: it
			// was not shown.
			mark = string(Missed)
		default:
			continue // before bedtime ran
		}
		out = append(out, Firing{Reminder: k.reminder, At: t.In(loc), Mark: mark})
	}
	slices.SortFunc(out, func(a, b Firing) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.Reminder, b.Reminder)
	})
	return out
}
