package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/routine"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// defaultRoutine is what `bedtime routine` plays without a name.
const defaultRoutine = "calf-stretch"

// The seams of `bedtime routine`. Tests replace them; the command reads them
// only when it runs.
var (
	// newNotifier returns the notifier that shows each routine step as a
	// desktop notification. Until the desktop notifier is wired in here, the
	// steps go to a log on stderr.
	newNotifier = func(app *App) notify.Notifier {
		return notify.Log{Logger: slog.New(slog.NewTextHandler(app.Stderr, nil))}
	}

	// routineTable returns the routines `bedtime routine` can play, by name:
	// the built-in ones, and (once the schedule file is wired in here) the
	// user's own from app.ConfigPath.
	routineTable = func(app *App) (map[string]content.Routine, error) {
		return content.Routines(), nil
	}

	// routineClock tells the time and waits during a routine.
	routineClock scheduler.Clock = scheduler.SystemClock{}

	// isTerminal reports whether w is a terminal, where the countdown is
	// redrawn in place, and how wide it is (0 when unknown).
	isTerminal = func(w io.Writer) (bool, int) {
		f, ok := w.(*os.File)
		if !ok {
			return false, 0
		}
		fi, err := f.Stat()
		if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			return false, 0
		}
		width, _, err := term.GetSize(int(f.Fd()))
		if err != nil {
			width = 0
		}
		return true, width
	}
)

// newRoutineCmd returns `bedtime routine [NAME]`: a guided routine with a
// countdown in the terminal and one notification per step.
func newRoutineCmd(app *App) *cobra.Command {
	var stop bool
	cmd := &cobra.Command{
		Use:   "routine [NAME | --stop]",
		Short: "Guide you through a stretch routine, step by step",
		Long: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop. A routine the daemon plays (Start on a reminder) has a
Stop button on each step; "bedtime routine --stop" stops it too.`,
		Example: "  bedtime routine morning-stretch",
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			table, err := routineTable(app)
			if err != nil || len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return slices.Sorted(maps.Keys(table)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if stop {
				if len(args) > 0 {
					return errors.New("give either a routine to play or --stop, not both")
				}
				return app.stopDaemonRoutine()
			}
			name := defaultRoutine
			if len(args) == 1 {
				name = args[0]
			}
			table, err := routineTable(app)
			if err != nil {
				return fmt.Errorf("cannot load routines: %w", err)
			}
			r, ok := table[name]
			if !ok {
				return fmt.Errorf("unknown routine %q: want one of %s", name, strings.Join(slices.Sorted(maps.Keys(table)), ", "))
			}
			if r.Name == "" {
				r.Name = name
			}
			if err := r.Validate(); err != nil {
				return fmt.Errorf("routine %q: %w", name, err)
			}
			terminal, width := isTerminal(app.Stdout)
			p := &routine.Player{
				Out:      app.Stdout,
				Warn:     app.Stderr,
				Terminal: terminal,
				Width:    width,
				Notifier: newNotifier(app),
				Clock:    routineClock,
			}
			err = p.Play(cmd.Context(), r)
			if errors.Is(err, context.Canceled) {
				fmt.Fprintln(app.Stdout, "Stopped.")
				return exitError{code: 130}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&stop, "stop", false, "stop the routine the running daemon plays")
	return cmd
}

// stopDaemonRoutine asks the running daemon, through the state file, to
// stop the routine it plays.
func (app *App) stopDaemonRoutine() error {
	if !daemonRunning() {
		fmt.Fprintln(app.Stdout, "bedtime is not running, so it plays no routine.")
		return nil
	}
	now := app.now()
	if err := app.controlUpdate(func(st *state.State) { st.RoutineStop = now }, state.Event{}); err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, "Asked bedtime to stop the routine it plays.")
	return nil
}
