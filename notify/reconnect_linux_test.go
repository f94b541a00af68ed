package notify_test

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// TestReconnectAfterBusRestart: the session bus itself goes away (the user
// logged out and in again while the daemon lived on) and comes back at a new
// address; the next reminder is delivered on the new bus, with no restart.
func TestReconnectAfterBusRestart(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, RetryFor: time.Minute})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 10:00"})
	if got := srv.Next(t).Summary; got != "Water at 10:00" {
		t.Fatalf("first bus: %q", got)
	}

	h.bus.Stop()
	bus2 := notifytest.StartBus(t)
	bus2.Setenv(t)
	srv2 := bus2.StartServer(t, notifytest.DefaultConfig)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 12:00"})
	n := srv2.Next(t)
	if n.Summary != "Water at 12:00" || n.ReplacesID != 0 {
		t.Fatalf("after the bus restarted: %q replacing %d, want a new notification on the new bus", n.Summary, n.ReplacesID)
	}
	// Answers on the new bus still reach bedtime.
	if err := srv2.InvokeAction(n.ID, "done"); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "water", notify.Done)
}
