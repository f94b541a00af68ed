package main

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
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
