package scheduler

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

func TestSystemClockWaitsForWallTime(t *testing.T) {
	c := SystemClock{}
	target := c.Now().Add(30 * time.Millisecond)
	c.WaitUntil(context.Background(), target)
	if now := c.Now(); now.Before(target) {
		t.Fatalf("WaitUntil returned at %s, before %s", now, target)
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
