package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// TestControlInEachLanguage: what pause, skip, snooze, done and resume say
// in every shipped language, US English (12-hour clock) and the
// pseudo-locale, as goldens.
func TestControlInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append([]string{"en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			dir := newStateDir(t).Dir()
			var all strings.Builder
			for _, step := range []struct {
				at   string
				sec  int // seconds past at's minute
				args []string
			}{
				{"2026-11-25 19:00", 0, []string{"pause", "--until", "21:00"}},
				{"2026-11-25 19:00", 0, []string{"skip", "magnesium"}},
				{"2026-11-25 18:00", 30, []string{"snooze", "hydration", "15m"}},
				{"2026-11-25 18:00", 30, []string{"done", "hydration"}},
				{"2026-11-25 18:00", 30, []string{"done", "hydration"}},
				{"2026-11-25 18:00", 30, []string{"resume"}},
				{"2026-11-25 18:00", 30, []string{"resume"}},
			} {
				code, out, errOut := runIn(t, dir, berlin(t, step.at).Add(time.Duration(step.sec)*time.Second), append(step.args, "--config", path)...)
				if code != 0 {
					t.Fatalf("%v: exit %d: %s", step.args, code, errOut)
				}
				all.WriteString("$ bedtime " + strings.Join(step.args, " ") + "\n" + out)
			}
			testutil.Golden(t, "lang/control-"+lang+".golden", []byte(all.String()))
		})
	}
}
