package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

func newValidateCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check the schedule file",
		Long: `Check the schedule file and print every problem with its line and column,
or a one-line summary when it is valid. Exits 1 when the file has errors.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := app.loadSchedule()
			var es config.Errors
			if errors.As(err, &es) {
				l := app.errorsLocale(es)
				for _, e := range es {
					fmt.Fprintln(app.Stdout, e.In(l))
				}
				if app.daemonRunning() && app.daemonsFile() {
					fmt.Fprintln(app.Stdout, l.Sprintf("%d errors; the running daemon keeps its previous schedule until the file is fixed", len(es)))
				} else {
					fmt.Fprintln(app.Stdout, l.Sprintf("%d errors", len(es)))
				}
				return exitError{1}
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, summaryIn(app.locale(s), s, app.now()))
			return nil
		},
	}
}

// daemonsFile reports whether the schedule the command reads is the one
// the daemon reads as a service does: the default file. (Another file,
// --config other.yaml, is not what a running bedtime keeps a schedule of.)
func (app *App) daemonsFile() bool {
	if app.ConfigPath == "" {
		return true
	}
	def, err := config.DefaultPath()
	if err != nil {
		return false
	}
	a, errA := filepath.Abs(app.ConfigPath)
	b, errB := filepath.Abs(def)
	return errA == nil && errB == nil && a == b
}

// errorsLocale returns the language to tell of the schedule's errors es
// in: the file's language: key when it could be read in spite of them,
// else the person's.
func (app *App) errorsLocale(es config.Errors) *locale.Locale {
	getenv := app.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	return es.Locale(getenv)
}

// scheduleErrors are the schedule's errors as a command returns them (to
// be printed as "bedtime: ..."): in the person's language. errors.As
// still finds the config.Errors.
type scheduleErrors struct {
	es config.Errors
	l  *locale.Locale
}

func (e scheduleErrors) Error() string { return e.es.In(e.l) }
func (e scheduleErrors) Unwrap() error { return e.es }

// scheduleErrorsDetail is doctor's schedule line for the errors es: how
// many, and the first, in l's language.
func scheduleErrorsDetail(l *locale.Locale, es config.Errors) string {
	return l.Sprintf("%d errors, first: %s", len(es), es[0].In(l))
}

// summary describes a schedule in one line: "5 reminders, next:
// magnesium at 20:30".
func summary(s *config.Schedule, now time.Time) string { return summaryIn(locale.English, s, now) }

// summaryIn is summary in l's language, with dates and times as l writes
// them; the reminder's name stays as it is.
func summaryIn(l *locale.Locale, s *config.Schedule, now time.Time) string {
	n := len(s.Reminders)
	line := l.Sprintf("%d reminders", n)
	if off := n - len(s.Enabled()); off > 0 {
		line = l.Sprintf("%s (%d disabled)", line, off)
	}
	due := scheduler.Upcoming(s.Jobs(), now, 1)
	if len(due) == 0 {
		return l.Sprintf("%s, none scheduled", line)
	}
	at := due[0].At.In(s.Location)
	if y, m, d := at.Date(); !sameDay(now.In(s.Location), y, m, d) {
		return l.Sprintf("%s, next: %s on %s", line, due[0].Job, l.ShortDateTime(at))
	}
	return l.Sprintf("%s, next: %s at %s", line, due[0].Job, l.Clock(at))
}

func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
