package daemon

import (
	"os"
	"sync"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
)

// detected is the person's language from the daemon's environment and
// desktop, read once: it cannot change under a running process, and on
// macOS reading it runs a program.
var detected = sync.OnceValue(func() *locale.Locale { return locale.Detect(os.Getenv) })

// speaks returns the language of s's notifications: its language: key,
// else the detected one.
func speaks(s *config.Schedule) *locale.Locale {
	if s != nil && s.Language != nil {
		return s.Language
	}
	return detected()
}

// speaksErrors returns the language to tell of the schedule's errors es
// in: the file's language: key when it could be read in spite of them,
// else the previous schedule's language, else the detected one.
func speaksErrors(es config.Errors, prev *config.Schedule) *locale.Locale {
	if l := es.Language(); l != nil {
		return l
	}
	return speaks(prev)
}

// localize puts m's buttons into l's language: Done, Snooze, Start and
// Stop, and a question's answers (English labels, which are catalog keys).
func localize(m *notify.Message, l *locale.Locale) {
	m.Labels = notify.LabelsIn(l)
	for i, c := range m.Choices {
		m.Choices[i] = l.Sprintf(c)
	}
}
