package main

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/report"
	"github.com/bedtime-app/bedtime/safefs"
)

// defaultReportFile is where `bedtime report` writes the HTML unless -o
// says; in a directory -o names, the HTML or the CSV has these names.
const (
	defaultReportFile = "bedtime-report.html"
	defaultReportCSV  = "bedtime-report.csv"
)

func newReportCmd(app *App) *cobra.Command {
	var (
		weeks int
		out   string
		asCSV bool
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write a report of the cramp diary and the habits, for you and your doctor",
		Long: `report writes one HTML file, readable in any browser and printable on two
pages, that puts the cramp diary beside the habits over the last --weeks
weeks: cramp nights per week and how bad, each habit's weekly share done, a
calendar of nights against the evening's habits, nights after a habit was
done compared with nights after it was not (counts: what happened, not why),
the schedule in force and a short summary. It needs no network and runs no
script; the file is private (0600).

--csv writes one row per night instead, for a spreadsheet (to standard
output unless -o names a file); docs/diary.md lists its columns.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if weeks < 1 || weeks > report.MaxWeeks {
				return errors.New(app.locale(nil).Sprintf("--weeks %s: want 1 to %d (ten years)", strconv.Itoa(weeks), report.MaxWeeks))
			}
			r, err := app.buildReport(weeks)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if asCSV {
				err = report.WriteCSV(&b, r)
			} else {
				err = report.WriteHTML(&b, r)
			}
			if err != nil {
				return err
			}
			if out == "" && !asCSV {
				out = defaultReportFile
			}
			if out == "" || out == "-" {
				_, err := app.Stdout.Write(b.Bytes())
				return err
			}
			// A directory gets the report under its usual name.
			if fi, err := os.Stat(out); err == nil && fi.IsDir() {
				name := defaultReportFile
				if asCSV {
					name = defaultReportCSV
				}
				out = filepath.Join(out, name)
			}
			if err := safefs.WriteAtomic(out, b.Bytes()); err != nil {
				return fmt.Errorf("%s: %w", r.Locale.Sprintf("cannot write the report"), err)
			}
			if !asCSV {
				fmt.Fprintln(app.Stdout, r.Locale.Sprintf("Wrote %s: %s to %s. Open it in a browser, or print it.", out,
					report.Date(r.Locale, r.From), report.Date(r.Locale, r.To)))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&weeks, "weeks", report.DefaultWeeks, "how many weeks, up to last night")
	f.StringVarP(&out, "output", "o", "", "the file to write (default: "+defaultReportFile+"; with --csv standard output; - for standard output)")
	f.BoolVar(&asCSV, "csv", false, "write one row per night as CSV")
	return cmd
}

// buildReport reads the diary, the history and the schedule for a report
// of the last weeks, in the person's language.
func (app *App) buildReport(weeks int) (report.Report, error) {
	now := app.now()
	in := report.Input{Now: now, Weeks: weeks}
	// The system's zone by its name ("Europe/Berlin", not "Local"): the
	// report says which times it shows.
	in.Loc = app.namedLocalZone()
	in.Locale = app.locale(nil)
	if path, err := app.schedulePath(); err == nil {
		s, err := config.LoadOrDefault(path, in.Loc)
		switch {
		case err != nil:
			in.ScheduleFrom = in.Locale.Sprintf("%s (it has errors; run bedtime validate)", path)
		default:
			in.Locale = app.locale(s)
			in.Loc = s.Location
			in.ScheduleFrom = s.Path
			if s.Path == "" {
				in.ScheduleFrom = in.Locale.Sprintf("the built-in default (no schedule file)")
			}
			for _, rem := range s.Reminders {
				in.Schedule = append(in.Schedule, report.Scheduled{Name: rem.Name, When: rem, Enabled: rem.Enabled})
				if rem.Ask != "" {
					in.Questions = append(in.Questions, rem.Name)
				}
			}
		}
	}
	store, err := app.openStore()
	if err != nil {
		return report.Report{}, err
	}
	since, _ := diary.ParseNight(diary.LastNight(now, in.Loc))
	since = since.AddDate(0, 0, -weeks*7-2)
	if in.Events, err = store.History(since); err != nil {
		return report.Report{}, err
	}
	// With sync on, the person's record and diary, from every computer.
	link, recs := app.syncRecords(since)
	in.Events, _ = mergeHistory(link, recs, in.Events, since, false)
	log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if in.Entries, err = diary.Open(store.Dir(), log).Read(); err != nil {
		return report.Report{}, err
	}
	in.Entries = mergedDiary(link, recs, in.Entries)
	return report.Build(in), nil
}
