package config

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// The reminders without errors. A daemon that starts on a schedule file
// with errors, with no last good copy that loads (the first start after
// an edit, or an upgrade whose checks are stricter), would otherwise run no
// reminders at all; it runs those of the file's reminders that have no
// error, and says so, until the file is fixed. That is only done when each
// error is inside a reminder: one outside (the YAML itself, the time zone,
// the bedtime, a routine or a channel) could change what every reminder
// means, and then nothing is run.

// SalvageIn returns the schedule of src, a schedule file that ParseIn
// refuses, without the reminders that have errors: nil when src has an
// error outside every reminder, or when no reminder is left. Its Path is
// name. For a file without errors it returns what ParseIn does.
func SalvageIn(name string, src []byte, local *time.Location) *Schedule {
	s, p, err := parseChecked(name, src, local)
	if err != nil || s == nil {
		return nil
	}
	broken := map[string]bool{}
	for _, e := range p.errs {
		if e.Reminder == "" {
			return nil
		}
		broken[e.Reminder] = true
	}
	s.Reminders = slices.DeleteFunc(s.Reminders, func(r Reminder) bool { return broken[r.Name] })
	if len(s.Reminders) == 0 {
		return nil
	}
	s.Path = name
	return s
}

// LoadSalvage reads the schedule file at path as LoadIn does and returns
// SalvageIn's schedule of it, checked as LoadIn checks a file whose
// reminders run commands; nil when there is none to run.
func LoadSalvage(path string, local *time.Location) (*Schedule, error) {
	f, err := safefs.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	s := SalvageIn(path, src, local)
	if s == nil {
		return nil, nil
	}
	if err := checkRunsCommands(path, f, s); err != nil {
		return nil, err
	}
	return s, nil
}
