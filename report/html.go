package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"f1": f1}).Parse(htmlSource))

// The notes the HTML shows: the latest, each cut to a length.
const (
	maxNotes   = 8
	maxNoteLen = 160
)

// view is what the HTML template shows; every string in it is escaped by
// html/template where it is written.
type view struct {
	Period, Made, Zone string
	NightsN            int
	Empty              bool
	Summary            []string
	Disclaimer         string
	WeeksChart         chart
	WeekRows           []weekRow
	HabitsChart        chart
	WeekHeads          []string
	HabitRows          []habitRow
	CalendarChart      chart
	DayHeads           []string
	CalRows            []calRow
	CalKey             string
	Compare            []compareRow
	Notes              []noteRow
	Schedule           []Scheduled
	ScheduleFrom       string
	Changes            []string
}

type weekRow struct{ Week, Cramps, Bad, None, Unknown, Severity, Sleep string }
type habitRow struct {
	Name  string
	Cells []string
	All   string
}
type calRow struct {
	Week  string
	Cells []string
}
type compareRow struct{ Name, Done, Not string }
type noteRow struct{ Night, Text string }

// WriteHTML writes r as one self-contained HTML page.
func WriteHTML(w io.Writer, r Report) error {
	return htmlTemplate.Execute(w, makeView(r))
}

func makeView(r Report) view {
	v := view{
		Period:       period(r.From, r.To),
		Made:         r.Now.In(r.Loc).Format("Mon 2 Jan 2006, 15:04"),
		Zone:         r.Loc.String(),
		NightsN:      len(r.Nights),
		Empty:        r.Empty,
		Disclaimer:   content.Disclaimer(),
		Schedule:     r.Schedule,
		ScheduleFrom: r.ScheduleFrom,
	}
	for _, c := range r.Changes {
		switch {
		case c.Came && c.Went:
			v.Changes = append(v.Changes, fmt.Sprintf("%s from %s to %s", c.Reminder, c.First.Format("2 Jan"), c.Last.Format("2 Jan")))
		case c.Came:
			v.Changes = append(v.Changes, fmt.Sprintf("%s first on %s", c.Reminder, c.First.Format("2 Jan")))
		default:
			v.Changes = append(v.Changes, fmt.Sprintf("%s last on %s", c.Reminder, c.Last.Format("2 Jan")))
		}
	}
	if r.Empty {
		return v
	}
	v.Summary = summary(r)
	v.WeeksChart = weeksChart(r)
	v.HabitsChart = habitsChart(r)
	for _, w := range r.Weeks {
		v.WeekRows = append(v.WeekRows, weekRow{
			Week: w.From.Format("2 Jan"), Cramps: fmt.Sprint(w.Cramps()), Bad: fmt.Sprint(w.Bad),
			None: fmt.Sprint(w.None), Unknown: fmt.Sprint(w.Unk),
			Severity: mean(w.Severity, w.SeverityN), Sleep: mean(w.Sleep, w.SleepN),
		})
		v.WeekHeads = append(v.WeekHeads, w.From.Format("2 Jan"))
	}
	for k, name := range r.Reminders {
		row := habitRow{Name: name, All: fmt.Sprintf("%d/%d %s", r.Done[k], r.Due[k], percent(r.Done[k], r.Due[k]))}
		for _, w := range r.Weeks {
			if w.Due[k] == 0 {
				row.Cells = append(row.Cells, "–")
			} else {
				row.Cells = append(row.Cells, fmt.Sprintf("%d/%d", w.Done[k], w.Due[k]))
			}
		}
		v.HabitRows = append(v.HabitRows, row)
	}
	rows := calendarRows(r)
	v.CalendarChart = calendarChart(r, rows)
	var key []string
	for _, k := range rows {
		key = append(key, r.Reminders[k])
	}
	v.CalKey = strings.Join(key, ", ")
	if v.CalKey == "" {
		v.CalKey = "no habits"
	}
	for d := 0; d < 7; d++ {
		v.DayHeads = append(v.DayHeads, r.From.AddDate(0, 0, d).Format("Mon"))
	}
	for i := 0; i < len(r.Nights); i += 7 {
		row := calRow{Week: r.Nights[i].Date.Format("2 Jan")}
		for _, n := range r.Nights[i:min(i+7, len(r.Nights))] {
			row.Cells = append(row.Cells, calCell(n, rows))
		}
		v.CalRows = append(v.CalRows, row)
	}
	for k, c := range r.Compare {
		if c.DoneNights+c.DoneUnknown+c.NotNights+c.NotUnknown == 0 {
			continue
		}
		v.Compare = append(v.Compare, compareRow{Name: r.Reminders[k],
			Done: counted(c.DoneCramps, c.DoneNights, c.DoneUnknown), Not: counted(c.NotCramps, c.NotNights, c.NotUnknown)})
	}
	var notes []noteRow
	for _, n := range r.Nights {
		if n.Diary.Note != "" {
			notes = append(notes, noteRow{Night: n.Date.Format("Mon 2 Jan"), Text: cut(n.Diary.Note, maxNoteLen)})
		}
	}
	if len(notes) > maxNotes {
		more := len(notes) - maxNotes
		notes = notes[more:]
		notes = append([]noteRow{{Night: "", Text: fmt.Sprintf("%d earlier %s in the CSV (bedtime report --csv).", more, plural(more, "note", "notes"))}}, notes...)
	}
	v.Notes = notes
	return v
}

// calendarRows are the reminders the calendar shows: the evening ones,
// or all when none is.
func calendarRows(r Report) []int {
	var rows, all []int
	for k := range r.Reminders {
		all = append(all, k)
		if r.Evening[k] {
			rows = append(rows, k)
		}
	}
	if len(rows) == 0 {
		rows = all
	}
	return rows
}

func calCell(n Night, rows []int) string {
	word := map[string]string{"none": "none", "some": "some", "bad": "BAD", "unknown": "?"}[n.Level()]
	s := fmt.Sprintf("%2d %-4s ", n.Date.Day(), word)
	for _, k := range rows {
		s += markSymbol(n.Habits[k], true)
	}
	return s
}

// markSymbol is one character for a habit's day.
func markSymbol(m Mark, unicode bool) string {
	sym := map[Mark][2]string{
		MarkDone: {"✓", "+"}, MarkNotDone: {"✗", "x"}, MarkMissed: {"✗", "x"}, MarkSkipped: {"-", "-"}, MarkNotDue: {"·", "."},
	}[m]
	if unicode {
		return sym[0]
	}
	return sym[1]
}

func summary(r Report) []string {
	var out []string
	if r.Answered == 0 {
		out = append(out, fmt.Sprintf("No night of these %d has an answer in the diary, so nothing can be said about cramps.", len(r.Nights)))
	} else {
		s := fmt.Sprintf("Cramps on %d of the %d nights with an answer", r.CrampNights, r.Answered)
		if r.BadNights > 0 {
			s += fmt.Sprintf(" (%d of them bad)", r.BadNights)
		}
		s += "."
		if r.Unknown > 0 {
			s += fmt.Sprintf(" %d %s no answer: unknown, not counted as nights without.", r.Unknown, plural(r.Unknown, "night has", "nights have"))
		}
		out = append(out, s)
	}
	if len(r.Weeks) >= 2 && r.Answered > 0 {
		half := len(r.Weeks) / 2
		part := func(ws []Week) (cramps, answered int) {
			for _, w := range ws {
				cramps += w.Cramps()
				answered += w.None + w.Some + w.Bad
			}
			return
		}
		c1, a1 := part(r.Weeks[:half])
		c2, a2 := part(r.Weeks[half:])
		out = append(out, fmt.Sprintf("First %d weeks: cramps on %d of %d nights answered. Last %d weeks: %d of %d.",
			half, c1, a1, len(r.Weeks)-half, c2, a2))
	}
	sev, sevN, slp, slpN := 0, 0, 0, 0
	for _, n := range r.Nights {
		if n.Diary.Status == diary.StatusCramps && n.Diary.Severity >= 0 {
			sev += n.Diary.Severity
			sevN++
		}
		if n.Diary.Sleep >= 0 {
			slp += n.Diary.Sleep
			slpN++
		}
	}
	if sevN > 0 {
		out = append(out, fmt.Sprintf("Severity, where given (%d %s): %s on average, on a scale of 0 to 10.", sevN, plural(sevN, "night", "nights"), mean(float64(sev)/float64(sevN), sevN)))
	}
	if slpN > 0 {
		out = append(out, fmt.Sprintf("Sleep disturbed, where given (%d %s): %s on average, 0 not at all to 10.", slpN, plural(slpN, "night", "nights"), mean(float64(slp)/float64(slpN), slpN)))
	}
	var habits []string
	for k, name := range r.Reminders {
		if r.Due[k] > 0 {
			habits = append(habits, fmt.Sprintf("%s %d of %d (%s)", name, r.Done[k], r.Due[k], percent(r.Done[k], r.Due[k])))
		}
	}
	if len(habits) > 0 {
		out = append(out, "Reminders done of those due: "+strings.Join(habits, ", ")+".")
	}
	return out
}

func counted(cramps, nights, unknown int) string {
	if nights+unknown == 0 {
		return "no such day"
	}
	s := fmt.Sprintf("cramps on %d of %d %s", cramps, nights, plural(nights, "night", "nights"))
	if unknown > 0 {
		s += fmt.Sprintf(" (+%d unanswered)", unknown)
	}
	return s
}

func mean(x float64, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", x)
}

func period(from, to time.Time) string {
	return from.Format("Mon 2 Jan 2006") + " to " + to.Format("Mon 2 Jan 2006")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// cut shortens s to at most n characters, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
