package daemon

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/state"
)

// busyHarness starts the daemon in the current bubble with a busy the
// test sets, asked again every busyRecheck while a reminder is held.
func busyHarness(t *testing.T, schedule string, now time.Time) (*harness, *screen, *fakeBusy) {
	t.Helper()
	h := newBubbleHarness(t, schedule, now, "")
	b := &fakeBusy{}
	h.opts.Busy = func(context.Context) (Busy, busy.Report) { return b, busy.Report{Used: []string{"test"}} }
	h.start()
	return h, &screen{h: h}, b
}

// TestHeldWhileBusyShownWhenItEnds: magnesium comes due in a call; it is
// held like do not disturb, and shown when the call ends, within its grace.
func TestHeldWhileBusyShownWhenItEnds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, b := busyHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now)
		h.idleUntil(now.Add(30 * time.Minute))
		b.set("microphone in use")
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "busy: microphone in use")
		h.clock.Advance(busyRecheck) // asked again
		h.logHas(`msg="still busy: held until that ends" reminders=magnesium why="microphone in use"`)
		nothingOnScreen(t, srv)

		h.clock.Set(now.Add(75 * time.Minute)) // the call ends, within the 2h grace
		b.set("")
		h.clock.Advance(busyRecheck) // asked again
		if n := srv.Next(t); n.Title == "" {
			t.Fatalf("shown %+v", n)
		}
		if ev := h.wantRecorded(state.Shown, ""); !ev.Scheduled.Equal(now.Add(30 * time.Minute)) {
			t.Fatalf("shown %+v, want the 20:30 instant", ev)
		}
	})
}

// TestBusyPastTheGraceIsMissed: a call longer than the reminder's grace
// makes it missed, never shown late.
func TestBusyPastTheGraceIsMissed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, b := busyHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\", catch_up: 15m}\n", now)
		h.idleUntil(now.Add(30 * time.Minute))
		b.set("fullscreen window")
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "busy: fullscreen window")
		h.clock.Set(now.Add(50 * time.Minute)) // still busy, past 20:45
		h.wantRecorded(state.Missed, "busy until too late")
		nothingOnScreen(t, srv)
	})
}

// TestShowWhenBusy: a reminder that says when_busy: show is shown in a
// call; one that does not is held.
func TestShowWhenBusy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, b := busyHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\", when_busy: show}\n  hydration: {at: \"20:40\"}\n", now)
		h.idleUntil(now.Add(30 * time.Minute))
		b.set("camera in use")
		h.clock.Set(now.Add(30 * time.Minute))
		if n := srv.Next(t); n.Title == "" {
			t.Fatalf("shown %+v", n)
		}
		h.wantRecorded(state.Shown, "")
		h.idleUntil(now.Add(40 * time.Minute))
		h.clock.Set(now.Add(40 * time.Minute))
		h.wantRecorded(state.Held, "busy: camera in use")
	})
}
