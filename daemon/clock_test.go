package daemon

import (
	"context"
	"sync"
	"testing/synctest"
	"time"
)

// bubbleClock is the daemon's clock in a testing/synctest bubble: the
// bubble's own time, as scheduler.TimerClock, with what the tests ask of
// a fake clock: who waits for what (NextWake), and Set, a jump as a
// resume from suspend or a clock change is, over which no waiter wakes at
// an instant jumped over. The bubble's time itself only moves forward.
type bubbleClock struct {
	mu      sync.Mutex
	waiters map[*time.Time]struct{}
	jumping chan struct{} // during Set's jump; closed when it ends
	set     chan struct{} // closed when a Set ends, then made anew
}

func newBubbleClock() *bubbleClock {
	return &bubbleClock{waiters: map[*time.Time]struct{}{}, set: make(chan struct{})}
}

// Now returns the bubble's time without a monotonic reading.
func (c *bubbleClock) Now() time.Time { return time.Now().Round(0) }

// WaitUntil blocks until the bubble's time reaches t, a Set ends, or ctx
// is done. A waiter whose instant comes during a Set's jump wakes when
// the jump ends.
func (c *bubbleClock) WaitUntil(ctx context.Context, t time.Time) {
	d := time.Until(t)
	if d <= 0 {
		return
	}
	w := &t
	c.mu.Lock()
	c.waiters[w] = struct{}{}
	set := c.set
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.waiters, w)
		c.mu.Unlock()
	}()
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return
	case <-set:
		return
	case <-tm.C:
	}
	c.mu.Lock()
	jump := c.jumping
	c.mu.Unlock()
	if jump != nil {
		select {
		case <-jump:
		case <-ctx.Done():
		}
	}
}

// Set jumps the bubble's time to t (which must not be before it), as a
// resume from suspend does, wakes every waiter, and waits until the code
// under test has done all it can.
func (c *bubbleClock) Set(t time.Time) {
	jump := make(chan struct{})
	c.mu.Lock()
	c.jumping = jump
	c.mu.Unlock()
	time.Sleep(time.Until(t))
	c.mu.Lock()
	c.jumping = nil
	close(jump)
	close(c.set)
	c.set = make(chan struct{})
	c.mu.Unlock()
	synctest.Wait()
}

// Advance lets d pass, every waiter waking at its instant, and waits
// until the code under test has done all it can.
func (c *bubbleClock) Advance(d time.Duration) {
	time.Sleep(d)
	synctest.Wait()
}

// NextWake returns the earliest instant a waiter waits for, or the zero
// Time when nobody waits.
func (c *bubbleClock) NextWake() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	var next time.Time
	for w := range c.waiters {
		if next.IsZero() || w.Before(next) {
			next = *w
		}
	}
	return next
}

// Waiters returns how many goroutines wait on the clock.
func (c *bubbleClock) Waiters() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}
