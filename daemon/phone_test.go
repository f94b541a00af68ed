package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/state"
)

// The daemon's choice between the desktop and the phone, in a bubble: the
// phone is an ntfy double in memory, the desktop the in-bubble notifier.
// (The phone's answers taking the desktop's popup down are
// channels_linux_test.go's, on a real bus.)

// phoneSchedule is a schedule whose magnesium goes to the desktop and to
// an ntfy topic on srv.
func phoneSchedule(srv *ntfytest.Server, reminder string) string {
	return fmt.Sprintf("timezone: UTC\nchannels:\n  phone:\n    ntfy: {server: %q, topic: bedtime-test-topic}\nreminders:\n  %s\n", srv.URL(), reminder)
}

// phoneHarness is the harness in the current bubble with magnesium, as
// reminder says, going to the desktop and an ntfy double in memory.
func phoneHarness(t *testing.T, reminder string, now time.Time) (*harness, *ntfytest.Server) {
	t.Helper()
	srv := ntfytest.NewInMemory(t)
	h := newBubbleHarness(t, phoneSchedule(srv, reminder), now, "")
	h.opts.Ntfy = phoneMaker(srv)
	return h, srv
}

// phoneMaker makes the phone channels as bedtime run's ntfy.Maker does,
// but on srv's own transport: for a double in memory, the only way to it,
// and one a synctest bubble can hold.
func phoneMaker(srv *ntfytest.Server) channel.NtfyMaker {
	return func(name string, c config.NtfyChannel, log *slog.Logger) (channel.Channel, error) {
		n, err := ntfy.New(name, c, ntfy.Options{Logger: log, Transport: srv.Transport()})
		if err != nil {
			return nil, err
		}
		return n, nil
	}
}

// TestPhoneWhenAway: with when_away: phone, a reminder due while the
// screen is locked is held on the desktop and published to the phone at
// once; it counts as shown (by the phone). Back at the computer, the
// desktop shows it too, as hold does.
func TestPhoneWhenAway(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv := phoneHarness(t, `magnesium: {at: "20:30", when_away: phone}`, now)
		p := presencetest.NewFake(presence.Status{State: presence.Locked, Since: now, Source: "test"})
		h.opts.Presence = func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
			return p, presence.Report{}
		}
		h.start()
		h.idleUntil(now.Add(30 * time.Minute))
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "locked")
		if ev := h.wantRecorded(state.Sent, ""); ev.Via != "phone" {
			t.Fatalf("sent %+v", ev)
		}
		if ev := h.wantRecorded(state.Shown, ""); ev.Via != "phone" {
			t.Fatalf("shown %+v, want via phone", ev)
		}
		nothingOnScreen(t, &screen{h: h}) // not on the locked desktop
		if n := len(srv.Messages("bedtime-test-topic")); n != 1 {
			t.Fatalf("%d messages on the phone, want 1", n)
		}
		// Back at the computer, not answered on the phone: the desktop
		// shows what it held, as with hold; the phone is not sent it again.
		h.clock.Advance(10 * time.Minute)
		p.Set(presence.Status{State: presence.Here, Since: h.clock.Now(), Source: "test"})
		if m := h.nextShown(); m.Reminder != "magnesium" || !m.Scheduled.Equal(now.Add(30*time.Minute)) {
			t.Fatalf("back: shown %+v, want the 20:30 magnesium", m)
		}
		if n := len(srv.Messages("bedtime-test-topic")); n != 1 {
			t.Fatalf("%d messages on the phone after the return, want still 1", n)
		}
	})
}

// TestPhoneNotInACall: when_away: phone sends to the phone when away,
// not when the person is at the computer in a call: held there, the
// phone stays quiet, and the desktop shows it when the call ends.
func TestPhoneNotInACall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv := phoneHarness(t, `magnesium: {at: "20:30", when_away: phone}`, now)
		b := &fakeBusy{}
		b.set("microphone in use")
		h.opts.Busy = func(context.Context) (Busy, busy.Report) { return b, busy.Report{} }
		h.start()
		h.idleUntil(now.Add(30 * time.Minute))
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "busy: microphone in use")
		h.clock.Advance(busyRecheck) // asked again
		h.logHas(`msg="still busy: held until that ends"`)
		b.set("")
		h.clock.Advance(busyRecheck) // asked again
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("shown %+v", m)
		}
		if ev := h.wantRecorded(state.Shown, ""); ev.Via != "test" {
			t.Fatalf("shown %+v, want via the desktop's notifier", ev)
		}
		if n := len(srv.Messages("bedtime-test-topic")); n != 0 {
			t.Fatalf("%d messages on the phone during a call, want none", n)
		}
	})
}

// TestPhoneSnoozeComesBack: a reminder only for the phone, snoozed there,
// comes back to the phone when the snooze ends (it was lost: the outbox
// took the second showing of the instant for the first, already sent).
func TestPhoneSnoozeComesBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv := phoneHarness(t, `magnesium: {at: "20:30", channels: [phone], snooze: 5m}`, now)
		h.start()
		h.idleUntil(now.Add(30 * time.Minute))
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Sent, "")
		msgs := srv.Messages("bedtime-test-topic")
		if len(msgs) != 1 {
			t.Fatalf("%d messages on the phone, want 1", len(msgs))
		}
		snooze, ok := msgs[0].Action("Snooze")
		if !ok {
			t.Fatalf("no Snooze button on %+v", msgs[0])
		}
		if err := srv.Press(context.Background(), snooze); err != nil {
			t.Fatal(err)
		}
		for ev := h.recorded(); ev.Kind != state.Snoozed; ev = h.recorded() {
		}
		h.clock.Advance(5 * time.Minute)
		for ev := h.recorded(); ev.Kind != state.Sent; ev = h.recorded() {
		}
		if n := len(srv.Messages("bedtime-test-topic")); n != 2 {
			t.Fatalf("%d messages on the phone after the snooze, want 2", n)
		}
	})
}

// TestHandOverOpensNoChannel: a schedule HandOver takes for another
// program opens none of its channels here (no phone listened to, nothing
// published), and the hook is asked with the schedule the daemon runs;
// one it leaves opens them as always.
func TestHandOverOpensNoChannel(t *testing.T) {
	for _, take := range []bool{true, false} {
		t.Run(fmt.Sprintf("taken %v", take), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
				h, srv := phoneHarness(t, `magnesium: {at: "20:30", channels: [phone]}`, now)
				var asked []string
				h.opts.HandOver = func(s *config.Schedule) bool {
					for name := range s.Channels {
						asked = append(asked, name)
					}
					return take
				}
				h.start()
				h.idleUntil(now.Add(30 * time.Minute))
				if !slices.Equal(asked, []string{"phone"}) {
					t.Errorf("HandOver asked about the channels %q, want [phone]", asked)
				}
				h.clock.Set(now.Add(30 * time.Minute))
				synctest.Wait()
				published := len(srv.Messages("bedtime-test-topic"))
				if take {
					h.logHas(`msg="schedule handed over to another program"`)
					if published != 0 {
						t.Errorf("%d messages on the phone of a schedule handed over, want none", published)
					}
					return
				}
				h.wantRecorded(state.Sent, "")
				if published != 1 {
					t.Errorf("%d messages on the phone, want 1", published)
				}
			})
		})
	}
}
