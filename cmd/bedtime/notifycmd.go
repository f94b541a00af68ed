package main

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/notify"
)

// sendNow builds the notifier `bedtime notify` sends with: one attempt,
// no holding, failures as errors. Tests replace it.
var sendNow = func(app *App) (notify.Notifier, func() error, error) {
	log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	d, err := notify.New(notify.Options{Logger: log, RetryFor: -1})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}

func newNotifyCmd(app *App) *cobra.Command {
	var variant int
	cmd := &cobra.Command{
		Use:   "notify NAME",
		Short: "Show a reminder's notification now, to try the setup and the texts",
		Long: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant). Exits non-zero, with the reason,
when it cannot be shown.`,
		Example: "  bedtime notify magnesium\n  bedtime notify magnesium --variant 2",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("variant") && variant < 1 {
				return fmt.Errorf("--variant %d: variants count from 1 (the first); leave out --variant for today's text", variant)
			}
			s, err := app.loadSchedule()
			if err != nil {
				return err
			}
			r, ok := s.Reminder(args[0])
			if !ok {
				return fmt.Errorf("no reminder %q in the schedule (have %s)", args[0], strings.Join(reminderNames(s), ", "))
			}
			text, err := daemon.TextFor(s, r, app.now(), variant)
			if err != nil {
				return err
			}
			n, closeN, err := sendNow(app)
			if err != nil {
				return err
			}
			defer closeN()
			if err := n.Notify(cmd.Context(), notify.Message{Reminder: r.Name, Title: text.Title, Body: text.Body, NoActions: true}); err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "Shown: %s\n", text.Title)
			return nil
		},
	}
	cmd.Flags().IntVar(&variant, "variant", 0, "show text variant N (1 = the first) instead of today's")
	return cmd
}

func reminderNames(s *config.Schedule) []string {
	var names []string
	for _, r := range s.Reminders {
		names = append(names, r.Name)
	}
	slices.Sort(names)
	return names
}
