package scheduler

import (
	"testing"
	"time"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// wall formats t as local wall time with its offset, for readable failures.
func wall(t time.Time) string { return t.Format("2006-01-02 15:04:05 -07:00 MST") }

func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04 -0700", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestDailyAcrossDST(t *testing.T) {
	tests := []struct {
		zone, tod, from string
		want            []string // the next firings, "2006-01-02 15:04 -0700"
	}{
		// America/New_York springs forward at 02:00 -> 03:00 on 8 March 2026.
		{"America/New_York", "02:30", "2026-03-07 00:00 -0500", []string{
			"2026-03-07 02:30 -0500", "2026-03-08 03:00 -0400", "2026-03-09 02:30 -0400"}},
		// ... and falls back at 02:00 -> 01:00 on 1 November 2026: first occurrence only.
		{"America/New_York", "01:30", "2026-10-31 00:00 -0400", []string{
			"2026-10-31 01:30 -0400", "2026-11-01 01:30 -0400", "2026-11-02 01:30 -0500"}},
		// Europe/Berlin: 02:00 -> 03:00 on 29 March 2026, 03:00 -> 02:00 on 25 October 2026.
		{"Europe/Berlin", "02:15", "2026-03-28 12:00 +0100", []string{
			"2026-03-29 03:00 +0200", "2026-03-30 02:15 +0200"}},
		{"Europe/Berlin", "02:15", "2026-10-24 12:00 +0200", []string{
			"2026-10-25 02:15 +0200", "2026-10-26 02:15 +0100"}},
		// Australia/Lord_Howe moves by 30 minutes: 02:00 -> 01:30 on 5 April 2026,
		// 02:00 -> 02:30 on 4 October 2026.
		{"Australia/Lord_Howe", "01:45", "2026-04-04 12:00 +1100", []string{
			"2026-04-05 01:45 +1100", "2026-04-06 01:45 +1030"}},
		{"Australia/Lord_Howe", "02:10", "2026-10-03 12:00 +1030", []string{
			"2026-10-04 02:30 +1100", "2026-10-05 02:10 +1100"}},
		// Asia/Kolkata has no DST at all.
		{"Asia/Kolkata", "22:00", "2026-03-28 23:00 +0530", []string{
			"2026-03-29 22:00 +0530", "2026-03-30 22:00 +0530"}},
	}
	for _, tt := range tests {
		t.Run(tt.zone+"/"+tt.tod+"/"+tt.from, func(t *testing.T) {
			loc := mustLoad(t, tt.zone)
			tod, err := ParseTimeOfDay(tt.tod)
			if err != nil {
				t.Fatal(err)
			}
			s := &Daily{Times: []TimeOfDay{tod}, Location: loc}
			cur := at(t, loc, tt.from)
			for _, w := range tt.want {
				got := s.Next(cur)
				if want := at(t, loc, w); !got.Equal(want) {
					t.Fatalf("Next(%s) = %s, want %s", wall(cur), wall(got), wall(want))
				}
				if p := s.Prev(got); !p.Equal(got) {
					t.Fatalf("Prev(%s) = %s, want itself", wall(got), wall(p))
				}
				if p := s.Prev(got.Add(-time.Nanosecond)); !p.Before(cur.Add(time.Nanosecond)) && !p.IsZero() {
					t.Fatalf("Prev(just before %s) = %s, want at or before %s", wall(got), wall(p), wall(cur))
				}
				cur = got
			}
		})
	}
}

func TestSameInstantFiresOnce(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	// 02:15 and 02:45 do not exist on 8 March 2026; both become 03:00, as does 03:00 itself.
	s := &Daily{Times: []TimeOfDay{{2, 15}, {2, 45}, {3, 0}}, Location: ny}
	from := at(t, ny, "2026-03-08 00:00 -0500")
	first := s.Next(from)
	second := s.Next(first)
	if want := at(t, ny, "2026-03-08 03:00 -0400"); !first.Equal(want) {
		t.Fatalf("first = %s, want %s", wall(first), wall(want))
	}
	if want := at(t, ny, "2026-03-09 02:15 -0400"); !second.Equal(want) {
		t.Fatalf("second = %s, want %s", wall(second), wall(want))
	}
}

func TestCronAcrossDST(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		spec, from string
		want       []string
	}{
		{"*/30 * * * *", "2026-03-08 01:00 -0500", []string{
			"2026-03-08 01:30 -0500", "2026-03-08 03:00 -0400", "2026-03-08 03:30 -0400"}},
		{"30 1 * * *", "2026-10-31 12:00 -0400", []string{
			"2026-11-01 01:30 -0400", "2026-11-02 01:30 -0500"}},
		{"*/30 1 * * *", "2026-11-01 00:00 -0400", []string{
			"2026-11-01 01:00 -0400", "2026-11-01 01:30 -0400", "2026-11-02 01:00 -0500"}},
		{"55 9-16 * * mon-fri", "2026-11-27 16:00 -0500", []string{ // a Friday
			"2026-11-27 16:55 -0500", "2026-11-30 09:55 -0500"}},
		{"@daily", "2026-03-07 12:00 -0500", []string{"2026-03-08 00:00 -0500"}},
		{"0 12 29 2 *", "2026-11-25 00:00 -0500", []string{"2028-02-29 12:00 -0500"}},
		{"CRON_TZ=Asia/Kolkata 0 9 * * *", "2026-11-25 00:00 -0500", []string{"2026-11-25 22:30 -0500"}},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			s, err := ParseCron(tt.spec, ny)
			if err != nil {
				t.Fatal(err)
			}
			cur := at(t, ny, tt.from)
			for _, w := range tt.want {
				got := s.Next(cur)
				if want := at(t, ny, w); !got.Equal(want) {
					t.Fatalf("Next(%s) = %s, want %s", wall(cur), wall(got.In(ny)), wall(want))
				}
				cur = got
			}
		})
	}
}

func TestParseCronErrors(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"0 0 31 2 *", `"0 0 31 2 *" can never be due: no month has that day`},
		{"0 0 31 4,6 *", `"0 0 31 4,6 *" can never be due: no month has that day`},
		{"CRON_TZ=UTC", `"CRON_TZ=UTC" is not a valid cron expression`},
		{"TZ=", `"TZ=" is not a valid cron expression`},
		{"61 * * * *", `"61 * * * *": end of range (61) above maximum (59): 61`},
		{"* * * *", `"* * * *" is not five fields (want minute hour day-of-month month day-of-week, such as "30 20 * * *")`},
		{"0 30 20 * * *", `"0 30 20 * * *" is not five fields (want minute hour day-of-month month day-of-week, such as "30 20 * * *")`},
		{"CRON_TZ=Europe/Berlin 30 20 * *", `"CRON_TZ=Europe/Berlin 30 20 * *" is not five fields (want minute hour day-of-month month day-of-week, such as "30 20 * * *")`},
		{"@every 5m", `"@every 5m": use the every field for intervals`},
		{"", `empty cron expression (want five fields: minute hour day-of-month month day-of-week)`},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			_, err := ParseCron(tt.spec, time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("ParseCron(%q) error = %v, want %s", tt.spec, err, tt.want)
			}
		})
	}
}

func TestIntervalWindow(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	s := &Interval{Every: 2 * time.Hour, Window: true, Start: TimeOfDay{8, 0}, End: TimeOfDay{20, 0}, Location: berlin}
	cur := at(t, berlin, "2026-11-25 07:00 +0100")
	var got []string
	for i := 0; i < 8; i++ {
		cur = s.Next(cur)
		got = append(got, cur.Format("Jan 2 15:04"))
	}
	want := []string{"Nov 25 08:00", "Nov 25 10:00", "Nov 25 12:00", "Nov 25 14:00", "Nov 25 16:00", "Nov 25 18:00", "Nov 25 20:00", "Nov 26 08:00"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("firings = %v, want %v", got, want)
		}
	}
	// Prev from mid-window and from after the window.
	if p := s.Prev(at(t, berlin, "2026-11-25 13:59 +0100")); p.Format("15:04") != "12:00" {
		t.Fatalf("Prev(13:59) = %s, want 12:00", wall(p))
	}
	if p := s.Prev(at(t, berlin, "2026-11-25 23:00 +0100")); p.Format("15:04") != "20:00" {
		t.Fatalf("Prev(23:00) = %s, want 20:00", wall(p))
	}
	if p := s.Prev(at(t, berlin, "2026-11-26 07:00 +0100")); p.Format("Jan 2 15:04") != "Nov 25 20:00" {
		t.Fatalf("Prev(next morning) = %s, want Nov 25 20:00", wall(p))
	}
}

func TestIntervalCountsRealTimeAcrossDST(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	// Anchored to midnight; on the fall-back day the hour repeats, so after
	// 02:00 (real) the wall times are an hour earlier.
	s := &Interval{Every: 90 * time.Minute, Location: ny}
	cur := at(t, ny, "2026-11-01 00:00 -0400")
	want := []string{"2026-11-01 01:30 -0400", "2026-11-01 02:00 -0500", "2026-11-01 03:30 -0500"}
	for _, w := range want {
		cur = s.Next(cur)
		if wt := at(t, ny, w); !cur.Equal(wt) {
			t.Fatalf("Next = %s, want %s", wall(cur), wall(wt))
		}
	}
	// The next day starts again at midnight.
	if got, want := s.Prev(at(t, ny, "2026-11-02 00:10 -0500")), at(t, ny, "2026-11-02 00:00 -0500"); !got.Equal(want) {
		t.Fatalf("Prev = %s, want %s", wall(got), wall(want))
	}
}

func TestBeforeBedtime(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	var bed [7]TimeOfDay
	for i := range bed {
		bed[i] = TimeOfDay{22, 30}
	}
	bed[time.Friday] = TimeOfDay{0, 30} // Friday's night ends after midnight
	s := &BeforeBedtime{Before: 45 * time.Minute, Bedtime: bed, Location: berlin}
	cur := at(t, berlin, "2026-11-26 12:00 +0100") // Thursday
	want := []string{"2026-11-26 21:45 +0100", "2026-11-27 23:45 +0100", "2026-11-28 21:45 +0100"}
	for _, w := range want {
		cur = s.Next(cur)
		if wt := at(t, berlin, w); !cur.Equal(wt) {
			t.Fatalf("Next = %s, want %s", wall(cur), wall(wt))
		}
	}
}

func TestTimeOfDayAndWeekday(t *testing.T) {
	for _, s := range []string{"25:00", "7:5", "07:60", "0730", "", "aa:bb", "-1:00"} {
		if _, err := ParseTimeOfDay(s); err == nil {
			t.Errorf("ParseTimeOfDay(%q) succeeded, want error", s)
		}
	}
	for in, want := range map[string]TimeOfDay{"7:05": {7, 5}, "08:09": {8, 9}, "00:00": {}, "23:59": {23, 59}} {
		if got, err := ParseTimeOfDay(in); err != nil || got != want {
			t.Errorf("ParseTimeOfDay(%s) = %v, %v, want %v", in, got, err, want)
		}
	}
	if d, err := ParseWeekday("Sat"); err != nil || d != time.Saturday {
		t.Errorf("ParseWeekday(Sat) = %v, %v", d, err)
	}
	if _, err := ParseWeekday("sunday2"); err == nil {
		t.Error("ParseWeekday(sunday2) succeeded")
	}
	w := Weekdays(0).Add(time.Monday).Add(time.Sunday)
	if got := w.String(); got != "mon,sun" {
		t.Errorf("String = %q", got)
	}
}
