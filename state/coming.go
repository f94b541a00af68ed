package state

import (
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// Coming is one of the next firings, as `bedtime status` lists them.
type Coming struct {
	Reminder string    `json:"reminder"`
	At       time.Time `json:"at"`
	// Note says "skipped" or "paused" when it will not be shown (see
	// Planned) and "snoozed" for a pending snooze; empty otherwise.
	Note string `json:"note,omitempty"`
}

// Next returns the first n firings after now: those of jobs, each with
// its note from Planned, and the pending snoozes, in time order.
func (st State) Next(jobs []scheduler.Job, now time.Time, n int) []Coming {
	var out []Coming
	for _, d := range scheduler.Upcoming(jobs, now, n) {
		out = append(out, Coming{Reminder: d.Job, At: d.At, Note: st.Planned(d.Job, d.At, now)})
	}
	for name, at := range st.Snoozes {
		if at.After(now) {
			out = append(out, Coming{Reminder: name, At: at, Note: "snoozed"})
		}
	}
	slices.SortStableFunc(out, func(a, b Coming) int { return a.At.Compare(b.At) })
	return out[:min(len(out), n)]
}

// NextShown returns the first firing after now that will be shown: a
// pending snooze or a firing of jobs that is neither skipped nor paused
// (see Planned). It reports false when there is none (every job disabled
// and no snooze pending).
func (st State) NextShown(jobs []scheduler.Job, now time.Time) (Coming, bool) {
	from := now
	if st.PausedUntil.After(now) {
		// What fires before the pause ends is not shown; a firing at
		// that very instant is.
		from = st.PausedUntil.Add(-time.Nanosecond)
	}
	// Each job has at most one skip, so among the first len(jobs)+1
	// firings one is not skipped.
	var best Coming
	found := false
	for _, d := range scheduler.Upcoming(jobs, from, len(jobs)+1) {
		if st.Planned(d.Job, d.At, now) == "" {
			best, found = Coming{Reminder: d.Job, At: d.At}, true
			break
		}
	}
	for name, at := range st.Snoozes {
		if at.After(now) && (!found || at.Before(best.At) || at.Equal(best.At) && name < best.Reminder) {
			best, found = Coming{Reminder: name, At: at, Note: "snoozed"}, true
		}
	}
	return best, found
}
