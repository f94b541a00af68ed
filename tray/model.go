package tray

import (
	"fmt"
	"slices"
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
