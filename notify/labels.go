package notify

import (
	"strings"

	"github.com/bedtime-app/bedtime/locale"
)

// Labels are the words on a notification's own buttons.
type Labels struct {
	Done, Snooze, Start, Stop string
}

// LabelsIn returns the buttons' words in l's language.
func LabelsIn(l *locale.Locale) Labels {
	return Labels{Done: l.Sprintf("Done"), Snooze: l.Sprintf("Snooze"), Start: l.Sprintf("Start"), Stop: l.Sprintf("Stop")}
}

// or returns label, or english when label is blank: a button never shows
// an empty label.
func (Labels) or(label, english string) string {
	if strings.TrimSpace(label) == "" {
		return english
	}
	return label
}
