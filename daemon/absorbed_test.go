package daemon

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// TestControlChangeSeenThoughTheDaemonWroteFirst: a command (or another
// computer, through devices.Follow) changes the state file, and the
// daemon writes a change of its own (an answer, its presence, a problem)
// before the watcher's news of the command's write reaches it. That write
// reads the command's change into the daemon's view; the daemon still
// acts on it when the news comes: a pause too long is shortened, a done
// logged (and its notification closed).
func TestControlChangeSeenThoughTheDaemonWroteFirst(t *testing.T) {
	forever := time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC)
	tests := []struct {
		name    string
		command func(t *testing.T, h *harness)
		want    string // in the log
		check   func(st state.State, now time.Time) bool
	}{
		{"a pause too long", func(t *testing.T, h *harness) {
			if _, err := h.store().Change(func(tx *state.Tx) error { tx.Pause(forever); return nil }); err != nil {
				t.Fatal(err)
			}
		}, "pause too long, shortened", func(st state.State, now time.Time) bool {
			return st.PausedUntil.Equal(now.Add(state.MaxPause))
		}},
		{"a done", func(t *testing.T, h *harness) {
			// What bedtime done magnesium writes.
			s, err := config.Load(h.opts.SchedulePath)
			if err != nil {
				t.Fatal(err)
			}
			r, _ := s.Reminder("magnesium")
			now := h.clock.Now()
			if _, err := h.store().Answer(state.Answer{Reminder: "magnesium", Schedule: r.Schedule, CatchUp: r.CatchUp, Kind: state.Done, At: now}); err != nil {
				t.Fatal(err)
			}
		}, `msg=done reminder=magnesium scheduled=2026-12-20T20:30:00+01:00 from="the state"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-12-20 20:29"), "")
				h.idleUntil(berlin(t, "2026-12-20 20:30"))
				h.clock.Set(berlin(t, "2026-12-20 20:30"))
				m := h.nextShown()
				h.wantRecorded(state.Shown, "")
				h.clock.Set(berlin(t, "2026-12-20 20:31"))
				synctest.Wait()
				tt.command(t, h)
				// The daemon's own write comes first: news from the
				// notification server about a message it showed.
				h.respond(notify.Response{Reminder: m.Reminder, Action: notify.Shown, Scheduled: m.Scheduled, Via: "test"})
				synctest.Wait()
				h.stateChanged()
				h.logHas(tt.want)
				if tt.check != nil {
					if st, _ := h.state(); !tt.check(st, h.clock.Now()) {
						t.Errorf("state after: %+v", st)
					}
				}
			})
		})
	}
}
