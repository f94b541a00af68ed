package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
)

// Where the clocks jump at midnight, the night of the jump's date is one
// night of the report like any other: time.Date(y, m, d, 0, 0, 0, 0, loc)
// gives 23:00 of the day before for its midnight, which named the night
// before a second time.
func TestNightsWhenMidnightIsSkipped(t *testing.T) {
	for _, tc := range []struct {
		zone  string
		jump  string // the date whose midnight the clocks skip
		now   time.Time
		first string
	}{
		{"Atlantic/Azores", "2026-03-29", time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC), "2026-03-26"},
		{"America/Santiago", "2026-09-06", time.Date(2026, 9, 8, 15, 0, 0, 0, time.UTC), "2026-09-01"},
	} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Fatal(err)
		}
		jump, _ := time.Parse(time.DateOnly, tc.jump)
		before := jump.AddDate(0, 0, -1).Format(time.DateOnly)
		said := time.Date(jump.Year(), jump.Month(), jump.Day(), 8, 0, 0, 0, loc)
		entries := []diary.Entry{
			{Night: before, At: said, Via: diary.ViaCLI, Answer: diary.AnswerBad},
			{Night: tc.jump, At: said.Add(24 * time.Hour), Via: diary.ViaCLI, Answer: diary.AnswerNone},
		}
		r := Build(Input{Now: tc.now.In(loc), Loc: loc, Weeks: 1, Entries: entries})
		var dates []string
		for _, n := range r.Nights {
			dates = append(dates, n.Date.Format(time.DateOnly)+" "+n.Level())
		}
		want := []string{}
		d, _ := time.Parse(time.DateOnly, tc.first)
		for i := 0; i < 7; i++ {
			day := d.AddDate(0, 0, i).Format(time.DateOnly)
			lv := "unknown"
			switch day {
			case before:
				lv = "bad"
			case tc.jump:
				lv = "none"
			}
			want = append(want, day+" "+lv)
		}
		if strings.Join(dates, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: nights\n %s\nwant\n %s", tc.zone, strings.Join(dates, ", "), strings.Join(want, ", "))
		}
		if r.BadNights != 1 || r.CrampNights != 1 || r.Answered != 2 {
			t.Errorf("%s: bad %d, cramps %d, answered %d nights; want 1, 1, 2", tc.zone, r.BadNights, r.CrampNights, r.Answered)
		}
		var b bytes.Buffer
		if err := WriteCalendar(&b, r, CalendarOptions{ASCII: true}); err != nil {
			t.Fatal(err)
		}
		for _, cell := range []string{strings.TrimLeft(before[8:], "0") + " X", strings.TrimLeft(tc.jump[8:], "0") + " o"} {
			if strings.Count(b.String(), " "+cell) != 1 {
				t.Errorf("%s: the calendar has %q %d times, want once:\n%s", tc.zone, cell, strings.Count(b.String(), " "+cell), b.String())
			}
		}
	}
}
