package scheduler

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// simulate drives e with Due from from to to, jumping straight to each
// wake-up, and returns every event.
func simulate(t *testing.T, e *Engine, from, to time.Time) []Event {
	t.Helper()
	var all []Event
	now := from
	for i := 0; ; i++ {
		if i > 1_000_000 {
			t.Fatal("simulation does not end")
		}
		evs, next := e.Due(now)
		all = append(all, evs...)
		if next.IsZero() || next.After(to) {
			return all
		}
		if !next.After(now) {
			t.Fatalf("next wake-up %s is not after now %s", wall(next), wall(now))
		}
		now = next
	}
}

func TestYearFiresOncePerDayInEveryZone(t *testing.T) {
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"} {
		t.Run(zone, func(t *testing.T) {
			loc := mustLoad(t, zone)
			// Times that fall into a DST gap or fold in one of the zones.
			times := []TimeOfDay{{1, 45}, {2, 10}, {2, 30}, {20, 30}}
			var jobs []Job
			for _, tod := range times {
				jobs = append(jobs, Job{Name: tod.String(), Schedule: &Daily{Times: []TimeOfDay{tod}, Location: loc}})
			}
			from := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
			to := from.AddDate(1, 0, 0).Add(-time.Second)
			evs := simulate(t, NewEngine(jobs), from, to)
			perDay := map[string]int{}
			for _, ev := range evs {
				if ev.Kind != Fire {
					t.Fatalf("unexpected %v", ev)
				}
				if ev.Late() != 0 {
					t.Fatalf("%s fired %v late", ev.Job, ev.Late())
				}
				// The wall time shows the scheduled time, or a later one on a DST gap day.
				lt := ev.Scheduled.In(loc)
				perDay[ev.Job+" "+lt.Format("2006-01-02")]++
			}
			days := 365
			for _, tod := range times {
				n := 0
				for k, c := range perDay {
					if k[:5] == tod.String() {
						n++
						if c != 1 {
							t.Errorf("%s fired %d times", k, c)
						}
					}
				}
				if n != days {
					t.Errorf("%s fired on %d days, want %d", tod, n, days)
				}
			}
		})
	}
}

func TestSuspendResumeCatchUp(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	mk := func() *Engine {
		return NewEngine([]Job{
			{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour},
			{Name: "hydration", Schedule: &Interval{Every: 2 * time.Hour, Window: true, Start: TimeOfDay{8, 0}, End: TimeOfDay{20, 0}, Location: berlin}},
		})
	}
	start := at(t, berlin, "2026-11-25 09:00 +0100")
	tests := []struct {
		name string
		wake string
		want []string // "job kind superseded"
	}{
		{"short nap", "2026-11-25 10:00 +0100", []string{"hydration fire 0"}},
		{"slept through the afternoon", "2026-11-25 14:30 +0100", []string{"hydration missed 2"}},
		{"woke within the magnesium grace", "2026-11-25 22:00 +0100", []string{"magnesium fire 0", "hydration missed 5"}},
		{"woke too late for magnesium", "2026-11-25 22:31 +0100", []string{"magnesium missed 0", "hydration missed 5"}},
		{"slept three days", "2026-11-28 21:00 +0100", []string{"magnesium fire 3", "hydration missed 26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := mk()
			if evs, _ := e.Due(start); len(evs) != 0 {
				t.Fatalf("start: %v", evs)
			}
			evs, _ := e.Due(at(t, berlin, tt.wake))
			var got []string
			for _, ev := range evs {
				got = append(got, fmt.Sprintf("%s %s %d", ev.Job, ev.Kind, ev.Superseded))
				// Each folded instant is listed once, in order, before the
				// one reported, and is an instant of the job's schedule.
				if len(ev.Folded) != ev.Superseded {
					t.Errorf("%s: %d folded instants listed, %d counted", ev.Job, len(ev.Folded), ev.Superseded)
				}
				for i, f := range ev.Folded {
					if !f.Before(ev.Scheduled) || i > 0 && !f.After(ev.Folded[i-1]) {
						t.Errorf("%s: folded instants out of order: %v before %v", ev.Job, ev.Folded, ev.Scheduled)
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("events = %v, want %v", got, tt.want)
			}
			// Waking again at the same time does nothing more.
			if evs, _ := e.Due(at(t, berlin, tt.wake)); len(evs) != 0 {
				t.Fatalf("second Due = %v, want nothing", evs)
			}
		})
	}
}

func TestClockSetBackwardsNeverRefires(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	e := NewEngine([]Job{{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour}})
	e.Due(at(t, berlin, "2026-11-25 20:00 +0100"))
	evs, _ := e.Due(at(t, berlin, "2026-11-25 20:30 +0100"))
	if len(evs) != 1 || evs[0].Kind != Fire {
		t.Fatalf("at 20:30: %v", evs)
	}
	// The clock goes back an hour, then forward again past 20:30.
	evs, next := e.Due(at(t, berlin, "2026-11-25 19:40 +0100"))
	if len(evs) != 0 {
		t.Fatalf("after setting back: %v", evs)
	}
	if want := at(t, berlin, "2026-11-26 20:30 +0100"); !next.Equal(want) {
		t.Fatalf("next = %s, want %s", wall(next), wall(want))
	}
	if evs, _ := e.Due(at(t, berlin, "2026-11-25 20:31 +0100")); len(evs) != 0 {
		t.Fatalf("20:30 fired twice: %v", evs)
	}
	// Forward a day: fires once for the 26th.
	if evs, _ := e.Due(at(t, berlin, "2026-11-26 20:30 +0100")); len(evs) != 1 {
		t.Fatalf("26th: %v", evs)
	}
}

func TestReloadKeepsWhatFired(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	daily := func(h, m int) Job {
		return Job{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{h, m}}, Location: berlin}, CatchUp: 2 * time.Hour}
	}
	e := NewEngine([]Job{daily(20, 30)})
	e.Due(at(t, berlin, "2026-11-25 20:00 +0100"))
	if evs, _ := e.Due(at(t, berlin, "2026-11-25 20:30 +0100")); len(evs) != 1 {
		t.Fatalf("fire: %v", evs)
	}
	e.SetJobs([]Job{daily(20, 30), {Name: "water", Schedule: &Daily{Times: []TimeOfDay{{20, 0}}, Location: berlin}, CatchUp: 2 * time.Hour}})
	if evs, _ := e.Due(at(t, berlin, "2026-11-25 20:45 +0100")); len(evs) != 0 {
		t.Fatalf("after reload: %v (a fired reminder fired again, or a new one fired for the past)", evs)
	}
}

func TestSnoozeFiresOnce(t *testing.T) {
	e := NewEngine(nil)
	now := time.Date(2026, 11, 25, 20, 30, 0, 0, time.UTC)
	e.FireOnceAt("magnesium", now.Add(10*time.Minute))
	evs, next := e.Due(now)
	if len(evs) != 0 || !next.Equal(now.Add(10*time.Minute)) {
		t.Fatalf("Due = %v, %v", evs, next)
	}
	evs, _ = e.Due(next)
	if len(evs) != 1 || evs[0].Job != "magnesium" {
		t.Fatalf("snooze: %v", evs)
	}
	if evs, _ := e.Due(next.Add(time.Minute)); len(evs) != 0 {
		t.Fatalf("snooze fired twice: %v", evs)
	}
	// A snooze that came due during a long sleep is missed, not shown.
	e.FireOnceAt("magnesium", now.Add(time.Hour))
	if evs, _ := e.Due(now.Add(3 * time.Hour)); len(evs) != 1 || evs[0].Kind != Miss || !evs[0].Once {
		t.Fatalf("stale snooze: %v", evs)
	}
}

// TestRunWithFakeClock runs the real loop: it fires at each due instant,
// and after a jump of the clock (a resume) handles what became due at once.
func TestRunWithFakeClock(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	clock := NewFakeClock(at(t, berlin, "2026-11-25 07:59 +0100"))
	e := NewEngine([]Job{
		{Name: "hydration", Schedule: &Interval{Every: 2 * time.Hour, Window: true, Start: TimeOfDay{8, 0}, End: TimeOfDay{20, 0}, Location: berlin}},
		{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour},
	})
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan Event, 16)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); e.Run(ctx, clock, func(ev Event) { events <- ev }) }()
	defer func() { cancel(); wg.Wait() }()

	waitIdle := func(want time.Time) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for clock.Waiters() == 0 || !clock.NextWake().Equal(want) {
			select {
			case <-clock.Waiting():
			case <-deadline:
				t.Fatalf("engine not waiting for %s (next wake %s)", wall(want), wall(clock.NextWake()))
			}
		}
	}
	expect := func(job string, kind EventKind, scheduled string) {
		t.Helper()
		select {
		case ev := <-events:
			if ev.Job != job || ev.Kind != kind || !ev.Scheduled.Equal(at(t, berlin, scheduled)) {
				t.Fatalf("event = %s %s %s, want %s %s %s", ev.Job, ev.Kind, wall(ev.Scheduled), job, kind, scheduled)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no event, want %s at %s", job, scheduled)
		}
	}

	waitIdle(at(t, berlin, "2026-11-25 08:00 +0100"))
	clock.Advance(time.Minute)
	expect("hydration", Fire, "2026-11-25 08:00 +0100")
	waitIdle(at(t, berlin, "2026-11-25 10:00 +0100"))
	// Suspend at 08:01 and resume at 20:40: a timer would still wait for
	// 10:00 by its own count; the engine sees the wall clock.
	clock.Set(at(t, berlin, "2026-11-25 20:40 +0100"))
	expect("hydration", Miss, "2026-11-25 20:00 +0100")
	expect("magnesium", Fire, "2026-11-25 20:30 +0100")
	waitIdle(at(t, berlin, "2026-11-26 08:00 +0100"))
	// The clock is set back to noon: nothing fires again; the engine now
	// waits for the next hydration after noon... but only after 20:30.
	clock.Set(at(t, berlin, "2026-11-25 12:00 +0100"))
	waitIdle(at(t, berlin, "2026-11-26 08:00 +0100"))
	select {
	case ev := <-events:
		t.Fatalf("after setting the clock back: %v", ev)
	default:
	}
	// A reload is noticed at once.
	e.SetJobs(append(e.Jobs(), Job{Name: "stretch", Schedule: &Daily{Times: []TimeOfDay{{21, 0}}, Location: berlin}}))
	waitIdle(at(t, berlin, "2026-11-25 21:00 +0100"))
}

func TestSkipAndPause(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	e := NewEngine([]Job{
		{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour},
		{Name: "water", Schedule: &Interval{Every: time.Hour, Location: berlin}},
	})
	e.Due(at(t, berlin, "2026-11-25 18:30 +0100"))
	e.SkipAt("magnesium", at(t, berlin, "2026-11-25 20:30 +0100"))
	e.PauseUntil(at(t, berlin, "2026-11-25 19:30 +0100"))
	kinds := func(evs []Event) string {
		var s []string
		for _, ev := range evs {
			s = append(s, fmt.Sprintf("%s:%s:%v", ev.Job, ev.Kind, ev.Paused))
		}
		return fmt.Sprint(s)
	}
	if got := kinds(must(e.Due(at(t, berlin, "2026-11-25 19:00 +0100")))); got != "[water:skipped:true]" {
		t.Fatalf("paused 19:00: %s", got)
	}
	if got := kinds(must(e.Due(at(t, berlin, "2026-11-25 20:00 +0100")))); got != "[water:fire:false]" {
		t.Fatalf("after the pause 20:00: %s", got)
	}
	if got := kinds(must(e.Due(at(t, berlin, "2026-11-25 20:30 +0100")))); got != "[magnesium:skipped:false]" {
		t.Fatalf("skipped 20:30: %s", got)
	}
	// Only that one instant is skipped.
	e.Due(at(t, berlin, "2026-11-26 20:29 +0100"))
	if got := kinds(must(e.Due(at(t, berlin, "2026-11-26 20:30 +0100")))); got != "[magnesium:fire:false]" {
		t.Fatalf("next day: %s", got)
	}
	// CancelOnce drops a snooze.
	e.FireOnceAt("magnesium", at(t, berlin, "2026-11-26 20:40 +0100"))
	e.CancelOnce("magnesium")
	if got := kinds(must(e.Due(at(t, berlin, "2026-11-26 20:45 +0100")))); got != "[]" {
		t.Fatalf("after CancelOnce: %s", got)
	}
}

func must(evs []Event, _ time.Time) []Event { return evs }
