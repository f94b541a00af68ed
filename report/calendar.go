package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// CalendarOptions say how WriteCalendar draws.
type CalendarOptions struct {
	// Habit names the reminder to draw; empty draws the nights.
	Habit string
	// ASCII draws with ASCII characters only; Colour adds terminal
	// colours (ignored with ASCII).
	ASCII, Colour bool
}

// cellStyle is one kind of cell: its characters, its word in the legend
// (translated where it is written) and its colour.
type cellStyle struct {
	uni, ascii string
	word       func(*locale.Locale) string
	colour     int // a 256-colour terminal code; 0 none
}

var (
	nightStyles = map[string]cellStyle{
		"bad":     {"■", "X", func(l *locale.Locale) string { return l.Sprintf("bad cramps") }, 166},
		"some":    {"●", "x", func(l *locale.Locale) string { return l.Sprintf("cramps") }, 214},
		"none":    {"○", "o", func(l *locale.Locale) string { return l.Sprintf("no cramps") }, 74},
		"unknown": {"·", ".", func(l *locale.Locale) string { return l.Sprintf("no answer") }, 0},
	}
	nightOrder  = []string{"bad", "some", "none", "unknown"}
	habitStyles = map[Mark]cellStyle{
		MarkDone:    {"✓", "+", func(l *locale.Locale) string { return l.Sprintf("done") }, 25},
		MarkNotDone: {"○", "o", func(l *locale.Locale) string { return l.Sprintf("shown, not done") }, 214},
		MarkMissed:  {"✗", "x", func(l *locale.Locale) string { return l.Sprintf("missed") }, 166},
		MarkSkipped: {"-", "-", func(l *locale.Locale) string { return l.Sprintf("skipped") }, 0},
		MarkNotDue:  {"·", ".", func(l *locale.Locale) string { return l.Sprintf("nothing due") }, 0},
	}
	habitOrder = []Mark{MarkDone, MarkNotDone, MarkMissed, MarkSkipped, MarkNotDue}
)

// calendarWidth is how wide WriteCalendar's months may stand side by
// side: a terminal's 80 columns.
const calendarWidth = 80

// WriteCalendar draws r's nights, or one habit's days, as a calendar in
// r's language: a block per month (side by side as far as 80 columns
// allow), a row per week from the locale's first day of the week (Monday,
// or Sunday in the US), each day its number and its mark; a legend
// follows. An unknown habit is an error naming the ones there are.
func WriteCalendar(w io.Writer, r Report, o CalendarOptions) error {
	l := r.locale()
	k := -1
	if o.Habit != "" {
		for i, name := range r.Reminders {
			if name == o.Habit {
				k = i
			}
		}
		if k < 0 {
			return errors.New(l.Sprintf("no habit %q in the history or the schedule (there are: %s)", o.Habit, strings.Join(r.Reminders, ", ")))
		}
	}
	paint := func(s cellStyle) string {
		ch := s.uni
		if o.ASCII {
			return s.ascii
		}
		if o.Colour && s.colour != 0 {
			return fmt.Sprintf("\x1b[38;5;%dm%s\x1b[0m", s.colour, ch)
		}
		return ch
	}
	style := func(n Night) cellStyle {
		if k < 0 {
			return nightStyles[n.Level()]
		}
		return habitStyles[n.Habits[k]]
	}
	title := l.Sprintf("Nights")
	if k >= 0 {
		title = r.Reminders[k]
	}
	fmt.Fprintln(w, l.Sprintf("%s, %s", title, period(l, r.From, r.To)))
	fmt.Fprintln(w)

	// A column is as wide as a day ("28", a space and its mark) or the
	// widest weekday name.
	days := l.Weekdays()
	col := 4
	for _, d := range days {
		col = max(col, utf8.RuneCountInString(l.WeekdayShort(d)))
	}
	blockW := 7*col + 6
	byDate := map[string]Night{}
	for _, n := range r.Nights {
		byDate[n.Date.Format(time.DateOnly)] = n
	}
	// Each month's block: its lines, each blockW columns wide before
	// colour (colour is added after the padding).
	var blocks [][]string
	month := func(y int, m time.Month) time.Time {
		return scheduler.DayStart(time.Date(y, m, 1, 12, 0, 0, 0, r.Loc), 0)
	}
	for m := month(r.From.Year(), r.From.Month()); !m.After(r.To); m = month(m.Year(), m.Month()+1) {
		lines := []string{pad(l.Month(m.Month())+" "+strconv.Itoa(m.Year()), blockW)}
		var head []string
		for _, d := range days {
			head = append(head, pad(l.WeekdayShort(d), col))
		}
		lines = append(lines, strings.Join(head, " "))
		for wk := weekStart(l, m); wk.Month() == m.Month() || wk.Before(m); wk = scheduler.DayStart(wk, 7) {
			if scheduler.DayStart(wk, 6).Before(r.From) || wk.After(r.To) {
				continue // a week outside the period: no row
			}
			var cells []string
			for i := 0; i < 7; i++ {
				d := scheduler.DayStart(wk, i)
				n, ok := byDate[d.Format(time.DateOnly)]
				if d.Month() != m.Month() || !ok {
					cells = append(cells, strings.Repeat(" ", col))
					continue
				}
				cells = append(cells, strings.Repeat(" ", col-4)+fmt.Sprintf("%2d ", d.Day())+paint(style(n)))
			}
			lines = append(lines, strings.Join(cells, " "))
		}
		blocks = append(blocks, lines)
	}
	const gap = "   "
	per := max(1, (calendarWidth+len(gap))/(blockW+len(gap)))
	for i := 0; i < len(blocks); i += per {
		row := blocks[i:min(i+per, len(blocks))]
		height := 0
		for _, b := range row {
			height = max(height, len(b))
		}
		for j := 0; j < height; j++ {
			var parts []string
			for _, b := range row {
				if j < len(b) {
					parts = append(parts, b[j])
				} else {
					parts = append(parts, strings.Repeat(" ", blockW))
				}
			}
			fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, gap), " "))
		}
		fmt.Fprintln(w)
	}
	var legend []string
	if k < 0 {
		for _, lv := range nightOrder {
			legend = append(legend, paint(nightStyles[lv])+" "+nightStyles[lv].word(l))
		}
		fmt.Fprintf(w, "%s\n%s\n", strings.Join(legend, "  "), l.Sprintf("A night belongs to the date it began; blank: outside the period."))
	} else {
		for _, m := range habitOrder {
			legend = append(legend, paint(habitStyles[m])+" "+habitStyles[m].word(l))
		}
		fmt.Fprintf(w, "%s\n%s\n", strings.Join(legend, "  "), l.Sprintf("Blank: outside the period."))
	}
	return nil
}

// pad fills s with spaces to n characters.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}
