package daemon

import (
	"os"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// The daemon as `bedtime run` runs it, answered from its notifications
// and changed through the state file as the control commands change it:
// in a synctest bubble (startBubbleRun) for the tests of its logic, on
// the fake clock with the real watcher (startRun) for reload_test.go's
// editors.

// startRun starts the daemon on schedule at now on the fake clock, with
// the reload debounce debounce and its state in stateDir ("" for a new
// one), and waits for the start-up load and state.
func startRun(t testing.TB, schedule string, now time.Time, stateDir string, debounce time.Duration) *harness {
	t.Helper()
	h := newHarness(t, schedule, now, "")
	h.opts.Debounce = debounce
	h.run(stateDir)
	return h
}

// startBubbleRun is startRun in the current bubble: its clock is moved on
// to now first, and the test announces the files that changed.
func startBubbleRun(t *testing.T, schedule string, now time.Time, stateDir string) *harness {
	t.Helper()
	h := newBubbleHarness(t, schedule, now, "")
	h.run(stateDir)
	return h
}

// run starts the daemon with its state in stateDir ("" for a new one; an
// earlier daemon's to restart on what it left) and waits for the
// start-up load and state.
func (h *harness) run(stateDir string) {
	h.t.Helper()
	if stateDir != "" {
		h.opts.StateDir = stateDir
	}
	h.reportShownFirst()
	h.controls = make(chan state.State, 64)
	h.opts.OnControl = func(st state.State) { h.controls <- st }
	h.start()
	h.applied() // the start-up state
}

// applied waits until the daemon applied the state file and returns it.
func (h *harness) applied() state.State {
	h.t.Helper()
	return wait(h, h.controls, "state not applied")
}

// appliedWhere waits until the daemon has applied a state for which cond
// holds (the daemon's own writes are applied too, so skip those).
func (h *harness) appliedWhere(cond func(state.State) bool) state.State {
	h.t.Helper()
	for {
		if st := h.applied(); cond(st) {
			return st
		}
	}
}

// nextShown waits for the next notification.
func (h *harness) nextShown() notify.Message {
	h.t.Helper()
	return wait(h, h.shown, "no notification")
}

// nothingShown fails if a notification is waiting (in a bubble, once the
// daemon has done all it can).
func (h *harness) nothingShown() {
	h.t.Helper()
	if h.bubble {
		synctest.Wait()
	}
	select {
	case m := <-h.shown:
		h.t.Fatalf("unexpected notification %+v", m)
	default:
	}
}

// store opens the state directory as another process (a control command)
// does.
func (h *harness) store() *state.Store {
	h.t.Helper()
	store, err := state.Open(h.opts.StateDir)
	if err != nil {
		h.t.Fatal(err)
	}
	return store
}

// state returns the state and the whole history.
func (h *harness) state() (state.State, []state.Event) {
	h.t.Helper()
	store := h.store()
	st, err := store.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	evs, err := store.History(time.Time{})
	if err != nil {
		h.t.Fatal(err)
	}
	return st, evs
}

// answer answers the reminder name at the clock's time as `bedtime done`
// (kind Done) and `bedtime snooze NAME <snooze>` (kind Snoozed, with
// detail the snooze as the command says it) do, and tells the daemon.
func (h *harness) answer(name string, kind state.Kind, detail string, snooze time.Duration) {
	h.t.Helper()
	s, err := config.Load(h.opts.SchedulePath)
	if err != nil {
		h.t.Fatal(err)
	}
	r, ok := s.Reminder(name)
	if !ok {
		h.t.Fatalf("no reminder %q", name)
	}
	now := h.clock.Now()
	a := state.Answer{Reminder: name, Schedule: r.Schedule, CatchUp: r.CatchUp, Kind: kind, Detail: detail, At: now}
	if kind == state.Snoozed {
		a.SnoozeUntil = now.Add(snooze)
	}
	if _, err := h.store().Answer(a); err != nil {
		h.t.Fatal(err)
	}
	h.stateChanged()
}

func berlin(t testing.TB, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

const berlinSchedule = `timezone: Europe/Berlin
reminders:
  magnesium: {at: "20:30"}
  hydration: {every: 2h, between: "08:00-20:00", title: "Water!"}
`

// kinds lists the history events as reminder:kind(detail).
func kinds(evs []state.Event) string {
	var s []string
	for _, ev := range evs {
		k := string(ev.Kind)
		if ev.Reminder != "" {
			k = ev.Reminder + ":" + k
		}
		if ev.Detail != "" {
			k += "(" + ev.Detail + ")"
		}
		s = append(s, k)
	}
	return strings.Join(s, " ")
}

func TestDaemonFiresWithTexts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 19:59"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:00"))
		h.clock.Advance(time.Minute)
		m := h.nextShown()
		if m.Reminder != "hydration" || m.Title != "Water!" || m.Body == "" {
			t.Fatalf("hydration shown as %+v: want the user's title over a built-in body", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 20:30"))
		h.clock.Advance(30 * time.Minute)
		m = h.nextShown()
		if m.Reminder != "magnesium" || !strings.Contains(m.Body+m.Title, "doctor") {
			t.Fatalf("magnesium shown as %+v: want the built-in text with its caution", m)
		}
		if want := berlin(t, "2026-11-25 22:30"); !m.Deadline.Equal(want) {
			t.Errorf("deadline = %v, want the catch-up grace %v", m.Deadline, want)
		}
		if log := h.log.String(); !strings.Contains(log, `msg=fired reminder=magnesium scheduled=2026-11-25T20:30:00+01:00`) {
			t.Errorf("no firing line in the log:\n%s", log)
		}
	})
}

func TestDaemonSnoozeFiresAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:29"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))
		h.clock.Advance(time.Minute)
		h.nextShown()
		h.respond(notify.Response{Reminder: "magnesium", Action: notify.Snooze, Scheduled: berlin(t, "2026-11-25 20:30")})
		h.idleUntil(berlin(t, "2026-11-25 20:40"))
		h.clock.Advance(10 * time.Minute)
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("after snooze: %+v", m)
		}
		// The log names the instant shown again, and when it came due again.
		want := `msg=fired reminder=magnesium scheduled=2026-11-25T20:30:00+01:00 again=true due_again=2026-11-25T20:40:00+01:00`
		if log := h.log.String(); !strings.Contains(log, want) {
			t.Errorf("no line %s in the log:\n%s", want, log)
		}
	})
}

func TestDaemonResumeFromSuspend(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 13:00"), "")
		h.idleUntil(berlin(t, "2026-11-25 14:00"))
		// Suspended from 13:00 to 21:00: hydration missed (no grace), magnesium
		// within its 2h grace fires once.
		h.clock.Set(berlin(t, "2026-11-25 21:00"))
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("after resume: %+v", m)
		}
		h.idleUntil(berlin(t, "2026-11-26 08:00"))
		h.nothingShown()
		if log := h.log.String(); !strings.Contains(log, "msg=missed reminder=hydration") {
			t.Errorf("missed hydration not logged:\n%s", log)
		}
	})
}

func TestDaemonKeepsScheduleOnBadEdit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
		path := h.opts.SchedulePath
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		// A bad edit, saved in place.
		bad := strings.Replace(berlinSchedule, `"20:30"`, `"25:00"`, 1)
		if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		h.changed(path)
		if s := h.reloaded(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		h.settled()
		m := h.nextShown()
		if m.Title != "Your bedtime schedule has an error" || !strings.Contains(m.Body, `schedule.yaml:3:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`) ||
			!strings.Contains(m.Body, "Running the previous schedule") {
			t.Fatalf("error notification = %+v", m)
		}
		// The old schedule still runs.
		h.idleUntil(berlin(t, "2026-11-25 20:30"))
		h.clock.Advance(20 * time.Minute)
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("old schedule not kept: %+v", m)
		}

		// Fixed the way vim saves: a new file renamed over the old one.
		fixed := strings.Replace(berlinSchedule, `"20:30"`, `"21:15"`, 1)
		tmp := path + ".swp"
		if err := os.WriteFile(tmp, []byte(fixed), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
		h.changed(path)
		s := h.reloaded()
		if s == nil {
			t.Fatal("fixed file rejected")
		}
		if m := h.nextShown(); m.Title != "Your bedtime schedule is fixed" {
			t.Fatalf("fixed notification = %+v", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 21:15"))

		// Deleting the file falls back to the built-in default.
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		h.changed(path)
		if s := h.reloaded(); s == nil || s.Path != "" {
			t.Fatalf("after delete: %+v", s)
		}
		if m := h.nextShown(); m.Title != "Your bedtime schedule file is gone" {
			t.Errorf("deletion notification = %+v", m)
		}
		if log := h.log.String(); !strings.Contains(log, "from=\"built-in default (no file at "+path+")\"") {
			t.Errorf("fallback not logged:\n%s", log)
		}
	})
}

func TestPauseSkipSnoozeDoneWithDaemonUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sched := berlinSchedule + "  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
		h := startBubbleRun(t, sched, berlin(t, "2026-11-25 17:30"), "")
		h.idleUntil(berlin(t, "2026-11-25 18:00"))
		loc := berlin(t, "2026-11-25 00:00").Location()

		// `bedtime pause --until 19:30`: the 18:00 water is skipped, quietly.
		if err := h.store().Pause(berlin(t, "2026-11-25 19:30"), h.clock.Now(), loc); err != nil {
			t.Fatal(err)
		}
		h.stateChanged()
		h.appliedWhere(func(st state.State) bool { return !st.PausedUntil.IsZero() })
		h.clock.Advance(30 * time.Minute) // 18:00
		h.idleUntil(berlin(t, "2026-11-25 20:00"))
		h.nothingShown()

		// `bedtime skip magnesium` skips its 20:30; the 20:00 water still shows.
		if err := h.store().Skip("magnesium", berlin(t, "2026-11-25 20:30")); err != nil {
			t.Fatal(err)
		}
		h.stateChanged()
		h.appliedWhere(func(st state.State) bool { return !st.Skips["magnesium"].IsZero() })
		h.clock.Set(berlin(t, "2026-11-25 20:00"))
		if m := h.nextShown(); m.Reminder != "hydration" {
			t.Fatalf("20:00: %+v", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 20:30"))
		h.clock.Set(berlin(t, "2026-11-25 20:30"))
		h.idleUntil(berlin(t, "2026-11-25 21:00"))
		h.nothingShown()

		// `bedtime snooze hydration 10m`: it comes back in 10 minutes.
		h.answer("hydration", state.Snoozed, "10m", 10*time.Minute)
		h.appliedWhere(func(st state.State) bool { return !st.Snoozes["hydration"].IsZero() })
		h.idleUntil(berlin(t, "2026-11-25 20:40"))
		h.clock.Set(berlin(t, "2026-11-25 20:40"))
		if m := h.nextShown(); m.Reminder != "hydration" {
			t.Fatalf("snoozed water: %+v", m)
		}

		// Pills repeat every 15 minutes until done.
		h.idleUntil(berlin(t, "2026-11-25 21:00"))
		h.clock.Set(berlin(t, "2026-11-25 21:00"))
		if m := h.nextShown(); m.Title != "Pills" {
			t.Fatalf("21:00: %+v", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 21:15"))
		h.clock.Set(berlin(t, "2026-11-25 21:15"))
		if m := h.nextShown(); m.Title != "Pills" {
			t.Fatalf("21:15 repeat: %+v", m)
		}
		h.answer("pills", state.Done, "", 0) // `bedtime done pills`
		h.appliedWhere(func(st state.State) bool { return st.Closed["pills"].Kind == state.Done })
		h.idleUntil(berlin(t, "2026-11-26 08:00"))
		h.nothingShown()

		_, evs := h.state()
		want := "hydration:skipped(paused) hydration:shown magnesium:skipped(bedtime skip) hydration:snoozed(command, 10m) hydration:shown(again) pills:shown pills:shown(again) pills:done(command)"
		var got []state.Event
		for _, ev := range evs {
			if ev.Kind != state.Paused {
				got = append(got, ev)
			}
		}
		if kinds(got) != want {
			t.Fatalf("history = %s\nwant      %s", kinds(got), want)
		}
	})
}

func TestRepeatStopsAtMaxAndOnDoneButton(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sched := "timezone: Europe/Berlin\nreminders:\n  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
		h := startBubbleRun(t, sched, berlin(t, "2026-11-25 20:59"), "")
		h.idleUntil(berlin(t, "2026-11-25 21:00"))
		h.clock.Set(berlin(t, "2026-11-25 21:00"))
		h.nextShown()
		for _, at := range []string{"21:15", "21:30"} {
			h.idleUntil(berlin(t, "2026-11-25 "+at))
			h.clock.Set(berlin(t, "2026-11-25 "+at))
			h.nextShown()
		}
		// Two repeats, then no more.
		h.idleUntil(berlin(t, "2026-11-26 21:00"))
		h.clock.Set(berlin(t, "2026-11-26 21:00"))
		m := h.nextShown()
		h.respond(notify.Response{Reminder: "pills", Action: notify.Done, Scheduled: m.Scheduled})
		h.idleUntil(berlin(t, "2026-11-27 21:00"))
		h.nothingShown()
	})
}

func TestStartButtonPlaysTheRoutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sched := "timezone: Europe/Berlin\nbedtime: \"22:30\"\nreminders:\n  calf-stretch: {before_bedtime: 30m, routine: calf-stretch}\n"
		h := startBubbleRun(t, sched, berlin(t, "2026-11-25 21:59"), "")
		h.idleUntil(berlin(t, "2026-11-25 22:00"))
		h.clock.Set(berlin(t, "2026-11-25 22:00"))
		m := h.nextShown()
		if m.Reminder != "calf-stretch" || !m.Start {
			t.Fatalf("reminder = %+v, want a Start button", m)
		}
		h.respond(notify.Response{Reminder: "calf-stretch", Action: notify.Start, Scheduled: m.Scheduled})
		rt, _ := content.LookupRoutine("calf-stretch")
		for i := range rt.Steps {
			m := h.nextShown()
			if m.Reminder != "calf-stretch" || m.Body != rt.Steps[i].Text || !m.Stop || m.Step != i+1 || !m.Scheduled.Equal(berlin(t, "2026-11-25 22:00")) {
				t.Fatalf("step %d = %+v, want %q replacing the reminder, with only a Stop button", i+1, m, rt.Steps[i].Text)
			}
			h.clock.Advance(rt.Steps[i].Hold) // the step's hold, on the one clock
		}
		if m := h.nextShown(); m.Title != rt.Title {
			t.Fatalf("closing message = %+v", m)
		}
		_, evs := h.state()
		if got := kinds(evs); got != "calf-stretch:shown calf-stretch:done(routine started)" {
			t.Fatalf("history = %s", got)
		}
	})
}

// TestRepeatAfterDismissSurvivesARestart: a repeating reminder closed
// without an answer comes back at its next repeat, even when bedtime is
// restarted in between: the repeat lives in the state, which the engine
// asks, and nowhere else.
func TestRepeatAfterDismissSurvivesARestart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sched := "timezone: Europe/Berlin\nreminders:\n  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
		h := startBubbleRun(t, sched, berlin(t, "2026-11-25 20:59"), "")
		h.idleUntil(berlin(t, "2026-11-25 21:00"))
		h.clock.Set(berlin(t, "2026-11-25 21:00"))
		m := h.nextShown()
		h.respond(notify.Response{Reminder: "pills", Action: notify.Dismissed, Scheduled: m.Scheduled})
		h.stateChanged() // the watcher's news of the daemon's own write
		h.appliedWhere(func(st state.State) bool {
			return st.Closed["pills"].Kind == state.Dismissed && st.Snoozes["pills"].Equal(berlin(t, "2026-11-25 21:15"))
		})
		h.stop()

		h2 := startBubbleRun(t, sched, berlin(t, "2026-11-25 21:10"), h.opts.StateDir)
		h2.idleUntil(berlin(t, "2026-11-25 21:15"))
		h2.clock.Set(berlin(t, "2026-11-25 21:15"))
		if m := h2.nextShown(); m.Reminder != "pills" || !m.Scheduled.Equal(berlin(t, "2026-11-25 21:00")) {
			t.Fatalf("after the restart: %+v, want the 21:00 pills again", m)
		}
	})
}

// TestRepeatCountSurvivesARestart: repeat_max counts the repeats of one
// instant across a restart of bedtime: how many were shown lives in the
// state, not in the daemon's memory, so a restart between two repeats
// does not start the count again.
func TestRepeatCountSurvivesARestart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sched := "timezone: Europe/Berlin\nreminders:\n  pills: {at: \"21:00\", title: Pills, repeat_until_done: 15m, repeat_max: 2}\n"
		h := startBubbleRun(t, sched, berlin(t, "2026-11-25 20:59"), "")
		for _, at := range []string{"21:00", "21:15"} {
			h.idleUntil(berlin(t, "2026-11-25 "+at))
			h.clock.Set(berlin(t, "2026-11-25 "+at))
			h.nextShown()
		}
		h.stateChanged() // the watcher's news of the daemon's own write
		h.appliedWhere(func(st state.State) bool { return st.Snoozes["pills"].Equal(berlin(t, "2026-11-25 21:30")) })
		h.stop()

		h2 := startBubbleRun(t, sched, berlin(t, "2026-11-25 21:20"), h.opts.StateDir)
		h2.idleUntil(berlin(t, "2026-11-25 21:30"))
		h2.clock.Set(berlin(t, "2026-11-25 21:30"))
		if m := h2.nextShown(); m.Reminder != "pills" || !m.Scheduled.Equal(berlin(t, "2026-11-25 21:00")) {
			t.Fatalf("21:30: %+v, want the second repeat of the 21:00 pills", m)
		}
		// That was the second repeat: none at 21:45, the next at 21:00 tomorrow.
		h2.idleUntil(berlin(t, "2026-11-26 21:00"))
		h2.nothingShown()
		_, evs := h2.state()
		if got, want := kinds(evs), "pills:shown pills:shown(again) pills:shown(again)"; got != want {
			t.Fatalf("history = %s\nwant      %s", got, want)
		}
	})
}

// TestPauseTooLongIsShortened: a pause in the state file longer than
// state.MaxPause (an older bedtime's, or a hand-edited file; bedtime
// pause refuses one) is cut to MaxPause from when the daemon reads it,
// whether it is there at start or written while the daemon runs, over a
// year's end too; a pause within the limit is left as it is.
func TestPauseTooLongIsShortened(t *testing.T) {
	forever := time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC)
	setPause := func(t *testing.T, store *state.Store, until time.Time) {
		t.Helper()
		if _, err := store.Change(func(tx *state.Tx) error { tx.Pause(until); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("written while running", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-12-20 17:30"), "")
			now := h.clock.Now()
			setPause(t, h.store(), forever)
			h.stateChanged()
			h.appliedWhere(func(st state.State) bool { return st.PausedUntil.Equal(now.Add(state.MaxPause)) })
			synctest.Wait()
			if st, _ := h.state(); !st.PausedUntil.Equal(now.Add(state.MaxPause)) {
				t.Errorf("state file: paused until %v, want %v", st.PausedUntil, now.Add(state.MaxPause))
			}
			h.logHas("pause too long, shortened")

			// Within the limit, over new year: kept.
			within := berlin(t, "2027-01-10 08:00")
			setPause(t, h.store(), within)
			h.stateChanged()
			h.appliedWhere(func(st state.State) bool { return st.PausedUntil.Equal(within) })
			synctest.Wait()
			if st, _ := h.state(); !st.PausedUntil.Equal(within) {
				t.Errorf("state file: paused until %v, want %v", st.PausedUntil, within)
			}
		})
	})
	t.Run("there at start", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			dir := t.TempDir()
			store, err := state.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			setPause(t, store, forever)
			h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-12-20 17:30"), dir)
			now := h.clock.Now()
			synctest.Wait()
			if st, _ := h.state(); !st.PausedUntil.Equal(now.Add(state.MaxPause)) {
				t.Errorf("state file: paused until %v, want %v", st.PausedUntil, now.Add(state.MaxPause))
			}
			h.logHas("pause too long, shortened")
		})
	})
}
