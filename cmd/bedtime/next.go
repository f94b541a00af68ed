package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
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
time order, strictly after --from (default: now). IN counts from now, with
--from too: a firing already past says how long ago it was. Without --from
it also shows the snoozes and repeats waiting, and marks the firings that a
skip or a pause will leave out.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if count < 1 {
				return app.errorf("--count %s: want 1 or more", strconv.Itoa(count))
			}
			if count > maxNextCount {
				return app.errorf("--count %s: want 1 to %s", strconv.Itoa(count), strconv.Itoa(maxNextCount))
			}
			s, err := app.loadSchedule()
			if err != nil {
				return err
			}
			now := app.now()
			after := now
			if from != "" {
				after, err = time.Parse(time.RFC3339, from)
				if err != nil {
					return app.errorf("--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)", from)
				}
			}
			var (
				due   []scheduler.Due
				notes map[scheduler.Due]string
				ok    bool
			)
			if from == "" {
				due, notes, ok = app.withPending(s.Jobs(), now, count)
			}
			if !ok {
				due = scheduler.Upcoming(s.Jobs(), after, count)
			}
			if asJSON {
				return writeNextJSON(app, s, due, notes)
			}
			writeNextTable(app, s, now, due, notes)
			return nil
		},
	}
	cmd.Flags().IntVarP(&count, "count", "n", 10, "how many firings to show")
	cmd.Flags().StringVar(&from, "from", "", "show firings after this time (RFC 3339; default now)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {reminder, at}")
	return cmd
}

// withPending returns the first count firings of jobs after now with the
// snoozes and repeats waiting in the state, in time order, and notes
// which will not be shown (skipped, paused) and which are snoozes: the
// state's Next, the list `bedtime status` shows too. It reports false
// when the state cannot be read.
func (app *App) withPending(jobs []scheduler.Job, now time.Time, count int) ([]scheduler.Due, map[scheduler.Due]string, bool) {
	store, err := app.openStore()
	if err != nil {
		return nil, nil, false
	}
	st, err := store.Load()
	if err != nil {
		return nil, nil, false
	}
	var due []scheduler.Due
	notes := map[scheduler.Due]string{}
	for _, c := range st.Next(jobs, now, count) {
		d := scheduler.Due{Job: c.Reminder, At: c.At}
		due = append(due, d)
		if c.Note != "" {
			notes[d] = c.Note
		}
	}
	return due, notes, true
}

type nextJSON struct {
	Reminder string `json:"reminder"`
	At       string `json:"at"`
	// Note says "snoozed" for a snooze or repeat waiting, "skipped" or
	// "paused" for a firing that will not be shown.
	Note string `json:"note,omitempty"`
}

func writeNextJSON(app *App, s *config.Schedule, due []scheduler.Due, notes map[scheduler.Due]string) error {
	out := make([]nextJSON, 0, len(due))
	for _, d := range due {
		out = append(out, nextJSON{Reminder: d.Job, At: d.At.In(s.Location).Format(time.RFC3339), Note: notes[d]})
	}
	enc := json.NewEncoder(app.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeNextTable writes due as a table; its IN column counts from now, the
// clock's time (not --from's).
func writeNextTable(app *App, s *config.Schedule, now time.Time, due []scheduler.Due, notes map[scheduler.Due]string) {
	l := app.locale(s)
	if len(due) == 0 {
		fmt.Fprintln(app.Stdout, l.Sprintf("No reminders are scheduled: every reminder is disabled."))
		return
	}
	tw := newTable(app.Stdout, 2)
	fmt.Fprintln(tw, l.Sprintf("WHEN")+"\t"+l.Sprintf("REMINDER")+"\t"+l.Sprintf("IN"))
	for _, d := range due {
		in := l.Sprintf("in %s", humanDurationIn(l, d.At.Sub(now)))
		if d.At.Before(now) { // --from in the past
			in = l.Sprintf("%s ago", humanDurationIn(l, now.Sub(d.At)))
		}
		if n := notes[d]; n != "" {
			in = l.Sprintf("in %s (%s)", humanDurationIn(l, d.At.Sub(now)), l.Sprintf(n))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.Stamp(d.At.In(s.Location)), d.Job, in)
	}
	tw.Flush()
}

// humanDuration formats a span the way a person says it: 45s, 12m,
// 2h 05m, 3d 4h.
func humanDuration(d time.Duration) string { return humanDurationIn(locale.English, d) }

// humanDurationIn is humanDuration in l's language.
func humanDurationIn(l *locale.Locale, d time.Duration) string {
	switch {
	case d < time.Minute:
		return l.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return l.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return l.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	days := int(d.Hours()) / 24
	return strings.TrimSpace(l.Sprintf("%dd %dh", days, int(d.Hours())%24))
}
