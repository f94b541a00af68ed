package notify_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// localized is the calf-stretch reminder as the daemon sends it in lang:
// its first built-in text, the Start button and the buttons' words.
func localized(t *testing.T, lang string) notify.Message {
	t.Helper()
	l, err := locale.Parse(lang)
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := content.In(l.Lang).Texts("calf-stretch")
	return notify.Message{Reminder: "calf-stretch", Title: vs[0].Title, Body: vs[0].Body, Start: true, Labels: notify.LabelsIn(l)}
}

// TestGermanNotificationOnARealBus: a reminder in German, sent through a
// real dbus-daemon to a notification server, arrives with its German text
// and German buttons, and a press of "Erledigt" still answers Done.
func TestGermanNotificationOnARealBus(t *testing.T) {
	h := newHarness(t, notify.Options{})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)

	h.notify(t, localized(t, "de"))
	got := srv.Next(t)
	if got.Summary != "Wadendehnung vor dem Schlafen" || !strings.HasPrefix(got.Body, "Zur Wand, Hände daran") {
		t.Errorf("shown %q / %q, want the German calf-stretch text", got.Summary, got.Body)
	}
	if want := []string{"start", "Starten", "done", "Erledigt", "snooze", "Später"}; !slices.Equal(got.Actions, want) {
		t.Errorf("actions = %q, want %q", got.Actions, want)
	}
	if err := srv.InvokeAction(got.ID, "done"); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "calf-stretch", notify.Done)

	// A routine step's only button, and the morning question's, in German.
	h.notify(t, notify.Message{Reminder: "calf-stretch", Title: "Wadendehnung", Body: "Linke Wade", Stop: true, Labels: notify.LabelsIn(mustLocale(t, "de"))})
	if got := srv.Next(t).Actions; !slices.Equal(got, []string{"stop", "Beenden"}) {
		t.Errorf("routine step actions = %q", got)
	}
	q := content.In("de").CrampQuestion()
	var choices []string
	for _, a := range content.In("de").CrampAnswers() {
		choices = append(choices, a.Label)
	}
	h.notify(t, notify.Message{Reminder: "morning", Title: q.Title, Body: q.Body, Choices: choices})
	if got := srv.Next(t); got.Summary != "Beinkrämpfe letzte Nacht?" || !slices.Equal(got.Actions, []string{"choice-0", "Keine", "choice-1", "Einige", "choice-2", "Schlimm"}) {
		t.Errorf("question = %q %q", got.Summary, got.Actions)
	}
}

// TestBlankLabelsAreEnglish: a message without labels has English
// buttons, never blank ones.
func TestBlankLabelsAreEnglish(t *testing.T) {
	h := newHarness(t, notify.Options{})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water", Labels: notify.Labels{Done: " "}})
	if got, want := srv.Next(t).Actions, []string{"done", "Done", "snooze", "Snooze"}; !slices.Equal(got, want) {
		t.Errorf("actions = %q, want %q", got, want)
	}
}

// TestNotificationGoldens: the reminder as the server receives it, in
// each shipped language and in the pseudo-locale, where any word that
// bypasses the catalogs would show up unaccented.
func TestNotificationGoldens(t *testing.T) {
	h := newHarness(t, notify.Options{})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	for _, lang := range append(slices.Clone(locale.Shipped), locale.Pseudo) {
		h.notify(t, localized(t, lang))
		got := srv.Next(t)
		text := fmt.Sprintf("summary: %s\nbody: %s\nactions: %q\n", got.Summary, got.Body, got.Actions)
		testutil.Golden(t, "notification."+lang+".golden", []byte(text))
		if lang == locale.Pseudo {
			for i := 1; i < len(got.Actions); i += 2 {
				if !strings.HasPrefix(got.Actions[i], "⟦") {
					t.Errorf("pseudo button %q bypasses the catalog", got.Actions[i])
				}
			}
		}
		if err := srv.Close(got.ID, 2); err != nil {
			t.Fatal(err)
		}
		h.wantResponse(t, "calf-stretch", notify.Dismissed)
	}
}

func mustLocale(t *testing.T, s string) *locale.Locale {
	t.Helper()
	l, err := locale.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
