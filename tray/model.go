package tray

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// Icon is what the status icon shows at a glance.
type Icon int

// The icon's states, in the order they win when several are true: a
// bedtime that is not running hides everything else, one that runs but can
// show no reminder comes next, and a reminder that waits for an answer
// matters more than a pause.
const (
	// IconNormal: bedtime runs and nothing waits.
	IconNormal Icon = iota
	// IconPaused: reminders are paused.
	IconPaused
	// IconWaiting: a reminder is on screen, held or snoozed, waiting for
	// an answer.
	IconWaiting
	// IconNotRunning: no bedtime daemon holds the lock.
	IconNotRunning
	// IconTrouble: the daemon runs but no reminder can come: it has no
	// schedule (the file had errors when it started), or no notification
	// server to show them (State.Problems).
	IconTrouble
)

// Icons lists every icon state, for drawing the set.
var Icons = []Icon{IconNormal, IconPaused, IconWaiting, IconNotRunning, IconTrouble}

func (i Icon) String() string {
	switch i {
	case IconNormal:
		return "normal"
	case IconPaused:
		return "paused"
	case IconWaiting:
		return "waiting"
	case IconNotRunning:
		return "not-running"
	case IconTrouble:
		return "trouble"
	}
	return fmt.Sprintf("Icon(%d)", int(i))
}

// ActionKind is what a menu item does.
type ActionKind int

// The menu's actions. Each state change goes through the state.Store
// method the matching command uses (see Controller.Do).
const (
	// ActDone is `bedtime done NAME`.
	ActDone ActionKind = iota + 1
	// ActSnooze is `bedtime snooze NAME` (the reminder's own snooze time).
	ActSnooze
	// ActPauseHour is `bedtime pause 1h`.
	ActPauseHour
	// ActPauseTomorrow is `bedtime pause --today`: until midnight.
	ActPauseTomorrow
	// ActResume is `bedtime resume`.
	ActResume
	// ActSkip is `bedtime skip NAME` for the instant At.
	ActSkip
	// ActEdit opens `bedtime edit` in a terminal.
	ActEdit
	// ActReport opens the report (see Options.Report).
	ActReport
	// ActStart starts bedtime.
	ActStart
	// ActQuit quits the tray.
	ActQuit
	// ActAnswer answers the morning question (ask: cramps) of the
	// instant At with Answer (none, some, bad), as its notification's
	// button does: into the cramp diary, then the question done.
	ActAnswer
)

// Action is one menu item's action: its kind and, for the answers and
// skips, the reminder (and instant) it is about.
type Action struct {
	Kind     ActionKind
	Reminder string
	At       time.Time
	// Answer is ActAnswer's answer: a content.CrampAnswers key.
	Answer string
}

// Item is one line of the menu: a separator, a line of text (no Action),
// or an item that does Action when clicked.
type Item struct {
	Label     string
	Action    Action
	Separator bool
}

// Enabled reports whether clicking the item does something.
func (it Item) Enabled() bool { return it.Action.Kind != 0 }

// View is everything the tray shows: the icon, the tooltip and the menu.
// Build computes it; two equal Views look the same.
type View struct {
	Icon    Icon
	Tooltip string
	Menu    []Item
}

// Equal reports whether v and w show the same.
func (v View) Equal(w View) bool {
	return v.Icon == w.Icon && v.Tooltip == w.Tooltip && slices.EqualFunc(v.Menu, w.Menu, func(a, b Item) bool {
		return a.Label == b.Label && a.Separator == b.Separator && a.Action.Kind == b.Action.Kind &&
			a.Action.Reminder == b.Action.Reminder && a.Action.At.Equal(b.Action.At) && a.Action.Answer == b.Action.Answer
	})
}

// Input is what the view is computed from: the same state, history and
// schedule `bedtime status` reads.
type Input struct {
	Now time.Time
	// Running reports whether a bedtime daemon holds the lock.
	Running bool
	State   state.State
	// Events is the history from the day before Now's day on (for Today).
	Events []state.Event
	// Schedule is the schedule in use; nil when it cannot be read
	// (ScheduleProblem says why).
	Schedule        *config.Schedule
	ScheduleProblem string
	// StateProblem says why the state could not be read, if it could not.
	StateProblem string
	// Report says whether there is a report to open.
	Report bool
	// LastError is the error of the last menu action, shown until the
	// next action succeeds.
	LastError string
	// Locale is the language of the words; nil is English.
	Locale *locale.Locale
	// ProblemIn puts one of the daemon's problems (State.Problems, kept in
	// English) in a language; nil leaves them as they are kept.
	ProblemIn func(l *locale.Locale, text string) string
}

// Build computes the view of in. It is a pure function.
func Build(in Input) View {
	loc := time.Local
	if in.Schedule != nil {
		loc = in.Schedule.Location
	}
	l := in.Locale
	if l == nil {
		l = locale.English
	}
	now := in.Now.In(loc)
	paused := in.State.PausedUntil.After(now)
	waiting := openReminders(in.State)

	var v View
	switch {
	case !in.Running:
		v.Icon = IconNotRunning
	case noReminderCan(in.State):
		v.Icon = IconTrouble
	case len(waiting) > 0:
		v.Icon = IconWaiting
	case paused:
		v.Icon = IconPaused
	default:
		v.Icon = IconNormal
	}

	var next *state.Coming
	var skip *state.Coming
	if in.Schedule != nil {
		for _, c := range in.State.Next(in.Schedule.Jobs(), now, 8) {
			if next == nil && c.Note != state.MarkPaused && c.Note != string(state.Skipped) {
				next = &c
			}
			if skip == nil && c.Note == "" {
				skip = &c
			}
			if next != nil && skip != nil {
				break
			}
		}
	}

	problems := daemonProblems(l, in)

	// The tooltip: what matters first, then what comes next.
	var tip []string
	switch {
	case !in.Running:
		tip = append(tip, l.Sprintf("not running"))
	case len(waiting) > 0:
		tip = append(tip, waitingLine(l, waiting))
	}
	tip = append(tip, problems...)
	if paused {
		tip = append(tip, l.Sprintf("paused until %s", pauseEnd(l, in.State.PausedUntil, now, loc)))
	}
	switch {
	case next != nil:
		tip = append(tip, nextLine(l, *next, now, loc))
	case in.ScheduleProblem != "":
		tip = append(tip, in.ScheduleProblem)
	case in.Schedule != nil:
		tip = append(tip, l.Sprintf("no reminder comes next (all are disabled)"))
	}
	v.Tooltip = l.Sprintf("bedtime: %s", joinLines(tip))

	// The menu.
	add := func(label string, a Action) { v.Menu = append(v.Menu, Item{Label: label, Action: a}) }
	sep := func() {
		if len(v.Menu) > 0 && !v.Menu[len(v.Menu)-1].Separator {
			v.Menu = append(v.Menu, Item{Separator: true})
		}
	}
	if !in.Running {
		add(l.Sprintf("bedtime is not running"), Action{})
		add(l.Sprintf("Start bedtime"), Action{Kind: ActStart})
		sep()
	}
	for _, w := range waiting {
		add(w.describe(l, loc), Action{})
		snooze, ask := config.DefaultSnooze, ""
		if in.Schedule != nil {
			if r, ok := in.Schedule.Reminder(w.name); ok {
				ask = r.Ask
				if r.Snooze > 0 {
					snooze = r.Snooze
				}
			}
		}
		if ask == config.AskCramps {
			// The morning question's own answers, as on its notification:
			// Done would count it answered with nothing in the diary.
			for _, a := range content.CrampAnswers() {
				add(l.Sprintf("Answer: %s", l.Sprintf(a.Label)), Action{Kind: ActAnswer, Reminder: w.name, At: w.in.Scheduled, Answer: a.Key})
			}
		} else {
			add(l.Sprintf("Done: %s", w.name), Action{Kind: ActDone, Reminder: w.name})
		}
		add(l.Sprintf("Snooze %s for %s", w.name, DurationIn(l, snooze)), Action{Kind: ActSnooze, Reminder: w.name})
	}
	sep()
	if next != nil {
		add(l.Sprintf("Next: %s", nextLine(l, *next, now, loc)), Action{})
	}
	if skip != nil {
		label := l.Sprintf("Skip %s at %s", skip.Reminder, l.Clock(skip.At.In(loc)))
		if !sameDay(skip.At.In(loc), now) { // tomorrow's, not today's of that time
			label = l.Sprintf("Skip %s on %s", skip.Reminder, l.WeekdayClock(skip.At.In(loc)))
		}
		add(label, Action{Kind: ActSkip, Reminder: skip.Reminder, At: skip.At})
	}
	if paused {
		add(l.Sprintf("Paused until %s", pauseEnd(l, in.State.PausedUntil, now, loc)), Action{})
		add(l.Sprintf("Resume"), Action{Kind: ActResume})
	} else {
		add(l.Sprintf("Pause for 1 hour"), Action{Kind: ActPauseHour})
		add(l.Sprintf("Pause until tomorrow"), Action{Kind: ActPauseTomorrow})
	}
	sep()
	if in.Schedule != nil {
		today := state.Today(in.Schedule.Jobs(), in.State, in.Events, now, loc)
		if len(today) == 0 {
			add(l.Sprintf("Today: nothing scheduled"), Action{})
		} else {
			add(l.Sprintf("Today:"), Action{})
			for _, line := range todayLinesIn(l, today, loc) {
				add("  "+line, Action{})
			}
		}
	}
	for _, p := range append([]string{in.ScheduleProblem, in.StateProblem}, problems...) {
		if p != "" {
			add(l.Sprintf("Problem: %s", p), Action{})
		}
	}
	if in.LastError != "" {
		add(l.Sprintf("Failed: %s", in.LastError), Action{})
	}
	sep()
	add(l.Sprintf("Edit the schedule…"), Action{Kind: ActEdit})
	if in.Report {
		add(l.Sprintf("Open the report"), Action{Kind: ActReport})
	}
	sep()
	add(l.Sprintf("Quit the tray"), Action{Kind: ActQuit})
	return v
}

// waiter is an open reminder: shown, held or snoozed, not yet answered.
type waiter struct {
	name string
	in   state.Instant
	// until is when a snoozed one shows again.
	until time.Time
}

func (w waiter) describe(l *locale.Locale, loc *time.Location) string {
	due := l.Clock(w.in.Scheduled.In(loc))
	switch w.in.Status {
	case state.Held:
		return heldLine(l, w.name, due, w.in.Via)
	case state.Snoozed:
		if !w.until.IsZero() {
			return l.Sprintf("%s (due %s, snoozed until %s)", w.name, due, l.Clock(w.until.In(loc)))
		}
		return l.Sprintf("%s (due %s, snoozed)", w.name, due)
	}
	return l.Sprintf("%s (due %s)", w.name, due)
}

// heldLine says why a held reminder waits, from the reason the daemon
// gave (Instant.Via): away or the screen locked, busy, shown on the
// computer the person is at, or the notifier's reason (no notification
// server, do not disturb), which is not their absence.
func heldLine(l *locale.Locale, name, due, via string) string {
	switch {
	case via == "" || via == "away" || via == "locked":
		return l.Sprintf("%s (due %s, held while you were away)", name, due)
	case strings.HasPrefix(via, "busy: "):
		return l.Sprintf("%s (due %s, held while you were busy)", name, due)
	case strings.HasPrefix(via, "elsewhere: "):
		return l.Sprintf("%s (due %s, held: it shows on %s)", name, due, strings.TrimPrefix(via, "elsewhere: "))
	}
	why := via
	if !strings.Contains(why, "%") { // a catalog key, such as "no notification server"
		why = l.Sprintf(why)
	}
	return l.Sprintf("%s (due %s, held: %s)", name, due, why)
}

// noReminderCan reports whether the running daemon's problems say no
// reminder can come: it has no schedule, or no notification server (its
// reminders are held or cannot be shown). A schedule file with errors
// alone is not one: the daemon keeps the schedule it had; nor is do not
// disturb, which the person chose (the daemon's reason for it ends the
// problem's text).
func noReminderCan(st state.State) bool {
	n := st.Problems[state.ProblemNotifications]
	return st.Problems[state.ProblemNoSchedule] != "" || (n != "" && !strings.HasSuffix(n, "do not disturb"))
}

// daemonProblems are the running daemon's problems that are still true
// (State.Problems: no notification server, no schedule at all), in l's
// language, as `bedtime status` lists them. The schedule file's errors
// are left to ScheduleProblem, which the tray reads from the file itself;
// a daemon that is not running has no problems that are still true.
func daemonProblems(l *locale.Locale, in Input) []string {
	if !in.Running {
		return nil
	}
	var out []string
	for _, key := range slices.Sorted(maps.Keys(in.State.Problems)) {
		if text := in.State.Problems[key]; key != state.ProblemSchedule && text != "" {
			if in.ProblemIn != nil {
				text = in.ProblemIn(l, text)
			}
			out = append(out, text)
		}
	}
	return out
}

// openReminders returns the reminders whose instant waits for an answer,
// in the order they came due.
func openReminders(st state.State) []waiter {
	var out []waiter
	for name, in := range st.Open {
		switch in.Status {
		case state.Due, state.Held, state.Shown, state.Snoozed:
			out = append(out, waiter{name: name, in: in, until: st.Snoozes[name]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].in.Scheduled.Equal(out[j].in.Scheduled) {
			return out[i].in.Scheduled.Before(out[j].in.Scheduled)
		}
		return out[i].name < out[j].name
	})
	return out
}

func waitingLine(l *locale.Locale, ws []waiter) string {
	switch len(ws) {
	case 1:
		return l.Sprintf("%s is waiting for an answer", ws[0].name)
	case 2:
		return l.Sprintf("%s and %s are waiting for an answer", ws[0].name, ws[1].name)
	}
	return l.Sprintf("%d reminders are waiting for an answer", len(ws))
}

// nextLine says what comes next and when: "magnesium at 20:30, in 1 h 05 m".
func nextLine(l *locale.Locale, c state.Coming, now time.Time, loc *time.Location) string {
	at := c.At.In(loc)
	when := l.Clock(at)
	if !sameDay(at, now.In(loc)) {
		when = l.WeekdayClock(at)
	}
	if c.Note == "snoozed" {
		return l.Sprintf("%s at %s, in %s (snoozed)", c.Reminder, when, DurationIn(l, c.At.Sub(now)))
	}
	return l.Sprintf("%s at %s, in %s", c.Reminder, when, DurationIn(l, c.At.Sub(now)))
}

func pauseEnd(l *locale.Locale, until, now time.Time, loc *time.Location) string {
	u := until.In(loc)
	if sameDay(u, now.In(loc)) {
		return l.Clock(u)
	}
	if u.Hour() == 0 && u.Minute() == 0 && sameDay(u.Add(-time.Minute), now.In(loc)) {
		return l.Sprintf("midnight")
	}
	return l.WeekdayClock(u)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func joinLines(lines []string) string {
	s := ""
	for i, l := range lines {
		if i > 0 {
			s += "\n"
		}
		s += l
	}
	return s
}

// Duration writes d for people, rounded up to the minute so that "in"
// never says less than the truth: "45 s", "5 m", "1 h 05 m", "2 d 3 h".
func Duration(d time.Duration) string { return DurationIn(locale.English, d) }

// DurationIn is Duration in l's language.
func DurationIn(l *locale.Locale, d time.Duration) string {
	switch {
	case d <= 0:
		return l.Sprintf("%d m", 0)
	case d < time.Minute:
		return l.Sprintf("%d s", int((d+time.Second-1)/time.Second))
	}
	m := int((d + time.Minute - 1) / time.Minute)
	switch {
	case m < 60:
		return l.Sprintf("%d m", m)
	case m < 24*60:
		return l.Sprintf("%d h %02d m", m/60, m%60)
	}
	return l.Sprintf("%d d %d h", m/(24*60), m/60%24)
}

// todayLines writes today's firings one line per reminder, in the order
// of their first firing: with one firing, its time and mark in words
// ("magnesium  20:30 ✓ done"); with several, each time and the mark's
// sign ("hydration  08:00 ✓  10:00 ✗  12:00 •").
func todayLines(today []state.Firing, loc *time.Location) []string {
	return todayLinesIn(locale.English, today, loc)
}

// todayLinesIn is todayLines in l's language.
func todayLinesIn(l *locale.Locale, today []state.Firing, loc *time.Location) []string {
	var order []string
	by := map[string][]state.Firing{}
	for _, f := range today {
		if _, ok := by[f.Reminder]; !ok {
			order = append(order, f.Reminder)
		}
		by[f.Reminder] = append(by[f.Reminder], f)
	}
	var out []string
	for _, name := range order {
		fs := by[name]
		line := name + " "
		for _, f := range fs {
			word := markWordIn(l, f.Mark)
			if len(fs) > 1 {
				word, _, _ = strings.Cut(word, " ")
			}
			line += " " + l.Clock(f.At.In(loc)) + " " + word + " "
		}
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

// MarkWord is a mark of state.Today in words, for the menu.
func MarkWord(mark string) string { return markWordIn(locale.English, mark) }

// markWordIn is MarkWord in l's language: the mark's sign, then its words.
func markWordIn(l *locale.Locale, mark string) string {
	sign, word := "", ""
	switch mark {
	case state.MarkDone:
		sign, word = "✓", "done"
	case state.MarkMissed:
		sign, word = "✗", "missed"
	case state.MarkSkipped:
		sign, word = "–", "skipped"
	case state.MarkPaused:
		sign, word = "–", "paused"
	case state.MarkDue:
		sign, word = "•", "to come"
	case string(state.Shown):
		sign, word = "○", "shown, waiting"
	case string(state.Held):
		sign, word = "○", "held, waiting"
	case string(state.Snoozed):
		sign, word = "○", "snoozed"
	case string(state.Dismissed):
		sign, word = "○", "dismissed"
	case string(state.Expired):
		sign, word = "○", "unanswered"
	default:
		return mark
	}
	return sign + " " + l.Sprintf(word)
}
