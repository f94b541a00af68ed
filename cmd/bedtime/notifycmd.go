package main

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/texts"
)

// maxNotifyWait bounds `bedtime notify --wait`.
const maxNotifyWait = time.Hour

func newNotifyCmd(app *App) *cobra.Command {
	var variant int
	var wait time.Duration
	cmd := &cobra.Command{
		Use:   "notify NAME",
		Short: "Show a reminder's notification now, to try the setup, the texts and the buttons",
		Long: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant) and the buttons it has when it
fires (Done, Snooze, and Start when it has a routine). bedtime then waits
up to --wait for you to press one and says which you pressed. Nothing is
recorded: the reminder's state and history stay as they were. With --wait 0
the notification has no buttons and bedtime does not wait. Exits non-zero,
with the reason, when it cannot be shown.`,
		Example: "  bedtime notify magnesium\n  bedtime notify magnesium --variant 2 --wait 0",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("variant") && variant < 1 {
				return app.errorf("--variant %s: variants count from 1 (the first); leave out --variant for today's text", strconv.Itoa(variant))
			}
			if wait < 0 || wait > maxNotifyWait {
				return app.errorf("--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s", wait.String())
			}
			s, err := app.loadSchedule()
			if err != nil {
				return err
			}
			r, ok := s.Reminder(args[0])
			if !ok {
				return errorIn(app.locale(s), "no reminder %q in the schedule (have %s)", args[0], strings.Join(reminderNames(s), ", "))
			}
			l := app.locale(s)
			text, err := texts.ForIn(l.Lang, s, r, app.now(), variant)
			if ve := (*texts.VariantError)(nil); errors.As(err, &ve) {
				return &saidError{msg: ve.In(l), errs: []error{err}}
			}
			if err != nil {
				return err
			}
			m := notify.Message{Reminder: r.Name, Title: text.Title, Body: text.Body, NoActions: true, Labels: notify.LabelsIn(l)}
			if wait > 0 {
				if report, err := notify.Probe(cmd.Context()); err == nil && !report.Actions() {
					// Sent without buttons; the line below says why.
					wait = -1
				} else {
					_, m.Start = s.Routine(r.Routine)
					if r.Ask == config.AskCramps {
						for _, a := range content.In(l.Lang).CrampAnswers() {
							m.Choices = append(m.Choices, a.Label)
						}
					}
					// The popup goes when bedtime stops waiting for it.
					m.NoActions, m.Expire = false, wait
				}
			}
			answers := make(chan notify.Response, 8)
			log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
			n, closeN, err := app.notifier()(log, func(resp notify.Response) {
				if resp.Reminder == r.Name && resp.Action != notify.Shown && resp.Action != notify.Held {
					select {
					case answers <- resp:
					default:
					}
				}
			})
			if err != nil {
				return err
			}
			defer closeN()
			if err := n.Notify(cmd.Context(), m); err != nil {
				return notShownIn(l, err)
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("Shown: %s", text.Title))
			switch {
			case wait < 0:
				fmt.Fprintln(app.Stdout, l.Sprintf("This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.", r.Name, r.Name))
				return nil
			case wait == 0:
				return nil
			}
			names := []string{m.Labels.Done, m.Labels.Snooze}
			if m.Start {
				names = []string{m.Labels.Start, m.Labels.Done, m.Labels.Snooze}
			}
			if len(m.Choices) > 1 {
				names = m.Choices
			}
			buttons := l.Sprintf("%s or %s", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
			fmt.Fprintln(app.Stdout, l.Sprintf("Press %s on it: waiting up to %s (nothing is recorded)...", buttons, waitText(l, wait)))
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case resp := <-answers:
				if i, choice := resp.Action.Choice(); choice && i < len(m.Choices) {
					fmt.Fprintln(app.Stdout, l.Sprintf("You pressed %s. Nothing was recorded.", m.Choices[i]))
					return nil
				}
				switch resp.Action {
				case notify.Done, notify.Snooze, notify.Start:
					// The button's label: "Done", "Snooze" or "Start".
					label := strings.ToUpper(resp.Action.String()[:1]) + resp.Action.String()[1:]
					fmt.Fprintln(app.Stdout, l.Sprintf("You pressed %s. Nothing was recorded.", l.Sprintf(label)))
				case notify.Dismissed:
					fmt.Fprintln(app.Stdout, l.Sprintf("You closed it without pressing a button."))
				default:
					fmt.Fprintln(app.Stdout, l.Sprintf("No answer within %s.", waitText(l, wait)))
				}
			case <-t.C:
				fmt.Fprintln(app.Stdout, l.Sprintf("No answer within %s.", waitText(l, wait)))
			case <-cmd.Context().Done():
				fmt.Fprintln(app.Stdout, l.Sprintf("Stopped waiting. Nothing was recorded."))
				return exitError{code: 130}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&variant, "variant", 0, "show text variant N (1 = the first) instead of today's")
	cmd.Flags().DurationVar(&wait, "wait", time.Minute, "how long to wait for a button to be pressed (0: show it without buttons and return)")
	return cmd
}

// notShownIn is err, from Notify, in l's language when it is notify's
// NotShownError (its sentence and advice are catalog messages); it still
// wraps err.
func notShownIn(l *locale.Locale, err error) error {
	var ns *notify.NotShownError
	if errors.As(err, &ns) {
		return &saidError{msg: ns.In(l), errs: []error{err}}
	}
	return err
}

// waitText formats a --wait duration in l's language: "60s" as "1m",
// "1.5s" as "1s".
func waitText(l *locale.Locale, d time.Duration) string {
	if d < time.Second {
		return d.String()
	}
	return humanDurationIn(l, d)
}

func reminderNames(s *config.Schedule) []string {
	var names []string
	for _, r := range s.Reminders {
		names = append(names, r.Name)
	}
	slices.Sort(names)
	return names
}

// routineNotifier shows routine steps on the desktop, once each: a step
// that cannot be shown now is not worth holding.
func (app *App) routineNotifier() notify.Notifier {
	// Errors only: the player says once, in the person's language, that
	// its steps cannot be shown, so notify's warning (no session bus...)
	// would say it twice, as an English log line.
	log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	n, _, err := app.notifier()(log, nil)
	if err != nil {
		return notify.Log{Logger: log}
	}
	return n
}

// notifier returns the factory of the notifier `bedtime notify` and
// `bedtime routine` show with.
func (app *App) notifier() NotifierFactory {
	if app.Notifier != nil {
		return app.Notifier
	}
	return sendNow
}

// sendNow is the desktop notifier `bedtime notify` and `bedtime routine`
// send with: one attempt, no holding, failures as errors.
func sendNow(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error) {
	d, err := notify.New(notify.Options{Logger: log, RetryFor: -1, OnResponse: onResponse})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}
