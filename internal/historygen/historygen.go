// Package historygen writes a made-up but lifelike bedtime history, for
// benchmarks and for tests that compare a reading of the history's tail
// with a reading of all of it.
//
// A day has about 140 lines: a movement break every 20 minutes from 07:00
// to 22:00, water every hour from 08:00 to 20:00, magnesium at 20:30 and
// the calf stretch at 22:30; each instant is shown and then done, snoozed
// (and shown again), dismissed, left to expire, sometimes sent to a phone
// too, and now and then missed or skipped. Ten years come to about 500,000
// lines. The same seed gives the same history.
package historygen

import (
	"math/rand/v2"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// reminder is one reminder of the made-up schedule.
type reminder struct {
	name     string
	from, to int // minutes after midnight, both included
	every    int // minutes
	done     float64
}

var reminders = []reminder{
	{"movement", 7 * 60, 22 * 60, 20, 0.55},
	{"hydration", 8 * 60, 20 * 60, 60, 0.7},
	{"magnesium", 20*60 + 30, 20*60 + 30, 1, 0.93},
	{"stretch", 22*60 + 30, 22*60 + 30, 1, 0.9},
}

// Day returns the events of one day (its midnight in its zone) in time
// order.
func Day(day time.Time, rnd *rand.Rand) []state.Event {
	var evs []state.Event
	for _, r := range reminders {
		for m := r.from; m <= r.to; m += r.every {
			at := day.Add(time.Duration(m) * time.Minute)
			evs = append(evs, instant(r, at, rnd)...)
		}
	}
	// In time order, as the daemon writes them.
	sortByAt(evs)
	return evs
}

// instant returns the events of one scheduled instant of r.
func instant(r reminder, at time.Time, rnd *rand.Rand) []state.Event {
	ev := func(after time.Duration, k state.Kind, via, detail string) state.Event {
		return state.Event{At: at.Add(after), Reminder: r.name, Kind: k, Scheduled: at, Via: via, Detail: detail}
	}
	p := rnd.Float64()
	switch {
	case p < 0.02:
		return []state.Event{ev(0, state.Skipped, "", "bedtime skip")}
	case p < 0.05:
		return []state.Event{ev(3*time.Hour, state.Missed, "", "the machine was asleep")}
	}
	out := []state.Event{ev(time.Second, state.Shown, "d-bus: dunst", "")}
	if rnd.Float64() < 0.3 {
		out = append(out, ev(2*time.Second, state.Sent, "phone", ""))
	}
	if rnd.Float64() < 0.1 {
		out = append(out, ev(2*time.Minute, state.Snoozed, "", "10m, button"), ev(12*time.Minute, state.Shown, "d-bus: dunst", "again"))
	}
	switch q := rnd.Float64(); {
	case q < r.done:
		out = append(out, ev(15*time.Minute, state.Done, "", "button"))
	case q < r.done+0.05:
		out = append(out, ev(16*time.Minute, state.Dismissed, "", "button"))
	default:
		out = append(out, ev(19*time.Minute, state.Expired, "", ""))
	}
	return out
}

func sortByAt(evs []state.Event) {
	// Insertion sort: a day's events are nearly in order already.
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && evs[j].At.Before(evs[j-1].At); j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
}

// Write appends the history of the days days before end (its midnight in
// loc, not included) to the store, a day at a time, and returns how many
// events it wrote.
func Write(s *state.Store, days int, end time.Time, loc *time.Location, seed uint64) (int, error) {
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	e := end.In(loc)
	first := time.Date(e.Year(), e.Month(), e.Day()-days, 0, 0, 0, 0, loc)
	n := 0
	var batch []state.Event
	for d := range days {
		batch = append(batch, Day(first.AddDate(0, 0, d), rnd)...)
		if len(batch) > 20000 || d == days-1 {
			if err := s.AppendAll(batch); err != nil {
				return n, err
			}
			n += len(batch)
			batch = batch[:0]
		}
	}
	return n, nil
}
