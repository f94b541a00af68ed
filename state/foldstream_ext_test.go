package state_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// TestStreamFoldOfMadeUpYears: the made-up history of the benchmarks
// (over a year, about 140 lines a day) is streamed, with the same sums as
// the whole fold, holding no more than about two days of instants at
// once however long it is.
func TestStreamFoldOfMadeUpYears(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 11, 28, 0, 0, 0, 0, berlin)
	rnd := rand.New(rand.NewPCG(3, 4))
	var history []state.Event
	const days = 400
	for d := range days {
		history = append(history, historygen.Day(end.AddDate(0, 0, d-days), rnd)...)
	}
	for _, days := range []int{7, 365} {
		if !state.CheckStream(t, "made-up", history, days, end.Add(-time.Minute), berlin) {
			t.Fatalf("--days %d: the made-up history was not streamed", days)
		}
	}
	instants, _ := state.Instants(history)
	perDay := len(instants) / days
	if most := state.MostHeld(history); most < 0 || most > 2*perDay {
		t.Errorf("held up to %d instants at once of %d (%d a day), want at most %d", most, len(instants), perDay, 2*perDay)
	}
}

// TestStoreStatsOfAHistoryNotStreamed: a history that the lifecycle
// cannot have written (here a Done for an instant days old, added by
// hand after later instants) makes Store.Stats fold its lines again
// whole, with what Stats gives.
func TestStoreStatsOfAHistoryNotStreamed(t *testing.T) {
	s, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 10, 1, 20, 30, 0, 0, time.UTC)
	var evs []state.Event
	for d := range 40 {
		at := day.AddDate(0, 0, d)
		evs = append(evs, state.Event{At: at.Add(time.Minute), Reminder: "magnesium", Kind: state.Shown, Scheduled: at})
		if d == 30 {
			// by hand, for the evening five days before
			evs = append(evs, state.Event{At: at.Add(2 * time.Minute), Reminder: "magnesium", Kind: state.Done, Scheduled: at.AddDate(0, 0, -5)})
		}
		if d%3 != 0 {
			evs = append(evs, state.Event{At: at.Add(3 * time.Minute), Reminder: "magnesium", Kind: state.Done, Scheduled: at})
		}
	}
	if err := s.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	now := day.AddDate(0, 0, 39).Add(time.Hour)
	if state.CheckStream(t, "by hand", evs, 30, now, time.UTC) {
		t.Fatal("a Done for an instant long over was streamed")
	}
	for _, days := range []int{7, 30} {
		got, err := s.Stats(days, now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if want := state.Stats(evs, days, now, time.UTC); !slices.EqualFunc(got, want, equalStats) {
			t.Errorf("--days %d:\n got %+v\nwant %+v", days, brief(got), brief(want))
		}
	}
}
