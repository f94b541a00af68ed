package report

import (
	"time"
	_ "time/tzdata" // the tests' zone, wherever they run

	"github.com/bedtime-app/bedtime/report/reporttest"
)

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	return loc
}()

// fixedNow is the generated histories' "now": a Friday morning three
// weeks after the clocks went back (25 Oct 2026) in Berlin.
var fixedNow = time.Date(2026, 11, 20, 8, 15, 0, 0, berlin)

func schedule() []Scheduled {
	return []Scheduled{
		{"movement", "cron 55 9-16 * * mon-fri", true},
		{"magnesium", "at 20:30", true},
		{"calf-stretch", "30m before bedtime (22:30)", true},
		{"evening-walk", "at 19:00", true},
		{"morning-stretch", "at 07:30, weekdays", false},
	}
}

func fixedReport(weeks int) Report {
	events, entries := reporttest.History(fixedNow, 12)
	return Build(Input{Now: fixedNow, Loc: berlin, Weeks: weeks, Events: events, Entries: entries,
		Schedule: schedule(), ScheduleFrom: "~/.config/bedtime/schedule.yaml"})
}
