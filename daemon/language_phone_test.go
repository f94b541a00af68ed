package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/state"
)

// TestPhoneSpeaksGerman: with language: de, what the phone receives from
// the ntfy server (a double in memory, in a bubble) is German: the reminder's text,
// the Done and Snooze buttons, the morning question's answers, and a
// private channel's neutral text; pressing the German Done marks the
// instant done. The messages are a golden file.
func TestPhoneSpeaksGerman(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		now := time.Date(2026, 11, 25, 5, 50, 0, 0, time.UTC)
		ntfy := ntfytest.NewInMemory(t)
		schedule := fmt.Sprintf("timezone: UTC\nlanguage: de\nchannels:\n"+
			"  phone:\n    ntfy: {server: %q, topic: bedtime-de-phone}\n"+
			"  quiet:\n    ntfy: {server: %q, topic: bedtime-de-quiet, private: true}\n"+
			"reminders:\n"+
			"  cramp-diary: {at: \"06:00\", ask: cramps, channels: [phone]}\n"+
			"  magnesium: {at: \"06:30\", channels: [phone, quiet]}\n", ntfy.URL(), ntfy.URL())
		h := newBubbleHarness(t, schedule, now, "")
		h.opts.Ntfy = phoneMaker(ntfy)
		h.start()
		var golden strings.Builder
		for _, at := range []string{"06:00", "06:30"} {
			when, _ := time.Parse("2006-01-02 15:04", "2026-11-25 "+at)
			h.idleUntil(when)
			h.clock.Set(when)
			for sent := 0; sent < map[string]int{"06:00": 1, "06:30": 2}[at]; {
				if ev := h.recorded(); ev.Kind == state.Sent {
					sent++
				}
			}
		}
		for _, topic := range []string{"bedtime-de-phone", "bedtime-de-quiet"} {
			for _, m := range ntfy.Messages(topic) {
				var labels []string
				for _, a := range m.Actions {
					var body struct {
						Action string `json:"action"`
					}
					if err := json.Unmarshal([]byte(a.Body), &body); err != nil {
						t.Fatalf("action %q: %v", a.Label, err)
					}
					labels = append(labels, body.Action+"="+a.Label)
				}
				fmt.Fprintf(&golden, "# %s\ntitle: %s\nmessage: %s\nbuttons: %s\n\n", topic, m.Title, m.Message, strings.Join(labels, ", "))
			}
		}
		testutil.Golden(t, "phone-de.golden", []byte(golden.String()))

		msgs := ntfy.Messages("bedtime-de-phone")
		done, ok := msgs[len(msgs)-1].Action("Erledigt")
		if !ok {
			t.Fatalf("no German Done button on %+v", msgs[len(msgs)-1])
		}
		if err := ntfy.Press(context.Background(), done); err != nil {
			t.Fatal(err)
		}
		ev := h.recorded()
		for ev.Kind != state.Done {
			ev = h.recorded()
		}
		if ev.Reminder != "magnesium" || ev.Detail != "phone" {
			t.Fatalf("done %+v, want magnesium done from the phone", ev)
		}
	})
}
