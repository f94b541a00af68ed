package daemon

import (
	"fmt"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/state"
)

// TestMorningQuestionOnARealBus: the morning question fires at 06:00 with
// None, Some and Bad instead of Done and Snooze on a real session bus; Bad
// pressed at 07:12 is the answer for the night before, in the diary, and
// the question is done in the history.
func TestMorningQuestionOnARealBus(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		return v
	}
	h, bus := busHarness(t, "timezone: Europe/Berlin\nreminders:\n  cramp-diary: {at: \"06:00\", ask: cramps}\n", at("2026-11-25 05:50"))
	srv := bus.StartServer(t, notifytest.DefaultConfig)
	h.start()
	h.idleUntil(at("2026-11-25 06:00"))
	h.clock.Set(at("2026-11-25 06:00"))
	n := srv.Next(t)
	if got, want := fmt.Sprint(n.Actions), "[choice-0 None choice-1 Some choice-2 Bad]"; got != want {
		t.Fatalf("buttons = %s, want %s", got, want)
	}
	if n.Summary != "Leg cramps last night?" {
		t.Errorf("title = %q", n.Summary)
	}
	h.wantRecorded(state.Shown, "")
	h.clock.Set(at("2026-11-25 07:12"))
	if err := srv.InvokeAction(n.ID, "choice-2"); err != nil {
		t.Fatal(err)
	}
	if ev := h.wantRecorded(state.Done, "button"); !ev.Scheduled.Equal(at("2026-11-25 06:00")) {
		t.Fatalf("done = %+v, want for the 06:00 instant", ev)
	}
	entries, err := diary.Open(h.opts.StateDir, nil).Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("diary = %+v, want one answer", entries)
	}
	e := entries[0]
	if e.Night != "2026-11-24" || e.Answer != diary.AnswerBad || e.Via != diary.ViaDesktop || !e.At.Equal(at("2026-11-25 07:12")) {
		t.Fatalf("diary entry = %+v, want Bad for the night of 24 Nov from the desktop at 07:12", e)
	}
}
