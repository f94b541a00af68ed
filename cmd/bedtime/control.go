package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/userlock"
)

// The control commands (pause, resume, snooze, skip, done) write to the
// state file under its lock. A running daemon watches that file and acts
// at once; a daemon that is not running reads it when it starts. There is
// no socket and no network listener: the file is private to the user
// (0600 in a 0700 directory), which is all the access control needed, and
// the same mechanism works on every OS and survives restarts.

// daemonRunning reports whether a bedtime daemon holds the lock.
func (app *App) daemonRunning() bool {
	_, _, ok := app.runningDaemon()
	return ok
}

// runningDaemon returns the process id of the bedtime daemon that holds
// the per-user lock, and since when.
func (app *App) runningDaemon() (pid int, since time.Time, ok bool) {
	dir, err := app.stateDir()
	if err != nil {
		return 0, time.Time{}, false
	}
	return userlock.Running(dir)
}

// afterControl tells the user when their change takes effect.
func (app *App) afterControl() {
	if !app.daemonRunning() {
		fmt.Fprintln(app.Stdout, app.locale(nil).Sprintf("bedtime is not running; this applies when it starts."))
	}
}

// controlReminder loads the schedule and returns the reminder called name.
func (app *App) controlReminder(name string) (*config.Schedule, config.Reminder, error) {
	s, err := app.loadSchedule()
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			return nil, config.Reminder{}, errorIn(app.locale(nil), "the schedule file has errors; fix them first (`bedtime validate`)")
		}
		return nil, config.Reminder{}, err
	}
	r, ok := s.Reminder(name)
	if !ok {
		return nil, config.Reminder{}, errorIn(app.locale(s), "no reminder %q in the schedule (have %s)", name, strings.Join(reminderNames(s), ", "))
	}
	return s, r, nil
}

// control makes a change to the state with change, on the store of the
// state directory.
func (app *App) control(change func(*state.Store) error) error {
	store, err := app.openStore()
	if err != nil {
		return err
	}
	return app.recorded(change(store))
}

// recorded turns an error from state.Store.Record into what the command
// says: a change that holds but is missing from the history is reported
// on stderr, not as a failure.
func (app *App) recorded(err error) error {
	var unrecorded *state.UnrecordedError
	if errors.As(err, &unrecorded) {
		fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(nil).Sprintf("the change is made, but it could not be written to the history (%v); stats will not count it.", unrecorded.Err))
		return nil
	}
	return err
}

// answer applies a command-line answer (done, or a snooze until
// snoozeUntil) to the instant of r it is about (see state.Store.Answer)
// and returns that instant.
func (app *App) answer(r config.Reminder, kind state.Kind, detail string, now, snoozeUntil time.Time) (time.Time, error) {
	var sched time.Time
	err := app.control(func(store *state.Store) (err error) {
		sched, err = store.Answer(state.Answer{Reminder: r.Name, Schedule: r.Schedule, CatchUp: r.CatchUp,
			Kind: kind, Detail: detail, At: now, SnoozeUntil: snoozeUntil})
		return err
	})
	return sched, err
}

// nothingTo explains, in s's language, an answer (snooze, or done when
// done is true) that has no instant to apply to.
func (app *App) nothingTo(done bool, s *config.Schedule, r config.Reminder, err error, now time.Time) error {
	l := app.locale(s)
	why := strings.TrimPrefix(err.Error(), state.ErrNothing.Error()+": ")
	var nothing *state.NothingError
	if errors.As(err, &nothing) {
		if nothing.Last.Kind == "" {
			why = l.Sprintf("%s is not due", nothing.Reminder)
		} else {
			why = l.Sprintf("%s was last %s at %s", nothing.Reminder, kindIn(l, nothing.Last.Kind), l.WeekdayClock(nothing.Last.At.In(s.Location)))
		}
	}
	if next := r.Schedule.Next(now); !next.IsZero() {
		why += l.Sprintf("; it is next due %s (`bedtime skip %s` skips that one)", l.WeekdayClock(next.In(s.Location)), r.Name)
	}
	if done {
		return wrapIn(l, err, "nothing to mark done: %s", why)
	}
	return wrapIn(l, err, "nothing to snooze: %s", why)
}

// kindIn says how an instant ended (a final state.Kind) in l's language;
// a kind from a newer bedtime's state file is said as it is written.
func kindIn(l *locale.Locale, k state.Kind) string {
	switch k {
	case state.Done:
		return l.Sprintf("done")
	case state.Dismissed:
		return l.Sprintf("dismissed")
	case state.Expired:
		return l.Sprintf("expired")
	case state.Skipped:
		return l.Sprintf("skipped")
	case state.Missed:
		return l.Sprintf("missed")
	case state.Snoozed:
		return l.Sprintf("snoozed")
	}
	return string(k)
}

func newPauseCmd(app *App) *cobra.Command {
	var until string
	var today bool
	cmd := &cobra.Command{
		Use:   "pause [DURATION | --until HH:MM | --today]",
		Short: "Pause all reminders for a while (default 1h)",
		Long: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h; at most
30 days, 720h), until the next HH:MM, or for the rest of today. Reminders due
meanwhile are skipped and recorded as such. "bedtime resume" ends the pause
early. For a longer break, turn the reminders off (enabled: false, "bedtime
edit") or stop bedtime ("bedtime uninstall").`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			now := app.now()
			loc := time.Local
			if s, err := app.loadSchedule(); err == nil {
				loc = s.Location
			}
			var end time.Time
			given := 0
			if len(args) == 1 {
				given++
				d, err := time.ParseDuration(args[0])
				if err != nil {
					return app.errorf("%q is not a duration (want e.g. 45m or 2h)", args[0])
				}
				if d <= 0 {
					return app.errorf("%q is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)", args[0])
				}
				if d > state.MaxPause {
					return app.errorf("%q is longer than a pause can be (%s days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)",
						args[0], strconv.Itoa(int(state.MaxPause/(24*time.Hour))))
				}
				end = now.Add(d)
			}
			if until != "" {
				given++
				tod, err := scheduler.ParseTimeOfDay(until)
				if err != nil {
					return wrapIn(app.locale(nil), err, "--until: %q is not a time of day (want HH:MM)", until)
				}
				end = (&scheduler.Daily{Times: []scheduler.TimeOfDay{tod}, Location: loc}).Next(now)
			}
			if today {
				given++
				end = (&scheduler.Daily{Times: []scheduler.TimeOfDay{{}}, Location: loc}).Next(now)
			}
			switch given {
			case 0:
				end = now.Add(time.Hour)
			case 1:
			default:
				return app.errorf("give only one of DURATION, --until and --today")
			}
			err := app.control(func(store *state.Store) error { return store.Pause(end, now, loc) })
			if err != nil {
				return err
			}
			l := app.locale(nil)
			fmt.Fprintln(app.Stdout, l.Sprintf("Paused until %s. `bedtime resume` ends it early.", l.ShortDateTime(end.In(loc))))
			app.afterControl()
			return nil
		},
	}
	cmd.Flags().StringVar(&until, "until", "", "pause until the next HH:MM")
	cmd.Flags().BoolVar(&today, "today", false, "pause for the rest of today")
	return cmd
}

func newResumeCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "resume",
		Short: "End a pause",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			now := app.now()
			paused := false
			err := app.control(func(store *state.Store) (err error) {
				paused, err = store.Resume(now)
				return err
			})
			if err != nil {
				return err
			}
			if !paused {
				fmt.Fprintln(app.Stdout, app.locale(nil).Sprintf("Reminders were not paused."))
				return nil
			}
			fmt.Fprintln(app.Stdout, app.locale(nil).Sprintf("Reminders are back on."))
			app.afterControl()
			return nil
		},
	}
}

func newSnoozeCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "snooze NAME [DURATION]",
		Short: "Show a due reminder again after a while (default: its snooze time)",
		Long: `snooze puts off the reminder that is on screen or held now, or the one that
came due within its catch-up grace, and shows it again after DURATION (default:
the reminder's snooze time).`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, r, err := app.controlReminder(args[0])
			if err != nil {
				return err
			}
			d := r.Snooze
			if len(args) == 2 {
				d, err = time.ParseDuration(args[1])
				if err != nil || d < time.Minute || d > 24*time.Hour {
					return errorIn(app.locale(s), "%q is not a snooze time (want 1m to 24h, such as 10m)", args[1])
				}
			}
			now := app.now()
			at := now.Add(d)
			_, err = app.answer(r, state.Snoozed, humanDuration(d), now, at)
			if errors.Is(err, state.ErrNothing) {
				return app.nothingTo(false, s, r, err, now)
			}
			l := app.locale(s)
			var already *state.AlreadyError
			if errors.As(err, &already) {
				return wrapIn(l, err, "%s was already %s at %s", already.Reminder, kindIn(l, already.Outcome.Kind), l.Clock(already.Outcome.At.In(s.Location)))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("%s again at %s.", r.Name, clockTimeIn(l, at.In(s.Location))))
			app.afterControl()
			return nil
		},
	}
}

// clockTimeIn formats t as 15:04, or 15:04:05 when it is not on a whole
// minute, so that the time said is never earlier than the true one.
//
// On a 12-hour clock, which has no seconds, it says the next whole minute.
func clockTimeIn(l *locale.Locale, t time.Time) string {
	if t.Second() == 0 && t.Nanosecond() == 0 {
		return l.Clock(t)
	}
	if l.Hour12() {
		return l.Clock(t.Truncate(time.Minute).Add(time.Minute))
	}
	return t.Truncate(time.Second).Format("15:04:05")
}

func newSkipCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "skip NAME",
		Short: "Skip a reminder's next firing only",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, r, err := app.controlReminder(args[0])
			if err != nil {
				return err
			}
			if !r.Enabled {
				return errorIn(app.locale(s), "%s is disabled in the schedule; there is nothing to skip", r.Name)
			}
			next := r.Schedule.Next(app.now())
			if next.IsZero() {
				return errorIn(app.locale(s), "%s has no next firing", r.Name)
			}
			if err := app.control(func(store *state.Store) error { return store.Skip(r.Name, next) }); err != nil {
				return err
			}
			l := app.locale(s)
			fmt.Fprintln(app.Stdout, l.Sprintf("Skipping %s at %s; it comes back after that.", r.Name, l.ShortDateTime(next.In(s.Location))))
			app.afterControl()
			return nil
		},
	}
}

func newDoneCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "done NAME",
		Short: "Mark the reminder that is due now done (stops its snooze and repeats)",
		Long: `done marks the reminder's instant that is on screen, held or snoozed now, or
the one that came due within its catch-up grace, as done. Each instant is done
once: a second done says when it was done and changes nothing.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, r, err := app.controlReminder(args[0])
			if err != nil {
				return err
			}
			now := app.now()
			l := app.locale(s)
			if r.Ask != "" {
				// Done would count it answered with no answer in the diary.
				return errorIn(l, "%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", r.Name)
			}
			sched, err := app.answer(r, state.Done, "", now, time.Time{})
			var already *state.AlreadyError
			switch {
			case errors.As(err, &already):
				fmt.Fprintln(app.Stdout, l.Sprintf("%s was already done at %s (due %s); nothing changed.", r.Name,
					l.Clock(already.Outcome.At.In(s.Location)), l.WeekdayClock(already.Outcome.Scheduled.In(s.Location))))
				return nil
			case errors.Is(err, state.ErrNothing):
				return app.nothingTo(true, s, r, err, now)
			case err != nil:
				return err
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("Marked %s done (due %s).", r.Name, l.WeekdayClock(sched.In(s.Location))))
			app.afterControl()
			return nil
		},
	}
}
