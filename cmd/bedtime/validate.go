package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
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
				for _, e := range es {
					fmt.Fprintln(app.Stdout, e)
				}
				fmt.Fprintf(app.Stdout, "%d %s; the running daemon keeps its previous schedule until the file is fixed\n", len(es), plural(len(es), "error", "errors"))
				return exitError{1}
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, summary(s, app.now()))
			return nil
		},
	}
}

// summary describes a schedule in one line: "5 reminders, next:
// magnesium at 20:30".
func summary(s *config.Schedule, now time.Time) string { return summaryIn(locale.English, s, now) }

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
