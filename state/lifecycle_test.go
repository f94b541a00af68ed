package state

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// TestApply runs sequences of steps through the lifecycle and checks the
// history lines they make, the errors, and the reminder's state after.
func TestApply(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	t1 := t0.Add(24 * time.Hour) // the next evening
	step := func(k Kind, sched time.Time, extra ...string) Step {
		s := Step{Reminder: "magnesium", Scheduled: sched, Kind: k, At: sched.Add(time.Minute)}
		if len(extra) > 0 {
			s.Source = extra[0]
		}
		return s
	}
	tests := []struct {
		name  string
		steps []Step
		// want: per step, the kinds of events it made ("-" none), or the
		// error it returned ("!already", "!notopen").
		want string
		// state: the open instant's status and the last outcome after.
		state string
	}{
		{"shown then done", []Step{step(Due, t0), step(Shown, t0), step(Done, t0, "button")},
			"- shown done", "open= closed=done"},
		{"done twice: the second is a no-op that says so", []Step{step(Due, t0), step(Shown, t0), step(Done, t0, "button"), step(Done, t0, "command")},
			"- shown done !already", "open= closed=done"},
		{"held, held again, then shown", []Step{step(Due, t0), {Reminder: "magnesium", Scheduled: t0, Kind: Held, Detail: "no notification server"}, {Reminder: "magnesium", Scheduled: t0, Kind: Held, Detail: "no notification server"}, step(Shown, t0)},
			"- held - shown", "open=shown closed="},
		{"held until too late: missed", []Step{step(Due, t0), step(Held, t0), step(Missed, t0)},
			"- held missed", "open= closed=missed"},
		{"snoozed, shown again, done", []Step{step(Due, t0), step(Shown, t0), step(Snoozed, t0), step(Due, t0), step(Shown, t0), step(Done, t0)},
			"- shown snoozed - shown done", "open= closed=done"},
		{"the next instant ends an unanswered one as expired", []Step{step(Due, t0), step(Shown, t0), step(Due, t1)},
			"- shown expired", "open=due closed=expired"},
		{"the next instant ends one never shown as missed", []Step{step(Due, t0), step(Held, t0), step(Due, t1)},
			"- held missed", "open=due closed=missed"},
		{"dismissed, then done: done", []Step{step(Due, t0), step(Shown, t0), step(Dismissed, t0), step(Done, t0)},
			"- shown dismissed done", "open= closed=done"},
		{"a button on a finished instant is refused", []Step{step(Due, t0), step(Shown, t0), step(Done, t0), step(Snoozed, t0), step(Dismissed, t0)},
			"- shown done !notopen !notopen", "open= closed=done"},
		{"done before the daemon fired it", []Step{step(Done, t0)},
			"done", "open= closed=done"},
		{"a repeat of a done instant is refused", []Step{step(Due, t0), step(Shown, t0), step(Done, t0), step(Due, t0)},
			"- shown done !notopen", "open= closed=done"},
		{"a repeat reopens a dismissed instant", []Step{step(Due, t0), step(Shown, t0), step(Dismissed, t0), step(Due, t0), step(Shown, t0)},
			"- shown dismissed - shown", "open=shown closed="},
		{"skipped, then missed again: one outcome", []Step{step(Skipped, t0), step(Missed, t0)},
			"skipped -", "open= closed=skipped"},
		{"shown is refused without a due instant", []Step{step(Shown, t0)},
			"!notopen", "open= closed="},
		// Issue 19, item 3: a reminder repeating on the phone; Done for the
		// previous instant came after the next one was shown.
		{"done for the previous instant leaves the open one alone", []Step{step(Due, t0), step(Shown, t0), step(Due, t1), step(Shown, t1), step(Done, t0, "phone")},
			"- shown expired shown done", "open=shown closed=done"},
		{"done twice for the previous instant", []Step{step(Due, t0), step(Shown, t0), step(Due, t1), step(Done, t0, "phone"), step(Done, t0, "phone")},
			"- shown expired done !already", "open=due closed=done"},
		{"done for an instant before the last finished one is refused", []Step{step(Due, t0), step(Shown, t0), step(Due, t1), step(Due, t1.Add(24*time.Hour)), step(Done, t0)},
			"- shown expired missed !notopen", "open=due closed=missed"},
		{"missed for an older instant leaves the open one alone", []Step{step(Due, t0), step(Due, t1), step(Shown, t1), step(Missed, t0.Add(-24*time.Hour))},
			"- missed shown !notopen", "open=shown closed=missed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var st State
			var got []string
			for _, s := range tt.steps {
				evs, err := st.Apply(s)
				var already *AlreadyError
				switch {
				case errors.As(err, &already):
					got = append(got, "!already")
				case errors.Is(err, ErrNotOpen):
					got = append(got, "!notopen")
				case err != nil:
					t.Fatalf("Apply(%+v) = %v", s, err)
				case len(evs) == 0:
					got = append(got, "-")
				default:
					var kinds []string
					for _, ev := range evs {
						if ev.Reminder != s.Reminder || ev.Scheduled.IsZero() {
							t.Errorf("event %+v does not name the reminder and the instant", ev)
						}
						kinds = append(kinds, string(ev.Kind))
					}
					got = append(got, strings.Join(kinds, " "))
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("events = %q, want %q", g, tt.want)
			}
			if g := fmt.Sprintf("open=%s closed=%s", st.Open["magnesium"].Status, st.Closed["magnesium"].Kind); g != tt.state {
				t.Errorf("state = %q, want %q", g, tt.state)
			}
		})
	}
}

// TestRepeatCountEndsWithTheInstant: the count of repeats (State.Repeats)
// outlives a dismissal, which repeat_until_done shows again, and ends with
// the instant: done, or superseded by the next one.
func TestRepeatCountEndsWithTheInstant(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	step := func(k Kind, sched time.Time) Step {
		return Step{Reminder: "magnesium", Scheduled: sched, Kind: k, At: sched.Add(time.Minute)}
	}
	tests := []struct {
		name  string
		steps []Step
		want  int
	}{
		{"dismissed", []Step{step(Shown, t0), step(Dismissed, t0)}, 2},
		{"done", []Step{step(Shown, t0), step(Done, t0)}, 0},
		{"the next instant", []Step{step(Shown, t0), step(Due, t0.Add(24*time.Hour))}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var st State
			if _, err := st.Apply(step(Due, t0)); err != nil {
				t.Fatal(err)
			}
			st.Repeats["magnesium"] = 2
			for _, s := range tt.steps {
				if _, err := st.Apply(s); err != nil {
					t.Fatalf("Apply(%+v) = %v", s, err)
				}
			}
			if got := st.Repeats["magnesium"]; got != tt.want {
				t.Errorf("repeats = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestApplyAlreadySaysWhen(t *testing.T) {
	at := time.Date(2026, 11, 27, 20, 34, 0, 0, time.UTC)
	sched := at.Add(-4 * time.Minute)
	var st State
	if _, err := st.Apply(Step{Reminder: "magnesium", Scheduled: sched, Kind: Done, At: at}); err != nil {
		t.Fatal(err)
	}
	_, err := st.Apply(Step{Reminder: "magnesium", Scheduled: sched, Kind: Done, At: at.Add(time.Minute)})
	if got, want := fmt.Sprint(err), "magnesium was already done at 20:34"; got != want {
		t.Errorf("second Done = %q, want %q", got, want)
	}
}

func TestResolve(t *testing.T) {
	now := time.Date(2026, 11, 27, 20, 40, 0, 0, time.UTC)
	latest := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	yesterday := latest.Add(-24 * time.Hour)
	tests := []struct {
		name   string
		st     State
		latest time.Time
		grace  time.Duration
		want   string // the instant (15:04 on the day) or the error
	}{
		{"the open instant", State{Open: map[string]Instant{"magnesium": {Scheduled: latest, Status: Shown}}}, latest, time.Minute, "27 20:30"},
		{"held counts as open", State{Open: map[string]Instant{"magnesium": {Scheduled: latest, Status: Held}}}, latest, time.Minute, "27 20:30"},
		{"due within its grace, not fired yet", State{}, latest, 30 * time.Minute, "27 20:30"},
		{"due longer ago than its grace", State{}, latest, 5 * time.Minute, "nothing to mark: magnesium is not due"},
		{"an open instant older than the latest, within grace: the latest", State{Open: map[string]Instant{"magnesium": {Scheduled: yesterday, Status: Shown}}}, latest, 30 * time.Minute, "27 20:30"},
		{"already done", State{Closed: map[string]Outcome{"magnesium": {Scheduled: latest, Kind: Done, At: latest.Add(4 * time.Minute)}}}, latest, 30 * time.Minute, "magnesium was already done at 20:34"},
		{"already done, grace over", State{Closed: map[string]Outcome{"magnesium": {Scheduled: latest, Kind: Done, At: latest.Add(4 * time.Minute)}}}, latest, time.Minute, "magnesium was already done at 20:34"},
		{"dismissed, grace over", State{Closed: map[string]Outcome{"magnesium": {Scheduled: latest, Kind: Dismissed, At: latest.Add(time.Minute)}}}, latest, time.Minute, "nothing to mark: magnesium was last dismissed at Fri 20:31"},
		{"dismissed within grace: that one", State{Closed: map[string]Outcome{"magnesium": {Scheduled: latest, Kind: Dismissed, At: latest.Add(time.Minute)}}}, latest, 30 * time.Minute, "27 20:30"},
		{"never due", State{}, time.Time{}, time.Hour, "nothing to mark: magnesium is not due"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.st.Resolve("magnesium", tt.latest, tt.grace, now)
			g := got.Format("02 15:04")
			if err != nil {
				g = err.Error()
			}
			if g != tt.want {
				t.Errorf("Resolve = %q, want %q", g, tt.want)
			}
		})
	}
}

// TestLifecycleProperty drives random sequences of firings, server news,
// buttons, command-line answers and sleeps through Apply, keeps the
// history it makes, and checks that every instant has exactly one final
// outcome in the state, the same one that Instants reads from the history,
// and that Stats never counts more done than due.
func TestLifecycleProperty(t *testing.T) {
	names := []string{"magnesium", "water"}
	for seed := range 300 {
		rng := rand.New(rand.NewPCG(uint64(seed), 9))
		var st State
		var history []Event
		now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
		next := map[string]time.Time{"magnesium": now, "water": now}
		finals := map[string]map[time.Time]Kind{}
		dues := map[string][]time.Time{} // every instant that came along, in order
		for range 200 {
			name := names[rng.IntN(len(names))]
			now = now.Add(time.Duration(rng.IntN(90)) * time.Minute)
			var s Step
			open, hasOpen := st.Open[name]
			cur := open.Scheduled
			if !hasOpen {
				cur = st.Closed[name].Scheduled
			}
			switch r := rng.IntN(12); {
			case r < 3: // the next instant fires, is missed after sleep, or skipped
				sched := next[name]
				next[name] = sched.Add(time.Duration(1+rng.IntN(4)) * time.Hour)
				if sched.After(now) {
					now = sched
				}
				s = Step{Kind: []Kind{Due, Due, Missed, Skipped}[rng.IntN(4)], Scheduled: sched}
				dues[name] = append(dues[name], sched)
			case r < 5:
				s = Step{Kind: []Kind{Held, Shown}[rng.IntN(2)], Scheduled: cur}
			case r < 9: // an answer from a button, the phone or the command line
				s = Step{Kind: []Kind{Done, Done, Snoozed, Dismissed, Expired, Missed}[rng.IntN(6)], Scheduled: cur}
				if d := dues[name]; len(d) > 0 && rng.IntN(3) == 0 {
					// for any instant so far, in any order (the phone's
					// answer to an older one arriving late)
					s.Scheduled = d[rng.IntN(len(d))]
				}
			default: // `bedtime done`, resolved the way the command does
				latest := next[name].Add(-time.Hour)
				sched, err := st.Resolve(name, latest, time.Duration(rng.IntN(60))*time.Minute, now)
				if err != nil {
					continue
				}
				s = Step{Kind: Done, Scheduled: sched, Source: "command"}
			}
			if s.Scheduled.IsZero() {
				continue
			}
			s.Reminder, s.At = name, now
			before, hadOpen := st.Open[name]
			evs, err := st.Apply(s)
			// A step for one instant never changes another, but for a
			// newer one finishing the open one.
			if s.Kind != Due && hadOpen && before.Scheduled.After(s.Scheduled) {
				if after := st.Open[name]; after != before {
					t.Fatalf("seed %d: %s for %v changed the open instant %+v to %+v", seed, s.Kind, s.Scheduled, before, after)
				}
			}
			for _, ev := range evs {
				if !ev.Scheduled.Equal(s.Scheduled) && !(hadOpen && ev.Scheduled.Equal(before.Scheduled) && before.Scheduled.Before(s.Scheduled)) {
					t.Fatalf("seed %d: %s for %v made %s for %v", seed, s.Kind, s.Scheduled, ev.Kind, ev.Scheduled)
				}
			}
			var already *AlreadyError
			if err != nil && !errors.Is(err, ErrNotOpen) && !errors.As(err, &already) {
				t.Fatalf("seed %d: Apply(%+v) = %v", seed, s, err)
			}
			if err != nil && len(evs) > 0 {
				t.Fatalf("seed %d: Apply returned events with an error", seed)
			}
			for _, ev := range evs {
				if ev.Scheduled.IsZero() || ev.Reminder == "" {
					t.Fatalf("seed %d: event without instant: %+v", seed, ev)
				}
				if IsFinal(ev.Kind) {
					if finals[name] == nil {
						finals[name] = map[time.Time]Kind{}
					}
					prev, had := finals[name][ev.Scheduled]
					// A second final is allowed only as Done after a
					// non-done one (dismissed, then done from the CLI), or
					// after a repeat reopened a dismissed or expired one.
					if had && prev == Done {
						t.Fatalf("seed %d: %s %v finished twice: %s then %s", seed, name, ev.Scheduled, prev, ev.Kind)
					}
					finals[name][ev.Scheduled] = ev.Kind
				}
			}
			history = append(history, evs...)
		}
		instants, unattributed := Instants(history)
		if len(unattributed) > 0 {
			t.Fatalf("seed %d: unattributed lines from the current version: %v", seed, unattributed)
		}
		for _, in := range instants {
			final, finished := finals[in.Reminder][in.Scheduled]
			if st.Open[in.Reminder].Scheduled.Equal(in.Scheduled) {
				if in.Outcome == Done || finished && final == Done {
					t.Fatalf("seed %d: open instant %v counted done", seed, in.Scheduled)
				}
				continue
			}
			if !finished {
				t.Fatalf("seed %d: %s %v has no final outcome (read as %s)", seed, in.Reminder, in.Scheduled, in.Outcome)
			}
			// The history may say Done where the lifecycle's last final was
			// another (a Done after a dismissal is the last word there too).
			if in.Outcome != final && in.Outcome != Done {
				t.Fatalf("seed %d: %s %v: history says %s, lifecycle ended it %s", seed, in.Reminder, in.Scheduled, in.Outcome, final)
			}
		}
		for _, rs := range Stats(history, 60, now, time.UTC) {
			checkSums(t, rs)
		}
	}
}

// TestRecordSaysWhenTheHistoryIsNotWritten: the change is written to the
// state, the history cannot be (its lock held elsewhere, as a full disk
// would refuse it): Record says so with an *UnrecordedError holding the
// events, and the change holds.
func TestRecordSaysWhenTheHistoryIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenWith(dir, Options{LockWait: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	held, err := safefs.Lock(filepath.Join(dir, "history.lock"), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	at := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	_, err = s.Record(func(st *State) ([]Event, error) {
		return st.Apply(Step{Reminder: "magnesium", Scheduled: at, Kind: Done, At: at, Source: "command"})
	})
	var un *UnrecordedError
	if !errors.As(err, &un) || len(un.Events) != 1 || un.Events[0].Kind != Done {
		t.Fatalf("Record = %v, want an UnrecordedError with the done event", err)
	}
	if !strings.HasPrefix(err.Error(), "done, but not recorded in the history: ") {
		t.Errorf("error = %q", err)
	}
	st, _ := s.Load()
	if st.Closed["magnesium"].Kind != Done {
		t.Fatalf("the change did not hold: %+v", st.Closed)
	}
}
