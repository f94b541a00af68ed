package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/scheduler"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestUTCOffset(t *testing.T) {
	for _, tt := range []struct {
		sec  int
		want string
	}{
		{0, "+0000"}, {3600, "+0100"}, {-18000, "-0500"}, {19800, "+0530"}, {-12600, "-0330"}, {3208, "+005328"},
	} {
		if got := utcOffset(tt.sec); got != tt.want {
			t.Errorf("utcOffset(%d) = %q, want %q", tt.sec, got, tt.want)
		}
	}
}

func TestAmbiguous(t *testing.T) {
	berlin, ny := zone(t, "Europe/Berlin"), zone(t, "America/New_York")
	for _, tt := range []struct {
		at   time.Time
		want bool
	}{
		{time.Date(2026, 10, 25, 0, 59, 59, 0, time.UTC).In(berlin), true},  // 02:59:59 CEST, the last second before the turn
		{time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC).In(berlin), true},    // 02:00 CEST
		{time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(berlin), true},   // 02:30 CEST
		{time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(berlin), true},   // 02:30 CET
		{time.Date(2026, 10, 25, 2, 0, 0, 0, time.UTC).In(berlin), false},   // 03:00 CET
		{time.Date(2026, 10, 24, 23, 59, 0, 0, time.UTC).In(berlin), false}, // 01:59 CEST
		{time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC).In(berlin), false},    // 03:00 CEST, after the gap
		{time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC).In(ny), true},        // 01:30 EDT
		{time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC).In(ny), true},        // 01:30 EST
		{time.Date(2026, 11, 1, 7, 0, 0, 0, time.UTC).In(ny), false},        // 02:00 EST
		{time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(zone(t, "Asia/Kolkata")), false},
	} {
		if got := ambiguous(tt.at); got != tt.want {
			t.Errorf("ambiguous(%s) = %v, want %v", tt.at.Format(time.RFC3339), got, tt.want)
		}
	}
}

func TestUID(t *testing.T) {
	f := Firing{Reminder: "magnesium", At: time.Date(2026, 12, 1, 20, 30, 0, 0, zone(t, "Europe/Berlin"))}
	if got, want := f.UID(), "magnesium-20261201T193000Z@bedtime"; got != want {
		t.Fatalf("UID = %q, want %q", got, want)
	}
}

func parse(t *testing.T, src string, loc *time.Location) *config.Schedule {
	t.Helper()
	s, err := config.ParseIn("test.yaml", []byte(src), loc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func plain(r config.Reminder, at time.Time) content.Text { return content.Text{Title: r.Name} }

// TestFiringsAgreeWithUpcoming checks Firings against scheduler.Upcoming,
// the function behind `bedtime next`, across clock changes in several
// zones.
func TestFiringsAgreeWithUpcoming(t *testing.T) {
	for _, name := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"} {
		t.Run(name, func(t *testing.T) {
			s := config.DefaultIn(zone(t, name))
			for _, from := range []time.Time{
				time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC),
				time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC),
				time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
			} {
				to := from.AddDate(0, 0, 14)
				got, err := Firings(s, from, to, plain, nil)
				if err != nil {
					t.Fatal(err)
				}
				var want []scheduler.Due
				for _, d := range scheduler.Upcoming(s.Jobs(), from, 1000) {
					if r, _ := s.Reminder(d.Job); d.At.Before(to) && r.Ask == "" {
						want = append(want, d)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("from %s: %d firings, Upcoming has %d", from, len(got), len(want))
				}
				for i := range got {
					if got[i].Reminder != want[i].Job || !got[i].At.Equal(want[i].At) {
						t.Errorf("from %s, firing %d: %s at %s, Upcoming has %s at %s", from, i, got[i].Reminder, got[i].At, want[i].Job, want[i].At)
					}
				}
			}
		})
	}
}

// TestFiringsLeaveOut: a question is never exported, and a firing that
// skip says will not fire is left out, its text not picked; every other
// firing is kept.
func TestFiringsLeaveOut(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	s := parse(t, `reminders:
  water:
    every: 2h
    between: "08:00-12:00"
    title: W
  diary:
    at: "09:00"
    ask: cramps
`, berlin)
	at := func(hhmm string) time.Time {
		t.Helper()
		c, err := time.ParseInLocation("2006-01-02 15:04", "2026-12-02 "+hhmm, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	from := at("07:00")
	for _, tt := range []struct {
		name string
		skip SkipFunc
		want string // the firings, and after the bar the texts picked on the 2nd
	}{
		{"nothing skipped", nil, "water 08:00,water 10:00,water 12:00|08:00,10:00,12:00"},
		{"one skipped", func(r string, a time.Time) bool { return r == "water" && a.Equal(at("10:00")) },
			"water 08:00,water 12:00|08:00,12:00"},
		{"paused to 11:00", func(r string, a time.Time) bool { return a.Before(at("11:00")) },
			"water 12:00|12:00"},
		{"asked about the question only", func(r string, a time.Time) bool {
			if r == "diary" {
				t.Errorf("skip asked about the question %s at %s", r, a)
			}
			return false
		}, "water 08:00,water 10:00,water 12:00|08:00,10:00,12:00"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var picked []string
			text := func(r config.Reminder, a time.Time) content.Text {
				if r.Ask != "" {
					t.Errorf("text picked for the question %s", r.Name)
				}
				if a.In(berlin).Day() == 2 {
					picked = append(picked, a.In(berlin).Format("15:04"))
				}
				return content.Text{Title: r.Name}
			}
			got, err := Firings(s, from, from.Add(12*time.Hour), text, tt.skip)
			if err != nil {
				t.Fatal(err)
			}
			var firings []string
			for _, f := range got {
				firings = append(firings, f.Reminder+" "+f.At.In(berlin).Format("15:04"))
			}
			if g := strings.Join(firings, ",") + "|" + strings.Join(picked, ","); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

// TestFiringsRotateTexts checks that the text function sees each
// reminder's firings in time order from the start of the day before, so a
// rotation like the daemon's picks the same text.
func TestFiringsRotateTexts(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	s := parse(t, "reminders:\n  water:\n    every: 2h\n    between: \"08:00-12:00\"\n    title: W\n", berlin)
	var seen []string
	text := func(r config.Reminder, at time.Time) content.Text {
		seen = append(seen, at.In(berlin).Format("02 15:04"))
		return content.Text{Title: at.In(berlin).Format("15:04")}
	}
	from := time.Date(2026, 12, 2, 9, 0, 0, 0, berlin)
	got, err := Firings(s, from, from.AddDate(0, 0, 1), text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "01 08:00,01 10:00,01 12:00,02 08:00,02 10:00,02 12:00,03 08:00"; strings.Join(seen, ",") != want {
		t.Errorf("text called for %s, want %s", strings.Join(seen, ","), want)
	}
	var titles []string
	for _, f := range got {
		titles = append(titles, f.Title)
	}
	if want := "10:00,12:00,08:00"; strings.Join(titles, ",") != want {
		t.Errorf("titles %s, want %s", strings.Join(titles, ","), want)
	}
}

func TestFiringsTooMany(t *testing.T) {
	s := parse(t, "reminders:\n  blink:\n    every: 1m\n    title: Blink\n", time.UTC)
	from := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	_, err := Firings(s, from, from.AddDate(0, 0, 14), plain, nil)
	want := `more than 10000 firings from 2026-12-01 00:00 to 2026-12-15 00:00 (reminder "blink" fires often); export fewer days`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if _, err := Firings(s, from, from.AddDate(0, 0, 6), plain, nil); err != nil {
		t.Fatalf("6 days of a reminder every minute: %v", err)
	}
}

// TestWriteZones checks the VTIMEZONE of a zone whose clocks change inside
// the span, the UTC fallbacks and the routine's length.
func TestWriteZones(t *testing.T) {
	ny := zone(t, "America/New_York")
	firings := []Firing{
		{Reminder: "a", At: time.Date(2026, 10, 30, 8, 0, 0, 0, ny), Title: "A", Length: 5 * time.Minute},
		{Reminder: "b", At: time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC).In(ny), Title: "B", Length: 5 * time.Minute}, // 01:30 EST, twice
		{Reminder: "c", At: time.Date(2026, 11, 2, 8, 0, 0, 0, ny), Title: "C", Length: 7 * time.Minute},
		{Reminder: "d", At: time.Date(2026, 11, 2, 8, 0, 0, 0, time.FixedZone("", -5*3600)), Title: "D", Length: 5 * time.Minute},
	}
	var buf bytes.Buffer
	if err := Write(&buf, firings, time.Date(2026, 10, 29, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := strings.ReplaceAll(buf.String(), "\r\n", "\n")
	for _, want := range []string{
		"BEGIN:VTIMEZONE\nTZID:America/New_York\n" +
			"BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT\n" +
			"BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD\n" +
			"END:VTIMEZONE\n",
		"DTSTART;TZID=America/New_York:20261030T080000\n",
		"DTSTART:20261101T063000Z\n",
		"DTSTART;TZID=America/New_York:20261102T080000\nDURATION:PT7M\n",
		"DTSTART:20261102T130000Z\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "BEGIN:VTIMEZONE"); n != 1 {
		t.Errorf("%d VTIMEZONEs, want 1", n)
	}
	if strings.Count(buf.String(), "\r\n") != strings.Count(buf.String(), "\n") {
		t.Errorf("a line does not end in CRLF")
	}
}
