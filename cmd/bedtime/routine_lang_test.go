package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
)

// TestRoutineInEachLanguage: `bedtime routine` in each shipped language
// and the pseudo-locale (from LANG): the terminal's words as goldens, and
// every step's notification in the language, Stop button included.
func TestRoutineInEachLanguage(t *testing.T) {
	t.Parallel()
	steps := map[string]string{"de": "%s (%d von %d)", "fr": "%s (%d sur %d)", "es": "%s (%d de %d)"}
	stop := map[string]string{"de": "Beenden", "fr": "Arrêter", "es": "Detener"}
	for _, lang := range append(locale.Shipped[1:], locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				app, n := routineApp(t, false, nil)
				env := map[string]string{"LANG": lang}
				if lang == locale.Pseudo {
					env["LANG"] = "xx_PSEUDO.UTF-8"
				}
				app.Getenv = func(k string) string { return env[k] }
				code, out, errOut := runApp(app, "routine", "morning-stretch")
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				testutil.Golden(t, "lang/"+lang+"-routine-morning-stretch.golden", []byte(out))
				if lang == locale.Pseudo {
					return
				}
				r, _ := content.In(lang).LookupRoutine("morning-stretch")
				msgs := n.Messages()
				for i, s := range r.Steps {
					want := fmt.Sprintf(steps[lang], r.Title, i+1, len(r.Steps))
					if m := msgs[i]; m.Title != want || m.Body != s.Text || m.Labels.Stop != stop[lang] {
						t.Errorf("step %d = %q / %q / %q, want %q / %q / %q", i+1, m.Title, m.Body, m.Labels.Stop, want, s.Text, stop[lang])
					}
				}
			})
		})
	}
}

// TestRoutineStepNotShownInEachLanguage: when the steps cannot be shown as
// notifications, the one warning is in the person's language, the notify
// error's words too, and English keeps the error as it is.
func TestRoutineStepNotShownInEachLanguage(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"en": "bedtime: cannot show the step as a notification (going on in the terminal only): d-bus: no session bus\n",
		"de": "bedtime: der Schritt lässt sich nicht als Benachrichtigung zeigen (es geht nur im Terminal weiter): kein Sitzungsbus\n",
		"fr": "bedtime\u00a0: impossible d’afficher l’étape en notification (la suite se fait dans le terminal seulement)\u00a0: ",
		"es": "bedtime: no se puede mostrar el paso como notificación (sigue solo en la terminal): ",
	}
	for _, lang := range locale.Shipped {
		t.Run(lang, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				app, n := routineApp(t, false, nil)
				n.NotifyFunc = func(context.Context, notify.Message) error {
					return fmt.Errorf("d-bus: %w", notify.ErrNoSessionBus)
				}
				app.Getenv = func(k string) string { return map[string]string{"LANG": lang}[k] }
				code, _, errOut := runApp(app, "routine", "morning-stretch")
				if code != 0 {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				if !strings.HasPrefix(errOut, want[lang]) || strings.Count(errOut, "\n") != 1 {
					t.Errorf("stderr = %q, want one line starting %q", errOut, want[lang])
				}
				if lang != "en" && strings.Contains(errOut, "no session bus") {
					t.Errorf("stderr = %q: the notify error is English", errOut)
				}
			})
		})
	}
}
