package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// The control commands (pause, resume, snooze, skip, done) write to the
// state file under its lock. A running daemon watches that file and acts
// at once; a daemon that is not running reads it when it starts. There is
// no socket and no network listener: the file is private to the user
// (0600 in a 0700 directory), which is all the access control needed, and
// the same mechanism works on every OS and survives restarts.

// daemonRunning reports whether a bedtime daemon holds the lock.
func daemonRunning() bool {
	_, _, ok := runningDaemon()
	return ok
}

// runningDaemon returns the process id of the bedtime daemon that holds
// the per-user lock, and since when.
func runningDaemon() (pid int, since time.Time, ok bool) {
	dir, err := stateDir()
	if err != nil {
		return 0, time.Time{}, false
	}
	return daemon.Running(dir)
}

// afterControl tells the user when their change takes effect.
func (app *App) afterControl() {
	if !daemonRunning() {
		fmt.Fprintln(app.Stdout, "bedtime is not running; this applies when it starts.")
	}
}

// controlReminder loads the schedule and returns the reminder called name.
func (app *App) controlReminder(name string) (*config.Schedule, config.Reminder, error) {
	s, err := app.loadSchedule()
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			return nil, config.Reminder{}, fmt.Errorf("the schedule file has errors; fix them first (`bedtime validate`)")
		}
		return nil, config.Reminder{}, err
	}
	r, ok := s.Reminder(name)
	if !ok {
		return nil, config.Reminder{}, fmt.Errorf("no reminder %q in the schedule (have %s)", name, strings.Join(reminderNames(s), ", "))
	}
	return s, r, nil
}

func (app *App) controlUpdate(fn func(*state.State), ev state.Event) error {
	store, err := app.openStore()
	if err != nil {
		return err
	}
	if err := store.Update(func(st *state.State) error { fn(st); return nil }); err != nil {
		return err
	}
	if ev.Kind != "" {
		return store.Append(ev)
	}
	return nil
}

func newPauseCmd(app *App) *cobra.Command {
	var until string
	var today bool
	cmd := &cobra.Command{
		Use:   "pause [DURATION | --until HH:MM | --today]",
		Short: "Pause all reminders for a while (default 1h)",
		Long: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h), until the
next HH:MM, or for the rest of today. Reminders due meanwhile are skipped and
recorded as such. "bedtime resume" ends the pause early.`,
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
				if err != nil || d <= 0 {
					return fmt.Errorf("%q is not a duration (want e.g. 45m or 2h)", args[0])
				}
				end = now.Add(d)
			}
			if until != "" {
				given++
				tod, err := scheduler.ParseTimeOfDay(until)
				if err != nil {
					return fmt.Errorf("--until: %w", err)
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
				return errors.New("give one of DURATION, --until and --today")
			}
			err := app.controlUpdate(func(st *state.State) { st.PausedUntil = end },
				state.Event{At: now, Kind: state.Paused, Detail: "until " + end.In(loc).Format(time.RFC3339)})
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "Paused until %s. `bedtime resume` ends it early.\n", end.In(loc).Format("Mon 02 Jan 15:04"))
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
			was := time.Time{}
			err := app.controlUpdate(func(st *state.State) { was, st.PausedUntil = st.PausedUntil, time.Time{} }, state.Event{})
			if err != nil {
				return err
			}
			if !was.After(now) {
				fmt.Fprintln(app.Stdout, "Reminders were not paused.")
				return nil
			}
			if err := app.controlUpdate(func(*state.State) {}, state.Event{At: now, Kind: state.Resumed}); err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, "Reminders are back on.")
			app.afterControl()
			return nil
		},
	}
}

func newSnoozeCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "snooze NAME [DURATION]",
		Short: "Show a reminder again after a while (default: its snooze time)",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, r, err := app.controlReminder(args[0])
			if err != nil {
				return err
			}
			d := r.Snooze
			if len(args) == 2 {
				d, err = time.ParseDuration(args[1])
				if err != nil || d < time.Minute || d > 24*time.Hour {
					return fmt.Errorf("%q is not a snooze time (want 1m to 24h, such as 10m)", args[1])
				}
			}
			now := app.now()
			at := now.Add(d)
			err = app.controlUpdate(func(st *state.State) { st.Snoozes[r.Name] = at },
				state.Event{At: now, Reminder: r.Name, Kind: state.Snoozed, Detail: humanDuration(d)})
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "%s again at %s.\n", r.Name, at.In(s.Location).Format("15:04"))
			app.afterControl()
			return nil
		},
	}
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
				return fmt.Errorf("%s is disabled in the schedule; there is nothing to skip", r.Name)
			}
			next := r.Schedule.Next(app.now())
			if next.IsZero() {
				return fmt.Errorf("%s has no next firing", r.Name)
			}
			if err := app.controlUpdate(func(st *state.State) { st.Skips[r.Name] = next }, state.Event{}); err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "Skipping %s at %s; it comes back after that.\n", r.Name, next.In(s.Location).Format("Mon 02 Jan 15:04"))
			app.afterControl()
			return nil
		},
	}
}

func newDoneCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "done NAME",
		Short: "Mark a reminder done (stops its snooze and repeats)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, r, err := app.controlReminder(args[0])
			if err != nil {
				return err
			}
			now := app.now()
			err = app.controlUpdate(func(st *state.State) {
				st.Done[r.Name] = now
				delete(st.Snoozes, r.Name)
			}, state.Event{At: now, Reminder: r.Name, Kind: state.Done})
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "Marked %s done.\n", r.Name)
			app.afterControl()
			return nil
		},
	}
}
