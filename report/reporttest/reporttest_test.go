package reporttest

import (
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
)

// TestHistoryHoldsTheNoteWhateverTheDay: every history of four weeks or
// more holds the note with HTML in it, on a night of the last four weeks,
// whatever day it is made on (e2e-report makes it today); no later note of
// that night takes its place. Where the clocks went back in those weeks,
// the cramp is at the second 02:40.
func TestHistoryHoldsTheNoteWhateverTheDay(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		first := time.Date(2026, 1, 3, 9, 30, 0, 0, loc)
		for now := first; now.Before(first.AddDate(2, 0, 0)); now = now.AddDate(0, 0, 9) {
			for _, weeks := range []int{4, 8, 13} {
				_, entries := History(now, weeks)
				var cramp *diary.Entry
				notes := map[string]string{} // night: its last note
				for i, e := range entries {
					if e.Via == diary.ViaNow {
						cramp = &entries[i]
					}
					if e.Note != "" {
						notes[e.Night] = e.Note
					}
				}
				if cramp == nil {
					t.Fatalf("%s, %s, %d weeks: no cramp recorded as it happened", zone, now, weeks)
				}
				if age := now.Sub(cramp.Cramp); age <= 0 || age > 29*24*time.Hour {
					t.Errorf("%s, %s, %d weeks: the cramp at %s is %v before now, want within four weeks", zone, now, weeks, cramp.Cramp, age)
				}
				if !strings.Contains(notes[cramp.Night], "<script>") {
					t.Errorf("%s, %s, %d weeks: night %s's note is %q, want the one with HTML", zone, now, weeks, cramp.Night, notes[cramp.Night])
				}
				if c := cramp.Cramp; c.Hour() != 2 || c.Minute() != 40 {
					t.Errorf("%s, %s: the cramp is at %s, want 02:40", zone, now, c.Format(time.TimeOnly))
				} else if back := c.Add(-time.Hour); back.Hour() == 2 && back.Minute() == 40 {
					// The second 02:40 of a night the clocks went back.
				} else if zone == "Europe/Berlin" && now.Month() == time.November && now.Day() < 20 {
					t.Errorf("%s, %s: the cramp is at %s, want the second 02:40 of 25 October", zone, now, c)
				}
			}
		}
	}
}
