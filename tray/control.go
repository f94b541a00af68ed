package tray

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// Launcher starts what the tray hands over to other programs.
type Launcher interface {
	// Edit opens `bedtime edit` (which checks the schedule before it
	// installs it) where the person can type: a terminal window.
	Edit() error
	// Start starts the bedtime daemon.
	Start() error
	// Report opens the report.
	Report() error
}

// Controller carries out the menu's actions. Every change of the state
// goes through the state.Store method the matching command uses
// (bedtime done, snooze, pause, resume, skip), with the same arguments,
// so a click and a command change a firing the same way.
type Controller struct {
	Store    *state.Store
	Schedule func() (*config.Schedule, error)
	Clock    scheduler.Clock
	Launcher Launcher
}

// ErrQuit is returned by Do for ActQuit.
var ErrQuit = errors.New("quit")

// Do carries out a. It returns ErrQuit for ActQuit.
func (c *Controller) Do(a Action) error {
	now := c.Clock.Now()
	switch a.Kind {
	case ActQuit:
		return ErrQuit
	case ActEdit:
		return c.Launcher.Edit()
	case ActStart:
		return c.Launcher.Start()
	case ActReport:
		return c.Launcher.Report()
	case ActResume:
		_, err := c.Store.Resume(now)
		return recorded(err)
	}
	s, err := c.Schedule()
	if err != nil {
		// The menu says it in the broken file's language: key, if
		// readable, else the environment's; the errors themselves are
		// validate's to show.
		l := locale.English
		if es := (config.Errors{}); errors.As(err, &es) {
			l = es.Locale(os.Getenv)
		}
		return failure{l.Sprintf("the schedule file has errors; fix them first (`bedtime validate`)"), err}
	}
	l := s.Locale(os.Getenv)
	switch a.Kind {
	case ActPauseHour:
		return recorded(c.Store.Pause(now.Add(time.Hour), now, s.Location))
	case ActPauseTomorrow:
		end := (&scheduler.Daily{Times: []scheduler.TimeOfDay{{}}, Location: s.Location}).Next(now)
		return recorded(c.Store.Pause(end, now, s.Location))
	}
	r, ok := s.Reminder(a.Reminder)
	if !ok {
		return failure{l.Sprintf("no reminder %q in the schedule", a.Reminder), nil}
	}
	switch a.Kind {
	case ActSkip:
		// As `bedtime skip`: the reminder's next instant, which is the
		// one the menu offered unless the time moved past it meanwhile.
		next := r.Schedule.Next(now)
		if next.IsZero() {
			return failure{l.Sprintf("%s has no next firing", r.Name), nil}
		}
		if !a.At.IsZero() && !next.Equal(a.At) {
			return failure{l.Sprintf("%s at %s has come already; nothing skipped", r.Name, l.Clock(a.At.In(s.Location))), nil}
		}
		return recorded(c.Store.Skip(r.Name, next))
	case ActAnswer:
		return c.answer(r, a, now, s.Location, l)
	case ActDone, ActSnooze:
		if a.Kind == ActDone && r.Ask != "" {
			// As `bedtime done`: Done would count it answered with no
			// answer in the diary.
			return failure{l.Sprintf("%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", r.Name), nil}
		}
		ans := state.Answer{Reminder: r.Name, Schedule: r.Schedule, CatchUp: r.CatchUp, Kind: state.Done, At: now}
		if a.Kind == ActSnooze {
			d := r.Snooze
			if d <= 0 {
				d = config.DefaultSnooze
			}
			ans.Kind, ans.Detail, ans.SnoozeUntil = state.Snoozed, shortDuration(d), now.Add(d)
		}
		_, err := c.Store.Answer(ans)
		var already *state.AlreadyError
		if errors.As(err, &already) {
			return nil // answered meanwhile (a button, a command): nothing to do
		}
		return recorded(err)
	}
	return fmt.Errorf("unknown action %d", a.Kind)
}

// answer writes a's answer to r's morning question into the cramp
// diary, about the night before the day the question was due (a.At), as
// the notification's button does, then marks the question done. The
// diary is written whether or not the question is still open: a second
// answer is a correction, and the latest one wins.
func (c *Controller) answer(r config.Reminder, a Action, now time.Time, loc *time.Location, l *locale.Locale) error {
	if r.Ask != config.AskCramps || !slices.ContainsFunc(content.CrampAnswers(), func(x content.CrampAnswer) bool { return x.Key == a.Answer }) {
		return failure{l.Sprintf("%s asks no question", r.Name), nil}
	}
	scheduled := a.At
	if scheduled.IsZero() {
		scheduled = r.Schedule.Prev(now)
	}
	if r.Location != nil {
		loc = r.Location
	}
	e := diary.Entry{Night: diary.LastNight(scheduled, loc), At: now, Via: diary.ViaDesktop, Answer: diary.Answer(a.Answer)}
	if err := diary.Open(c.Store.Dir(), nil).Append(e); err != nil {
		return fmt.Errorf("the cramp diary: %w", err)
	}
	_, err := c.Store.Answer(state.Answer{Reminder: r.Name, Schedule: r.Schedule, CatchUp: r.CatchUp, Kind: state.Done, Detail: "diary", At: now})
	var already *state.AlreadyError
	if errors.As(err, &already) || errors.Is(err, state.ErrNothing) {
		return nil // answered meanwhile, or past its grace: the diary has it
	}
	return recorded(err)
}

// failure is an error of a menu action in the person's language, which
// the menu shows after "Failed:"; err, if any, is its cause.
type failure struct {
	msg string
	err error
}

func (f failure) Error() string { return f.msg }
func (f failure) Unwrap() error { return f.err }

// recorded drops the error of a change that holds but is missing from
// the history, as the commands do (they only warn).
func recorded(err error) error {
	var unrecorded *state.UnrecordedError
	if errors.As(err, &unrecorded) {
		return nil
	}
	return err
}

// shortDuration is a snooze's detail in the history, as `bedtime snooze`
// writes it ("10m", "1h 30m").
func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd %dh", int(d.Hours())/24, int(d.Hours())%24)
}
