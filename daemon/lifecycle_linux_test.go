package daemon

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/state"
)

// busHarness runs the daemon with the real desktop notifier on a private
// session bus (a real dbus-daemon), on a fake clock.
func busHarness(t *testing.T, schedule string, now time.Time) (*harness, *notifytest.Bus) {
	t.Helper()
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	h := newHarness(t, schedule, now, filepath.Join(t.TempDir(), "none"))
	h.opts.Notifier = func(log *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
		d, err := notify.New(notify.Options{Logger: log, OnResponse: respond, Now: h.clock.Now,
			RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, CacheDir: t.TempDir()})
		if err != nil {
			return nil, nil, err
		}
		return d, d.Close, nil
	}
	return h, bus
}

// TestDoneOnARealBus: magnesium fires at 20:30, a notification server on a
// real session bus shows it and the person presses Done. The history says
// shown (via d-bus) and done (button), once each, for the 20:30 instant;
// `bedtime done` after it changes nothing; stats say 1 of 1.
func TestDoneOnARealBus(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		return v
	}
	h, bus := busHarness(t, "timezone: Europe/Berlin\nreminders:\n  magnesium: {at: \"20:30\"}\n", at("2026-11-25 20:00"))
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(at("2026-11-25 20:30"))
	h.clock.Set(at("2026-11-25 20:30"))
	n := srv.Next(t)
	if n.ExpireTimeout != 0 {
		t.Errorf("expire_timeout = %d, want 0: a reminder stays until answered", n.ExpireTimeout)
	}
	if ev := h.wantRecorded(state.Shown, ""); ev.Via != "d-bus" || !ev.Scheduled.Equal(at("2026-11-25 20:30")) {
		t.Fatalf("shown = %+v, want via d-bus for 20:30", ev)
	}
	h.clock.Set(at("2026-11-25 20:34"))
	if err := srv.InvokeAction(n.ID, "done"); err != nil {
		t.Fatal(err)
	}
	h.wantRecorded(state.Done, "button")

	store, _ := state.Open(h.opts.StateDir)
	st, _ := store.Load()
	_, err := st.Resolve("magnesium", at("2026-11-25 20:30"), config.DailyCatchUp, at("2026-11-25 20:40"))
	var already *state.AlreadyError
	if !errors.As(err, &already) || err.Error() != "magnesium was already done at 20:34" {
		t.Fatalf("a later bedtime done: %v, want already done at 20:34", err)
	}
	evs := h.history()
	if len(evs) != 2 {
		t.Fatalf("history = %+v, want shown and done", evs)
	}
	rs := state.Stats(evs, 1, at("2026-11-25 21:00"), berlin)
	if len(rs) != 1 || rs[0].Due != 1 || rs[0].Done != 1 || rs[0].Shown != 1 {
		t.Fatalf("stats = %+v, want 1 of 1 done", rs)
	}
}

// TestHeldThenShownThenMissed: with no notification server on the bus the
// reminder is held (and status has the problem) until a server comes up,
// then shown; the next evening no server comes before the deadline, and
// it is recorded missed, never shown.
func TestHeldThenShownThenMissed(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		return v
	}
	h, bus := busHarness(t, "timezone: Europe/Berlin\nreminders:\n  magnesium: {at: \"20:30\"}\n", at("2026-11-25 20:00"))
	h.start()
	h.idleUntil(at("2026-11-25 20:30"))
	h.clock.Set(at("2026-11-25 20:30"))
	h.wantRecorded(state.Held, "no notification server")
	store, _ := state.Open(h.opts.StateDir)
	if st, _ := store.Load(); st.Problems[state.ProblemNotifications] == "" || st.Open["magnesium"].Status != state.Held {
		t.Fatalf("while held: problems %v, open %v", st.Problems, st.Open)
	}
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	srv.Next(t)
	h.wantRecorded(state.Shown, "")
	if st, _ := store.Load(); len(st.Problems) != 0 {
		t.Fatalf("after the server came: problems %v, want none", st.Problems)
	}
	srv.Stop()

	h.idleUntil(at("2026-11-26 20:30"))
	h.clock.Set(at("2026-11-26 20:30"))
	// The 25th's instant, shown and never answered, ends as expired when
	// the next one comes due.
	h.wantRecorded(state.Expired, "not answered")
	h.wantRecorded(state.Held, "no notification server")
	h.clock.Set(at("2026-11-26 23:00")) // past the 2h catch-up grace
	h.wantRecorded(state.Missed, "never shown")
	rs := state.Stats(h.history(), 2, at("2026-11-26 23:00"), berlin)
	if len(rs) != 1 || rs[0].Due != 2 || rs[0].Shown != 1 || rs[0].Missed != 1 || rs[0].Unanswered != 1 || rs[0].Done != 0 {
		t.Fatalf("stats = %+v", rs)
	}
}

// TestNoBusIsNotShown: with no session bus at all the reminder reaches only
// the log; it is recorded missed, never shown.
func TestNoBusIsNotShown(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	t.Setenv("DISPLAY", "")
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h := newHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now, filepath.Join(t.TempDir(), "none"))
	h.opts.Notifier = func(log *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
		d, err := notify.New(notify.Options{Logger: log, OnResponse: respond, Now: h.clock.Now, CacheDir: t.TempDir()})
		if err != nil {
			return nil, nil, err
		}
		return d, d.Close, nil
	}
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	ev := h.wantRecorded(state.Missed, "no session bus")
	if !ev.Scheduled.Equal(now.Add(30 * time.Minute)) {
		t.Fatalf("missed %+v, want the 20:30 instant", ev)
	}
	store, _ := state.Open(h.opts.StateDir)
	if st, _ := store.Load(); !strings.Contains(st.Problems[state.ProblemNotifications], "no session bus") {
		t.Fatalf("problems = %v, want the missing bus", st.Problems)
	}
}

// TestDoneFromTheCommandLineClosesTheNotification: the reminder is on the
// screen; `bedtime done` (a change to the state file from outside) makes
// the daemon log it and take the notification off the screen, without
// recording a dismissal.
func TestDoneFromTheCommandLineClosesTheNotification(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h, bus := busHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now)
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	n := srv.Next(t)
	h.wantRecorded(state.Shown, "")

	// What `bedtime done magnesium` does, from another process.
	other, err := state.Open(h.opts.StateDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Record(func(st *state.State) ([]state.Event, error) {
		sched, err := st.Resolve("magnesium", now.Add(30*time.Minute), time.Hour, now.Add(35*time.Minute))
		if err != nil {
			return nil, err
		}
		return st.Apply(state.Step{Reminder: "magnesium", Scheduled: sched, Kind: state.Done, At: now.Add(35 * time.Minute), Source: "command"})
	}); err != nil {
		t.Fatal(err)
	}
	// The server closes it on its own time: a real process, looked at again.
	testutil.WaitFor(t, notifytest.Wait, "the notification taken off the screen after bedtime done", func() bool { return !srv.IsOpen(n.ID) }, h.log)
	if !strings.Contains(h.log.String(), `msg=done reminder=magnesium scheduled=2026-11-25T20:30:00Z from="the state"`) {
		t.Errorf("the daemon did not log the done:\n%s", h.log)
	}
	evs := h.history()
	if got := len(evs); got != 2 || evs[1].Kind != state.Done {
		t.Fatalf("history = %+v, want shown and done only", evs)
	}
}

// TestSnoozeFromTheCommandLineClosesTheNotification: `bedtime snooze`
// takes the popup off the screen, as done does, and the reminder comes
// back at the snooze time.
func TestSnoozeFromTheCommandLineClosesTheNotification(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h, bus := busHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now)
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	n := srv.Next(t)
	h.wantRecorded(state.Shown, "")

	// What `bedtime snooze magnesium 10m` does, from another process.
	other, err := state.Open(h.opts.StateDir)
	if err != nil {
		t.Fatal(err)
	}
	at, until := now.Add(32*time.Minute), now.Add(42*time.Minute)
	if _, err := other.Record(func(st *state.State) ([]state.Event, error) {
		sched, err := st.Resolve("magnesium", now.Add(30*time.Minute), time.Hour, at)
		if err != nil {
			return nil, err
		}
		evs, err := st.Apply(state.Step{Reminder: "magnesium", Scheduled: sched, Kind: state.Snoozed, At: at, Source: "command", Detail: "10m"})
		st.Snoozes["magnesium"] = until
		return evs, err
	}); err != nil {
		t.Fatal(err)
	}
	// The server closes it on its own time: a real process, looked at again.
	testutil.WaitFor(t, notifytest.Wait, "the notification taken off the screen after bedtime snooze", func() bool { return !srv.IsOpen(n.ID) }, h.log)
	waitLog(t, h.log, `msg=snooze reminder=magnesium scheduled=2026-11-25T20:30:00Z from="the state"`)
	h.clock.Set(until)
	if again := srv.Next(t); again.Summary == "" {
		t.Fatalf("after the snooze: %+v", again)
	}
}

// TestStopARoutine: Start on a reminder with a routine plays it on a real
// notification server, each step with only a Stop button. Stop on a step
// ends it; `bedtime routine --stop` (the state file) ends another.
func TestStopARoutine(t *testing.T) {
	now := time.Date(2026, 11, 25, 21, 59, 0, 0, time.UTC)
	h, bus := busHarness(t, "timezone: UTC\nreminders:\n"+
		"  calf-stretch: {at: \"22:00\", routine: calf-stretch}\n"+
		"  limber: {at: \"22:00\", routine: morning-stretch, title: Limber up}\n", now)
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(now.Add(time.Minute))
	h.clock.Set(now.Add(time.Minute))
	byName := map[string]notifytest.Notification{}
	for range 2 {
		n := srv.Next(t)
		byName[n.Summary] = n
		if fmt.Sprint(n.Actions) != "[start Start done Done snooze Snooze]" {
			t.Fatalf("reminder actions = %v", n.Actions)
		}
	}
	// Both shown (the server's answer read) before a button is pressed.
	h.wantRecorded(state.Shown, "")
	h.wantRecorded(state.Shown, "")
	limber := byName["Limber up"]
	delete(byName, "Limber up")
	var calf notifytest.Notification
	for _, n := range byName {
		calf = n
	}
	if calf.ID == 0 || limber.ID == 0 {
		t.Fatalf("notifications = %+v", byName)
	}
	if err := srv.InvokeAction(calf.ID, "start"); err != nil {
		t.Fatal(err)
	}
	waitLog(t, h.log, `msg="routine started" reminder=calf-stretch`)
	step := srv.Next(t)
	rt, _ := content.LookupRoutine("calf-stretch")
	if want := int32((rt.Steps[0].Hold + 5*time.Second).Milliseconds()); fmt.Sprint(step.Actions) != "[stop Stop]" || step.ExpireTimeout != want {
		t.Fatalf("step 1 = %+v, want only a Stop button and %d ms on screen (its hold and 5 s)", step, want)
	}
	if err := srv.InvokeAction(step.ID, "stop"); err != nil {
		t.Fatal(err)
	}
	waitLog(t, h.log, `msg="routine stopped" reminder=calf-stretch`)

	h.wantRecorded(state.Done, "routine started")
	if err := srv.InvokeAction(limber.ID, "start"); err != nil {
		t.Fatal(err)
	}
	srv.Next(t)
	other, _ := state.Open(h.opts.StateDir)
	if err := other.Update(func(st *state.State) error { st.RoutineStop = h.clock.Now(); return nil }); err != nil {
		t.Fatal(err)
	}
	waitLog(t, h.log, `msg="routines stopped" count=1 from="the state"`)
	waitLog(t, h.log, `msg="routine stopped" reminder=limber`)
	for _, n := range srv.Calls() {
		if strings.Contains(n.Summary, "(2 of") {
			t.Fatalf("a stopped routine went on to step 2: %+v", n)
		}
	}
}

// TestStayAndSound: stay and sound of a reminder reach the notification
// server: how long it stays (the server's own time with stay: false) and
// the sound-name hint where the server plays sounds.
func TestStayAndSound(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h, bus := busHarness(t, "timezone: UTC\nreminders:\n"+
		"  magnesium: {at: \"20:30\", stay: 2m, sound: true}\n"+
		"  hydration: {at: \"20:30\", stay: false}\n", now)
	cfg := notifytest.DefaultConfig
	cfg.Capabilities = append(append([]string(nil), cfg.Capabilities...), "sound")
	srv := bus.StartServer(t, cfg)
	h.start()
	h.idleUntil(now.Add(30 * time.Minute))
	h.clock.Set(now.Add(30 * time.Minute))
	got := map[string]notifytest.Notification{}
	for range 2 {
		n := srv.Next(t)
		got[n.Summary] = n
	}
	for _, n := range got {
		switch {
		case n.Hint("sound-name") == "message-new-instant":
			if n.ExpireTimeout != 120000 {
				t.Errorf("magnesium: expire_timeout %d, want 120000 (stay: 2m)", n.ExpireTimeout)
			}
		default:
			if n.ExpireTimeout != -1 || n.Hint("sound-name") != nil {
				t.Errorf("hydration: expire_timeout %d, sound %v; want -1 (the server's own time) and no sound", n.ExpireTimeout, n.Hint("sound-name"))
			}
		}
	}
}

// TestStartSaysWhatComes: at start the daemon says at once whether
// reminders can be shown and what fires next, not hours later with the
// first reminder.
func TestStartSaysWhatComes(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	for _, server := range []bool{false, true} {
		h, bus := busHarness(t, "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n", now)
		h.opts.Probe = notify.Probe
		if server {
			bus.StartServer(t, notifytest.DefaultConfig)
		}
		h.start()
		want := `msg="reminders cannot be shown on the desktop now; they are held until a notification server appears (bedtime doctor says how to fix it)" why="no notification server"`
		if server {
			want = `msg="notification server" name=notifytest version=1.0 buttons=true`
		}
		waitLog(t, h.log, want)
		waitLog(t, h.log, `msg=next reminder=magnesium at=2026-11-25T20:30:00Z in=30m0s`)
	}
}

// TestDoneAfterARestartClosesTheNotification: the popup a daemon showed
// is closed by `bedtime done` after the daemon restarted (the state keeps
// what is needed to find it on the bus); one shown by a notification
// server that has since restarted is not taken back, as its id may now
// name another program's notification.
func TestDoneAfterARestartClosesTheNotification(t *testing.T) {
	for _, serverRestarts := range []bool{false, true} {
		name := "same server"
		if serverRestarts {
			name = "server restarted"
		}
		t.Run(name, func(t *testing.T) {
			now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
			schedule := "timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n"
			h, bus := busHarness(t, schedule, now)
			srv := bus.StartServer(t, notifytest.DefaultConfig)
			h.start()
			h.idleUntil(now.Add(30 * time.Minute))
			h.clock.Set(now.Add(30 * time.Minute))
			n := srv.Next(t)
			h.wantRecorded(state.Shown, "")
			h.stop()
			if serverRestarts {
				srv.Stop()
				srv.Restart(t)
			}

			// The next daemon, on the same state and bus.
			h2 := newHarness(t, schedule, now.Add(31*time.Minute), h.opts.ZoneFile)
			h2.opts.StateDir, h2.opts.SchedulePath = h.opts.StateDir, h.opts.SchedulePath
			h2.opts.Notifier = h.opts.Notifier
			h2.start()
			h2.idleUntil(now.Add(24*time.Hour + 30*time.Minute)) // started: waiting for tomorrow
			taken := strings.Contains(h2.log.String(), `msg="popup taken back" reminder=magnesium`)
			if taken == serverRestarts {
				t.Fatalf("popup taken back: %v, want %v; log:\n%s", taken, !serverRestarts, h2.log)
			}
			if serverRestarts {
				return
			}
			other, err := state.Open(h.opts.StateDir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.Record(func(st *state.State) ([]state.Event, error) {
				return st.Apply(state.Step{Reminder: "magnesium", Scheduled: now.Add(30 * time.Minute), Kind: state.Done, At: now.Add(35 * time.Minute), Source: "command"})
			}); err != nil {
				t.Fatal(err)
			}
			// The server closes it on its own time: a real process, looked at again.
			testutil.WaitFor(t, notifytest.Wait, "the first daemon's popup taken off the screen after bedtime done", func() bool { return !srv.IsOpen(n.ID) }, h2.log)
		})
	}
}
