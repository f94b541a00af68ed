package state

import (
	"slices"
	"time"
)

// ReminderStats sums up the history of one reminder over a number of days.
// Every count is a count of scheduled instants, each counted once whatever
// happened to it: Due = Done + Dismissed + Unanswered + Missed, and a
// skipped instant is not due.
type ReminderStats struct {
	Reminder string `json:"reminder"`
	// Due counts the instants that came due, skipped ones left out.
	Due int `json:"due"`
	// Done counts the due instants answered with Done.
	Done int `json:"done"`
	// Shown counts the instants that reached the screen at least once.
	Shown int `json:"shown"`
	// Snoozed counts the instants snoozed at least once.
	Snoozed int `json:"snoozed"`
	// Dismissed counts the instants closed without an answer (and not
	// marked done after).
	Dismissed int `json:"dismissed"`
	// Unanswered counts the instants shown and never answered, or still
	// waiting for an answer or for a screen to show them on.
	Unanswered int `json:"unanswered"`
	// Missed counts the instants that were never shown: too late after
	// sleep or a stop, or no notification server until too late.
	Missed int `json:"missed"`
	// Skipped counts the instants not shown on purpose (bedtime skip, a
	// pause, the person away).
	Skipped int `json:"skipped"`
	// Unattributed counts old history lines (written before events named
	// their scheduled instant) that match no instant; they count nowhere
	// else.
	Unattributed int `json:"unattributed,omitempty"`
	// Adherence is Done / Due, from 0 to 1; 0 when nothing was due.
	Adherence float64 `json:"adherence"`
	// Days has one mark per day, oldest first, today last.
	Days []DayMark `json:"days"`
	// Streak counts the consecutive days, up to today, on which the
	// reminder was done. Only a day it was shown and not done breaks it:
	// days with nothing due, skipped on purpose or never shown (missed:
	// the computer off for the weekend) neither count nor break it, and
	// neither does today while it is shown and not yet answered. It may
	// reach back beyond Days.
	Streak int `json:"streak"`
}

// DayMark says how one day went for a reminder.
type DayMark struct {
	// Date is the day, as 2006-01-02.
	Date string `json:"date"`
	// Mark is one of the Mark constants.
	Mark string `json:"mark"`
}

// The marks of a day, from the best news to none: a day with any instant
// done is "done"; otherwise one with an instant shown or waiting is
// "shown"; otherwise one with an instant due and never shown (the computer
// off or asleep, bedtime held it) is "missed"; otherwise one skipped is
// "skipped". They are the words of the strips' legend.
const (
	MarkDone    = "done"
	MarkMissed  = "missed"
	MarkShown   = "shown" // shown (or waiting), not answered with Done
	MarkSkipped = "skipped"
	MarkNone    = "" // nothing due
)

// InstantOutcome is what became of one scheduled instant, as the history
// tells it.
type InstantOutcome struct {
	Reminder  string
	Scheduled time.Time
	// Outcome is Done, Dismissed, Expired, Missed or Skipped for a
	// finished instant, or Shown, Held or Snoozed for one still open.
	Outcome Kind
	// Shown and Snoozed say whether it was ever shown, ever snoozed.
	Shown, Snoozed bool
}

// attributeWindow is how far back an old history line without a scheduled
// instant looks for the instant it belongs to.
const attributeWindow = 24 * time.Hour

// Instants folds the history into one outcome per scheduled instant of
// each reminder, sorted by reminder, then instant. The outcome of an
// instant is Done if any Done belongs to it; otherwise its last finishing
// event (Dismissed, Expired, Missed, Skipped); otherwise the last open
// status. Events without a reminder (Paused, Resumed) are left out.
//
// Lines written by version 1 are read too: "fired" counts as shown (unless
// the instant was later missed: version 1 wrote "fired" before it knew),
// and a line without a scheduled instant belongs to the latest instant of
// its reminder at or up to a day before it; one that matches none is
// counted in the returned unattributed map, never twice.
func Instants(events []Event) (out []InstantOutcome, unattributed map[string]int) {
	f := newFolder()
	for _, ev := range events {
		f.add(ev)
	}
	return f.result()
}

// instantKey names one scheduled instant of one reminder.
type instantKey struct {
	reminder string
	at       int64
}

// instantAcc is what the events of one instant said so far.
type instantAcc struct {
	InstantOutcome
	done, fired bool
	final       Kind
	open        Kind
}

// folder folds events into instants one at a time (Instants), so that a
// long history need not be held in memory whole.
type folder struct {
	byKey       map[instantKey]*instantAcc
	perReminder map[string][]time.Time
	undated     []Event
}

func newFolder() *folder {
	return &folder{byKey: map[instantKey]*instantAcc{}, perReminder: map[string][]time.Time{}}
}

func (f *folder) get(name string, t time.Time) *instantAcc {
	k := instantKey{name, t.UnixNano()}
	a := f.byKey[k]
	if a == nil {
		a = &instantAcc{InstantOutcome: InstantOutcome{Reminder: name, Scheduled: t}}
		f.byKey[k] = a
	}
	return a
}

func (a *instantAcc) apply(k Kind) {
	switch k {
	case Done:
		a.done = true
	case Dismissed, Expired, Missed, Skipped:
		a.final = k
	case Shown:
		a.Shown = true
		a.open = Shown
	case Fired:
		a.fired = true
		a.open = Shown
	case Held:
		if a.open == "" {
			a.open = Held
		}
	case Snoozed:
		a.Snoozed = true
		a.open = Snoozed
	}
}

// finish returns the instant's outcome, once all its events are applied.
func (a *instantAcc) finish() InstantOutcome {
	switch {
	case a.done:
		a.Outcome = Done
	case a.final != "":
		a.Outcome = a.final
	default:
		a.Outcome = a.open
	}
	if a.fired && a.final != Missed {
		a.Shown = true
	}
	return a.InstantOutcome
}

// add folds in one event.
func (f *folder) add(ev Event) {
	if ev.Reminder == "" || ev.Kind == Paused || ev.Kind == Resumed || ev.Kind == Due {
		return
	}
	if ev.Scheduled.IsZero() {
		f.undated = append(f.undated, ev)
		return
	}
	f.get(ev.Reminder, ev.Scheduled).apply(ev.Kind)
}

// result returns the instants folded so far; see Instants.
func (f *folder) result() (out []InstantOutcome, unattributed map[string]int) {
	// Each reminder's instants in time order, for the old lines without
	// one (rare: made only when there are such lines).
	if len(f.undated) > 0 {
		for _, a := range f.byKey {
			f.perReminder[a.Reminder] = append(f.perReminder[a.Reminder], a.Scheduled)
		}
	}
	for name := range f.perReminder {
		slices.SortFunc(f.perReminder[name], func(a, b time.Time) int { return a.Compare(b) })
	}
	unattributed = map[string]int{}
	for _, ev := range f.undated {
		ts := f.perReminder[ev.Reminder]
		i, _ := slices.BinarySearchFunc(ts, ev.At, func(t, at time.Time) int {
			if t.After(at) {
				return 1
			}
			return -1
		})
		// ts[i-1] is the latest instant at or before ev.At.
		if i == 0 || ev.At.Sub(ts[i-1]) > attributeWindow {
			unattributed[ev.Reminder]++
			continue
		}
		f.byKey[instantKey{ev.Reminder, ts[i-1].UnixNano()}].apply(ev.Kind)
	}
	out = make([]InstantOutcome, 0, len(f.byKey))
	for _, a := range f.byKey {
		out = append(out, a.finish())
	}
	slices.SortFunc(out, func(a, b InstantOutcome) int {
		if a.Reminder != b.Reminder {
			if a.Reminder < b.Reminder {
				return -1
			}
			return 1
		}
		return a.Scheduled.Compare(b.Scheduled)
	})
	return out, unattributed
}

// Stats sums up events per reminder over the last days days, today (the
// day of now in loc) included. An instant belongs to the day of its
// scheduled time. Events without a reminder (Paused, Resumed) are not
// counted. The result is sorted by reminder name.
func Stats(events []Event, days int, now time.Time, loc *time.Location) []ReminderStats {
	instants, unattributed := Instants(events)
	out, _ := sumUp(instants, unattributed, days, now, loc)
	return out
}

// dayMarks is the mark of each day on which a reminder had an instant,
// by the day's number (dayNumber) and as its rank (markRank), a few bytes
// a day where ten years of them are held, with the first such day.
type dayMarks struct {
	marks map[int32]uint8
	first time.Time // midnight in loc
}

func newDayMarks() *dayMarks { return &dayMarks{marks: map[int32]uint8{}} }

// dayNumber numbers the day of t in t's location: consecutive days have
// consecutive numbers.
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / (24 * 60 * 60))
}

// set makes the mark of the day numbered day the better of the two.
func (m *dayMarks) set(day int32, mark string) {
	if cur, ok := m.marks[day]; !ok || markRank(mark) > cur {
		m.marks[day] = max(cur, markRank(mark))
	}
}

// add merges the marks of other into m, keeping the better mark of a day.
func (m *dayMarks) add(other dayMarks) {
	for day, r := range other.marks {
		m.marks[day] = max(m.marks[day], r)
	}
	if !other.first.IsZero() && (m.first.IsZero() || other.first.Before(m.first)) {
		m.first = other.first
	}
}

// trim forgets the days before from (midnight): their instants may have
// events from before what was read, so their marks may be wrong.
func (m *dayMarks) trim(from time.Time) {
	cut := dayNumber(from)
	for day := range m.marks {
		if day < cut {
			delete(m.marks, day)
		}
	}
	if !m.first.IsZero() && m.first.Before(from) {
		m.first = from
	}
}

// sumUp is Stats of the instants; it also returns each reminder's day marks, for a
// streak that may reach back further than the events.
func sumUp(instants []InstantOutcome, unattributed map[string]int, days int, now time.Time, loc *time.Location) ([]ReminderStats, map[string]*dayMarks) {
	sm := newSummer(days, now, loc)
	for _, in := range instants {
		sm.add(in)
	}
	for name, n := range unattributed {
		sm.unattributed(name, n)
	}
	return sm.result()
}

// summer sums instants up per reminder as they come, in any order (every
// sum, mark and first day it keeps is the same whatever the order): it
// holds one count per reminder and one mark per reminder and day, never
// the instants.
type summer struct {
	loc               *time.Location
	today, start, end time.Time
	byName            map[string]*reminderSum
	// The day of the last instant, which the next one is most likely on.
	y        int
	m        time.Month
	d        int
	day      int32
	midnight time.Time
}

// reminderSum is what a summer knows of one reminder.
type reminderSum struct {
	rs ReminderStats // the counts of the days summed up
	dm dayMarks      // over all days
}

// newSummer sums up the days days up to the day of now in loc, today
// included.
func newSummer(days int, now time.Time, loc *time.Location) *summer {
	if loc == nil {
		loc = time.Local
	}
	if days < 1 {
		days = 1
	}
	now = now.In(loc)
	today := dayStart(now, 0, loc)
	return &summer{
		loc:    loc,
		today:  today,
		start:  dayStart(today, -(days - 1), loc),
		end:    dayStart(today, 1, loc),
		byName: map[string]*reminderSum{},
	}
}

func (sm *summer) reminder(name string) *reminderSum {
	r := sm.byName[name]
	if r == nil {
		r = &reminderSum{rs: ReminderStats{Reminder: name}, dm: *newDayMarks()}
		sm.byName[name] = r
	}
	return r
}

// add counts one instant, finished or still open.
func (sm *summer) add(in InstantOutcome) {
	r := sm.reminder(in.Reminder)
	day := in.Scheduled.In(sm.loc)
	if y, m, d := day.Date(); y != sm.y || m != sm.m || d != sm.d || sm.midnight.IsZero() {
		sm.y, sm.m, sm.d = y, m, d
		sm.day = dayNumber(day)
		sm.midnight = dayStart(day, 0, sm.loc)
	}
	r.dm.set(sm.day, markOf(in.Outcome))
	if r.dm.first.IsZero() || sm.midnight.Before(r.dm.first) {
		r.dm.first = sm.midnight
	}
	if day.Before(sm.start) || !day.Before(sm.end) {
		return
	}
	rs := &r.rs
	if in.Shown {
		rs.Shown++
	}
	if in.Snoozed {
		rs.Snoozed++
	}
	switch in.Outcome {
	case Skipped:
		rs.Skipped++
		return
	case Done:
		rs.Done++
	case Dismissed:
		rs.Dismissed++
	case Missed:
		rs.Missed++
	default: // expired, or still open
		rs.Unanswered++
	}
	rs.Due++
}

// unattributed counts n old lines of the named reminder that match no
// instant.
func (sm *summer) unattributed(name string, n int) {
	sm.reminder(name).rs.Unattributed += n
}

// result returns the sums, sorted by reminder, and each reminder's day
// marks over all the days of its instants.
func (sm *summer) result() ([]ReminderStats, map[string]*dayMarks) {
	names := make([]string, 0, len(sm.byName))
	for name := range sm.byName {
		names = append(names, name)
	}
	slices.Sort(names)
	out := make([]ReminderStats, 0, len(names))
	all := make(map[string]*dayMarks, len(names))
	for _, name := range names {
		r := sm.byName[name]
		rs := r.rs
		if rs.Due > 0 {
			rs.Adherence = float64(rs.Done) / float64(rs.Due)
		}
		for d := sm.start; d.Before(sm.end); d = dayStart(d, 1, sm.loc) {
			rs.Days = append(rs.Days, DayMark{Date: d.Format(time.DateOnly), Mark: rankedMarks[r.dm.marks[dayNumber(d)]]})
		}
		if !r.dm.first.IsZero() {
			rs.Streak, _ = streak(r.dm.marks, sm.today, r.dm.first)
		}
		out = append(out, rs)
		all[name] = &r.dm
	}
	return out, all
}

// markOf is the day mark one instant's outcome gives.
func markOf(k Kind) string {
	switch k {
	case Done:
		return MarkDone
	case Missed:
		return MarkMissed
	case Skipped:
		return MarkSkipped
	}
	return MarkShown
}

// better returns the more telling of two marks of one day: done, then
// shown, then missed, then skipped.
func better(a, b string) string {
	if markRank(b) > markRank(a) {
		return b
	}
	return a
}

// markRank ranks a mark: the better, the higher; rankedMarks turns the
// rank back into the mark.
func markRank(m string) uint8 {
	switch m {
	case MarkDone:
		return 4
	case MarkShown:
		return 3
	case MarkMissed:
		return 2
	case MarkSkipped:
		return 1
	}
	return 0
}

var rankedMarks = [...]string{MarkNone, MarkSkipped, MarkMissed, MarkShown, MarkDone}

// streak counts the done days back from today; see ReminderStats.Streak.
// It reports whether it reached first without a break: then the days
// before first, if any are known, may lengthen it.
func streak(marks map[int32]uint8, today, first time.Time) (n int, reachedFirst bool) {
	for d := today; !d.Before(first); d = dayStart(d, -1, today.Location()) {
		switch rankedMarks[marks[dayNumber(d)]] {
		case MarkDone:
			n++
		case MarkShown:
			if !d.Equal(today) {
				return n, false
			}
		}
	}
	return n, true
}

// MarkOf returns the day mark one instant's outcome gives (see the Mark
// constants), for views that fold Instants by day themselves.
func MarkOf(k Kind) string { return markOf(k) }

// BetterMark returns the more telling of two marks of one day, as Stats
// chooses: done, then fired, then missed, then skipped.
func BetterMark(a, b string) string { return better(a, b) }
