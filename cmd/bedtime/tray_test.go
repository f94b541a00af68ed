package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/tray"
)

// TestTrayOnlyOne: a second `bedtime tray` of the same user says the
// first is there, and shows no second icon.
func TestTrayOnlyOne(t *testing.T) {
	if tray.NewSystray == nil {
		t.Fatal("the tray is not built here; this test runs where it is")
	}
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	held, err := safefs.Lock(filepath.Join(dir, "tray.lock"), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	code, _, stderr := runApp(&App{StateDir: dir}, "tray")
	if code != 1 || !strings.Contains(stderr, "the bedtime tray is already running") {
		t.Fatalf("a second tray exited %d: %s", code, stderr)
	}
}

// TestTrayActionsAsCommands: each action of the tray's menu changes the
// state file and the history byte for byte as the command of the same
// name does, run here on a twin of the state at the same instant.
func TestTrayActionsAsCommands(t *testing.T) {
	sched := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := os.WriteFile(sched, []byte("timezone: UTC\nreminders:\n  magnesium: {at: \"20:30\"}\n  hydration: {at: \"21:40\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)
	due := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	tests := []struct {
		args   []string
		action tray.Action
		paused bool
	}{
		{[]string{"done", "magnesium"}, tray.Action{Kind: tray.ActDone, Reminder: "magnesium"}, false},
		{[]string{"snooze", "magnesium"}, tray.Action{Kind: tray.ActSnooze, Reminder: "magnesium"}, false},
		{[]string{"pause"}, tray.Action{Kind: tray.ActPauseHour}, false},
		{[]string{"pause", "--today"}, tray.Action{Kind: tray.ActPauseTomorrow}, false},
		{[]string{"resume"}, tray.Action{Kind: tray.ActResume}, true},
		{[]string{"skip", "hydration"}, tray.Action{Kind: tray.ActSkip, Reminder: "hydration", At: time.Date(2026, 3, 10, 21, 40, 0, 0, time.UTC)}, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			dirs := [2]string{filepath.Join(t.TempDir(), "state"), filepath.Join(t.TempDir(), "state")}
			for _, dir := range dirs {
				st, err := state.Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := st.Record(func(s *state.State) ([]state.Event, error) {
					s.Last["magnesium"] = due
					a, _ := s.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Due, At: due})
					b, err := s.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Shown, At: due, Via: "test"})
					return append(a, b...), err
				}); err != nil {
					t.Fatal(err)
				}
				if tt.paused {
					if err := st.Pause(now.Add(time.Hour), now.Add(-time.Minute), time.UTC); err != nil {
						t.Fatal(err)
					}
				}
			}
			clock := scheduler.NewFakeClock(now)
			cmdApp := &App{StateDir: dirs[0], Clock: clock}
			if code, _, stderr := runApp(cmdApp, append([]string{"--config", sched}, tt.args...)...); code != 0 {
				t.Fatalf("bedtime %v exited %d: %s", tt.args, code, stderr)
			}
			store, err := state.Open(dirs[1])
			if err != nil {
				t.Fatal(err)
			}
			trayApp := &App{StateDir: dirs[1], Clock: clock, ConfigPath: sched, Stderr: io.Discard}
			c := &tray.Controller{Store: store, Schedule: trayApp.loadSchedule, Clock: clock}
			if err := c.Do(tt.action); err != nil {
				t.Fatalf("the tray's %v: %v", tt.action, err)
			}
			for _, f := range []string{"state.json", "history.jsonl"} {
				want, _ := os.ReadFile(filepath.Join(dirs[0], f))
				got, _ := os.ReadFile(filepath.Join(dirs[1], f))
				if string(got) != string(want) {
					t.Errorf("%s after the tray's click:\n%s\nwant, as after bedtime %v:\n%s", f, got, tt.args, want)
				}
			}
		})
	}
}
