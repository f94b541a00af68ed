package report

import (
	"bytes"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

func TestGolden(t *testing.T) {
	r := fixedReport(12)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"report-12w.csv", func(b *bytes.Buffer) error { return WriteCSV(b, r) }},
		{"report-12w.html", func(b *bytes.Buffer) error { return WriteHTML(b, r) }},
		{"report-8w.html", func(b *bytes.Buffer) error { return WriteHTML(b, fixedReport(8)) }},
		{"calendar-nights.txt", func(b *bytes.Buffer) error { return WriteCalendar(b, r, CalendarOptions{}) }},
		{"calendar-nights-ascii.txt", func(b *bytes.Buffer) error { return WriteCalendar(b, r, CalendarOptions{ASCII: true}) }},
		{"calendar-calf-stretch-colour.txt", func(b *bytes.Buffer) error {
			return WriteCalendar(b, r, CalendarOptions{Habit: "calf-stretch", Colour: true})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, tc.name, b.Bytes())
		})
	}
}
