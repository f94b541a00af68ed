package report

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// CalendarOptions say how WriteCalendar draws.
type CalendarOptions struct {
	// Habit names the reminder to draw; empty draws the nights.
	Habit string
	// ASCII draws with ASCII characters only; Colour adds terminal
	// colours (ignored with ASCII).
	ASCII, Colour bool
}

// cellStyle is one kind of cell: its characters and colour.
type cellStyle struct {
	uni, ascii, word string
	colour           int // a 256-colour terminal code; 0 none
}

var (
	nightStyles = map[string]cellStyle{
		"bad":     {"■", "X", "bad cramps", 166},
		"some":    {"●", "x", "cramps", 214},
		"none":    {"○", "o", "no cramps", 74},
		"unknown": {"·", ".", "no answer", 0},
	}
	nightOrder  = []string{"bad", "some", "none", "unknown"}
	habitStyles = map[Mark]cellStyle{
		MarkDone:    {"✓", "+", "done", 25},
		MarkNotDone: {"○", "o", "shown, not done", 214},
		MarkMissed:  {"✗", "x", "missed", 166},
		MarkSkipped: {"-", "-", "skipped", 0},
		MarkNotDue:  {"·", ".", "nothing due", 0},
	}
	habitOrder = []Mark{MarkDone, MarkNotDone, MarkMissed, MarkSkipped, MarkNotDue}
)

// WriteCalendar draws r's nights, or one habit's days, as a grid: one
// line per month, one cell per day, with a legend. An unknown habit is an
// error naming the ones there are.
func WriteCalendar(w io.Writer, r Report, o CalendarOptions) error {
	k := -1
	if o.Habit != "" {
		for i, name := range r.Reminders {
			if name == o.Habit {
				k = i
			}
		}
		if k < 0 {
			return fmt.Errorf("no habit %q in the history or the schedule (there are: %s)", o.Habit, strings.Join(r.Reminders, ", "))
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
	cell := func(n Night) string {
		if k < 0 {
			return paint(nightStyles[n.Level()])
		}
		return paint(habitStyles[n.Habits[k]])
	}
	title := "Nights"
	if k >= 0 {
		title = r.Reminders[k]
	}
	fmt.Fprintf(w, "%s, %s\n\n", title, period(r.From, r.To))
	var head strings.Builder
	head.WriteString(strings.Repeat(" ", 9))
	for d := 1; d <= 31; d++ {
		switch {
		case d == 1 || d%5 == 0:
			head.WriteString(fmt.Sprintf("%-2d", d))
		default:
			head.WriteString("  ")
		}
	}
	fmt.Fprintln(w, strings.TrimRight(head.String(), " "))
	byDate := map[string]Night{}
	for _, n := range r.Nights {
		byDate[n.Date.Format(time.DateOnly)] = n
	}
	for m := time.Date(r.From.Year(), r.From.Month(), 1, 0, 0, 0, 0, r.Loc); !m.After(r.To); m = m.AddDate(0, 1, 0) {
		var line strings.Builder
		line.WriteString(m.Format("Jan 2006") + " ")
		for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
			if n, ok := byDate[d.Format(time.DateOnly)]; ok {
				line.WriteString(cell(n) + " ")
			} else {
				line.WriteString("  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	}
	fmt.Fprintln(w)
	var legend []string
	if k < 0 {
		for _, l := range nightOrder {
			legend = append(legend, paint(nightStyles[l])+" "+nightStyles[l].word)
		}
		fmt.Fprintf(w, "%s\nA night belongs to the date it began; blank: outside the period.\n", strings.Join(legend, "  "))
	} else {
		for _, m := range habitOrder {
			legend = append(legend, paint(habitStyles[m])+" "+habitStyles[m].word)
		}
		fmt.Fprintf(w, "%s\nBlank: outside the period.\n", strings.Join(legend, "  "))
	}
	return nil
}
