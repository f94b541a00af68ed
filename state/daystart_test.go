package state

import (
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// azores is a zone whose clocks jump at midnight: on 29 March 2026 the day
// begins at 01:00, and time.Date(2026, 3, 29, 0, 0, 0, 0, azores) is 23:00
// on the 28th.
func azores(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Atlantic/Azores")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestTodayWhenMidnightIsSkipped(t *testing.T) {
	az := azores(t)
	job := scheduler.Job{Name: "magnesium", Schedule: &scheduler.Daily{Times: []scheduler.TimeOfDay{{Hour: 23, Minute: 30}}, Location: az}}
	// The history begins the day before, so that a past instant without
	// a line would be marked missed.
	yesterday := time.Date(2026, 3, 28, 23, 30, 0, 0, az)
	evs := []Event{{At: yesterday, Reminder: "magnesium", Kind: Done, Scheduled: yesterday}}
	now := time.Date(2026, 3, 29, 12, 0, 0, 0, az)
	got := Today([]scheduler.Job{job}, State{}, evs, now, az)
	if len(got) != 1 || !got[0].At.Equal(time.Date(2026, 3, 29, 23, 30, 0, 0, az)) || got[0].Mark != MarkDue {
		t.Fatalf("Today on the day of the jump = %+v, want magnesium at 2026-03-29 23:30, due", got)
	}
}

func TestStatsDaysWhenMidnightIsSkipped(t *testing.T) {
	az := azores(t)
	done := func(y, m, d int) Event {
		at := time.Date(y, time.Month(m), d, 22, 0, 0, 0, az)
		return Event{At: at, Reminder: "stretch", Kind: Done, Scheduled: at}
	}
	evs := []Event{done(2026, 3, 27), done(2026, 3, 28), done(2026, 3, 29), done(2026, 3, 30)}
	for _, tc := range []struct {
		now    time.Time
		days   int
		dates  string
		strip  string
		streak int
	}{
		{time.Date(2026, 3, 29, 23, 0, 0, 0, az), 3, "2026-03-27 2026-03-28 2026-03-29", "DDD", 3},
		{time.Date(2026, 3, 30, 23, 0, 0, 0, az), 3, "2026-03-28 2026-03-29 2026-03-30", "DDD", 4},
		{time.Date(2026, 3, 31, 9, 0, 0, 0, az), 3, "2026-03-29 2026-03-30 2026-03-31", "DD.", 4},
	} {
		for _, how := range []string{"Stats", "Store.Stats"} {
			var rs ReminderStats
			if how == "Stats" {
				rs = Stats(evs, tc.days, tc.now, az)[0]
			} else {
				s, err := Open(t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				if err := s.AppendAll(evs); err != nil {
					t.Fatal(err)
				}
				out, err := s.Stats(tc.days, tc.now, az)
				if err != nil {
					t.Fatal(err)
				}
				rs = out[0]
			}
			var dates []string
			for _, d := range rs.Days {
				dates = append(dates, d.Date)
			}
			name := how + " at " + tc.now.Format(time.RFC3339)
			if got := strings.Join(dates, " "); got != tc.dates {
				t.Errorf("%s: days %s, want %s", name, got, tc.dates)
			}
			if got := strip(rs.Days); got != tc.strip {
				t.Errorf("%s: strip %s, want %s", name, got, tc.strip)
			}
			if rs.Streak != tc.streak {
				t.Errorf("%s: streak %d, want %d", name, rs.Streak, tc.streak)
			}
			if want := strings.Count(tc.strip, "D"); rs.Done != want || rs.Due != want {
				t.Errorf("%s: done %d of %d, want %d of %d", name, rs.Done, rs.Due, want, want)
			}
		}
	}
}
