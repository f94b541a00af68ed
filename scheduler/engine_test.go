package scheduler

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
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
	e.SetLogger(slog.New(slog.DiscardHandler))
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
	// The clock is set back to noon: nothing fires at once. Hydration is
	// due again at 14:00, as the clock now says (its 14:00 to 18:00 were
	// missed, never shown); magnesium, shown at 20:30, is not shown again
	// at 20:30 but waits for the next day.
	clock.Set(at(t, berlin, "2026-11-25 12:00 +0100"))
	waitIdle(at(t, berlin, "2026-11-25 14:00 +0100"))
	select {
	case ev := <-events:
		t.Fatalf("after setting the clock back: %v", ev)
	default:
	}
	if last, _ := e.Last("magnesium"); !last.Equal(at(t, berlin, "2026-11-25 20:30 +0100")) {
		t.Errorf("magnesium last = %s, want 20:30 kept", wall(last))
	}
	clock.Advance(2 * time.Hour)
	expect("hydration", Fire, "2026-11-25 14:00 +0100")
	waitIdle(at(t, berlin, "2026-11-25 16:00 +0100"))
	// A reload is noticed at once.
	e.SetJobs(append(e.Jobs(), Job{Name: "stretch", Schedule: &Daily{Times: []TimeOfDay{{14, 30}}, Location: berlin}}))
	waitIdle(at(t, berlin, "2026-11-25 14:30 +0100"))
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

// TestFutureLastFiresFromNow is issue 12 item 6: a last handled instant in
// the future (a clock that ran ahead, written to the state and restored
// with SetLast) silenced the reminder until then. It is logged once and
// the reminder fires at its next instant after now; a mark that is the
// very next instant (the clock set back by less than a period) stays, so
// nothing is shown twice.
func TestFutureLastFiresFromNow(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	magnesium := Job{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour}
	hydration := Job{Name: "hydration", Schedule: &Interval{Every: 2 * time.Hour, Window: true, Start: TimeOfDay{8, 0}, End: TimeOfDay{20, 0}, Location: berlin}}
	tests := []struct {
		name     string
		last     string // magnesium's mark
		now      string
		next     string // the wake-up Due returns
		fires    string // when magnesium fires next
		logLines int
	}{
		{"ran ahead by months", "2027-03-01 20:30 +0100", "2026-11-25 19:00 +0100", "2026-11-25 20:00 +0100", "2026-11-25 20:30 +0100", 1},
		{"ran ahead by two days", "2026-11-27 20:30 +0100", "2026-11-25 21:00 +0100", "2026-11-26 08:00 +0100", "2026-11-26 20:30 +0100", 1},
		// The very next instant stays marked: the user may have seen it
		// an hour ago, before the clock was set back.
		{"ran ahead by a day", "2026-11-26 20:30 +0100", "2026-11-25 21:00 +0100", "2026-11-26 08:00 +0100", "2026-11-27 20:30 +0100", 0},
		{"ran ahead by a minute, past an instant", "2026-11-25 20:30 +0100", "2026-11-25 20:29 +0100", "2026-11-26 08:00 +0100", "2026-11-26 20:30 +0100", 0},
		{"set back an hour after firing", "2026-11-25 20:30 +0100", "2026-11-25 19:30 +0100", "2026-11-25 20:00 +0100", "2026-11-26 20:30 +0100", 0},
		{"not in the future", "2026-11-24 20:30 +0100", "2026-11-25 19:00 +0100", "2026-11-25 20:00 +0100", "2026-11-25 20:30 +0100", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			e := NewEngine([]Job{magnesium, hydration})
			e.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
			now := at(t, berlin, tt.now)
			e.SetLast("magnesium", at(t, berlin, tt.last))
			e.SetLast("hydration", now)
			evs, next := e.Due(now)
			if len(evs) != 0 {
				t.Fatalf("events at once: %v", evs)
			}
			if want := at(t, berlin, tt.next); !next.Equal(want) {
				t.Errorf("next = %s, want %s", wall(next), wall(want))
			}
			// Waking again logs nothing more.
			e.Due(now.Add(time.Second))
			if got := strings.Count(logs.String(), "\n"); got != tt.logLines {
				t.Errorf("%d log lines, want %d:\n%s", got, tt.logLines, logs.String())
			}
			if tt.logLines > 0 && !strings.Contains(logs.String(), "reminders=[magnesium] marked="+at(t, berlin, tt.last).Format(time.RFC3339)) {
				t.Errorf("log = %s", logs.String())
			}
			// Magnesium fires at its next instant, and then every day,
			// its old mark included.
			var got []string
			for _, ev := range simulate(t, e, now.Add(time.Second), at(t, berlin, "2027-03-03 00:00 +0100")) {
				if ev.Job == "magnesium" {
					if ev.Kind != Fire {
						t.Fatalf("magnesium %s at %s", ev.Kind, wall(ev.Scheduled))
					}
					got = append(got, ev.Scheduled.In(berlin).Format("2006-01-02 15:04 -0700"))
				}
			}
			if len(got) == 0 || got[0] != tt.fires {
				t.Fatalf("magnesium first fires at %v, want %s", got[:min(len(got), 1)], tt.fires)
			}
			first, _ := time.Parse("2006-01-02 15:04 -0700", tt.fires)
			if want := int(at(t, berlin, "2027-03-02 20:30 +0100").Sub(first).Hours()/24) + 1; len(got) != want {
				t.Errorf("magnesium fired %d times up to 2 March, want %d (once a day)", len(got), want)
			}
		})
	}
}

// TestFutureLastWithRun restores a mark from the future the way the daemon
// does at start, and runs the real loop on a fake clock: the reminder
// fires at 20:30 today.
func TestFutureLastWithRun(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	clock := NewFakeClock(at(t, berlin, "2026-11-25 19:00 +0100"))
	e := NewEngine([]Job{{Name: "magnesium", Schedule: &Daily{Times: []TimeOfDay{{20, 30}}, Location: berlin}, CatchUp: 2 * time.Hour}})
	var logs bytes.Buffer
	e.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	e.SetLast("magnesium", at(t, berlin, "2031-06-01 20:30 +0200"))
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan Event, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); e.Run(ctx, clock, func(ev Event) { events <- ev }) }()
	defer func() { cancel(); wg.Wait() }()
	want := at(t, berlin, "2026-11-25 20:30 +0100")
	deadline := time.After(5 * time.Second)
	for clock.Waiters() == 0 || !clock.NextWake().Equal(want) {
		select {
		case <-clock.Waiting():
		case <-deadline:
			t.Fatalf("engine waits for %s, want %s", wall(clock.NextWake()), wall(want))
		}
	}
	clock.Set(want)
	select {
	case ev := <-events:
		if ev.Kind != Fire || !ev.Scheduled.Equal(want) {
			t.Fatalf("event %v", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("magnesium did not fire")
	}
	if n := strings.Count(logs.String(), "\n"); n != 1 {
		t.Errorf("%d log lines, want 1:\n%s", n, logs.String())
	}
}
