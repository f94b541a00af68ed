package scheduler

import (
	"context"
	"time"
)

// TimerClock is a Clock on the time package's own timers. Outside a test
// it is the system's clock without SystemClock's care for suspend and
// clock changes; inside a testing/synctest bubble it is the bubble's fake
// clock, which moves on at once and exactly when every goroutine waits.
// Tests run code that takes a Clock in a bubble with a TimerClock.
type TimerClock struct{}

// Now returns time.Now with the monotonic reading stripped.
func (TimerClock) Now() time.Time { return time.Now().Round(0) }

// WaitUntil blocks until time.Now reaches t or ctx is done.
func (TimerClock) WaitUntil(ctx context.Context, t time.Time) {
	d := time.Until(t)
	if d <= 0 {
		return
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
	case <-tm.C:
	}
}
