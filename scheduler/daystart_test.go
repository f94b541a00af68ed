package scheduler

import (
	"testing"
	"time"
)

// In the Azores (and Chile, Cuba, Paraguay) the clocks jump at midnight,
// so the day of the jump has no 00:00; time.Date gives 23:00 of the day
// before for it.
func TestDayStart(t *testing.T) {
	azores, err := time.LoadLocation("Atlantic/Azores")
	if err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		from time.Time
		n    int
		want string
	}{
		{time.Date(2026, 3, 29, 12, 0, 0, 0, azores), 0, "2026-03-29T01:00:00Z"}, // 00:00 -01 skipped: the jump
		{time.Date(2026, 3, 28, 23, 30, 0, 0, azores), 1, "2026-03-29T01:00:00Z"},
		{time.Date(2026, 3, 31, 9, 0, 0, 0, azores), -2, "2026-03-29T01:00:00Z"},
		{time.Date(2026, 3, 29, 12, 0, 0, 0, azores), -1, "2026-03-28T00:00:00-01:00"},
		{time.Date(2026, 3, 29, 12, 0, 0, 0, azores), 1, "2026-03-30T00:00:00Z"},
		{time.Date(2026, 10, 25, 12, 0, 0, 0, azores), 0, "2026-10-25T00:00:00Z"}, // autumn: 01:00 repeated, midnight once
		{time.Date(2026, 3, 29, 12, 0, 0, 0, berlin), 0, "2026-03-29T00:00:00+01:00"},
		{time.Date(2028, 2, 28, 12, 0, 0, 0, berlin), 1, "2028-02-29T00:00:00+01:00"},
		{time.Date(2026, 12, 31, 23, 59, 0, 0, berlin), 1, "2027-01-01T00:00:00+01:00"},
	} {
		got := DayStart(tc.from, tc.n)
		if s := got.Format(time.RFC3339); s != tc.want {
			t.Errorf("DayStart(%s, %d) = %s, want %s", tc.from.Format(time.RFC3339), tc.n, s, tc.want)
		}
		if got.Location() != tc.from.Location() {
			t.Errorf("DayStart(%s, %d) is in %s, want %s", tc.from.Format(time.RFC3339), tc.n, got.Location(), tc.from.Location())
		}
	}
}
