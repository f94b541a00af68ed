package main

import (
	"os"
	"testing"

	"github.com/bedtime-app/bedtime/state"
)

// TestTrayTodayMergesTheComputers: with sync on, the tray's today list is
// drawn from the merged record, as status is: an instant the desktop held
// because the laptop showed it, and that the person closed there, reads
// as dismissed on the desktop's tray too, not as held.
func TestTrayTodayMergesTheComputers(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "21:30")
	laptop, desktop := newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop")
	link(t, now, laptop, desktop)
	sched := nov(t, 27, "21:00")
	laptop.publish(t, folder, now, occasion("magnesium", sched, state.Due, state.Shown, state.Dismissed))
	store, _ := desktop.publish(t, folder, now, occasion("magnesium", sched, state.Due, state.Held))

	app := newTestApp(desktop, now)
	day := nov(t, 27, "00:00")
	mark := func(events []state.Event) string {
		t.Helper()
		s, err := app.loadSchedule()
		if err != nil {
			t.Fatal(err)
		}
		st, err := store.Load()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range state.Today(s.Jobs(), st, events, now, s.Location) {
			if f.Reminder == "magnesium" && f.At.Equal(sched) {
				return f.Mark
			}
		}
		return "(none)"
	}
	local, err := store.History(day.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	merged, err := app.trayHistory(store)(day.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := mark(merged), string(state.Dismissed); got != want {
		t.Errorf("the tray's mark from the merged record = %q, want %q", got, want)
	}
	t.Logf("this computer alone: %q", mark(local))
	if got := mark(local); got == string(state.Dismissed) {
		t.Errorf("this computer's record alone already says %q: the test shows nothing", got)
	}

	// Without sync, the tray's record is this computer's history.
	if err := os.WriteFile(desktop.config, []byte("reminders:\n  magnesium: {at: \"21:00\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	alone, err := app.trayHistory(store)(day.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	if len(alone) != len(local) {
		t.Errorf("without sync the tray read %d events, this computer's history has %d", len(alone), len(local))
	}
}
