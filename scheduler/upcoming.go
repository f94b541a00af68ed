package scheduler

import (
	"slices"
	"time"
)

// Due is one future firing of a job.
type Due struct {
	Job string
	At  time.Time
}

// Upcoming returns the first n firings of jobs strictly after t, in time
// order; firings at the same instant keep the jobs' order.
func Upcoming(jobs []Job, t time.Time, n int) []Due {
	if n <= 0 {
		return nil
	}
	var out []Due
	for _, j := range jobs {
		cur := t
		for i := 0; i < n; i++ {
			next := j.Schedule.Next(cur)
			if next.IsZero() {
				break
			}
			// No need to look past the n-th firing found so far.
			if len(out) >= n && !next.Before(out[n-1].At) {
				break
			}
			out = append(out, Due{Job: j.Name, At: next})
			cur = next
		}
		slices.SortStableFunc(out, func(a, b Due) int { return a.At.Compare(b.At) })
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}
