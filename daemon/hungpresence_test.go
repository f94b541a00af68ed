package daemon

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/state"
)

// hung is a presence source on a bus or X server that takes calls and
// never answers them: each question waits for its context to end.
type hung struct{ *presencetest.Fake }

func (h hung) Current(ctx context.Context) presence.Status {
	<-ctx.Done()
	return h.Fake.Current(ctx)
}

// TestHungPresenceSourceKeepsRemindersComing: a session or system bus
// that does not answer while presence sources are chosen, or an X server
// that does not answer when a reminder is due, delays the start and the
// reminder by seconds, not for ever. Before, the daemon's own context
// (which lives as long as it) bounded those calls: the daemon never
// finished its start, and no reminder came.
func TestHungPresenceSourceKeepsRemindersComing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h := newBubbleHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now, "")
		p := hung{presencetest.NewFake(presence.Status{State: presence.Here, Since: now.Add(-time.Hour), Source: "test"})}
		h.opts.Presence = func(ctx context.Context, _ presence.Options) (presence.Monitor, presence.Report) {
			<-ctx.Done() // the bus says nothing
			return p, presence.Report{}
		}
		h.launch()
		t.Cleanup(func() { h.stop() })
		time.Sleep(time.Minute) // of the bubble's time
		h.reloaded()
		h.clock.Set(now.Add(30 * time.Minute))
		time.Sleep(time.Minute)
		if n := h.nextShown(); n.Title == "" {
			t.Fatalf("shown %+v", n)
		}
		h.wantRecorded(state.Shown, "")
	})
}
