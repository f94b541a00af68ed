package scheduler

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

// A wait also ends when the clock is set (timerfd's ECANCELED: a time
// sync's step, a resume), which the engine answers by looking at the clock
// again; so do these tests. A step is rare; a wait that ends at once,
// again and again, is the bug they look for.
const clockSets = 3

func TestSystemClockWaitsForWallTime(t *testing.T) {
	c := SystemClock{}
	target := c.Now().Add(30 * time.Millisecond)
	waits := 0
	for c.Now().Before(target) {
		if waits++; waits > clockSets {
			t.Fatalf("WaitUntil returned before %s %d times", target, waits-1)
		}
		c.WaitUntil(context.Background(), target)
	}
}

func TestSystemClockWaitEndsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		SystemClock{}.WaitUntil(ctx, time.Now().Add(time.Hour))
		close(done)
	}()
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("WaitUntil did not return after cancel")
	}
}

func TestPollingFallbackWaits(t *testing.T) {
	target := time.Now().Add(20 * time.Millisecond)
	waitPolling(context.Background(), target, 5*time.Millisecond)
	if time.Now().Before(target) {
		t.Fatal("waitPolling returned early")
	}
}

func TestSystemClockNowHasNoMonotonicReading(t *testing.T) {
	now := SystemClock{}.Now()
	if now != now.Round(0) {
		t.Fatal("Now carries a monotonic reading; comparisons would ignore clock changes")
	}
}

func TestTimerClockInABubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := TimerClock{}
		start := c.Now()
		c.WaitUntil(context.Background(), start.Add(time.Hour))
		if got := c.Now().Sub(start); got != time.Hour {
			t.Fatalf("waited %v of the bubble's time, want 1h", got)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			c.WaitUntil(ctx, c.Now().Add(time.Hour))
			close(done)
		}()
		synctest.Wait()
		cancel()
		<-done
		if got := c.Now().Sub(start); got != time.Hour {
			t.Fatalf("a cancelled wait let %v pass, want none", got-time.Hour)
		}
	})
}

// TestSystemClockWaitFarAhead: an instant past what nanoseconds since 1970
// hold (after 2262: a snooze in a hand-edited state file) is waited for,
// not taken as one in the past, which would make the engine spin.
func TestSystemClockWaitFarAhead(t *testing.T) {
	for _, year := range []int{2263, 2600, 9999} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		waits := 0
		for ctx.Err() == nil {
			if waits++; waits > clockSets {
				t.Errorf("WaitUntil(%d) returned %d times in 20ms", year, waits-1)
				break
			}
			SystemClock{}.WaitUntil(ctx, time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		cancel()
	}
}
