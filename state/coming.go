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
