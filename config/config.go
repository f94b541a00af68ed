package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
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
	// AwayAfter is how long without keyboard or mouse input counts as
	// away (away.after; DefaultAwayAfter unless the file says).
	AwayAfter time.Duration
	// Reminders are the reminders in file order, disabled ones included.
	Reminders []Reminder
	// Routines are the guided routines defined in the file, by name.
	Routines map[string]content.Routine
	// Channels are the file's own delivery channels by name (the built-in
	// desktop channel is not among them).
	Channels map[string]Channel
	// Language is the file's language: key, nil when it names none (then
	// Locale detects the person's language).
	Language *locale.Locale
	// Sync is the sync: section; nil when the file has none (this
	// computer works alone).
	Sync *Sync
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
	// WhenAway says what happens when the reminder is due while the
	// person is away or the screen is locked: WhenAwaySkip for the
	// reminder named movement, WhenAwayHold for all others, unless the
	// file says.
	WhenAway WhenAway
	// WhenBusy says what happens when the reminder is due while the
	// person is busy (in a call: a microphone or camera in use; or a
	// fullscreen window): WhenBusyHold, the default, holds it until that
	// ends, WhenBusyShow shows it anyway.
	WhenBusy WhenBusy
	// Stay is how long the notification stays on screen, with the
	// meaning of notify.Message.Expire: StayUntilAnswered (negative, the
	// default: stay: true) until the user answers it, zero for the
	// notification server's own timeout (stay: false), else that long.
	Stay time.Duration
	// Sound is the freedesktop sound name to play with the notification
	// (DefaultSound for sound: true); empty means silent, the default.
	Sound string
	// Channels names where the reminder is delivered: desktop (the
	// default) and channels of Schedule.Channels, in file order.
	Channels []string
	// Ask names the question the reminder asks (AskCramps), whose
	// buttons answer it instead of Done and Snooze; empty for a reminder.
	Ask string
	// Line is the line of the reminder's name in the file.
	Line int
}

// WhenBusy is what happens to a reminder due while the person is busy.
type WhenBusy string

// The values of when_busy.
const (
	// WhenBusyHold keeps the reminder until the person is no longer
	// busy, then shows it if still within its catch_up, as when away.
	WhenBusyHold WhenBusy = "hold"
	// WhenBusyShow shows it anyway.
	WhenBusyShow WhenBusy = "show"
)

// AskCramps is ask: cramps, the morning question of the cramp diary ("Leg
// cramps last night?" with None, Some and Bad).
const AskCramps = "cramps"

// AskCatchUp is the catch-up grace of a question unless the file says: it
// waits, held, for the person's first return until the evening.
const AskCatchUp = 12 * time.Hour

// WhenAway is what happens to a reminder due while the person is away
// or the screen is locked.
type WhenAway string

// The values of when_away.
const (
	// WhenAwayHold keeps the reminder until the person is back, then
	// shows it if still within its catch_up.
	WhenAwayHold WhenAway = "hold"
	// WhenAwaySkip records the reminder skipped, because away.
	WhenAwaySkip WhenAway = "skip"
	// WhenAwayShow shows it anyway.
	WhenAwayShow WhenAway = "show"
	// WhenAwayPhone holds it on the desktop, like WhenAwayHold, and sends
	// it to the reminder's other channels (or, when it lists none, to
	// every channel of the schedule) at once.
	WhenAwayPhone WhenAway = "phone"
)

// Default values for reminders.
const (
	// DefaultAwayAfter is how long without input counts as away unless
	// away.after says.
	DefaultAwayAfter = 5 * time.Minute
	// StayUntilAnswered is the Stay of a reminder that stays on screen
	// until it is answered (stay: true, the default).
	StayUntilAnswered time.Duration = -1
	// DefaultSound is the freedesktop sound of sound: true.
	DefaultSound = "message-new-instant"
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
	s, _, err := LoadSource(path, local)
	return s, err
}

// LoadSource is LoadIn that also returns the file's bytes as they were
// read, so that what was loaded can be kept (the daemon's last good copy).
func LoadSource(path string, local *time.Location) (*Schedule, []byte, error) {
	f, err := safefs.Open(path) // a regular file (or a link to one); never blocks on a pipe
	if err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	s, err := ParseIn(path, src, local)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRunsCommands(path, f, s); err != nil {
		return nil, nil, err
	}
	return s, src, nil
}

// LoadOrDefault loads the schedule file at path as LoadIn does or, when
// there is no file at path, returns the built-in default in the zone local
// (its Path is empty). A file that exists but cannot be read or is invalid
// is an error, never replaced by the default.
func LoadOrDefault(path string, local *time.Location) (*Schedule, error) {
	s, _, err := LoadSourceOrDefault(path, local)
	return s, err
}

// LoadSourceOrDefault is LoadOrDefault that also returns the file's bytes
// as LoadSource does; none for the default.
func LoadSourceOrDefault(path string, local *time.Location) (*Schedule, []byte, error) {
	s, src, err := LoadSource(path, local)
	if IsNotExist(err) {
		return DefaultIn(local), nil, nil
	}
	return s, src, err
}

// Parse validates src, the contents of the schedule file name, in the
// system's local zone.
func Parse(name string, src []byte) (*Schedule, error) { return ParseIn(name, src, time.Local) }

// ParseIn validates src with local as the zone of a schedule without a
// timezone. A file larger than MaxFileSize, or nested deeper or longer
// than the limits of MaxDepth, MaxEntries and MaxItems, is rejected before
// it is parsed, so that no input makes loading take much time or memory.
// A leading UTF-8 byte order mark (as Windows Notepad writes) is ignored.
func ParseIn(name string, src []byte, local *time.Location) (*Schedule, error) {
	s, p, err := parseChecked(name, src, local)
	if err != nil {
		return nil, err
	}
	if len(p.errs) > 0 {
		return nil, p.sorted()
	}
	s.Path = name
	return s, nil
}

// parseChecked parses src after the checks that come first (its size, a
// byte order mark, its shape), whose error it returns; the parser holds
// the errors of the parse itself, and the schedule is what it made of the
// file in spite of them (nil when it could make nothing).
func parseChecked(name string, src []byte, local *time.Location) (*Schedule, *parser, error) {
	if local == nil {
		local = time.Local
	}
	if len(src) > MaxFileSize {
		return nil, nil, Errors{newError(name, 0, 0, "file is larger than %d KiB; is it the right file?", MaxFileSize>>10)}
	}
	src, err := stripBOM(name, src)
	if err != nil {
		return nil, nil, err
	}
	if e := checkShape(src); e != nil {
		e.File = name
		return nil, nil, Errors{e}
	}
	p := &parser{file: name, local: local}
	return p.parse(src), p, nil
}

// stripBOM returns src without a leading UTF-8 byte order mark. Columns
// count from after it, as an editor shows them. A UTF-16 file is an error.
func stripBOM(name string, src []byte) ([]byte, error) {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return src[3:], nil
	}
	if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")) {
		return nil, Errors{newError(name, 1, 1, "the file is in UTF-16 (want UTF-8; in Notepad, choose Save As and the encoding UTF-8)")}
	}
	return src, nil
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
