package state

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// strip writes a reminder's Days as one letter per day: D done, M missed,
// F fired, S skipped, . nothing due.
func strip(days []DayMark) string {
	var b strings.Builder
	for _, d := range days {
		b.WriteByte(map[string]byte{MarkDone: 'D', MarkMissed: 'M', MarkFired: 'F', MarkSkipped: 'S', MarkNone: '.'}[d.Mark])
	}
	return b.String()
}

func TestStats(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 22, 0, 0, 0, berlin) // a Friday evening
	// at returns the Berlin time hhmm daysAgo days before now.
	at := func(daysAgo int, hhmm string) time.Time {
		tm, err := time.Parse("15:04", hhmm)
		if err != nil {
			t.Fatal(err)
		}
		d := now.AddDate(0, 0, -daysAgo)
		return time.Date(d.Year(), d.Month(), d.Day(), tm.Hour(), tm.Minute(), 0, 0, berlin)
	}
	// evening builds the events of one magnesium evening.
	evening := func(daysAgo int, kinds ...Kind) []Event {
		s := at(daysAgo, "21:00")
		var evs []Event
		for i, k := range kinds {
			evs = append(evs, Event{At: s.Add(time.Duration(i) * 5 * time.Minute), Reminder: "magnesium", Kind: k, Scheduled: s})
		}
		return evs
	}
	var magnesium []Event
	for _, e := range [][]Event{
		evening(9, Fired, Done),                 // before a 7-day window (days 6 to 0)
		evening(7, Fired, Done),                 // also before it
		evening(6, Missed),                      // the machine was off
		evening(5, Fired, Snoozed, Fired, Done), // snoozed once, then done: one instant
		evening(4, Fired, Done, Done),           // a second Done for the same instant counts once
		evening(3, Skipped),                     // skipped on purpose
		evening(2, Fired, Done),
		evening(1, Fired, Dismissed), // closed without Done
		evening(0, Fired, Done),
	} {
		magnesium = append(magnesium, e...)
	}

	tests := []struct {
		name   string
		events []Event
		days   int
		now    time.Time
		want   string // reminder fired/done/snoozed/skipped/dismissed/missed adherence% strip streak
	}{
		{"a week of magnesium", magnesium, 7, now,
			"magnesium 5/4/1/1/1/1 67% MDDSDFD 1"},
		{"streak across skips and nothing due", append(evening(4, Fired, Done), append(evening(2, Fired, Done), evening(0, Fired, Done)...)...), 7, now,
			"magnesium 3/3/0/0/0/0 100% ..D.D.D 3"},
		{"today shown, not done yet: the streak holds", append(evening(1, Fired, Done), evening(0, Fired)...), 3, now,
			"magnesium 2/1/0/0/0/0 50% .DF 1"},
		{"today missed breaks it", append(evening(1, Fired, Done), evening(0, Missed)...), 3, now,
			"magnesium 1/1/0/0/0/1 50% .DM 0"},
		{"the streak reaches beyond the window", append(evening(3, Fired, Done), append(evening(2, Fired, Done), append(evening(1, Fired, Done), evening(0, Fired, Done)...)...)...), 2, now,
			"magnesium 2/2/0/0/0/0 100% DD 4"},
		{"nothing", nil, 7, now, ""},
		{"pauses are not reminders", []Event{{At: at(0, "12:00"), Kind: Paused}, {At: at(0, "13:00"), Kind: Resumed}}, 7, now, ""},
		{"events without a scheduled instant count each",
			[]Event{{At: at(0, "10:00"), Reminder: "water", Kind: Fired}, {At: at(0, "12:00"), Reminder: "water", Kind: Fired}, {At: at(0, "12:01"), Reminder: "water", Kind: Done}}, 1, now,
			"water 2/1/0/0/0/0 50% D 1"},
		{"sorted by name", []Event{{At: at(0, "10:00"), Reminder: "water", Kind: Fired}, {At: at(0, "09:00"), Reminder: "calf-stretch", Kind: Missed}}, 2, now,
			"calf-stretch 0/0/0/0/0/1 0% .M 0\nwater 1/0/0/0/0/0 0% .F 0"},
		{"a day is the scheduled instant's day, in loc", []Event{{At: at(0, "00:30"), Reminder: "magnesium", Kind: Done, Scheduled: at(1, "21:00")}}, 2, now,
			"magnesium 0/1/0/0/0/0 0% D. 1"},
		{"a done without any firing counts, adherence stays at most 1", []Event{{At: at(0, "10:00"), Reminder: "magnesium", Kind: Done}}, 1, now,
			"magnesium 0/1/0/0/0/0 0% D 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []string
			for _, rs := range Stats(tt.events, tt.days, tt.now, berlin) {
				if len(rs.Days) != tt.days {
					t.Errorf("%s: %d days, want %d", rs.Reminder, len(rs.Days), tt.days)
				}
				if last := rs.Days[len(rs.Days)-1].Date; last != tt.now.Format(time.DateOnly) {
					t.Errorf("%s: the last day is %s, want today", rs.Reminder, last)
				}
				if rs.Adherence < 0 || rs.Adherence > 1 {
					t.Errorf("%s: adherence %v out of 0..1", rs.Reminder, rs.Adherence)
				}
				lines = append(lines, strings.Join([]string{rs.Reminder,
					strings.Join([]string{itoa(rs.Fired), itoa(rs.Done), itoa(rs.Snoozed), itoa(rs.Skipped), itoa(rs.Dismissed), itoa(rs.Missed)}, "/"),
					itoa(int(rs.Adherence*100+0.5)) + "%", strip(rs.Days), itoa(rs.Streak)}, " "))
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("Stats =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestStatsDaysAcrossDST(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 3, 30, 9, 0, 0, 0, berlin) // the day after the spring change
	evs := []Event{{At: time.Date(2026, 3, 29, 2, 30, 0, 0, time.UTC), Reminder: "water", Kind: Fired}}
	rs := Stats(evs, 3, now, berlin)[0]
	got := rs.Days[0].Date + " " + rs.Days[1].Date + " " + rs.Days[2].Date
	if want := "2026-03-28 2026-03-29 2026-03-30"; got != want {
		t.Errorf("days = %s, want %s", got, want)
	}
	if strip(rs.Days) != ".F." {
		t.Errorf("strip = %s, want .F.", strip(rs.Days))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
