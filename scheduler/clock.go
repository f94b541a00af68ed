package scheduler

import (
	"context"
	"sync"
	"time"
)

// Clock is the wall clock the Engine runs on.
type Clock interface {
	// Now returns the current wall-clock time, without a monotonic
	// reading: after a suspend or a clock change, Now is what the wall
	// clock says.
	Now() time.Time
	// WaitUntil blocks until the wall clock reaches t, the wall clock is
	// changed (set, or resumed from suspend), or ctx is done. It may
	// return early; callers check Now again.
	WaitUntil(ctx context.Context, t time.Time)
}

// FakeClock is a Clock for tests: time moves only when the test says so.
type FakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []*fakeWaiter
	waiting chan struct{} // signalled whenever a waiter is added
}

type fakeWaiter struct {
	until time.Time
	ch    chan struct{}
}

// NewFakeClock returns a FakeClock set to now.
func NewFakeClock(now time.Time) *FakeClock {
	return &FakeClock{now: now.Round(0), waiting: make(chan struct{}, 1)}
}

// Now returns the fake time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// WaitUntil blocks until the fake time reaches t, the time is Set, or ctx
// is done.
func (c *FakeClock) WaitUntil(ctx context.Context, t time.Time) {
	c.mu.Lock()
	if !c.now.Before(t) {
		c.mu.Unlock()
		return
	}
	w := &fakeWaiter{until: t, ch: make(chan struct{})}
	c.waiters = append(c.waiters, w)
	c.mu.Unlock()
	select {
	case c.waiting <- struct{}{}:
	default:
	}
	select {
	case <-w.ch:
	case <-ctx.Done():
	}
	c.mu.Lock()
	for i, x := range c.waiters {
		if x == w {
			c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
			break
		}
	}
	c.mu.Unlock()
}

// Waiting returns a channel that receives after a goroutine starts waiting
// on the clock. Tests use it to know the code under test is idle.
func (c *FakeClock) Waiting() <-chan struct{} { return c.waiting }

// Waiters returns how many goroutines are waiting on the clock.
func (c *FakeClock) Waiters() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}

// NextWake returns the earliest instant a waiter waits for, or the zero
// Time when nobody waits.
func (c *FakeClock) NextWake() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	var t time.Time
	for _, w := range c.waiters {
		if t.IsZero() || w.until.Before(t) {
			t = w.until
		}
	}
	return t
}

// Advance moves the fake time forward by d, as time passing does: waiters
// whose time has come wake up.
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.wake(false)
	c.mu.Unlock()
}

// Set jumps the fake time to t, as a clock change or a resume from suspend
// does: every waiter wakes up.
func (c *FakeClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t.Round(0)
	c.wake(true)
	c.mu.Unlock()
}

func (c *FakeClock) wake(all bool) {
	keep := c.waiters[:0]
	for _, w := range c.waiters {
		if all || !c.now.Before(w.until) {
			close(w.ch)
		} else {
			keep = append(keep, w)
		}
	}
	c.waiters = keep
}
