package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/report/reporttest"
	"github.com/bedtime-app/bedtime/state"
)

func TestUnansweredIsUnknownNotNone(t *testing.T) {
	entries := []diary.Entry{
		{Night: "2026-11-18", At: fixedNow.Add(-24 * time.Hour), Via: diary.ViaDesktop, Answer: diary.AnswerNone},
		{Night: "2026-11-19", At: fixedNow.Add(-time.Hour), Via: diary.ViaDesktop, Answer: diary.AnswerBad},
		{Night: "2026-11-17", At: fixedNow.Add(-time.Hour), Via: diary.ViaCLI, Note: "only a note"},
	}
	r := Build(Input{Now: fixedNow, Loc: berlin, Weeks: 1, Entries: entries})
	if got, want := len(r.Nights), 7; got != want {
		t.Fatalf("nights = %d, want %d", got, want)
	}
	if got, want := r.To.Format(time.DateOnly), "2026-11-19"; got != want {
		t.Fatalf("last night = %s, want %s", got, want)
	}
	w := r.Weeks[0]
	if w.None != 1 || w.Bad != 1 || w.Some != 0 || w.Unk != 5 {
		t.Fatalf("week = none %d, some %d, bad %d, unknown %d; want 1, 0, 1, 5", w.None, w.Some, w.Bad, w.Unk)
	}
	if r.Answered != 2 || r.Unknown != 5 || r.Empty {
		t.Fatalf("answered %d, unknown %d, empty %v; want 2, 5, false", r.Answered, r.Unknown, r.Empty)
	}
}

func TestComparisonCounts(t *testing.T) {
	loc := berlin
	var events []state.Event
	var entries []diary.Entry
	// Four evenings: stretch done, done, not done, done; nights: none,
	// cramps, cramps, no answer.
	for i, done := range []bool{true, true, false, true} {
		at := time.Date(2026, 11, 16+i, 22, 0, 0, 0, loc)
		events = append(events, state.Event{At: at, Reminder: "calf-stretch", Kind: state.Shown, Scheduled: at})
		k := state.Dismissed
		if done {
			k = state.Done
		}
		events = append(events, state.Event{At: at.Add(time.Minute), Reminder: "calf-stretch", Kind: k, Scheduled: at})
	}
	for i, a := range []diary.Answer{diary.AnswerNone, diary.AnswerSome, diary.AnswerBad} {
		entries = append(entries, diary.Entry{Night: time.Date(2026, 11, 16+i, 0, 0, 0, 0, loc).Format(time.DateOnly),
			At: time.Date(2026, 11, 17+i, 7, 0, 0, 0, loc), Via: diary.ViaDesktop, Answer: a})
	}
	r := Build(Input{Now: fixedNow, Loc: loc, Weeks: 1, Events: events, Entries: entries})
	c := r.Compare[0]
	if c.Reminder != "calf-stretch" || c.DoneNights != 2 || c.DoneCramps != 1 || c.DoneUnknown != 1 || c.NotNights != 1 || c.NotCramps != 1 {
		t.Fatalf("comparison = %+v", c)
	}
	if !r.Evening[0] {
		t.Fatal("calf-stretch at 22:00 is not an evening habit")
	}
	var b bytes.Buffer
	WriteHTML(&b, r)
	text := html.UnescapeString(b.String())
	for _, want := range []string{"cramps on 1 of 2 nights (+1 unanswered)", "cramps on 1 of 1 night", "shows what happened, not why", "Talk it over with a doctor"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestQuestionsAreNoHabit: the morning question's instants are the diary's
// way in, not a habit to compare nights with.
func TestQuestionsAreNoHabit(t *testing.T) {
	at := time.Date(2026, 11, 19, 6, 0, 0, 0, berlin)
	events := []state.Event{
		{At: at, Reminder: "cramp-diary", Kind: state.Shown, Scheduled: at},
		{At: at.Add(time.Hour), Reminder: "cramp-diary", Kind: state.Done, Scheduled: at},
		{At: at.Add(14 * time.Hour), Reminder: "magnesium", Kind: state.Shown, Scheduled: at.Add(14 * time.Hour)},
	}
	r := Build(Input{Now: fixedNow, Loc: berlin, Weeks: 1, Events: events, Questions: []string{"cramp-diary"},
		Schedule: []Scheduled{{"cramp-diary", said("at 06:00"), true}, {"magnesium", said("at 20:00"), true}}})
	if got := strings.Join(r.Reminders, ","); got != "magnesium" {
		t.Fatalf("habits = %s, want magnesium alone", got)
	}
}

// said is a Timing that says the same in every language.
type said string

func (s said) Describe(*locale.Locale) string { return string(s) }

func TestEmptyHistory(t *testing.T) {
	r := Build(Input{Now: fixedNow, Loc: berlin})
	if !r.Empty || len(r.Weeks) != DefaultWeeks {
		t.Fatalf("empty = %v, weeks = %d; want true, %d", r.Empty, len(r.Weeks), DefaultWeeks)
	}
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "There is nothing to show for this period yet") {
		t.Fatalf("the empty report does not say so:\n%s", b.String())
	}
	// What to do about it, with the question and the command in it (the
	// two once came out as "0" and "1").
	if want := `Answer the morning question "Leg cramps last night?", or run <code>bedtime diary</code>, and the report fills in.`; !strings.Contains(b.String(), want) {
		t.Errorf("the empty report lacks %q:\n%s", want, b.String())
	}
	if strings.Contains(b.String(), "<svg") {
		t.Error("the empty report draws charts")
	}
	var c bytes.Buffer
	if err := WriteCSV(&c, r); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(c.String(), "\n"), 1+DefaultWeeks*7; got != want {
		t.Fatalf("CSV of nothing has %d lines, want %d (a header, one unknown night per row)", got, want)
	}
	if !strings.Contains(c.String(), "2026-11-19,Thu,unknown,") {
		t.Fatalf("CSV's last night is not unknown:\n%s", c.String())
	}
}

// TestHostileNotes: what a person typed is text in every view: escaped in
// the HTML, defused in the CSV.
func TestHostileNotes(t *testing.T) {
	night := "2026-11-18"
	at := fixedNow.Add(-time.Hour)
	for _, note := range []string{
		`<script>alert(1)</script>`,
		`"><img src=x onerror=alert(1)>`,
		`</style><style>body{display:none}`,
		`=cmd|' /C calc'!A0`,
		strings.Repeat("é", diary.MaxNoteLen),
	} {
		e := diary.Entry{Night: night, At: at, Via: diary.ViaCLI, Count: diary.Int(1), Note: note}
		if err := diary.Validate(e, fixedNow, berlin); err != nil {
			t.Fatalf("Validate(%q) = %v", note, err)
		}
		r := Build(Input{Now: fixedNow, Loc: berlin, Weeks: 1, Entries: []diary.Entry{e}})
		var b bytes.Buffer
		if err := WriteHTML(&b, r); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		for _, bad := range []string{"<script", "<img", "</style><style>"} {
			if strings.Contains(html, bad) {
				t.Errorf("note %.30q: the HTML holds %q", note, bad)
			}
		}
		if len(html) > 200<<10 {
			t.Errorf("note %.30q: the HTML is %d bytes", note, len(html))
		}
		var c bytes.Buffer
		WriteCSV(&c, r)
		if strings.Contains(c.String(), ",=cmd") || strings.Contains(c.String(), `,"=cmd`) {
			t.Errorf("the CSV starts a cell with a formula:\n%s", c.String())
		}
	}
}

// TestSelfContained: nothing in the page fetches anything or runs.
func TestSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, fixedReport(8)); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, re := range []string{`(?i)<script`, `(?i)\bsrc\s*=`, `(?i)\bhref\s*=`, `(?i)url\(`, `(?i)@import`, `(?i)\son[a-z]+\s*=`, `(?i)<link`, `(?i)<iframe`} {
		if m := regexp.MustCompile(re).FindString(html); m != "" {
			t.Errorf("the page holds %q", m)
		}
	}
	if n := strings.Count(html, "<svg"); n != 3 {
		t.Errorf("the page has %d charts, want 3", n)
	}
	if n := strings.Count(html, "<table"); n < 4 {
		t.Errorf("the page has %d tables, want a table for each of the 3 charts and the comparison", n)
	}
}

func TestCalendarUnknownHabit(t *testing.T) {
	err := WriteCalendar(&bytes.Buffer{}, fixedReport(8), CalendarOptions{Habit: "yoga"})
	if err == nil || !strings.Contains(err.Error(), `no habit "yoga"`) || !strings.Contains(err.Error(), "calf-stretch") {
		t.Fatalf("WriteCalendar(yoga) = %v", err)
	}
}

// BenchmarkTenYears builds and writes the report of the last 8 weeks and
// of all ten years from ten years of history (the target: well under a
// second each; the figures are in docs/diary.md).
func BenchmarkTenYears(b *testing.B) {
	events, entries := reporttest.History(fixedNow, 522)
	b.Logf("%d history events, %d diary entries", len(events), len(entries))
	for _, weeks := range []int{8, 522} {
		b.Run(map[int]string{8: "8weeks", 522: "522weeks"}[weeks], func(b *testing.B) {
			for b.Loop() {
				r := Build(Input{Now: fixedNow, Loc: berlin, Weeks: weeks, Events: events, Entries: entries, Schedule: schedule()})
				var out bytes.Buffer
				if err := WriteHTML(&out, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestNeverShownIsNotNotDone: a day a habit never reached the person (every
// instant missed: the computer off for a holiday, or asleep) is not a day
// it was "not done": whether it was done is not known, so the comparison
// leaves it out and says how many, and the calendar marks it apart. A day
// with one instant shown and left and one missed was seen and not done.
func TestNeverShownIsNotNotDone(t *testing.T) {
	loc := berlin
	// Mon 16 .. Thu 19 Nov, a night with cramps after each.
	type instant struct {
		hour  int
		kinds []state.Kind
	}
	for _, tc := range []struct {
		name           string
		days           [][]instant // per day, the habit's instants
		done, not, unk int         // DoneNights, NotNights, NeverShown
		marks          string      // the calendar's marks of the four days
		cell           string      // the "not done" cell and the "never shown" one
	}{
		{"done, shown and left, never shown, never shown",
			[][]instant{{{20, []state.Kind{state.Shown, state.Done}}}, {{20, []state.Kind{state.Shown, state.Dismissed}}},
				{{20, []state.Kind{state.Missed}}}, {{20, []state.Kind{state.Missed}}}},
			1, 1, 2, "✓✗??", "<td class=\"t\">cramps on 1 of 1 night</td><td>2 days</td>"},
		{"one missed and one shown on a day is not done",
			[][]instant{{{8, []state.Kind{state.Missed}}, {20, []state.Kind{state.Shown, state.Expired}}}, {{20, []state.Kind{state.Missed}}},
				{{20, []state.Kind{state.Shown, state.Done}}}, {{8, []state.Kind{state.Missed}}, {20, []state.Kind{state.Shown, state.Done}}}},
			2, 1, 1, "✗?✓✓", "<td class=\"t\">cramps on 1 of 1 night</td><td>1 day</td>"},
		{"every day never shown",
			[][]instant{{{20, []state.Kind{state.Missed}}}, {{20, []state.Kind{state.Missed}}}, {{20, []state.Kind{state.Missed}}}, {{20, []state.Kind{state.Missed}}}},
			0, 0, 4, "????", "<td class=\"t\">no such day</td><td>4 days</td>"},
		{"nothing missed says nothing of it",
			[][]instant{{{20, []state.Kind{state.Shown, state.Done}}}, {{20, []state.Kind{state.Shown, state.Dismissed}}},
				{{20, []state.Kind{state.Shown, state.Done}}}, {{20, []state.Kind{state.Shown, state.Done}}}},
			3, 1, 0, "✓✗✓✓", "<td class=\"t\">cramps on 1 of 1 night</td></tr>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var events []state.Event
			var entries []diary.Entry
			for d, day := range tc.days {
				for _, in := range day {
					at := time.Date(2026, 11, 16+d, in.hour, 30, 0, 0, loc)
					for j, k := range in.kinds {
						events = append(events, state.Event{At: at.Add(time.Duration(j) * time.Minute), Reminder: "magnesium", Kind: k, Scheduled: at})
					}
				}
				entries = append(entries, diary.Entry{Night: time.Date(2026, 11, 16+d, 0, 0, 0, 0, loc).Format(time.DateOnly),
					At: time.Date(2026, 11, 17+d, 7, 0, 0, 0, loc), Via: diary.ViaDesktop, Answer: diary.AnswerSome})
			}
			r := Build(Input{Now: fixedNow, Loc: loc, Weeks: 1, Events: events, Entries: entries})
			c := r.Compare[0]
			if c.DoneNights != tc.done || c.NotNights != tc.not || c.NeverShown != tc.unk || c.DoneUnknown+c.NotUnknown != 0 {
				t.Fatalf("comparison = %+v; want %d done, %d not done, %d never shown", c, tc.done, tc.not, tc.unk)
			}
			var marks string
			for _, n := range r.Nights[3:] { // the week is 13 to 19 Nov
				marks += markSymbol(n.Habits[0], true)
			}
			if marks != tc.marks {
				t.Errorf("marks = %s, want %s", marks, tc.marks)
			}
			var b bytes.Buffer
			if err := WriteHTML(&b, r); err != nil {
				t.Fatal(err)
			}
			text := html.UnescapeString(b.String())
			if !strings.Contains(text, tc.cell) {
				t.Errorf("the report lacks the cell %q", tc.cell)
			}
			const why = "Days it was never shown (computer off or asleep) are left out, as unknown."
			if got := strings.Contains(text, why); got != (tc.unk > 0) {
				t.Errorf("the report says %q: %v, want %v", why, got, tc.unk > 0)
			}
		})
	}
}

// TestMagnesiumCarriesItsCaution: where the report speaks of magnesium,
// it says to ask a doctor first, especially with kidney problems; a
// report without it says nothing of magnesium.
func TestMagnesiumCarriesItsCaution(t *testing.T) {
	at := time.Date(2026, 11, 18, 20, 30, 0, 0, berlin)
	const caution = "Ask a doctor before taking magnesium, especially if you have kidney problems."
	for _, tc := range []struct {
		reminder string
		want     int // how many times the caution is said
	}{
		{"magnesium", 1}, // in the caution beside the summary
		{"Magnesium-tablets", 1},
		{"calf-stretch", 0},
	} {
		t.Run(tc.reminder, func(t *testing.T) {
			events := []state.Event{
				{At: at, Reminder: tc.reminder, Kind: state.Shown, Scheduled: at},
				{At: at.Add(time.Minute), Reminder: tc.reminder, Kind: state.Done, Scheduled: at},
			}
			entries := []diary.Entry{{Night: "2026-11-18", At: fixedNow, Via: diary.ViaDesktop, Answer: diary.AnswerNone}}
			var b bytes.Buffer
			if err := WriteHTML(&b, Build(Input{Now: fixedNow, Loc: berlin, Weeks: 1, Events: events, Entries: entries})); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(html.UnescapeString(b.String()), caution); got != tc.want {
				t.Errorf("the caution is said %d times, want %d", got, tc.want)
			}
		})
	}
}

// TestWeekTableBadIsAPartOfCramps: the weekly table's Cramps counts the bad
// nights too, so the column beside it says it is a part of them: a week of
// one bad night and six without reads 1, 1, 6, 0, and "Bad" as a fourth
// kind of night made it eight nights.
func TestWeekTableBadIsAPartOfCramps(t *testing.T) {
	entries := []diary.Entry{{Night: "2026-11-18", At: fixedNow, Via: diary.ViaDesktop, Answer: diary.AnswerBad}}
	for _, n := range []string{"13", "14", "15", "16", "17", "19"} {
		entries = append(entries, diary.Entry{Night: "2026-11-" + n, At: fixedNow, Via: diary.ViaDesktop, Answer: diary.AnswerNone})
	}
	for _, tc := range []struct {
		lang, head string
	}{
		{"en", "<th>Week of</th><th>Cramps</th><th>of them bad</th><th>None</th><th>No answer</th>"},
		{"de", "<th>Woche ab</th><th>Krämpfe</th><th>davon schlimm</th>"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			r := inLocale(t, tc.lang, Build(Input{Now: fixedNow, Loc: berlin, Weeks: 1, Entries: entries}))
			var b bytes.Buffer
			if err := WriteHTML(&b, r); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.head) {
				t.Errorf("the weekly table's head is not %q:\n%s", tc.head, b.String())
			}
			if !strings.Contains(b.String(), "<td>1</td><td>1</td><td>6</td><td>0</td>") {
				t.Error("the week's row is not 1 cramp night, 1 of them bad, 6 none, 0 unknown")
			}
		})
	}
}
