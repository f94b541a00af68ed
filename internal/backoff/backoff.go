// Package backoff is bedtime's one exponential backoff, for everything
// that tries again after a failure: a channel's delivery, the ntfy reply
// stream's reconnection, a notification held until the desktop's
// notification server can show it.
//
// A Policy is a value (Min, Max); the caller keeps the count of failures
// in a row, so that the count can be saved with what it retries (a
// delivery's attempts) and a success starts over by setting it to zero.
// Wait has no state, no clock and no randomness: what happens at each
// instant is the caller's, and tests know every wait in advance.
package backoff

import "time"

// Policy is an exponential backoff: the wait after the first failure is
// Min, and each failure in a row after it doubles the wait, up to Max.
type Policy struct {
	Min, Max time.Duration
}

// Wait returns the wait after the n-th failure in a row, n counting from
// 1: Min·2^(n-1), at most Max. A count below 1 is taken as 1; a Min of
// zero or less waits Max.
func (p Policy) Wait(n int) time.Duration {
	d := p.Min
	if d <= 0 {
		return p.Max
	}
	for i := 1; i < n && d < p.Max; i++ {
		if d > p.Max/2 {
			return p.Max
		}
		d *= 2
	}
	return min(d, p.Max)
}
