package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/scheduler"
)

// MaxFileSize is the largest schedule file Load reads.
const MaxFileSize = 1 << 20

// Schedule is a loaded and validated schedule file.
type Schedule struct {
	// Path is the file the schedule came from; empty for the built-in
	// default.
	Path string
	// Location is the time zone of the schedule: the file's timezone, or
	// the system's local zone.
	Location *time.Location
	// Bedtime is the bedtime of each night, indexed by time.Weekday.
	Bedtime [7]scheduler.TimeOfDay
	// Reminders are the reminders in file order, disabled ones included.
	Reminders []Reminder
	// Routines are the guided routines defined in the file, by name.
	Routines map[string]content.Routine
}

// Form names which of the four ways of saying when a reminder is due it
// uses.
type Form string

// The forms of a reminder's schedule.
const (
	FormCron          Form = "cron"
	FormEvery         Form = "every"
	FormAt            Form = "at"
	FormBeforeBedtime Form = "before_bedtime"
)

// Reminder is one reminder of a schedule.
type Reminder struct {
	// Name is the reminder's key in the file ([a-z0-9-]+).
	Name string
	// Form is how the schedule is written; Spec is its value as written,
	// for display.
	Form Form
	Spec string
	// Schedule says when the reminder is due.
	Schedule scheduler.Schedule
	// Days limits the reminder to some days of the week; zero means
	// every day.
	Days scheduler.Weekdays
	// Location is the reminder's time zone.
	Location *time.Location
	// Enabled is false when the file says enabled: false.
	Enabled bool
	// Title and Message override the built-in text when not empty.
	Title, Message string
	// Variants are the user's own texts, rotated like the built-in ones.
	Variants []content.Text
	// CatchUp is how late the reminder may still fire after the machine
	// slept or bedtime was not running.
	CatchUp time.Duration
	// Snooze is how long Snooze puts the reminder off.
	Snooze time.Duration
	// Routine names the guided routine the reminder offers, if any.
	Routine string
	// RepeatEvery, when not zero, brings the reminder back this often
	// until the user marks it done, at most RepeatMax times.
	RepeatEvery time.Duration
	RepeatMax   int
	// Line is the line of the reminder's name in the file.
	Line int
}

// Default values for reminders.
const (
	// DefaultSnooze is how long Snooze waits unless a reminder says.
	DefaultSnooze = 10 * time.Minute
	// DailyCatchUp is the catch-up grace of reminders due at most once a
	// day; others have none.
	DailyCatchUp = 2 * time.Hour
	// DefaultRepeatMax is how many times repeat_until_done repeats unless
	// repeat_max says.
	DefaultRepeatMax = 3
)

//go:embed template.yaml
var template []byte

// Template returns the commented default schedule file that `bedtime init`
// writes.
func Template() []byte { return append([]byte(nil), template...) }

// Default returns the built-in default schedule, in the system's local
// time zone.
func Default() *Schedule { return DefaultIn(time.Local) }

// DefaultIn returns the built-in default schedule in the time zone local.
func DefaultIn(local *time.Location) *Schedule {
	s, err := ParseIn("(built-in default)", template, local)
	if err != nil {
		panic("config: the built-in default schedule is invalid: " + err.Error())
	}
	s.Path = ""
	return s
}

// DefaultPath returns where the schedule file lives unless --config says
// otherwise: $XDG_CONFIG_HOME/bedtime/schedule.yaml on Linux, the OS's user
// config dir elsewhere.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("config: cannot find the user config dir: %w", err)
	}
	return filepath.Join(dir, "bedtime", "schedule.yaml"), nil
}

// Load reads and validates the schedule file at path. When the file does
// not exist the error satisfies errors.Is(err, fs.ErrNotExist). When it is
// invalid the error is an Errors listing every problem. A schedule without
// a timezone is in the system's local zone.
func Load(path string) (*Schedule, error) { return LoadIn(path, time.Local) }

// LoadIn is Load with local as the zone of a schedule without a timezone
// (the daemon passes the system's current zone, which can change while it
// runs).
func LoadIn(path string, local *time.Location) (*Schedule, error) {
	f, err := safefs.Open(path) // a regular file (or a link to one); never blocks on a pipe
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if len(src) > MaxFileSize {
		return nil, Errors{{File: path, Msg: fmt.Sprintf("file is larger than %d KiB; is it the right file?", MaxFileSize>>10)}}
	}
	return ParseIn(path, src, local)
}

// Parse validates src, the contents of the schedule file name, in the
// system's local zone.
func Parse(name string, src []byte) (*Schedule, error) { return ParseIn(name, src, time.Local) }

// ParseIn validates src with local as the zone of a schedule without a
// timezone.
func ParseIn(name string, src []byte, local *time.Location) (*Schedule, error) {
	if local == nil {
		local = time.Local
	}
	p := &parser{file: name, local: local}
	s := p.parse(src)
	if len(p.errs) > 0 {
		return nil, p.sorted()
	}
	s.Path = name
	return s, nil
}

// Enabled returns the enabled reminders.
func (s *Schedule) Enabled() []Reminder {
	var out []Reminder
	for _, r := range s.Reminders {
		if r.Enabled {
			out = append(out, r)
		}
	}
	return out
}

// Reminder returns the reminder called name.
func (s *Schedule) Reminder(name string) (Reminder, bool) {
	for _, r := range s.Reminders {
		if r.Name == name {
			return r, true
		}
	}
	return Reminder{}, false
}

// Jobs returns the enabled reminders as scheduler jobs.
func (s *Schedule) Jobs() []scheduler.Job {
	var jobs []scheduler.Job
	for _, r := range s.Enabled() {
		jobs = append(jobs, scheduler.Job{Name: r.Name, Schedule: r.Schedule, CatchUp: r.CatchUp})
	}
	return jobs
}

// Routine returns the routine called name: the file's own, else the
// built-in one.
func (s *Schedule) Routine(name string) (content.Routine, bool) {
	if r, ok := s.Routines[name]; ok {
		return r, true
	}
	return content.LookupRoutine(name)
}

// IsNotExist reports whether err says the schedule file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, os.ErrNotExist) }
