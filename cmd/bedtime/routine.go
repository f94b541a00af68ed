package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/routine"
	"github.com/bedtime-app/bedtime/state"
)

// defaultRoutine is what `bedtime routine` plays without a name.
const defaultRoutine = "calf-stretch"

// terminal reports whether w is a terminal, where the countdown is redrawn
// in place, and how wide it is (0 when unknown).
func (app *App) terminal(w io.Writer) (bool, int) {
	if app.Terminal != nil {
		return app.Terminal(w)
	}
	return isTerminal(w)
}

// isTerminal is the real terminal probe.
func isTerminal(w io.Writer) (bool, int) {
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

// routines returns the routines `bedtime routine` can play, by name.
func (app *App) routines() (map[string]content.Routine, error) {
	if app.Routines != nil {
		return app.Routines()
	}
	return scheduleRoutines(app)
}

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
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return app.routineNames(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if stop {
				if len(args) > 0 {
					return app.errorf("give either a routine to play or --stop, not both")
				}
				return app.stopDaemonRoutine()
			}
			name := defaultRoutine
			if len(args) == 1 {
				name = args[0]
			}
			table, err := app.routines()
			if err != nil {
				return app.errorf("cannot load routines: %v", err)
			}
			r, ok := table[name]
			if !ok {
				return app.errorf("unknown routine %q: want one of %s", name, strings.Join(slices.Sorted(maps.Keys(table)), ", "))
			}
			if r.Name == "" {
				r.Name = name
			}
			if err := r.Validate(); err != nil {
				return fmt.Errorf("routine %q: %w", name, err)
			}
			terminal, width := app.terminal(app.Stdout)
			p := &routine.Player{
				Locale:   app.locale(nil),
				Out:      app.Stdout,
				Warn:     app.Stderr,
				Explain:  func(err error) string { return stepErrIn(app.locale(nil), err) },
				Terminal: terminal,
				Width:    width,
				Notifier: app.routineNotifier(),
				Clock:    app.clock(),
			}
			err = p.Play(cmd.Context(), r)
			if errors.Is(err, context.Canceled) {
				app.sayln(app.Stdout, "Stopped.")
				return exitError{code: 130}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&stop, "stop", false, "stop the routine the running daemon plays")
	return cmd
}

// stepErrs are the notify errors whose words stepErrIn says in the
// person's language.
var stepErrs = []error{notify.ErrNoSessionBus, notify.ErrBus, notify.ErrNoServer, notify.ErrStartFailed,
	notify.ErrTimeout, notify.ErrInhibited}

// stepErrIn is why a routine's step could not be shown as a notification:
// notify's NotShownError, sentence and advice, in l's language; else in
// English the notify error as it is, in another language the words of the
// notify error it wraps, which are catalog keys, or the error as it is.
func stepErrIn(l *locale.Locale, err error) string {
	if ns := (*notify.NotShownError)(nil); errors.As(err, &ns) {
		return ns.In(l)
	}
	if l == nil || l.Lang == "en" {
		return err.Error()
	}
	for _, e := range stepErrs {
		if errors.Is(err, e) {
			return l.Sprintf(e.Error())
		}
	}
	return err.Error()
}

// stopDaemonRoutine asks the running daemon, through the state file, to
// stop the routine it plays.
func (app *App) stopDaemonRoutine() error {
	if !app.daemonRunning() {
		app.sayln(app.Stdout, "bedtime is not running, so it plays no routine.")
		return nil
	}
	now := app.now()
	if err := app.control(func(store *state.Store) error { return store.StopRoutine(now) }); err != nil {
		return err
	}
	app.sayln(app.Stdout, "Asked bedtime to stop a routine, if one is playing.")
	return nil
}

// scheduleRoutines returns the built-in routines and the schedule file's
// own, which win on a name clash.
func scheduleRoutines(app *App) (map[string]content.Routine, error) {
	all := app.book().Routines()
	path, err := app.schedulePath()
	if err != nil {
		return nil, err
	}
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil {
		return nil, app.errorf("the schedule file has errors, so its routines are unknown; run `bedtime validate`")
	}
	if s.Path == "" {
		return all, app.checkConfigExists(path)
	}
	maps.Copy(all, s.Routines)
	return all, nil
}

// routineNames are the routines shell completion offers: those
// `bedtime routine` can play or, while the schedule file has errors (a
// person mid-edit), the built-in ones and the names still readable in
// the file's routines: section.
func (app *App) routineNames() []string {
	table, err := app.routines()
	if err == nil {
		return slices.Sorted(maps.Keys(table))
	}
	names := slices.Collect(maps.Keys(app.book().Routines()))
	if path, err := app.schedulePath(); err == nil {
		names = append(names, config.NamesIn(path, config.SectionRoutines)...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}
