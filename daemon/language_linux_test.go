package daemon

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// TestDaemonSpeaksGerman: with language: de the running daemon's
// reminders reach a notification server on a real bus in German: the
// built-in text, the Done/Snooze/Start buttons and the morning question.
func TestDaemonSpeaksGerman(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		return v
	}
	schedule := "timezone: Europe/Berlin\nlanguage: de\nreminders:\n" +
		"  cramp-diary: {at: \"06:00\", ask: cramps}\n" +
		"  calf-stretch: {at: \"06:30\", routine: calf-stretch}\n"
	h, bus := busHarness(t, schedule, at("2026-11-25 05:50"))
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()

	h.idleUntil(at("2026-11-25 06:00"))
	h.clock.Set(at("2026-11-25 06:00"))
	q := srv.Next(t)
	if got, want := fmt.Sprint(q.Actions), "[choice-0 Keine choice-1 Einige choice-2 Schlimm]"; got != want {
		t.Errorf("question buttons = %s, want %s", got, want)
	}
	if q.Summary != "Beinkrämpfe letzte Nacht?" {
		t.Errorf("question = %q, want it in German", q.Summary)
	}

	h.idleUntil(at("2026-11-25 06:30"))
	h.clock.Set(at("2026-11-25 06:30"))
	n := srv.Next(t)
	if got, want := fmt.Sprint(n.Actions), "[start Starten done Erledigt snooze Später]"; got != want {
		t.Errorf("buttons = %s, want %s", got, want)
	}
	// Start plays the routine in German too, with a German Stop button.
	if err := srv.InvokeAction(n.ID, "start"); err != nil {
		t.Fatal(err)
	}
	step := srv.Next(t)
	rt, _ := content.In("de").LookupRoutine("calf-stretch")
	if want := rt.Title + " (1 von 9)"; step.Summary != want || step.Body != rt.Steps[0].Text {
		t.Errorf("first step = %q / %q, want %q / %q", step.Summary, step.Body, want, rt.Steps[0].Text)
	}
	if got, want := fmt.Sprint(step.Actions), "[stop Beenden]"; got != want {
		t.Errorf("step buttons = %s, want %s", got, want)
	}

	vs, _ := content.In("de").Texts("calf-stretch")
	if !slices.ContainsFunc(vs, func(v content.Text) bool { return v.Title == n.Summary && v.Body == n.Body }) {
		t.Errorf("shown %q / %q, want a German calf-stretch text", n.Summary, n.Body)
	}
}
