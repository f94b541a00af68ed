package state_test

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// TestStreamFoldOfMadeUpYears: the made-up history of the benchmarks is
// streamed, with the same sums as the whole fold.
func TestStreamFoldOfMadeUpYears(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	s, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 11, 28, 0, 0, 0, 0, berlin)
	if _, err := historygen.Write(s, 40, end, berlin, 3); err != nil {
		t.Fatal(err)
	}
	history, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, days := range []int{7, 60} {
		if !state.CheckStream(t, "made-up", history, days, end.Add(-time.Minute), berlin) {
			t.Fatalf("--days %d: the made-up history was not streamed", days)
		}
	}
}
