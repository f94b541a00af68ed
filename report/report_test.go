package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./report -update and look at the diff\n--- got:\n%s", name, got)
	}
}

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
			golden(t, tc.name, b.Bytes())
		})
	}
}
