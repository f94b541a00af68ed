package scheduler

import (
	"context"
	"testing"
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
