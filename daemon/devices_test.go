package daemon

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// fakeElector is an Elector whose answers the test sets.
type fakeElector struct {
	mu      sync.Mutex
	elected string // "" this computer
	handled bool
	// again is what Handled says of an instant shown again (since set):
	// whether the other computer showed it again.
	again bool
	phone bool
}

func (e *fakeElector) Elect(string, time.Time) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.elected
}

func (e *fakeElector) Handled(_ string, _, since time.Time) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !since.IsZero() {
		return e.again
	}
	return e.handled
}

func (e *fakeElector) SendsToPhone() bool { return e.phone }

var _ Elector = (*fakeElector)(nil)

func TestShownOnceWhereThePersonIs(t *testing.T) {
	tests := []struct {
		name      string
		elected   string
		handled   bool // the other computer says it showed it within ShowWithin
		wantAt    []string
		wantHeld  bool
		wantShown time.Time // when it is shown here, if it is
	}{
		{"this computer is elected: shown at once", "", false, []string{"magnesium@00:30"}, false, at(0, 0, 30)},
		{"another shows it: held elsewhere, never shown here", "desktop (abcdef)", true, nil, true, time.Time{}},
		{"another is elected and stays silent: shown here after ShowWithin", "desktop (abcdef)", false, []string{"magnesium@00:30"}, true, at(0, 0, 32)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				el := &fakeElector{elected: tt.elected, handled: tt.handled}
				b := startBubble(t, bubbleSchedule, "", func(o *Options) { o.Devices, o.ShowWithin = el, 2*time.Minute })
				sleepUntil(at(0, 0, 30))
				first := b.drain()
				if !tt.wantShown.Equal(at(0, 0, 30)) && len(first) != 0 {
					t.Fatalf("shown at once, though another computer is elected: %v", first)
				}
				sleepUntil(at(0, 0, 45))
				got := append(first, b.drain()...)
				if strings.Join(got, ",") != strings.Join(tt.wantAt, ",") {
					t.Errorf("shown %v, want %v", got, tt.wantAt)
				}
				b.stop()
				evs, _ := b.store().History(time.Time{})
				held, shownAt := false, time.Time{}
				for _, ev := range evs {
					if ev.Kind == state.Held && strings.HasPrefix(ev.Detail, "elsewhere: desktop") {
						held = true
					}
					if ev.Kind == state.Shown && shownAt.IsZero() {
						shownAt = ev.At
					}
				}
				if held != tt.wantHeld {
					t.Errorf("held elsewhere = %v, want %v; history %+v", held, tt.wantHeld, evs)
				}
				if !shownAt.Equal(tt.wantShown) {
					t.Errorf("shown at %v, want %v", shownAt, tt.wantShown)
				}
			})
		})
	}
}

// A snooze made on another computer moves the instant here: held for that
// computer at first, it is snoozed here until the same time (through the
// state, as devices.Follow writes it), shown again when the snooze ends
// on the computer elected then, and here only if that one stays silent:
// that the other computer showed it before the snooze does not count.
func TestSnoozeFromAnotherComputer(t *testing.T) {
	tests := []struct {
		name      string
		elected   string // at the snooze's end
		again     bool   // the elected computer shows it again
		wantShown []time.Time
	}{
		{"this computer is elected: shown again here at once", "", false, []time.Time{at(0, 0, 45)}},
		{"another shows it again: not here", "desktop (abcdef)", true, nil},
		{"another is elected and stays silent: shown here after ShowWithin", "desktop (abcdef)", false, []time.Time{at(0, 0, 47)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				el := &fakeElector{elected: "desktop (abcdef)", handled: true, again: tt.again}
				b := startBubble(t, bubbleSchedule, "", func(o *Options) { o.Devices, o.ShowWithin = el, 2*time.Minute })
				sleepUntil(at(0, 0, 35))
				if got := b.drain(); len(got) != 0 {
					t.Fatalf("shown here, though the desktop showed it: %v", got)
				}
				// The person snoozes it on the desktop until 00:45.
				store := b.store()
				if _, err := store.Change(func(tx *state.Tx) error {
					if _, err := tx.Step(state.Step{Reminder: "magnesium", Scheduled: at(0, 0, 30), Kind: state.Snoozed, At: at(0, 0, 35), Source: "on desktop"}); err != nil {
						return err
					}
					tx.SetSnooze("magnesium", at(0, 0, 45))
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				b.changed(store.StatePath())
				el.mu.Lock()
				el.elected = tt.elected
				el.mu.Unlock()
				sleepUntil(at(0, 0, 50))
				b.stop()
				evs, _ := store.History(time.Time{})
				var shown []time.Time
				for _, ev := range evs {
					if ev.Kind == state.Shown {
						shown = append(shown, ev.At)
					}
				}
				if fmt.Sprint(shown) != fmt.Sprint(tt.wantShown) {
					t.Errorf("shown here at %v, want %v; history %+v", shown, tt.wantShown, evs)
				}
			})
		})
	}
}

// TestHeldElsewhereShownThoughTheStateCannotBeWritten: another computer
// is elected and stays silent while the state cannot be written (its lock
// held by another process, or a full disk): the firing held for it is
// kept in memory, and shown here after ShowWithin all the same.
func TestHeldElsewhereShownThoughTheStateCannotBeWritten(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		el := &fakeElector{elected: "desktop (abcdef)"}
		b := startBubble(t, bubbleSchedule, "", func(o *Options) { o.Devices, o.ShowWithin = el, 2*time.Minute })
		fl, err := safefs.Lock(filepath.Join(b.opts.StateDir, "state.lock"), 0)
		if err != nil {
			t.Fatal(err)
		}
		defer fl.Unlock()
		sleepUntil(at(0, 0, 45))
		if got := b.drain(); strings.Join(got, ",") != "magnesium@00:30" {
			t.Errorf("shown %v, want magnesium@00:30 once", got)
		}
	})
}
