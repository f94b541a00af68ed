package daemon

import (
	"errors"
	"fmt"
	"testing"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
)

// TestProblemIn: every problem about notifications the daemon records is
// told in each shipped language (not left English), and a text it did not
// make (a schedule error, which quotes the file) is left as it is.
func TestProblemIn(t *testing.T) {
	var texts []string
	for _, err := range []error{notify.ErrNoSessionBus, notify.ErrNoServer, notify.ErrInhibited, notify.ErrTimeout, errors.New("other")} {
		texts = append(texts, fmt.Sprintf(cannotShowProblem, notShownReason(err)))
	}
	for _, why := range problemReasons {
		texts = append(texts, fmt.Sprintf(heldProblem, why))
	}
	texts = append(texts, noScheduleProblem)
	de, _ := locale.Parse("de")
	if got, want := ProblemIn(de, texts[1]), "Erinnerungen können nicht gezeigt werden: kein Benachrichtigungsdienst (nur das Protokoll hat sie)"; got != want {
		t.Errorf("ProblemIn(de, %q) = %q, want %q", texts[1], got, want)
	}
	for _, lang := range append(locale.Shipped[1:], locale.Pseudo) {
		l, err := locale.Parse(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range texts {
			if got := ProblemIn(l, text); got == text {
				t.Errorf("%s: %q is not translated", lang, text)
			}
		}
		schedule := `schedule.yaml:3:7: reminder "water": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`
		if got := ProblemIn(l, schedule); got != schedule {
			t.Errorf("%s: a schedule error became %q", lang, got)
		}
		if got := ProblemIn(locale.English, texts[0]); got != texts[0] {
			t.Errorf("English changed %q to %q", texts[0], got)
		}
	}
}
