package daemon

import (
	"context"
	"errors"
	"os"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/userlock"
)

// TestReadyOnceStarted checks that Options.Ready (READY=1 for systemd) is
// called once, when the daemon holds its lock and has loaded its schedule,
// and never when it cannot start.
func TestReadyOnceStarted(t *testing.T) {
	tests := []struct {
		name string
		// lockedElsewhere: another daemon holds the lock, so Run fails.
		lockedElsewhere bool
		wantReady       int
	}{
		{name: "starts", wantReady: 1},
		{name: "lock held by another", lockedElsewhere: true, wantReady: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := newBubbleHarness(t, berlinSchedule, berlin(t, "2026-11-25 19:59"), "")
				if tt.lockedElsewhere {
					other, err := userlock.Take(h.opts.StateDir)
					if err != nil {
						t.Fatal(err)
					}
					defer other.Unlock()
				}
				var ready int
				var locked, loaded bool
				h.opts.Ready = func() {
					ready++
					pid, ok := userlock.Holder(h.opts.StateDir)
					locked = ok && pid == os.Getpid()
					loaded = len(h.reloads) > 0
				}
				h.launch()
				if tt.lockedElsewhere {
					// Run tries the held lock for a moment (bubble time).
					if ended, err := h.endsWithin(5 * time.Second); !ended || !errors.Is(err, userlock.ErrRunning) {
						t.Errorf("Run with the lock held elsewhere = %v, %v; want ErrRunning", ended, err)
					}
				}
				synctest.Wait()
				if ready != tt.wantReady {
					t.Fatalf("Ready called %d times, want %d; log:\n%s", ready, tt.wantReady, h.log)
				}
				if tt.lockedElsewhere {
					return
				}
				if !locked || !loaded {
					t.Errorf("Ready called with the lock held %v and the schedule loaded %v; want both", locked, loaded)
				}
				h.cancel()
				synctest.Wait()
				if ended, err := h.exited(); !ended || err != nil && !errors.Is(err, context.Canceled) {
					t.Errorf("Run after cancel = %v, %v", ended, err)
				}
				if ready != 1 {
					t.Errorf("Ready called %d times in all, want once", ready)
				}
			})
		})
	}
}
