package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/report"
	"github.com/bedtime-app/bedtime/state"
)

// maxStripDays is the most days the DAYS strip shows, the last ones: a
// month keeps the table within a terminal's width; the numbers count all
// the days asked for.
const maxStripDays = 31

// calendarWeeks is how far back stats --calendar looks unless --days says.
const calendarWeeks = 12

func newStatsCmd(app *App) *cobra.Command {
	var (
		days     int
		asJSON   bool
		ascii    bool
		byDevice bool
		calendar bool
		habit    string
	)
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show how the habits are going: per reminder, done, missed and streaks",
		Long: `stats reads bedtime's history and shows, for each reminder, how often it
was shown, done, snoozed, skipped and missed over the last --days days, how
often it was done when it was due (adherence), a strip with one mark per
day, and the current streak of days on which it was done.

A reminder counts as done when you press Done on it or run "bedtime done".

--calendar draws a month-by-month grid instead, one cell a day, of the
cramp diary's nights (by the date each began) or, with --habit NAME, of one
reminder, over the last --days days rounded up to whole weeks (default
there: 12 weeks) up to last night; in colour on a terminal (unless NO_COLOR
is set), --ascii without.

With sync on (see bedtime sync), the figures are those of all your
computers together, each instant once; --by-device shows what each one
recorded.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if habit != "" && !calendar {
				return errors.New(app.locale(nil).Sprintf("--habit draws a calendar; add --calendar"))
			}
			if calendar && !cmd.Flags().Changed("days") {
				days = 7 * calendarWeeks
			}
			if days < 1 {
				return app.errorf("--days %s: want 1 or more", strconv.Itoa(days))
			}
			if days > maxStatsDays {
				return app.errorf("--days %s: want 1 to %s (ten years)", strconv.Itoa(days), strconv.Itoa(maxStatsDays))
			}
			if calendar {
				if asJSON {
					return errors.New(app.locale(nil).Sprintf("--calendar draws a grid; for the figures use bedtime report --csv"))
				}
				r, err := app.buildReport((days + 6) / 7)
				if err != nil {
					return err
				}
				tty, _ := app.terminal(app.Stdout)
				colour := tty && !ascii && os.Getenv("NO_COLOR") == ""
				return report.WriteCalendar(app.Stdout, r, report.CalendarOptions{Habit: habit, ASCII: ascii, Colour: colour})
			}
			store, err := app.openStore()
			if err != nil {
				return err
			}
			loc := app.scheduleLocation()
			var stats []state.ReminderStats
			if app.syncSettings() == nil && !byDevice {
				// Alone: the history is folded as it is read.
				if stats, err = store.Stats(days, app.now(), loc); err != nil {
					return err
				}
			} else {
				var split []deviceStats
				if stats, split, err = app.mergedStats(store, days, loc, byDevice); err != nil {
					return err
				}
				if byDevice {
					return writeStatsByDevice(app.Stdout, app.locale(nil), split, days, asJSON, markSet(ascii))
				}
			}
			if asJSON {
				enc := json.NewEncoder(app.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(stats)
			}
			writeStats(app.Stdout, app.locale(nil), stats, days, markSet(ascii))
			return nil
		},
	}
	cmd.Flags().IntVar(&days, "days", 7, "how many days to sum up, today included")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	cmd.Flags().BoolVar(&ascii, "ascii", false, "draw the strips with ASCII characters only")
	cmd.Flags().BoolVar(&byDevice, "by-device", false, "with sync on, one table per computer: what each recorded")
	cmd.Flags().BoolVar(&calendar, "calendar", false, "draw a month-by-month grid of the nights (or of --habit)")
	cmd.Flags().StringVar(&habit, "habit", "", "with --calendar: the reminder to draw instead of the nights")
	return cmd
}

// writeStatsByDevice prints the stats of each device's part of the
// record, this computer first (App.mergedStats); devs nil means sync is
// off.
func writeStatsByDevice(w io.Writer, l *locale.Locale, devs []deviceStats, days int, asJSON bool, m marks) error {
	if devs == nil {
		return errorIn(l, "--by-device needs sync: in the schedule and this computer joined (see bedtime sync)")
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(devs)
	}
	for i, d := range devs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s\n", d.Name)
		writeStats(w, l, d.Stats, days, m)
	}
	return nil
}

// openStore opens the state directory, with its warnings (a corrupt state
// file moved aside, a torn history line) on stderr.
func (app *App) openStore() (*state.Store, error) {
	dir, err := app.stateDir()
	if err != nil {
		return nil, fmt.Errorf("cannot find the state directory: %w", err)
	}
	s, err := state.Open(dir)
	if err != nil {
		return nil, err
	}
	s.SetLogger(slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	return s, nil
}

// scheduleLocation returns the schedule's time zone, which decides where
// one day ends and the next begins; the local zone when the schedule cannot
// be read.
func (app *App) scheduleLocation() *time.Location {
	path, err := app.schedulePath()
	if err != nil {
		return time.Local
	}
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil || s.Location == nil {
		return time.Local
	}
	return s.Location
}

// marks are the characters of the strips, for one mark each.
type marks struct {
	done, fired, missed, skipped, none, due string
	more                                    string // before a strip cut to its last days
}

// markSet returns the strips' characters: Unicode, or plain ASCII.
func markSet(ascii bool) marks {
	if ascii {
		return marks{done: "+", fired: "o", missed: "x", skipped: "-", none: ".", due: "*", more: "..."}
	}
	return marks{done: "✓", fired: "○", missed: "✗", skipped: "–", none: "·", due: "•", more: "…"}
}

func (m marks) of(mark string) string {
	switch mark {
	case state.MarkDone:
		return m.done
	case string(state.Shown), string(state.Held), string(state.Snoozed), string(state.Dismissed), string(state.Expired):
		return m.fired
	case state.MarkMissed:
		return m.missed
	case state.MarkSkipped, state.MarkPaused:
		return m.skipped
	case state.MarkDue:
		return m.due
	}
	return m.none
}

func writeStats(w io.Writer, l *locale.Locale, stats []state.ReminderStats, days int, m marks) {
	if l == nil {
		l = locale.English
	}
	if len(stats) == 0 {
		fmt.Fprintln(w, l.Sprintf("No history yet: bedtime records what happens to each reminder while it runs (`bedtime install` starts it at every login)."))
		return
	}
	first, _ := time.Parse(time.DateOnly, stats[0].Days[0].Date)
	last, _ := time.Parse(time.DateOnly, stats[0].Days[len(stats[0].Days)-1].Date)
	// The range ends today: within one year it says no year, across a
	// year's end both ends say theirs.
	from, to := l.WithNow(last).ShortDateUnpadded(first), l.WithNow(last).ShortDateUnpadded(last)
	if first.Year() != last.Year() {
		from, to = l.ShortDateYear(first), l.ShortDateYear(last)
	}
	fmt.Fprintln(w, l.Sprintf("The last %d days, %s to %s:", days, from, to))
	fmt.Fprintln(w)
	tw := newTable(w, 2)
	var head []string
	for _, k := range []string{"REMINDER", "DAYS", "DONE", "SHOWN", "SNOOZED", "DISMISSED", "UNANSWERED", "MISSED", "SKIPPED", "STREAK"} {
		head = append(head, l.Sprintf(k))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	unattributed := 0
	for _, rs := range stats {
		var strip strings.Builder
		shown := rs.Days
		if len(shown) > maxStripDays {
			shown = shown[len(shown)-maxStripDays:]
			strip.WriteString(m.more)
		}
		for _, d := range shown {
			strip.WriteString(m.of(d.Mark))
		}
		// Counts go in as text: the catalog's printer would group digits.
		done := l.Sprintf("%s of %s", strconv.Itoa(rs.Done), strconv.Itoa(rs.Due))
		if rs.Due > 0 {
			done = l.Sprintf("%s of %s (%s%%)", strconv.Itoa(rs.Done), strconv.Itoa(rs.Due), fmt.Sprintf("%.0f", rs.Adherence*100))
		}
		streak := "-"
		if rs.Streak > 0 {
			streak = l.Sprintf("%d days", rs.Streak)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", rs.Reminder, strip.String(), done,
			rs.Shown, rs.Snoozed, rs.Dismissed, rs.Unanswered, rs.Missed, rs.Skipped, streak)
		unattributed += rs.Unattributed
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.Sprintf("Days, oldest first: %s done  %s shown, not done  %s missed  %s skipped  %s nothing due", m.done, m.fired, m.missed, m.skipped, m.none))
	if days > maxStripDays {
		fmt.Fprintln(w, l.Sprintf("DAYS shows the last %d days; the numbers count all %d.", maxStripDays, days))
	}
	fmt.Fprintln(w, l.Sprintf("Each number counts scheduled instants, each once. DONE: done of those due (skipped ones are not due);"))
	fmt.Fprintln(w, l.Sprintf("a due instant was done, dismissed, unanswered (shown and left, or still waiting) or missed (never shown)."))
	if unattributed > 0 {
		fmt.Fprintln(w, l.Sprintf("%d old history lines matched no instant and are not counted.", unattributed))
	}
}
