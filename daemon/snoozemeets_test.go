package daemon

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// TestSnoozeDueWithTheNextInstant: a snooze that comes due together with
// the reminder's next instant (it lands on it, or the computer slept past
// both) does not show the new instant twice: the next instant ends the
// snoozed one (expired), and shows once.
func TestSnoozeDueWithTheNextInstant(t *testing.T) {
	const sched = "timezone: UTC\nreminders:\n  water: {every: 30m, between: \"20:00-23:00\", title: Water, snooze: 30m, catch_up: 10m}\n"
	tests := []struct {
		name string
		wake time.Duration // after 20:00, when the clock reaches it
	}{
		{"the snooze lands on the next instant", 30 * time.Minute},
		{"asleep past both", 35 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				now := time.Date(2026, 11, 25, 19, 59, 0, 0, time.UTC)
				h := shownAndSnoozed(t, sched, now, "water")
				h.clock.Set(now.Add(time.Minute + tt.wake))
				m2 := h.nextShown()
				if want := now.Add(31 * time.Minute); !m2.Scheduled.Equal(want) {
					t.Errorf("shown %v, want the 20:30 instant", m2.Scheduled)
				}
				h.nothingShown()
				st, _ := h.state()
				if c := st.Closed["water"]; c.Kind != state.Expired || !c.Scheduled.Equal(now.Add(time.Minute)) {
					t.Errorf("the 20:00 instant ended %+v, want expired", c)
				}
			})
		})
	}
}

// TestSnoozeMovedBeforeTheDaemonHeard: the reminder is snoozed until
// 20:30 with its button; at 20:29 `bedtime snooze` (or another computer)
// moves it to 20:45, and the daemon's old snooze comes due before the
// watcher's news of that write. The old snooze shows nothing, and does not
// take the new one with it: the reminder shows at 20:45.
func TestSnoozeMovedBeforeTheDaemonHeard(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const sched = "timezone: UTC\nreminders:\n  magnesium: {at: \"20:00\", snooze: 30m}\n"
		now := time.Date(2026, 11, 25, 19, 59, 0, 0, time.UTC)
		h := shownAndSnoozed(t, sched, now, "magnesium")

		h.clock.Set(now.Add(30 * time.Minute)) // 20:29
		synctest.Wait()
		s, err := config.Load(h.opts.SchedulePath)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := s.Reminder("magnesium")
		until := now.Add(46 * time.Minute) // 20:45
		if _, err := h.store().Answer(state.Answer{Reminder: "magnesium", Schedule: r.Schedule, CatchUp: r.CatchUp, Kind: state.Snoozed, Detail: "16m", At: h.clock.Now(), SnoozeUntil: until}); err != nil {
			t.Fatal(err)
		}
		h.clock.Set(now.Add(31 * time.Minute)) // 20:30: the old snooze, news not heard yet
		h.nothingShown()
		h.stateChanged()
		h.clock.Set(until)
		if m := h.nextShown(); !m.Scheduled.Equal(now.Add(time.Minute)) {
			t.Fatalf("shown %+v, want the 20:00 magnesium again", m)
		}
	})
}

// shownAndSnoozed starts the daemon at now on sched, lets name come due a
// minute later and answers its notification with Snooze.
func shownAndSnoozed(t *testing.T, sched string, now time.Time, name string) *harness {
	t.Helper()
	h := startBubbleRun(t, sched, now, "")
	h.idleUntil(now.Add(time.Minute))
	h.clock.Set(now.Add(time.Minute))
	m := h.nextShown()
	h.respond(notify.Response{Reminder: name, Action: notify.Snooze, Scheduled: m.Scheduled})
	synctest.Wait()
	return h
}
