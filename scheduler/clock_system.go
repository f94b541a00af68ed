package scheduler

import (
	"context"
	"time"
)

// SystemClock is the Clock of the operating system.
//
// On Linux it waits with a timerfd on CLOCK_REALTIME that the kernel also
// wakes when the clock is set or the machine resumes from suspend, so a
// wait costs nothing while idle and ends on time. Elsewhere it wakes at
// least once a minute to look at the wall clock again.
type SystemClock struct{}

// Now returns the wall-clock time with the monotonic reading stripped.
func (SystemClock) Now() time.Time { return time.Now().Round(0) }

// WaitUntil blocks until the wall clock reaches t, the clock is changed,
// or ctx is done.
func (SystemClock) WaitUntil(ctx context.Context, t time.Time) {
	if err := waitRealtime(ctx, t); err == nil {
		return
	}
	waitPolling(ctx, t, time.Minute)
}

// waitPolling waits with ordinary timers, which stop during suspend: it
// wakes at least every max to compare against the wall clock.
func waitPolling(ctx context.Context, t time.Time, max time.Duration) {
	for {
		d := time.Until(t.Round(0))
		if d <= 0 {
			return
		}
		if d > max {
			d = max
		}
		tm := time.NewTimer(d)
		select {
		case <-ctx.Done():
			tm.Stop()
			return
		case <-tm.C:
		}
	}
}
