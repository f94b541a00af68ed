package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
)

func newNextCmd(app *App) *cobra.Command {
	var (
		count  int
		from   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "next",
		Short: "Show the next reminders",
		Long: `Show the next reminders of the schedule, across all enabled reminders, in
time order, strictly after --from (default: now).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if count < 1 {
				return fmt.Errorf("--count %d: want 1 or more", count)
			}
			if count > maxNextCount {
				return fmt.Errorf("--count %d: want 1 to %d", count, maxNextCount)
			}
			s, err := app.loadSchedule()
			if err != nil {
				return err
			}
			now := app.now()
			if from != "" {
				now, err = time.Parse(time.RFC3339, from)
				if err != nil {
					return fmt.Errorf("--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)", from)
				}
			}
			due := scheduler.Upcoming(s.Jobs(), now, count)
			if asJSON {
				return writeNextJSON(app, s, due)
			}
			writeNextTable(app, s, now, due)
			return nil
		},
	}
	cmd.Flags().IntVarP(&count, "count", "n", 10, "how many firings to show")
	cmd.Flags().StringVar(&from, "from", "", "show firings after this time (RFC 3339; default now)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {reminder, at}")
	return cmd
}

type nextJSON struct {
	Reminder string `json:"reminder"`
	At       string `json:"at"`
}

func writeNextJSON(app *App, s *config.Schedule, due []scheduler.Due) error {
	out := make([]nextJSON, 0, len(due))
	for _, d := range due {
		out = append(out, nextJSON{Reminder: d.Job, At: d.At.In(s.Location).Format(time.RFC3339)})
	}
	enc := json.NewEncoder(app.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeNextTable(app *App, s *config.Schedule, now time.Time, due []scheduler.Due) {
	if len(due) == 0 {
		fmt.Fprintln(app.Stdout, "No reminders are scheduled: every reminder is disabled.")
		return
	}
	tw := tabwriter.NewWriter(app.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tREMINDER\tIN")
	for _, d := range due {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", d.At.In(s.Location).Format("Mon 02 Jan 15:04 MST"), d.Job, "in "+humanDuration(d.At.Sub(now)))
	}
	tw.Flush()
}

// humanDuration formats a span the way a person says it: 45s, 12m,
// 2h 05m, 3d 4h.
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	days := int(d.Hours()) / 24
	return strings.TrimSpace(fmt.Sprintf("%dd %dh", days, int(d.Hours())%24))
}
