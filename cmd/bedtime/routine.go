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

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/spf13/cobra"
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
	routineClock daemon.RoutineClock = daemon.RealClock{}

	// isTerminal reports whether w is a terminal, where the countdown is
	// redrawn in place.
	isTerminal = func(w io.Writer) bool {
		f, ok := w.(*os.File)
		if !ok {
			return false
		}
		fi, err := f.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0
	}
)

// newRoutineCmd returns `bedtime routine [NAME]`: a guided routine with a
// countdown in the terminal and one notification per step.
func newRoutineCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "routine [NAME]",
		Short: "Guide you through a stretch routine, step by step",
		Long: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop.`,
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
			p := &daemon.Player{
				Out:      app.Stdout,
				Warn:     app.Stderr,
				Terminal: isTerminal(app.Stdout),
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
}
