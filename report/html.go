package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate is parsed on first use, not at package initialisation: the
// daemon links this package but never writes a report, and parsing at
// start would page in the template parser's code for every run.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{"f1": f1, "nobreak": func(h template.HTML) template.HTML { return template.HTML(noBreak(string(h))) }}).Parse(htmlSource))
})

// noBreak joins the numbers of a range such as "0-10" with a
// non-breaking hyphen (U+2011), so that a narrow column's heading breaks
// between its words and never after the hyphen ("moyenne 0-" above
// "10"). In HTML it changes nothing an escape is made of.
func noBreak(s string) string {
	b := []rune(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '-' && unicode.IsDigit(b[i-1]) && unicode.IsDigit(b[i+1]) {
			b[i] = '\u2011'
		}
	}
	return string(b)
}

// The notes the HTML shows: the latest, each cut to a length.
const (
	maxNotes   = 8
	maxNoteLen = 160
)

// view is what the HTML template shows. The words are translated here
// (Go) or in the template through T and H; every string is escaped
// where it is written.
type view struct {
	l                  *locale.Locale
	Lang               string
	Period, Made, Zone string
	NightsN            int
	Empty              bool
	Summary            []string
	Disclaimer         string
	Magnesium          bool // a habit of magnesium: the report carries its caution
	NeverShown         bool // a day a habit was never shown is left out of the comparison
	WeeksChart         chart
	WeekRows           []weekRow
	HabitsChart        chart
	WeekHeads          []string
	HabitRows          []habitRow
	CalendarChart      chart
	DayHeads           []string
	CalRows            []calRow
	CalKey             string
	CalFont            string // the calendar table's font size, when smaller than the page's
	Long               bool   // more weeks than DefaultWeeks: printed smaller (longPrint)
	Compare            []compareRow
	Notes              []noteRow
	Schedule           []scheduledRow
	ScheduleFrom       string
	Changes            string
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
type compareRow struct{ Name, Done, Not, Never string }
type noteRow struct{ Night, Text string }
type scheduledRow struct {
	Name, When string
	Enabled    bool
}

// T returns the message key translated and formatted with args, escaped
// for an element's text (where quotes need no escaping, so the English
// page reads in its source as it was written).
func (v view) T(key string, args ...any) template.HTML {
	return template.HTML(textEscaper.Replace(v.l.Sprintf(key, args...)))
}

// H is T with args that are HTML already (such as <code>bedtime
// diary</code>): the translation is escaped, then they are put in.
func (v view) H(key string, args ...template.HTML) template.HTML {
	marks := make([]any, len(args))
	for i := range args {
		marks[i] = fmt.Sprintf("\x00%d\x00", i)
	}
	// The marks are NULs, which textEscaper drops: escape around them
	// first, put the args in, and only then drop any other NUL.
	s := markEscaper.Replace(v.l.Sprintf(key, marks...))
	for i, a := range args {
		s = strings.Replace(s, marks[i].(string), string(a), 1)
	}
	return template.HTML(strings.ReplaceAll(s, "\x00", ""))
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\x00", "")
	markEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
)

// LongPrintWeeks is the longest report that prints on two pages: a
// quarter, a usual time between two visits to a doctor.
const LongPrintWeeks = 13

// WriteHTML writes r as one self-contained HTML page in r's language.
//
// It prints on two pages (A4 or Letter) up to LongPrintWeeks. A report of
// more weeks than DefaultWeeks is printed in smaller type and without the
// calendar's chart, whose columns, one per night, grow too thin to read on
// paper; the calendar's table below it holds the same nights. On screen
// it is the same page at every length.
func WriteHTML(w io.Writer, r Report) error {
	return htmlTemplate().Execute(w, makeView(r))
}

func makeView(r Report) view {
	l := r.locale()
	v := view{
		l:            l,
		Lang:         htmlLang(l),
		Period:       period(l, r.From, r.To),
		Made:         l.Sprintf("%s, %s", l.ShortDateYear(r.Now.In(r.Loc)), l.Clock(r.Now.In(r.Loc))),
		Zone:         r.Loc.String(),
		NightsN:      len(r.Nights),
		Empty:        r.Empty,
		Disclaimer:   content.In(l.Lang).Disclaimer(),
		ScheduleFrom: r.ScheduleFrom,
		Long:         len(r.Weeks) > DefaultWeeks,
	}
	for _, s := range r.Schedule {
		v.Schedule = append(v.Schedule, scheduledRow{Name: s.Name, When: s.When.Describe(l), Enabled: s.Enabled})
	}
	var changes []string
	for _, c := range r.Changes {
		switch {
		case c.Came && c.Went:
			changes = append(changes, l.Sprintf("%s from %s to %s", c.Reminder, dayMonth(l, c.First), dayMonth(l, c.Last)))
		case c.Came:
			changes = append(changes, l.Sprintf("%s first on %s", c.Reminder, dayMonth(l, c.First)))
		default:
			changes = append(changes, l.Sprintf("%s last on %s", c.Reminder, dayMonth(l, c.Last)))
		}
	}
	if len(changes) > 0 {
		// A sentence that ends in an abbreviated month ("15. Okt.") takes
		// no second full stop.
		v.Changes = l.Sprintf("Changes in the period, as the history shows them: %s.", strings.Join(changes, "; "))
		if strings.HasSuffix(v.Changes, "..") {
			v.Changes = strings.TrimSuffix(v.Changes, ".")
		}
	}
	if r.Empty {
		return v
	}
	v.Summary = summary(l, r)
	v.WeeksChart = weeksChart(l, r)
	v.HabitsChart = habitsChart(l, r)
	for _, w := range r.Weeks {
		v.WeekRows = append(v.WeekRows, weekRow{
			Week: dayMonth(l, w.From), Cramps: fmt.Sprint(w.Cramps()), Bad: fmt.Sprint(w.Bad),
			None: fmt.Sprint(w.None), Unknown: fmt.Sprint(w.Unk),
			Severity: mean(l, w.Severity, w.SeverityN), Sleep: mean(l, w.Sleep, w.SleepN),
		})
		v.WeekHeads = append(v.WeekHeads, dayMonth(l, w.From))
	}
	for k, name := range r.Reminders {
		row := habitRow{Name: name, All: fmt.Sprintf("%d/%d %s", r.Done[k], r.Due[k], percent(l, r.Done[k], r.Due[k]))}
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
	v.CalendarChart = calendarChart(l, r, rows)
	var key []string
	for _, k := range rows {
		key = append(key, r.Reminders[k])
	}
	v.CalKey = strings.Join(key, ", ")
	if v.CalKey == "" {
		v.CalKey = l.Sprintf("no habits")
	}
	for _, d := range l.Weekdays() {
		v.DayHeads = append(v.DayHeads, l.WeekdayShort(d))
	}
	// The calendar's rows are the locale's weeks (from Monday or from
	// Sunday), the days before the first night and after the last blank.
	words := levelWords(l)
	width := 0
	for _, w := range words {
		width = max(width, utf8.RuneCountInString(w))
	}
	byDate := map[string]Night{}
	for _, n := range r.Nights {
		byDate[n.Date.Format(time.DateOnly)] = n
	}
	// Seven cells in a row must fit the page's width: where the words are
	// longer than English's, the table's letters are smaller.
	if n := 2 + 1 + width + 1 + len(rows); n > 12 {
		v.CalFont = strconv.FormatFloat(math.Floor(10*8.5*12/float64(n))/10, 'f', 1, 64) + "pt"
	}
	for wk := weekStart(l, r.From); !wk.After(r.To); wk = scheduler.DayStart(wk, 7) {
		row := calRow{Week: dayMonth(l, wk)}
		for d := 0; d < 7; d++ {
			cell := ""
			if n, ok := byDate[scheduler.DayStart(wk, d).Format(time.DateOnly)]; ok {
				cell = calCell(n, rows, words, width)
			}
			row.Cells = append(row.Cells, cell)
		}
		v.CalRows = append(v.CalRows, row)
	}
	for k, c := range r.Compare {
		if c.DoneNights+c.DoneUnknown+c.NotNights+c.NotUnknown+c.NeverShown == 0 {
			continue
		}
		v.Compare = append(v.Compare, compareRow{Name: r.Reminders[k],
			Done: counted(l, c.DoneCramps, c.DoneNights, c.DoneUnknown), Not: counted(l, c.NotCramps, c.NotNights, c.NotUnknown)})
		row := &v.Compare[len(v.Compare)-1]
		row.Never = "–"
		if c.NeverShown > 0 {
			row.Never = l.Sprintf("%d days", c.NeverShown)
			v.NeverShown = true
		}
	}
	for _, name := range r.Reminders {
		if strings.Contains(strings.ToLower(name), "magnesium") {
			v.Magnesium = true
		}
	}
	var notes []noteRow
	for _, n := range r.Nights {
		if n.Diary.Note != "" {
			notes = append(notes, noteRow{Night: l.ShortDateUnpadded(n.Date), Text: cut(n.Diary.Note, maxNoteLen)})
		}
	}
	if len(notes) > maxNotes {
		more := len(notes) - maxNotes
		notes = notes[more:]
		notes = append([]noteRow{{Night: "", Text: l.Sprintf("%d earlier notes in the CSV (bedtime report --csv).", more)}}, notes...)
	}
	v.Notes = notes
	return v
}

// htmlLang is the page's lang attribute: the locale's tag, and for the
// pseudo-locale its accented English's (en-XA).
func htmlLang(l *locale.Locale) string {
	if l.Lang == locale.Pseudo {
		return "en-XA"
	}
	return l.Tag.String()
}

// weekStart returns the first day of the locale's week that d is in.
func weekStart(l *locale.Locale, d time.Time) time.Time {
	back := (int(d.Weekday()) - int(l.WeekStart()) + 7) % 7
	return scheduler.DayStart(d, -back)
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

// levelWords are the words of the calendar table's cells for each level
// of a night.
func levelWords(l *locale.Locale) map[string]string {
	return map[string]string{"none": l.Sprintf("none"), "some": l.Sprintf("some"), "bad": l.Sprintf("BAD"), "unknown": "?"}
}

func calCell(n Night, rows []int, words map[string]string, width int) string {
	s := fmt.Sprintf("%2d %-*s ", n.Date.Day(), width, words[n.Level()])
	for _, k := range rows {
		s += markSymbol(n.Habits[k], true)
	}
	return s
}

// markSymbol is one character for a habit's day.
func markSymbol(m Mark, unicode bool) string {
	sym := map[Mark][2]string{
		MarkDone: {"✓", "+"}, MarkNotDone: {"✗", "x"}, MarkMissed: {"?", "?"}, MarkSkipped: {"-", "-"}, MarkNotDue: {"·", "."},
	}[m]
	if unicode {
		return sym[0]
	}
	return sym[1]
}

func summary(l *locale.Locale, r Report) []string {
	var out []string
	if r.Answered == 0 {
		out = append(out, l.Sprintf("No night of these %d has an answer in the diary, so nothing can be said about cramps.", len(r.Nights)))
	} else {
		var s string
		if r.BadNights > 0 {
			s = l.Sprintf("Cramps on %d of the %d nights with an answer (%d of them bad).", r.CrampNights, r.Answered, r.BadNights)
		} else {
			s = l.Sprintf("Cramps on %d of the %d nights with an answer.", r.CrampNights, r.Answered)
		}
		if r.Unknown > 0 {
			s += " " + l.Sprintf("%d nights have no answer: unknown, not counted as nights without.", r.Unknown)
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
		out = append(out, l.Sprintf("First %d weeks: cramps on %d of %d nights answered.", half, c1, a1)+" "+
			l.Sprintf("Last %d weeks: %d of %d.", len(r.Weeks)-half, c2, a2))
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
		out = append(out, l.Sprintf("Severity, where given (%d nights): %s on average, on a scale of 0 to 10.", sevN, mean(l, float64(sev)/float64(sevN), sevN)))
	}
	if slpN > 0 {
		out = append(out, l.Sprintf("Sleep disturbed, where given (%d nights): %s on average, 0 not at all to 10.", slpN, mean(l, float64(slp)/float64(slpN), slpN)))
	}
	var habits []string
	for k, name := range r.Reminders {
		if r.Due[k] > 0 {
			habits = append(habits, l.Sprintf("%s %d of %d (%s)", name, r.Done[k], r.Due[k], percent(l, r.Done[k], r.Due[k])))
		}
	}
	if len(habits) > 0 {
		out = append(out, l.Sprintf("Reminders done of those due: %s.", strings.Join(habits, ", ")))
	}
	return out
}

func counted(l *locale.Locale, cramps, nights, unknown int) string {
	switch {
	case nights+unknown == 0:
		return l.Sprintf("no such day")
	case unknown > 0:
		return l.Sprintf("cramps on %d of %d nights (+%d unanswered)", cramps, nights, unknown)
	}
	return l.Sprintf("cramps on %d of %d nights", cramps, nights)
}

// mean writes x with one decimal as the locale writes it ("4.5", "4,5"),
// "–" when no night gave one.
func mean(l *locale.Locale, x float64, n int) string {
	if n == 0 {
		return "–"
	}
	return decimal(l, strconv.FormatFloat(x, 'f', 1, 64))
}

// decimal writes the decimal number s (as strconv writes it) with the
// locale's decimal separator, which x/text's number data knows. The
// digits are strconv's, so that every language rounds alike.
func decimal(l *locale.Locale, s string) string {
	sep := strings.Trim(l.Sprintf("%.1f", 0.5), "05")
	if sep == "." || sep == "" {
		return s
	}
	return strings.Replace(s, ".", sep, 1)
}

// period is "Fri 28 Aug 2026 to Thu 19 Nov 2026" in the locale's words.
func period(l *locale.Locale, from, to time.Time) string {
	return l.Sprintf("%s to %s", l.ShortDateYear(from), l.ShortDateYear(to))
}

// Date is the day, the month and the year of t, as the locale writes a
// short date without its weekday: "25 Sep 2026", "25. Sept. 2026"; nil l
// is English.
func Date(l *locale.Locale, t time.Time) string {
	if l == nil {
		l = locale.English
	}
	return l.DayMonthYear(t)
}

// dayMonth is the day and the month, without the weekday: "28 Aug",
// "28. Aug.", "Aug 28" in US English. It is the locale's short date with
// its weekday (which it always begins with) taken off.
func dayMonth(l *locale.Locale, t time.Time) string {
	return strings.TrimPrefix(l.ShortDateUnpadded(t), l.WeekdayShort(t.Weekday())+" ")
}

// cut shortens s to at most n characters, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
