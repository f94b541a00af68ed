package daemon

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// The writer's tests run in a testing/synctest bubble: a lock held
// elsewhere is waited for (stateLockWait) and retried (retryEvery) on the
// bubble's clock, so they take no real time.

var writerAt = time.Date(2026, 12, 7, 21, 0, 0, 0, time.UTC)

// writerFixture is a writer on a fresh state directory.
type writerFixture struct {
	w        *writer
	store    *state.Store
	log      *testutil.LogBuffer
	mu       sync.Mutex
	recorded []state.Event
}

func newWriterFixture(t *testing.T) *writerFixture {
	t.Helper()
	f := &writerFixture{log: &testutil.LogBuffer{}}
	lg := slog.New(slog.NewTextHandler(f.log, nil))
	store, err := state.OpenWith(t.TempDir(), state.Options{Logger: lg, LockWait: stateLockWait})
	if err != nil {
		t.Fatal(err)
	}
	f.store = store
	f.w = newWriter(store, lg, time.Minute, func(evs []state.Event) {
		f.mu.Lock()
		f.recorded = append(f.recorded, evs...)
		f.mu.Unlock()
	}, state.State{})
	return f
}

// due decides that reminder n's instant comes due and is shown; runs
// counts how often the decision ran.
func due(n int, runs *int) func(*state.Tx) {
	name := fmt.Sprintf("r%d", n)
	return func(tx *state.Tx) {
		*runs++
		tx.SetLast(name, writerAt)
		tx.Step(state.Step{Reminder: name, Scheduled: writerAt, Kind: state.Due, At: writerAt})
		tx.Step(state.Step{Reminder: name, Scheduled: writerAt, Kind: state.Shown, At: writerAt, Via: "test"})
	}
}

// history returns the history as "reminder:kind" words.
func (f *writerFixture) history(t *testing.T) string {
	t.Helper()
	evs, err := f.store.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, ev := range evs {
		words = append(words, ev.Reminder+":"+string(ev.Kind))
	}
	return strings.Join(words, " ")
}

// hold takes the state's lock as another process would.
func (f *writerFixture) hold(t *testing.T) (unlock func()) {
	t.Helper()
	fl, err := safefs.Lock(filepath.Join(f.store.Dir(), "state.lock"), 0)
	if err != nil {
		t.Fatal(err)
	}
	return func() { fl.Unlock() }
}

func TestWriterWritesEachChangeOnce(t *testing.T) {
	f := newWriterFixture(t)
	runs := make([]int, 3)
	for i := range runs {
		f.w.change(due(i, &runs[i]))
	}
	if got, want := f.history(t), "r0:shown r1:shown r2:shown"; got != want {
		t.Errorf("history = %q, want %q", got, want)
	}
	if got := len(f.recorded); got != 3 {
		t.Errorf("onRecord got %d events, want 3", got)
	}
	st, err := f.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range runs {
		name := fmt.Sprintf("r%d", i)
		if n != 1 {
			t.Errorf("decision %s ran %d times, want 1", name, n)
		}
		if !st.Last[name].Equal(writerAt) || st.Open[name].Status != state.Shown {
			t.Errorf("state of %s: last %v, open %+v", name, st.Last[name], st.Open[name])
		}
	}
	if v := f.w.View(); v.Open["r2"].Status != state.Shown {
		t.Errorf("view lacks the last change: %+v", v.Open)
	}
}

// TestWriterUnchangedWritesNothing: a decision that changes nothing does
// not rewrite the state file (the daemon watches it).
func TestWriterUnchangedWritesNothing(t *testing.T) {
	f := newWriterFixture(t)
	f.w.change(func(tx *state.Tx) { tx.SetProblem(state.ProblemSchedule, "") })
	if _, err := safefs.ReadPrivate(f.store.StatePath()); err == nil {
		t.Fatal("state.json written for a change that changed nothing")
	}
	f.w.change(func(tx *state.Tx) { tx.SetProblem(state.ProblemSchedule, "line 3: bad") })
	st, err := f.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st.Problems[state.ProblemSchedule] != "line 3: bad" {
		t.Fatalf("problems = %v", st.Problems)
	}
}

// TestWriterLockHeldKeepsTheChanges: while another process holds the
// state's lock, changes are decided once on the view, kept as data, logged
// once, and written in order when the lock is free: each decision runs
// once, each event is written once.
func TestWriterLockHeldKeepsTheChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newWriterFixture(t)
		unlock := f.hold(t)
		runs := make([]int, 2)
		f.w.change(due(0, &runs[0]))
		f.w.change(due(1, &runs[1]))
		if got := f.history(t); got != "" {
			t.Fatalf("history written through a held lock: %q", got)
		}
		if v := f.w.View(); v.Open["r1"].Status != state.Shown {
			t.Errorf("the view lacks the kept change: %+v", v.Open)
		}
		if n := strings.Count(f.log.String(), "cannot write the state or the history"); n != 1 {
			t.Errorf("%d log lines about the failed write, want 1:\n%s", n, f.log)
		}
		unlock()
		time.Sleep(time.Minute) // the retry
		synctest.Wait()
		if got, want := f.history(t), "r0:shown r1:shown"; got != want {
			t.Errorf("history = %q, want %q", got, want)
		}
		if runs[0] != 1 || runs[1] != 1 {
			t.Errorf("decisions ran %v times, want once each", runs)
		}
		if !strings.Contains(f.log.String(), "wrote the changes kept in memory") {
			t.Errorf("recovery not logged:\n%s", f.log)
		}
		if left := f.w.stop(); left != 0 {
			t.Errorf("stop left %d changes", left)
		}
	})
}

// TestWriterKeptAnswerOvertaken: an answer kept while the lock was held is
// refused when the instant was done from the command line meanwhile: the
// history has the done, not both.
func TestWriterKeptAnswerOvertaken(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newWriterFixture(t)
		var runs int
		f.w.change(due(0, &runs))
		unlock := f.hold(t)
		f.w.change(func(tx *state.Tx) {
			if _, err := tx.Step(state.Step{Reminder: "r0", Scheduled: writerAt, Kind: state.Dismissed, At: writerAt.Add(time.Minute)}); err != nil {
				t.Errorf("dismiss on the view: %v", err)
			}
		})
		unlock()
		if _, err := f.store.Record(func(st *state.State) ([]state.Event, error) {
			return st.Apply(state.Step{Reminder: "r0", Scheduled: writerAt, Kind: state.Done, At: writerAt.Add(30 * time.Second), Source: "command"})
		}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if got, want := f.history(t), "r0:shown r0:done"; got != want {
			t.Errorf("history = %q, want %q", got, want)
		}
		if !strings.Contains(f.log.String(), "changes kept in memory no longer apply") {
			t.Errorf("the refused change is not logged:\n%s", f.log)
		}
		f.w.stop()
	})
}

// TestWriterStopReportsWhatIsLeft: stopping while the lock is still held
// elsewhere says how much could not be written.
func TestWriterStopReportsWhatIsLeft(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newWriterFixture(t)
		unlock := f.hold(t)
		defer unlock()
		var runs int
		f.w.change(due(0, &runs))
		if left := f.w.stop(); left != 3 {
			t.Errorf("stop left %d changes, want 3 (last, due, shown)", left)
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if got := f.history(t); got != "" {
			t.Errorf("a stopped writer wrote %q", got)
		}
	})
}

// TestWriterRefreshKeepsWhatIsKept: reading the state file (a control
// command changed it) keeps the changes not yet written in the view.
func TestWriterRefreshKeepsWhatIsKept(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newWriterFixture(t)
		if err := f.store.Pause(writerAt.Add(time.Hour), writerAt, time.UTC); err != nil {
			t.Fatal(err)
		}
		unlock := f.hold(t)
		var runs int
		f.w.change(due(0, &runs))
		unlock()
		_, st, err := f.w.refresh()
		if err != nil {
			t.Fatal(err)
		}
		if !st.PausedUntil.Equal(writerAt.Add(time.Hour)) || st.Open["r0"].Status != state.Shown {
			t.Errorf("view after refresh: paused %v, open %+v", st.PausedUntil, st.Open)
		}
		f.w.stop()
	})
}

func TestAsksAgain(t *testing.T) {
	tests := []struct {
		name string
		cs   []state.Change
		want bool
	}{
		{"a shown step", []state.Change{{Step: &state.Step{Reminder: "r", Kind: state.Shown}}}, false},
		{"a snooze dropped", []state.Change{{Snooze: &state.Mark{Reminder: "r"}}}, false},
		{"a last instant", []state.Change{{Last: &state.Mark{Reminder: "r", At: writerAt}}}, false},
		{"a snooze set", []state.Change{{Snooze: &state.Mark{Reminder: "r", At: writerAt}}}, true},
		{"a skip", []state.Change{{Skip: &state.Mark{Reminder: "r", At: writerAt}}}, true},
		{"a pause", []state.Change{{Pause: &state.Mark{At: writerAt}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := asksAgain(tt.cs); got != tt.want {
				t.Errorf("asksAgain = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDropsSnooze(t *testing.T) {
	at := map[string]time.Time{"pills": writerAt}
	tests := []struct {
		name          string
		before, after map[string]time.Time
		want          bool
	}{
		{"none", nil, nil, false},
		{"kept", at, map[string]time.Time{"pills": writerAt}, false},
		{"set", nil, at, false}, // asksAgain's: the change says so
		{"dropped (a Done ended its instant)", at, map[string]time.Time{}, true},
		{"moved", at, map[string]time.Time{"pills": writerAt.Add(time.Minute)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropsSnooze(tt.before, tt.after); got != tt.want {
				t.Errorf("dropsSnooze = %v, want %v", got, tt.want)
			}
		})
	}
}
