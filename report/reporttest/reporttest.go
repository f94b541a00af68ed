// Package reporttest makes a person's history for the report's tests and
// its end-to-end run: the reminders' history and the cramp diary of some
// weeks up to a given moment, the same every time for the same moment.
package reporttest

import (
	"math/rand/v2"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// History makes weeks of a person's life up to now, the same every run:
// the reminders' history and the diary's answers. The calf stretch done
// in the evening goes with fewer cramps that night; there are nights
// without an answer, a stretch of days the computer was off, a reminder
// added and one removed, corrections, a cramp recorded as it happened,
// notes with HTML and a spreadsheet formula in them.
func History(now time.Time, weeks int) ([]state.Event, []diary.Entry) {
	loc := now.Location()
	rng := rand.New(rand.NewPCG(22, uint64(weeks)))
	var events []state.Event
	var entries []diary.Entry
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	start := today.AddDate(0, 0, -weeks*7)
	type rem struct {
		name       string
		h, m       int
		weekdays   bool
		doneChance float64
		from, to   int // days from start it exists in the history (to exclusive; 0 = to the end)
	}
	days := weeks * 7
	rems := []rem{
		{"magnesium", 20, 30, false, 0.8, 0, 0},
		{"calf-stretch", 22, 0, false, 0.6, 0, 0},
		{"movement", 10, 55, true, 0.5, 0, 0},
		{"movement", 14, 55, true, 0.5, 0, 0},
		{"hydration", 12, 0, false, 0.7, 0, days - 35},
		{"evening-walk", 19, 0, false, 0.5, days - 20, 0},
	}
	off := func(d int) bool { return d >= days-30 && d < days-26 } // the computer was off
	for d := 0; d < days; d++ {
		day := start.AddDate(0, 0, d)
		stretched := false
		for _, r := range rems {
			if d < r.from || (r.to > 0 && d >= r.to) {
				continue
			}
			if r.weekdays && (day.Weekday() == time.Saturday || day.Weekday() == time.Sunday) {
				continue
			}
			at := time.Date(day.Year(), day.Month(), day.Day(), r.h, r.m, 0, 0, loc)
			if !at.Before(now) {
				continue
			}
			ev := func(k state.Kind, after time.Duration) {
				events = append(events, state.Event{At: at.Add(after), Reminder: r.name, Kind: k, Scheduled: at})
			}
			switch x := rng.Float64(); {
			case off(d):
				if r.name == "magnesium" {
					ev(state.Missed, 48*time.Hour)
				}
			case x < 0.04:
				ev(state.Skipped, 0)
			case x < 0.04+r.doneChance:
				ev(state.Shown, time.Second)
				ev(state.Done, 3*time.Minute)
				if r.name == "calf-stretch" {
					stretched = true
				}
			case x < 0.95:
				ev(state.Shown, time.Second)
				ev(state.Dismissed, time.Minute)
			default:
				ev(state.Missed, 3*time.Hour)
			}
		}
		night := diary.Night(day)
		morning := time.Date(day.Year(), day.Month(), day.Day()+1, 7, 5+rng.IntN(50), 0, 0, loc)
		if !morning.Before(now) || off(d) || rng.Float64() < 0.15 {
			continue // no answer
		}
		chance := 0.55
		if stretched {
			chance = 0.25
		}
		if rng.Float64() >= chance {
			entries = append(entries, diary.Entry{Night: night, At: morning, Via: diary.ViaDesktop, Answer: diary.AnswerNone})
			continue
		}
		answer := diary.AnswerSome
		if rng.Float64() < 0.3 {
			answer = diary.AnswerBad
		}
		via := diary.ViaDesktop
		if d%5 == 0 {
			via = diary.ViaPhone
		}
		entries = append(entries, diary.Entry{Night: night, At: morning, Via: via, Answer: answer})
		if d%3 == 0 { // the details, later that day
			sev := 2 + rng.IntN(6)
			if answer == diary.AnswerBad {
				sev = 7 + rng.IntN(4)
			}
			legs := []diary.Leg{diary.LegLeft, diary.LegRight, diary.LegBoth}
			entries = append(entries, diary.Entry{Night: night, At: morning.Add(90 * time.Minute), Via: diary.ViaCLI,
				Count: diary.Int(1 + rng.IntN(3)), Severity: diary.Int(sev), Sleep: diary.Int(rng.IntN(8)), Leg: legs[rng.IntN(3)]})
		}
	}
	// A cramp recorded as it happened, in the small hours, then its
	// details in the morning, with the note that has HTML in it.
	crampNight, cramp := recentCramp(today)
	if cramp.Before(now) && cramp.After(start) {
		entries = append(entries,
			diary.Entry{Night: crampNight, At: cramp, Via: diary.ViaNow, Cramp: cramp},
			diary.Entry{Night: crampNight, At: cramp.Add(5 * time.Hour), Via: diary.ViaCLI, Severity: diary.Int(6), Leg: diary.LegRight,
				Note: "Woke at 02:40 (the second one). <script>alert('x')</script> & <b>not bold</b>"})
	}
	// Another night than the cramp's: a later note of a night takes the
	// place of its earlier one.
	otherNight := func(i int) diary.Entry {
		for entries[i].Night == crampNight && i+1 < len(entries) {
			i++
		}
		return entries[i]
	}
	// A correction: the morning's Some was a mistake.
	if n := len(entries); n > 10 {
		e := otherNight(n / 2)
		entries = append(entries, diary.Entry{Night: e.Night, At: e.At.Add(3 * time.Hour), Via: diary.ViaCLI, Count: diary.Int(0), Note: "pressed the wrong button"})
	}
	if n := len(entries); n > 20 {
		e := otherNight(n / 3)
		entries = append(entries, diary.Entry{Night: e.Night, At: e.At.Add(time.Hour), Via: diary.ViaCLI, Note: "=HYPERLINK(\"x\") new shoes, long walk"})
	}
	return events, entries
}

// recentCramp returns the night of the cramp recorded as it happened and
// its instant, 02:40 the next morning: in the last four weeks before today,
// the night the clocks went back, at the second 02:40, when there is one;
// otherwise ten nights ago. Relative to today, so that every report of four
// weeks or more holds it, whatever the day it is made.
func recentCramp(today time.Time) (string, time.Time) {
	loc := today.Location()
	at := func(day time.Time) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day()+1, 2, 40, 0, 0, loc)
	}
	for d := 1; d <= 28; d++ {
		day := today.AddDate(0, 0, -d)
		// time.Date picks either 02:40 of the hour that repeats.
		t := at(day)
		for _, second := range []time.Time{t.Add(time.Hour), t} {
			if first := second.Add(-time.Hour); first.Hour() == 2 && first.Minute() == 40 && second.Hour() == 2 {
				return diary.Night(day), second
			}
		}
	}
	day := today.AddDate(0, 0, -10)
	return diary.Night(day), at(day)
}
