package daemon

import (
	"context"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/state"
)

// TestDoneFromThePhone: magnesium is due; it shows on the desktop (a real
// notification server on a real bus) and is published to ntfy (a server
// double on 127.0.0.1) with Done and Snooze actions. Pressing Done on the
// phone, by replaying the action the message carries, marks that instant
// done (from the phone), once, and takes the desktop notification down.
func TestDoneFromThePhone(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	phone := ntfytest.New(t)
	h, bus := busHarness(t, phoneSchedule(phone, `magnesium: {at: "20:30", channels: [desktop, phone]}`), now)
	h.opts.Ntfy = ntfy.Maker // as bedtime run, over the network
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	desk := srv.Next(t)
	// Shown (on the desktop, or by the phone if that was first) and sent
	// to the phone, in either order.
	got := map[state.Kind]state.Event{}
	for len(got) < 2 {
		ev := h.recorded()
		if _, dup := got[ev.Kind]; !dup {
			got[ev.Kind] = ev
		}
	}
	if got[state.Sent].Via != "phone" || got[state.Shown].Scheduled.IsZero() {
		t.Fatalf("recorded %+v, want shown and sent via phone", got)
	}
	msgs := phone.Messages("bedtime-test-topic")
	if len(msgs) != 1 || msgs[0].Title == "" || len(msgs[0].Tags) == 0 || msgs[0].Tags[0] != "pill" {
		t.Fatalf("published %+v, want one message with its title and the pill tag", msgs)
	}
	done, ok := msgs[0].Action("Done")
	if !ok {
		t.Fatalf("no Done action in %+v", msgs[0])
	}
	if err := ntfytest.Press(context.Background(), done); err != nil {
		t.Fatal(err)
	}
	ev := h.recorded()
	for ev.Kind == state.Shown { // the second of desktop and phone
		ev = h.recorded()
	}
	if ev.Kind != state.Done || ev.Detail != "phone" || !ev.Scheduled.Equal(now.Add(30*time.Minute)) {
		t.Fatalf("done %+v, want the 20:30 instant", ev)
	}
	// The server closes it on its own time: a real process, looked at again.
	testutil.WaitFor(t, notifytest.Wait, "the desktop notification taken off the screen after Done on the phone", func() bool { return !srv.IsOpen(desk.ID) }, h.log)
	// Done pressed again (a second tap, or a replay): nothing more.
	if err := ntfytest.Press(context.Background(), done); err != nil {
		t.Fatal(err)
	}
	rs := state.Stats(h.history(), 1, now.Add(time.Hour), time.UTC)
	if len(rs) != 1 || rs[0].Done != 1 || rs[0].Due != 1 {
		t.Fatalf("stats = %+v, want 1 of 1", rs)
	}
}

// TestDoneFromThePhoneBeforeTheDesktopReply: the phone's Done comes while
// the desktop's server has the notification on screen but has not yet
// answered Notify (a loaded machine), so the daemon does not know its id
// when the Done is applied. When the reply comes, the notification of an
// instant already done is taken down, not left asking.
func TestDoneFromThePhoneBeforeTheDesktopReply(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	phone := ntfytest.New(t)
	h, bus := busHarness(t, phoneSchedule(phone, `magnesium: {at: "20:30", channels: [desktop, phone]}`), now)
	h.opts.Ntfy = ntfy.Maker // as bedtime run, over the network
	cfg := notifytest.DefaultConfig
	cfg.ReplyDelay = time.Second
	srv := bus.StartServer(t, cfg)
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	desk := srv.Next(t) // on screen; the reply to Notify is a second away
	var msgs []ntfytest.Message
	for msgs = phone.Messages("bedtime-test-topic"); len(msgs) == 0; msgs = phone.Messages("bedtime-test-topic") {
		if ev := h.recorded(); ev.Kind == state.Done {
			t.Fatalf("done before the phone was pressed: %+v", ev)
		}
	}
	done, ok := msgs[0].Action("Done")
	if !ok {
		t.Fatalf("no Done action in %+v", msgs[0])
	}
	if err := ntfytest.Press(context.Background(), done); err != nil {
		t.Fatal(err)
	}
	for ev := h.recorded(); ev.Kind != state.Done; ev = h.recorded() {
	}
	// The server closes it on its own time: a real process, looked at again.
	testutil.WaitFor(t, notifytest.Wait, "the desktop notification taken off the screen after Done on the phone", func() bool { return !srv.IsOpen(desk.ID) }, h.log)
}
