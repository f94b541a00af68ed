package state

import (
	"reflect"
	"slices"
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
		b.WriteByte(map[string]byte{MarkDone: 'D', MarkMissed: 'M', MarkShown: 'F', MarkSkipped: 'S', MarkNone: '.'}[d.Mark])
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
		evening(9, Shown, Done),                 // before a 7-day window (days 6 to 0)
		evening(7, Shown, Done),                 // also before it
		evening(6, Missed),                      // the machine was off
		evening(5, Shown, Snoozed, Shown, Done), // snoozed once, then done: one instant
		evening(4, Shown, Done, Done),           // a second Done for the same instant counts once
		evening(3, Skipped),                     // skipped on purpose: not due
		evening(2, Held, Shown, Done),           // held for a while, then shown
		evening(1, Shown, Dismissed),            // closed without Done
		evening(0, Shown, Done),
	} {
		magnesium = append(magnesium, e...)
	}

	tests := []struct {
		name   string
		events []Event
		days   int
		now    time.Time
		want   string // reminder due/done/shown/snoozed/dismissed/unanswered/missed/skipped[/unattributed] adherence% strip streak
	}{
		{"a week of magnesium", magnesium, 7, now,
			"magnesium 6/4/5/1/1/0/1/1 67% MDDSDFD 1"},
		{"streak across skips and nothing due", append(evening(4, Shown, Done), append(evening(2, Shown, Done), evening(0, Shown, Done)...)...), 7, now,
			"magnesium 3/3/3/0/0/0/0/0 100% ..D.D.D 3"},
		{"today shown, not done yet: the streak holds", append(evening(1, Shown, Done), evening(0, Shown)...), 3, now,
			"magnesium 2/1/2/0/0/1/0/0 50% .DF 1"},
		{"today missed (never shown) does not break it", append(evening(1, Shown, Done), evening(0, Missed)...), 3, now,
			"magnesium 2/1/1/0/0/0/1/0 50% .DM 1"},
		{"a weekend with the computer off does not break it", append(evening(3, Shown, Done), append(evening(2, Missed), append(evening(1, Missed), evening(0, Shown, Done)...)...)...), 4, now,
			"magnesium 4/2/2/0/0/0/2/0 50% DMMD 2"},
		{"shown and not done breaks it, though another was missed that day", append(evening(2, Shown, Done), append(evening(1, Shown, Dismissed), append([]Event{{At: at(1, "10:05"), Reminder: "magnesium", Kind: Missed, Scheduled: at(1, "10:00")}}, evening(0, Shown, Done)...)...)...), 3, now,
			"magnesium 4/2/3/0/1/0/1/0 50% DFD 1"},
		{"the streak reaches beyond the window", append(evening(3, Shown, Done), append(evening(2, Shown, Done), append(evening(1, Shown, Done), evening(0, Shown, Done)...)...)...), 2, now,
			"magnesium 2/2/2/0/0/0/0/0 100% DD 4"},
		{"nothing", nil, 7, now, ""},
		{"pauses are not reminders", []Event{{At: at(0, "12:00"), Kind: Paused}, {At: at(0, "13:00"), Kind: Resumed}}, 7, now, ""},
		{"held, then never shown: missed, not shown", evening(0, Held, Missed), 1, now,
			"magnesium 1/0/0/0/0/0/1/0 0% M 0"},
		{"held and still waiting: due, unanswered", evening(0, Held), 1, now,
			"magnesium 1/0/0/0/0/1/0/0 0% F 0"},
		{"shown and expired: unanswered", evening(0, Shown, Expired), 1, now,
			"magnesium 1/0/1/0/0/1/0/0 0% F 0"},
		{"dismissed, then done from the command line: done once", evening(0, Shown, Dismissed, Done), 1, now,
			"magnesium 1/1/1/0/0/0/0/0 100% D 1"},
		{"missed, then done anyway: done", evening(0, Missed, Done), 1, now,
			"magnesium 1/1/0/0/0/0/0/0 100% D 1"},
		{"sorted by name", []Event{{At: at(0, "10:00"), Reminder: "water", Kind: Shown, Scheduled: at(0, "10:00")}, {At: at(0, "09:00"), Reminder: "calf-stretch", Kind: Missed, Scheduled: at(0, "09:00")}}, 2, now,
			"calf-stretch 1/0/0/0/0/0/1/0 0% .M 0\nwater 1/0/1/0/0/1/0/0 0% .F 0"},
		{"a day is the scheduled instant's day, in loc", []Event{{At: at(0, "00:30"), Reminder: "magnesium", Kind: Done, Scheduled: at(1, "21:00")}}, 2, now,
			"magnesium 1/1/0/0/0/0/0/0 100% D. 1"},

		// Lines written by version 1, without the scheduled instant on
		// done, snoozed, dismissed and missed, and with "fired" written
		// before anything was shown.
		{"v1: a done typed twice with nothing due counts nowhere", []Event{{At: at(0, "10:00"), Reminder: "magnesium", Kind: Done}, {At: at(0, "10:01"), Reminder: "magnesium", Kind: Done}}, 1, now,
			"magnesium 0/0/0/0/0/0/0/0/2 0% . 0"},
		{"v1: Done on the notification, then bedtime done: done once", []Event{
			{At: at(0, "21:00"), Reminder: "magnesium", Kind: Fired, Scheduled: at(0, "21:00")},
			{At: at(0, "21:02"), Reminder: "magnesium", Kind: Done},
			{At: at(0, "21:05"), Reminder: "magnesium", Kind: Done}}, 1, now,
			"magnesium 1/1/1/0/0/0/0/0 100% D 1"},
		{"v1: fired with no server, then missed: missed, not shown", []Event{
			{At: at(0, "10:00"), Reminder: "water", Kind: Fired, Scheduled: at(0, "10:00")},
			{At: at(0, "10:05"), Reminder: "water", Kind: Missed},
			{At: at(0, "12:00"), Reminder: "water", Kind: Fired, Scheduled: at(0, "12:00")},
			{At: at(0, "12:05"), Reminder: "water", Kind: Missed}}, 1, now,
			"water 2/0/0/0/0/0/2/0 0% M 0"},
		{"v1: a line more than a day after any instant is unattributed", []Event{
			{At: at(2, "10:00"), Reminder: "water", Kind: Fired, Scheduled: at(2, "10:00")},
			{At: at(0, "10:05"), Reminder: "water", Kind: Done}}, 3, now,
			"water 1/0/1/0/0/1/0/0/1 0% F.. 0"},
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
				checkSums(t, rs)
				counts := []string{itoa(rs.Due), itoa(rs.Done), itoa(rs.Shown), itoa(rs.Snoozed), itoa(rs.Dismissed), itoa(rs.Unanswered), itoa(rs.Missed), itoa(rs.Skipped)}
				if rs.Unattributed > 0 {
					counts = append(counts, itoa(rs.Unattributed))
				}
				lines = append(lines, strings.Join([]string{rs.Reminder, strings.Join(counts, "/"),
					itoa(int(rs.Adherence*100+0.5)) + "%", strip(rs.Days), itoa(rs.Streak)}, " "))
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("Stats =\n%s\nwant\n%s", got, tt.want)
			}
			// Store.Stats, reading the same events from a history file,
			// written in time order as the daemon writes them.
			store, _ := open(t)
			evs := slices.Clone(tt.events)
			slices.SortStableFunc(evs, func(a, b Event) int { return a.At.Compare(b.At) })
			if err := store.AppendAll(evs); err != nil {
				t.Fatal(err)
			}
			got, err := store.Stats(tt.days, tt.now, berlin)
			if want := Stats(evs, tt.days, tt.now, berlin); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("Store.Stats = %+v, %v\nwant %+v", got, err, want)
			}
		})
	}
}

// checkSums checks what every ReminderStats must satisfy.
func checkSums(t *testing.T, rs ReminderStats) {
	t.Helper()
	if rs.Done > rs.Due {
		t.Errorf("%s: DONE %d > DUE %d", rs.Reminder, rs.Done, rs.Due)
	}
	if sum := rs.Done + rs.Dismissed + rs.Unanswered + rs.Missed; sum != rs.Due {
		t.Errorf("%s: done+dismissed+unanswered+missed = %d, want DUE %d", rs.Reminder, sum, rs.Due)
	}
	if rs.Shown > rs.Due || rs.Snoozed > rs.Due {
		t.Errorf("%s: shown %d, snoozed %d, due %d", rs.Reminder, rs.Shown, rs.Snoozed, rs.Due)
	}
	if rs.Adherence < 0 || rs.Adherence > 1 {
		t.Errorf("%s: adherence %v out of 0..1", rs.Reminder, rs.Adherence)
	}
}

func TestStatsDaysAcrossDST(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 3, 30, 9, 0, 0, 0, berlin) // the day after the spring change
	evs := []Event{{At: time.Date(2026, 3, 29, 2, 30, 0, 0, time.UTC), Reminder: "water", Kind: Shown, Scheduled: time.Date(2026, 3, 29, 2, 30, 0, 0, time.UTC)}}
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
