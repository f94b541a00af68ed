package tray

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// The words of the view: the lines of the tooltip and the menu that Build
// puts together, each in the person's language.

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
