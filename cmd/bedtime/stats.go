package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/report"
	"github.com/bedtime-app/bedtime/state"
)

// calendarWeeks is how far back stats --calendar looks unless --days says.
const calendarWeeks = 12

func newStatsCmd(app *App) *cobra.Command {
	var (
		days     int
		asJSON   bool
		ascii    bool
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
reminder, over the last --days days (default there: 12 weeks) up to last
night; in colour on a terminal (unless NO_COLOR is set), --ascii without.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if habit != "" && !calendar {
				return fmt.Errorf("--habit draws a calendar; add --calendar")
			}
			if calendar && !cmd.Flags().Changed("days") {
				days = 7 * calendarWeeks
			}
			if days < 1 {
				return fmt.Errorf("--days %d: want 1 or more", days)
			}
			if days > maxStatsDays {
				return fmt.Errorf("--days %d: want 1 to %d (ten years)", days, maxStatsDays)
			}
			if calendar {
				if asJSON {
					return fmt.Errorf("--calendar draws a grid; for the figures use bedtime report --csv")
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
			stats, err := store.Stats(days, app.now(), app.scheduleLocation())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(app.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(stats)
			}
			writeStats(app.Stdout, stats, days, markSet(ascii))
			return nil
		},
	}
	cmd.Flags().IntVar(&days, "days", 7, "how many days to sum up, today included")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	cmd.Flags().BoolVar(&ascii, "ascii", false, "draw the strips with ASCII characters only")
	cmd.Flags().BoolVar(&calendar, "calendar", false, "draw a month-by-month grid of the nights (or of --habit)")
	cmd.Flags().StringVar(&habit, "habit", "", "with --calendar: the reminder to draw instead of the nights")
	return cmd
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
}

// markSet returns the strips' characters: Unicode, or plain ASCII.
func markSet(ascii bool) marks {
	if ascii {
		return marks{done: "+", fired: "o", missed: "x", skipped: "-", none: ".", due: "*"}
	}
	return marks{done: "✓", fired: "○", missed: "✗", skipped: "–", none: "·", due: "•"}
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

func writeStats(w io.Writer, stats []state.ReminderStats, days int, m marks) {
	if len(stats) == 0 {
		fmt.Fprintln(w, "No history yet: bedtime records what happens to each reminder while it runs (`bedtime install` starts it at every login).")
		return
	}
	first, _ := time.Parse(time.DateOnly, stats[0].Days[0].Date)
	last, _ := time.Parse(time.DateOnly, stats[0].Days[len(stats[0].Days)-1].Date)
	fmt.Fprintf(w, "The last %d %s, %s to %s:\n\n", days, plural(days, "day", "days"),
		first.Format("Mon 02 Jan"), last.Format("Mon 02 Jan"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REMINDER\tDAYS\tDONE\tSHOWN\tSNOOZED\tDISMISSED\tUNANSWERED\tMISSED\tSKIPPED\tSTREAK")
	unattributed := 0
	for _, rs := range stats {
		var strip strings.Builder
		for _, d := range rs.Days {
			strip.WriteString(m.of(d.Mark))
		}
		done := fmt.Sprintf("%d of %d", rs.Done, rs.Due)
		if rs.Due > 0 {
			done += fmt.Sprintf(" (%.0f%%)", rs.Adherence*100)
		}
		streak := "-"
		if rs.Streak > 0 {
			streak = fmt.Sprintf("%d %s", rs.Streak, plural(rs.Streak, "day", "days"))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", rs.Reminder, strip.String(), done,
			rs.Shown, rs.Snoozed, rs.Dismissed, rs.Unanswered, rs.Missed, rs.Skipped, streak)
		unattributed += rs.Unattributed
	}
	tw.Flush()
	fmt.Fprintf(w, "\nDays, oldest first: %s done  %s shown, not done  %s missed  %s skipped  %s nothing due\n", m.done, m.fired, m.missed, m.skipped, m.none)
	fmt.Fprintln(w, "Each number counts scheduled instants, each once. DONE: done of those due (skipped ones are not due);")
	fmt.Fprintln(w, "a due instant was done, dismissed, unanswered (shown and left, or still waiting) or missed (never shown).")
	if unattributed > 0 {
		fmt.Fprintf(w, "%d old history %s matched no instant and %s not counted.\n", unattributed, plural(unattributed, "line", "lines"), plural(unattributed, "is", "are"))
	}
}

// statusSchedule loads the schedule that status shows the next firings and
// today's picture of: the file, or the built-in default when there is
// none.
func statusSchedule(configPath string) (*config.Schedule, error) {
	s, err := config.LoadOrDefault(configPath, time.Local)
	if err != nil {
		return nil, fmt.Errorf("the schedule file has errors; run `bedtime validate`")
	}
	return s, nil
}

// statusInfo is what status tells besides the service: from the state
// directory and the schedule.
type statusInfo struct {
	Loc         *time.Location
	Now         time.Time
	PausedUntil time.Time // zero unless paused now
	Upcoming    []state.Coming
	Errors      []string // the daemon's problems that are still true
	Today       []state.Firing
	HaveToday   bool // Today was worked out (the schedule is known)
	Presence    *state.Presence
	Problem     string // why part of it is unknown, if it is
}

// gatherStatus reads the state, the history and the schedule for status.
func gatherStatus(app *App, configPath string, now time.Time) statusInfo {
	info := statusInfo{Loc: time.Local, Now: now}
	var problems []string
	var sched *config.Schedule
	load := app.StatusSchedule
	if load == nil {
		load = statusSchedule
	}
	if configPath != "" {
		s, err := load(configPath)
		if err != nil {
			problems = append(problems, err.Error())
		} else if s != nil {
			sched = s
			info.Loc = s.Location
		}
	}
	st := state.State{}
	var events []state.Event
	if store, err := app.openStore(); err != nil {
		problems = append(problems, err.Error())
	} else {
		if st, err = store.Load(); err != nil {
			problems = append(problems, err.Error())
		}
		day := startOfDay(now, info.Loc)
		// The day before too: a Done just after midnight may answer yesterday.
		if events, err = store.History(day.AddDate(0, 0, -1)); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if st.PausedUntil.After(now) {
		info.PausedUntil = st.PausedUntil
	}
	info.Presence = st.Presence
	for _, key := range slices.Sorted(maps.Keys(st.Problems)) {
		info.Errors = append(info.Errors, st.Problems[key])
	}
	if sched != nil {
		info.Upcoming = st.Next(sched.Jobs(), now, 5)
		info.Today = state.Today(sched.Jobs(), st, events, now, info.Loc)
		info.HaveToday = true
	}
	info.Problem = strings.Join(problems, "; ")
	return info
}

func startOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// todayStrip draws today as 24 cells, one per hour, in groups of six:
// each shows the most telling mark of the firings in that hour (missed,
// then shown and not done, then done, then skipped, then due).
func todayStrip(firings []state.Firing, m marks) string {
	rank := map[string]int{m.missed: 6, m.fired: 5, m.done: 4, m.skipped: 3, m.due: 2}
	var cells [24]string
	for _, f := range firings {
		h := f.At.Hour()
		if c := m.of(f.Mark); rank[c] > rank[cells[h]] {
			cells[h] = c
		}
	}
	var b strings.Builder
	for h, c := range cells {
		if h > 0 && h%6 == 0 {
			b.WriteByte(' ')
		}
		if c == "" {
			c = m.none
		}
		b.WriteString(c)
	}
	return b.String()
}

// writeStatusInfo prints the state part of status, aligned with the lines
// of writeStatus.
func writeStatusInfo(w io.Writer, info statusInfo, m marks) {
	if !info.PausedUntil.IsZero() {
		fmt.Fprintf(w, "  paused:   until %s (%s more)\n", info.PausedUntil.In(info.Loc).Format("Mon 02 Jan 15:04"), humanDuration(info.PausedUntil.Sub(info.Now)))
	}
	for i, f := range info.Upcoming {
		label := "  coming:   "
		if i > 0 {
			label = "            "
		}
		note := ""
		if f.Note != "" {
			note = ", " + f.Note
		}
		fmt.Fprintf(w, "%s%s  %s (in %s%s)\n", label, f.At.In(info.Loc).Format("Mon 15:04"), f.Reminder, humanDuration(f.At.Sub(info.Now)), note)
	}
	if p := info.Presence; p != nil {
		fmt.Fprintf(w, "  presence: %s\n", describePresence(*p, info.Now))
	}
	if info.HaveToday {
		fmt.Fprintf(w, "  today:    0h %s 24h\n", todayStrip(info.Today, m))
		fmt.Fprintf(w, "            %s done  %s shown  %s missed  %s skipped  %s due  (now %s)\n", m.done, m.fired, m.missed, m.skipped, m.due, info.Now.In(info.Loc).Format("15:04"))
	}
	for i, e := range info.Errors {
		label := "  problems: "
		if i > 0 {
			label = "            "
		}
		fmt.Fprintf(w, "%s%s\n", label, e)
	}
	if info.Problem != "" {
		fmt.Fprintf(w, "  note:     %s\n", info.Problem)
	}
}

// statusJSON is status --json.
type statusJSON struct {
	Installed   bool            `json:"installed"`
	Running     bool            `json:"running"`
	PID         int             `json:"pid,omitempty"`
	Since       string          `json:"since,omitempty"`
	State       string          `json:"state,omitempty"`
	Manager     string          `json:"manager,omitempty"`
	Enabled     string          `json:"enabled,omitempty"`
	Unit        string          `json:"unit,omitempty"`
	Config      string          `json:"config,omitempty"`
	Next        string          `json:"next"`
	PausedUntil *time.Time      `json:"paused_until,omitempty"`
	Presence    *state.Presence `json:"presence,omitempty"`
	Upcoming    []state.Coming  `json:"upcoming"`
	Today       []state.Firing  `json:"today"`
	Errors      []string        `json:"errors"`
	Problem     string          `json:"problem,omitempty"`
}

func writeStatusJSON(w io.Writer, st serviceStatus, next string, info statusInfo) error {
	out := statusJSON{Installed: st.Installed, Running: st.Running, PID: st.PID, Since: st.Since, State: st.State,
		Manager: st.Manager, Enabled: st.Enabled, Unit: st.UnitPath, Config: st.ConfigPath, Next: next,
		Upcoming: info.Upcoming, Today: info.Today, Errors: info.Errors, Problem: info.Problem, Presence: info.Presence}
	if !info.PausedUntil.IsZero() {
		p := info.PausedUntil.In(info.Loc)
		out.PausedUntil = &p
	}
	for i := range out.Upcoming {
		out.Upcoming[i].At = out.Upcoming[i].At.In(info.Loc)
	}
	if out.Upcoming == nil {
		out.Upcoming = []state.Coming{}
	}
	if out.Today == nil {
		out.Today = []state.Firing{}
	}
	if out.Errors == nil {
		out.Errors = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// describePresence says, for status, whether the person is at the
// computer and since when: "away for 12m (GNOME idle monitor)".
func describePresence(p state.Presence, now time.Time) string {
	var st presence.State
	if err := st.UnmarshalText([]byte(p.State)); err != nil {
		return p.State + " (" + p.Source + ")"
	}
	return presence.Status{State: st, Since: p.Since, Source: p.Source}.Describe(now)
}
