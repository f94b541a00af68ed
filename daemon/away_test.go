package daemon

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/presence/presencetest"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// awayHarness starts the daemon in the current bubble with a presence
// the test sets. Holding a reminder while away and showing it on the
// return is the daemon's decision; the notification server's part is
// lifecycle_linux_test.go's, on a real bus.
func awayHarness(t *testing.T, schedule string, now time.Time) (*harness, *screen, *presencetest.Fake) {
	t.Helper()
	h := newBubbleHarness(t, schedule, now, "")
	p := presencetest.NewFake(presence.Status{State: presence.Here, Since: now.Add(-time.Hour), Source: "test"})
	h.opts.Presence = func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
		return p, presence.Report{}
	}
	h.start()
	return h, &screen{h: h}, p
}

// screen is what the person saw: the notifications the in-bubble
// notifier was handed.
type screen struct {
	h    *harness
	seen int
}

// Next returns the next notification shown, once the daemon has done all
// it can.
func (s *screen) Next(t *testing.T) notify.Message {
	t.Helper()
	s.seen++
	return s.h.nextShown()
}

// nothingOnScreen checks nothing was shown.
func nothingOnScreen(t *testing.T, s *screen) {
	t.Helper()
	s.h.nothingShown()
	if s.seen != 0 {
		t.Fatalf("shown %d notifications, want none", s.seen)
	}
}

// logHas checks, once the daemon has done all it can, that its log has
// want.
func (h *harness) logHas(want string) {
	h.t.Helper()
	synctest.Wait()
	if !strings.Contains(h.log.String(), want) {
		h.t.Fatalf("the log has no %s:\n%s", want, h.log)
	}
}

// lockedBeforeMagnesium starts the away harness at now (20:00) with
// magnesium due at 20:30, idle until then, and the screen locked since
// 20:20.
func lockedBeforeMagnesium(t *testing.T, now time.Time) (*harness, *screen, *presencetest.Fake) {
	t.Helper()
	h, srv, p := awayHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now)
	h.idleUntil(now.Add(30 * time.Minute))
	p.Set(presence.Status{State: presence.Locked, Since: now.Add(20 * time.Minute), Source: "test"})
	return h, srv, p
}

// TestHeldWhileLockedShownWhenBack: magnesium comes due while the screen
// is locked; it is held (not shown to the lock screen), and shown at once
// when the person unlocks, within its grace.
func TestHeldWhileLockedShownWhenBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, p := lockedBeforeMagnesium(t, now)
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "locked")
		nothingOnScreen(t, srv)

		h.clock.Set(now.Add(50 * time.Minute)) // back 20 minutes later, within its 2h grace
		p.Set(presence.Status{State: presence.Here, Since: now.Add(50 * time.Minute), Source: "test"})
		n := srv.Next(t)
		if n.Title == "" {
			t.Fatalf("shown %+v", n)
		}
		if ev := h.wantRecorded(state.Shown, ""); !ev.Scheduled.Equal(now.Add(30 * time.Minute)) {
			t.Fatalf("shown %+v, want the 20:30 instant", ev)
		}
		store, _ := state.Open(h.opts.StateDir)
		if st, _ := store.Load(); st.Presence == nil || st.Presence.State != "here" {
			t.Fatalf("presence in the state = %+v, want here", st.Presence)
		}
	})
}

// TestHeldTooLongIsMissed: away past the reminder's grace, it is recorded
// missed when the person comes back, never shown late.
func TestHeldTooLongIsMissed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, p := awayHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\", catch_up: 15m}\n", now)
		h.idleUntil(now.Add(30 * time.Minute))
		p.Set(presence.Status{State: presence.Away, Since: now.Add(10 * time.Minute), Source: "test"})
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "away")
		h.clock.Set(now.Add(2 * time.Hour))
		p.Set(presence.Status{State: presence.Here, Since: now.Add(2 * time.Hour), Source: "test"})
		h.wantRecorded(state.Missed, "away until too late")
		nothingOnScreen(t, srv)
	})
}

// TestMovementSkippedWhenAway and the natural break: a movement break due
// while away is skipped (why away); back after a long absence, the next
// movement break within the hour is skipped too (why natural break), and
// the one after that is shown.
func TestMovementSkippedWhenAwayAndNaturalBreak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC) // a Wednesday
		h, srv, p := awayHarness(t, "timezone: UTC\nreminders:\n  movement: {cron: \"55 9-16 * * mon-fri\"}\n", now)
		h.idleUntil(now.Add(55 * time.Minute))
		p.Set(presence.Status{State: presence.Away, Since: now.Add(30 * time.Minute), Source: "test"}) // lunch
		h.clock.Set(now.Add(55 * time.Minute))
		h.wantRecorded(state.Skipped, "away")

		h.clock.Set(now.Add(90 * time.Minute)) // 12:30: back after an hour away
		p.Set(presence.Status{State: presence.Here, Since: now.Add(90 * time.Minute), Source: "test"})
		h.logHas(`msg="natural break"`)
		h.idleUntil(now.Add(115 * time.Minute))
		h.clock.Set(now.Add(115 * time.Minute)) // 12:55
		h.wantRecorded(state.Skipped, "natural break")
		nothingOnScreen(t, srv)

		h.idleUntil(now.Add(175 * time.Minute))
		h.clock.Set(now.Add(175 * time.Minute)) // 13:55: an ordinary break again
		srv.Next(t)
		h.wantRecorded(state.Shown, "")
	})
}

// TestShowWhenAway: a reminder that says when_away: show is shown anyway.
func TestShowWhenAway(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, p := awayHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\", when_away: show}\n", now)
		h.idleUntil(now.Add(30 * time.Minute))
		p.Set(presence.Status{State: presence.Away, Since: now.Add(10 * time.Minute), Source: "test"})
		h.clock.Set(now.Add(30 * time.Minute))
		srv.Next(t)
		h.wantRecorded(state.Shown, "")
	})
}

// polled is a presence source without events, as X11's: Current answers
// at once, Changes only when its poll (the test) says so.
type polled struct {
	*presencetest.Fake
	late chan presence.Status
}

func (p *polled) Changes() <-chan presence.Status { return p.late }

// TestPolledSourceShowsHeldOnReturn: with a source without events, a
// reminder held while away is shown when the person is back, without
// waiting for the source's own poll (the daemon asks every heldRecheck
// while something is held); the poll saying the same afterwards, or
// saying away after Current did, is no change and makes no log line.
func TestPolledSourceShowsHeldOnReturn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h := newBubbleHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now, "")
		p := &polled{Fake: presencetest.NewFake(presence.Status{State: presence.Here, Since: now.Add(-time.Hour), Source: "test"}),
			late: make(chan presence.Status, 8)}
		h.opts.Presence = func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
			return p, presence.Report{Idle: "test", OnDemand: true}
		}
		srv := &screen{h: h}
		h.start()
		h.idleUntil(now.Add(30 * time.Minute))
		away := presence.Status{State: presence.Away, Since: now.Add(20 * time.Minute), Source: "test"}
		p.Set(away) // Current says away; the poll has not said it yet
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "away")
		p.late <- away // the poll catches up
		nothingOnScreen(t, srv)

		h.clock.Set(now.Add(40 * time.Minute))
		asked := p.Asked()
		back := presence.Status{State: presence.Here, Since: now.Add(40 * time.Minute), Source: "test"}
		p.Set(back)                  // only Current knows
		h.clock.Advance(heldRecheck) // and the daemon asks it
		if n := srv.Next(t); n.Title == "" {
			t.Fatalf("shown %+v", n)
		}
		h.wantRecorded(state.Shown, "")
		if p.Asked() <= asked {
			t.Errorf("Current asked %d times, want more than %d: the return was found by asking", p.Asked(), asked)
		}
		p.late <- back
		p.late <- back
		h.logHas(`msg="back: showing the reminder held"`)
		h.stop()
		log := h.log.String()
		if got := strings.Count(log, `msg="presence changed"`); got != 2 {
			t.Errorf("%d presence changed lines, want 2 (to away, back to here):\n%s", got, log)
		}
		for _, same := range []string{"from=away to=away", "from=here to=here"} {
			if strings.Contains(log, same) {
				t.Errorf("the log says %s:\n%s", same, log)
			}
		}
	})
}

// TestHeldSurvivesAReloadThatChangesAwayAfter: magnesium is held while
// the screen is locked; the schedule is edited meanwhile and its
// away.after changes, which opens a new presence monitor. The reminder
// held is not dropped with the old monitor: it shows when the person is
// back, as it would have without the edit.
func TestHeldSurvivesAReloadThatChangesAwayAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h := newBubbleHarness(t, "timezone: UTC\naway: {after: 5m}\nreminders:\n  magnesium: {at: \"20:30\"}\n", now, "")
		var p *presencetest.Fake // the monitor open now
		status := presence.Status{State: presence.Here, Since: now.Add(-time.Hour), Source: "test"}
		h.opts.Presence = func(context.Context, presence.Options) (presence.Monitor, presence.Report) {
			p = presencetest.NewFake(status)
			return p, presence.Report{}
		}
		h.start()
		srv := &screen{h: h}
		h.idleUntil(now.Add(30 * time.Minute))
		status = presence.Status{State: presence.Locked, Since: now.Add(20 * time.Minute), Source: "test"}
		p.Set(status)
		h.clock.Set(now.Add(30 * time.Minute))
		h.wantRecorded(state.Held, "locked")

		h.clock.Set(now.Add(40 * time.Minute))
		if err := os.WriteFile(h.opts.SchedulePath, []byte("timezone: UTC\naway: {after: 10m}\nreminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		h.changed(h.opts.SchedulePath)
		h.reloaded()
		nothingOnScreen(t, srv)

		h.clock.Set(now.Add(50 * time.Minute)) // back within its grace
		status = presence.Status{State: presence.Here, Since: now.Add(50 * time.Minute), Source: "test"}
		p.Set(status)
		synctest.Wait()
		if n := srv.Next(t); !n.Scheduled.Equal(now.Add(30 * time.Minute)) {
			t.Fatalf("shown %+v, want the 20:30 magnesium", n)
		}
	})
}

// TestHeldShownWhenBackThoughTheStateCannotBeWritten: the state cannot be
// written (its lock held by another process, or a full disk): the firing
// held while the screen is locked is kept in memory with the rest, and
// shows when the person is back all the same.
func TestHeldShownWhenBackThoughTheStateCannotBeWritten(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
		h, srv, p := lockedBeforeMagnesium(t, now)
		synctest.Wait()
		fl, err := safefs.Lock(filepath.Join(h.opts.StateDir, "state.lock"), 0)
		if err != nil {
			t.Fatal(err)
		}
		defer fl.Unlock()
		h.clock.Set(now.Add(30 * time.Minute))
		synctest.Wait()
		nothingOnScreen(t, srv)

		h.clock.Set(now.Add(50 * time.Minute)) // back within its grace
		p.Set(presence.Status{State: presence.Here, Since: now.Add(50 * time.Minute), Source: "test"})
		h.clock.Advance(3 * stateLockWait) // each write waits for the lock, and keeps what it has
		if n := srv.Next(t); !n.Scheduled.Equal(now.Add(30 * time.Minute)) {
			t.Fatalf("shown %+v, want the 20:30 magnesium", n)
		}
	})
}
