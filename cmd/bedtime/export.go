package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/calendar"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/texts"
)

// defaultExportFile is the calendar's name in a directory -o names.
const defaultExportFile = "bedtime.ics"

func newExportCmd(app *App) *cobra.Command {
	var (
		ics  bool
		days int
		out  string
	)
	cmd := &cobra.Command{
		Use:   "export --ics [--days N] [-o FILE]",
		Short: "Export the coming reminders as a calendar file",
		Long: `Export the reminders of the coming days as an iCalendar (.ics) file, one
event with an alarm per reminder, to import into a calendar app (a phone's
too), which then reminds you without bedtime. Left out are the firings that
will not fire, those "bedtime next" marks skipped or paused, and the
reminders that ask a question (ask:, such as cramp-diary): a calendar
cannot take the answer. It is a snapshot: export and import again after you
change the schedule, skip a reminder or pause.`,
		Example: `  bedtime export --ics > bedtime.ics
  bedtime export --ics --days 30 -o ~/bedtime.ics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !ics {
				return app.errorf("give --ics: iCalendar is the only export format")
			}
			if days < 1 || days > calendar.MaxDays {
				return app.errorf("--days %s: want 1 to %s", strconv.Itoa(days), strconv.Itoa(calendar.MaxDays))
			}
			s, err := app.loadScheduleIn(app.namedLocalZone())
			if err != nil {
				return err
			}
			now := app.now()
			skip, err := app.willNotFire(now)
			if err != nil {
				return err
			}
			// The events' words are the notifications' own, in the
			// person's language.
			firings, err := calendar.Firings(s, now, now.In(s.Location).AddDate(0, 0, days), daemonTexts(s, app.locale(s).Lang), skip)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := calendar.Write(&buf, firings, now); err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := app.Stdout.Write(buf.Bytes())
				return err
			}
			// A directory gets the calendar under its usual name, as
			// the report does.
			if fi, err := os.Stat(out); err == nil && fi.IsDir() {
				out = filepath.Join(out, defaultExportFile)
			}
			if err := config.WriteFile(out, buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintln(app.Stderr, app.locale(s).Sprintf("Wrote %d reminders of the next %d days to %s", len(firings), days, out))
			return nil
		},
	}
	cmd.Flags().BoolVar(&ics, "ics", false, "write iCalendar (RFC 5545)")
	cmd.Flags().IntVar(&days, "days", 14, fmt.Sprintf("how many days ahead, 1 to %d", calendar.MaxDays))
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE (private, replaced atomically; in a directory, bedtime.ics there) instead of standard output")
	return cmd
}

// willNotFire returns what leaves a firing out of the export: the state's
// skips and pause, as `bedtime next` marks them (state.State.Planned).
func (app *App) willNotFire(now time.Time) (calendar.SkipFunc, error) {
	store, err := app.openStore()
	if err != nil {
		return nil, err
	}
	st, err := store.Load()
	if err != nil {
		return nil, err
	}
	return func(reminder string, at time.Time) bool { return st.Planned(reminder, at, now) != "" }, nil
}

// daemonTexts returns the words of each firing as the daemon's rotation
// picks them, the built-in ones in lang (content.In).
func daemonTexts(s *config.Schedule, lang string) calendar.TextFunc {
	tx := texts.NewChooser()
	return func(r config.Reminder, at time.Time) content.Text {
		title := ""
		if rt, ok := s.RoutineIn(lang, r.Routine); ok {
			title = rt.Title
		}
		return tx.TextIn(lang, r, at, title)
	}
}

// namedLocalZone returns the system's time zone with its IANA name where
// it can be found (TZ, else the link /etc/localtime), so that a calendar
// gets "Europe/Berlin" rather than "Local".
func (app *App) namedLocalZone() *time.Location {
	return config.ReadSystemZone(app.zoneFile()).Named()
}
