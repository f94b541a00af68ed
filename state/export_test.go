package state

import "time"

// CheckStream is checkStream, for the tests outside the package (which
// may use internal/historygen).
var CheckStream = checkStream

// MostHeld folds events with a streamFolder and returns the most
// instants and old lines it held at once, or -1 if it gave up.
func MostHeld(events []Event) int {
	f := newStreamFolder(newSummer(1, time.Time{}, time.UTC))
	most := 0
	for _, ev := range events {
		if !f.add(ev) {
			return -1
		}
		most = max(most, len(f.active)+f.npending)
	}
	return most
}
