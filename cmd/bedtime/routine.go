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
	"time"

	"github.com/bedtime-app/bedtime/content"
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
	routineClock clock = realClock{}

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

// notifyTimeout bounds how long one step's notification may take, so a slow
// or absent notification server never stalls the routine.
const notifyTimeout = 2 * time.Second

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
		Args: cobra.MaximumNArgs(1),
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
			p := &routinePlayer{
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

// clock tells the time and waits; tests use a fake that waits instantly.
type clock interface {
	Now() time.Time
	// Sleep waits for d, or until ctx is done and returns its error.
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// routinePlayer plays a routine: it prints each step and counts its hold
// down, and shows each step as a notification.
type routinePlayer struct {
	// Out receives the steps and the countdown.
	Out io.Writer
	// Warn receives a warning when a notification cannot be shown.
	Warn io.Writer
	// Terminal redraws the countdown on one line with \r; otherwise the
	// countdown is plain lines, one every ten seconds.
	Terminal bool
	// Notifier shows each step; every message carries the routine's name as
	// its Reminder, so each step replaces the previous notification.
	Notifier notify.Notifier
	// Clock tells the time and waits.
	Clock clock

	warned bool
}

// Play plays r to the end, or until ctx is done, when it returns ctx's error.
func (p *routinePlayer) Play(ctx context.Context, r content.Routine) error {
	n := len(r.Steps)
	fmt.Fprintf(p.Out, "%s: %d steps, about %s. Press Ctrl+C to stop.\n\n", r.Title, n, formatAbout(r.Duration()))
	for i, s := range r.Steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		fmt.Fprintf(p.Out, "Step %d of %d: %s\n", i+1, n, s.Text)
		p.notify(ctx, notify.Message{
			Reminder:  r.Name,
			Title:     fmt.Sprintf("%s (%d of %d)", r.Title, i+1, n),
			Body:      s.Text,
			NoActions: true,
		})
		if err := p.countdown(ctx, s.Hold); err != nil {
			return err
		}
	}
	done := r.Done
	if done == "" {
		done = "Done."
	}
	fmt.Fprintf(p.Out, "\n%s\n", done)
	p.notify(ctx, notify.Message{Reminder: r.Name, Title: r.Title, Body: done, NoActions: true})
	return nil
}

// notify shows m, warning once on Warn if it cannot.
func (p *routinePlayer) notify(ctx context.Context, m notify.Message) {
	ctx, cancel := context.WithTimeout(ctx, notifyTimeout)
	defer cancel()
	err := p.Notifier.Notify(ctx, m)
	if err != nil && !p.warned {
		p.warned = true
		fmt.Fprintf(p.Warn, "bedtime: cannot show the step as a notification (going on in the terminal only): %v\n", err)
	}
}

// countdown waits for hold, showing the time left.
func (p *routinePlayer) countdown(ctx context.Context, hold time.Duration) error {
	if hold <= 0 {
		return nil
	}
	end := p.Clock.Now().Add(hold)
	width := 0
	for {
		left := end.Sub(p.Clock.Now())
		if left <= 0 {
			break
		}
		secs := int((left + time.Second - 1) / time.Second) // rounded up
		var next int                                        // the whole second to wake at
		if p.Terminal {
			line := fmt.Sprintf("\r  %s left", formatClock(secs))
			fmt.Fprint(p.Out, pad(line, width))
			width = len(line)
			next = secs - 1
		} else {
			if secs%10 == 0 || width == 0 {
				fmt.Fprintf(p.Out, "  %s left\n", formatClock(secs))
				width = 1
			}
			next = (secs - 1) / 10 * 10
		}
		if err := p.Clock.Sleep(ctx, left-time.Duration(next)*time.Second); err != nil {
			if p.Terminal {
				fmt.Fprintln(p.Out)
			}
			return err
		}
	}
	if p.Terminal {
		fmt.Fprint(p.Out, pad("\r  done", width)+"\n")
	}
	return nil
}

// pad pads s with spaces to width, so it covers a longer line drawn before.
func pad(s string, width int) string {
	if len(s) < width {
		s += strings.Repeat(" ", width-len(s))
	}
	return s
}

// formatClock formats secs as m:ss.
func formatClock(secs int) string {
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// formatAbout formats d for people: "45 s", "4 min", "4 min 30 s".
func formatAbout(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	switch {
	case secs < 60:
		return fmt.Sprintf("%d s", secs)
	case secs%60 == 0:
		return fmt.Sprintf("%d min", secs/60)
	default:
		return fmt.Sprintf("%d min %d s", secs/60, secs%60)
	}
}
