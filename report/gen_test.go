package report

import (
	"time"
	_ "time/tzdata" // the tests' zone, wherever they run

	"github.com/bedtime-app/bedtime/config"
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

// schedule is the fixture's schedule in force, as a schedule file says
// it, so that the report says it as bedtime does.
func schedule() []Scheduled {
	s, err := config.ParseIn("schedule.yaml", []byte(`reminders:
  movement: {cron: "55 9-16 * * mon-fri"}
  magnesium: {at: "20:30"}
  calf-stretch: {before_bedtime: 30m}
  evening-walk: {at: "19:00", days: [tue, thu, sat], title: Evening walk}
  morning-stretch: {at: "07:30", days: weekdays, enabled: false}
`), berlin)
	if err != nil {
		panic(err)
	}
	var out []Scheduled
	for _, r := range s.Reminders {
		out = append(out, Scheduled{r.Name, r, r.Enabled})
	}
	return out
}

func fixedReport(weeks int) Report {
	events, entries := reporttest.History(fixedNow, 12)
	return Build(Input{Now: fixedNow, Loc: berlin, Weeks: weeks, Events: events, Entries: entries,
		Schedule: schedule(), ScheduleFrom: "~/.config/bedtime/schedule.yaml"})
}
