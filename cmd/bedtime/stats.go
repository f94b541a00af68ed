package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/locale"
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
reminder, over the last --days days (default there: 12 weeks) up to last
night; in colour on a terminal (unless NO_COLOR is set), --ascii without.

With sync on (see bedtime sync), the figures are those of all your
computers together, each instant once; --by-device shows what each one
recorded.`,
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
			loc := app.scheduleLocation()
			var stats []state.ReminderStats
			if app.syncSettings() == nil && !byDevice {
				// Alone: the history is folded as it is read.
				if stats, err = store.Stats(days, app.now(), loc); err != nil {
					return err
				}
			} else {
				events, err := store.History(time.Time{})
				if err != nil {
					return err
				}
				events, split, _ := app.mergedHistory(events, time.Time{})
				if byDevice {
					return writeStatsByDevice(app.Stdout, app.locale(nil), split, days, app.now(), loc, asJSON, markSet(ascii))
				}
				stats = state.Stats(events, days, app.now(), loc)
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
// record, this computer first.
func writeStatsByDevice(w io.Writer, l *locale.Locale, split []deviceHistory, days int, now time.Time, loc *time.Location, asJSON bool, m marks) error {
	if split == nil {
		return fmt.Errorf("--by-device needs sync: in the schedule and this computer joined (see bedtime sync)")
	}
	type device struct {
		Device string                `json:"device"`
		Name   string                `json:"name"`
		Stats  []state.ReminderStats `json:"stats"`
	}
	var out []device
	for _, d := range split {
		out = append(out, device{Device: d.ID, Name: d.Name, Stats: state.Stats(d.Events, days, now, loc)})
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for i, d := range out {
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
	fmt.Fprintln(w, l.Sprintf("The last %d days, %s to %s:", days, l.ShortDate(first), l.ShortDate(last)))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var head []string
	for _, k := range []string{"REMINDER", "DAYS", "DONE", "SHOWN", "SNOOZED", "DISMISSED", "UNANSWERED", "MISSED", "SKIPPED", "STREAK"} {
		head = append(head, l.Sprintf(k))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	unattributed := 0
	for _, rs := range stats {
		var strip strings.Builder
		for _, d := range rs.Days {
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
	fmt.Fprintln(w, l.Sprintf("Each number counts scheduled instants, each once. DONE: done of those due (skipped ones are not due);"))
	fmt.Fprintln(w, l.Sprintf("a due instant was done, dismissed, unanswered (shown and left, or still waiting) or missed (never shown)."))
	if unattributed > 0 {
		fmt.Fprintln(w, l.Sprintf("%d old history lines matched no instant and are not counted.", unattributed))
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
	Devices     []statusDevice // with sync on: each computer, this one first
	Problem     string         // why part of it is unknown, if it is
	Locale      *locale.Locale // the language of the text; nil is English
}

// statusDevice is one computer of status's devices lines.
type statusDevice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	This bool   `json:"this,omitempty"`
	// Here: the person is at it (the latest input of those that say so).
	Here bool `json:"here,omitempty"`
	// Presence is where the person is as it says ("" unknown).
	Presence string `json:"presence,omitempty"`
	// Heard is when it was last heard from (zero for this computer).
	Heard time.Time `json:"heard,omitzero"`
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
		var link *devices.Link
		events, _, link = app.mergedHistory(events, day.AddDate(0, 0, -1))
		info.Devices = statusDevices(link, st.Presence, now)
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
	info.Locale = app.locale(sched)
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
	lb := statusLabels(info.Locale)
	l := lb.l
	if !info.PausedUntil.IsZero() {
		fmt.Fprintf(w, "%s%s\n", lb.of("paused:"), l.Sprintf("until %s (%s more)",
			l.ShortDateTime(info.PausedUntil.In(info.Loc)), humanDurationIn(l, info.PausedUntil.Sub(info.Now))))
	}
	// The times in one column: a 12-hour clock's are of two widths.
	width := 0
	for _, f := range info.Upcoming {
		width = max(width, utf8.RuneCountInString(l.WeekdayClock(f.At.In(info.Loc))))
	}
	for i, f := range info.Upcoming {
		label := lb.of("coming:")
		if i > 0 {
			label = lb.cont()
		}
		note := ""
		if f.Note != "" {
			note = ", " + l.Sprintf(f.Note)
		}
		when := l.WeekdayClock(f.At.In(info.Loc))
		when += strings.Repeat(" ", width-utf8.RuneCountInString(when))
		fmt.Fprintf(w, "%s%s  %s (%s%s)\n", label, when, f.Reminder,
			l.Sprintf("in %s", humanDurationIn(l, f.At.Sub(info.Now))), note)
	}
	if p := info.Presence; p != nil {
		fmt.Fprintf(w, "%s%s\n", lb.of("presence:"), describePresence(*p, info.Now))
	}
	if info.HaveToday {
		fmt.Fprintf(w, "%s%s %s %s\n", lb.of("today:"), l.Sprintf("0h"), todayStrip(info.Today, m), l.Sprintf("24h"))
		fmt.Fprintf(w, "%s%s\n", lb.cont(), l.Sprintf("%s done  %s shown  %s missed  %s skipped  %s due  (now %s)",
			m.done, m.fired, m.missed, m.skipped, m.due, l.Clock(info.Now.In(info.Loc))))
	}
	for i, d := range info.Devices {
		label := lb.of("devices:")
		if i > 0 {
			label = lb.cont()
		}
		var notes []string
		if d.Here {
			notes = append(notes, l.Sprintf("you are here"))
		} else if d.Presence != "" {
			notes = append(notes, d.Presence)
		}
		name := d.Name
		if !d.This {
			if d.Heard.IsZero() {
				notes = append(notes, l.Sprintf("never heard from"))
			} else {
				notes = append(notes, l.Sprintf("heard from %s ago", humanDurationIn(l, info.Now.Sub(d.Heard))))
			}
		} else if n, ok := strings.CutSuffix(name, thisComputer); ok {
			name = n + l.Sprintf(thisComputer)
		}
		fmt.Fprintf(w, "%s%s: %s\n", label, name, strings.Join(notes, ", "))
	}
	for i, e := range info.Errors {
		label := lb.of("problems:")
		if i > 0 {
			label = lb.cont()
		}
		fmt.Fprintf(w, "%s%s\n", label, e)
	}
	if info.Problem != "" {
		fmt.Fprintf(w, "%s%s\n", lb.of("note:"), info.Problem)
	}
}

// thisComputer ends the name of this computer among status's devices.
const thisComputer = ", this computer"

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
	Devices     []statusDevice  `json:"devices,omitempty"`
	Upcoming    []state.Coming  `json:"upcoming"`
	Today       []state.Firing  `json:"today"`
	Errors      []string        `json:"errors"`
	Problem     string          `json:"problem,omitempty"`
}

func writeStatusJSON(w io.Writer, st serviceStatus, next string, info statusInfo) error {
	out := statusJSON{Installed: st.Installed, Running: st.Running, PID: st.PID, Since: st.Since, State: st.State,
		Manager: st.Manager, Enabled: st.Enabled, Unit: st.UnitPath, Config: st.ConfigPath, Next: next,
		Upcoming: info.Upcoming, Today: info.Today, Errors: info.Errors, Problem: info.Problem, Presence: info.Presence, Devices: info.Devices}
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

// statusDevices lists the computers sync knows, this one first, and where
// the person is.
func statusDevices(link *devices.Link, here *state.Presence, now time.Time) []statusDevice {
	if link == nil || link.Folder == nil {
		return nil
	}
	devs := link.Folder.Devices()
	self := devices.Device{ID: link.Self, Presence: devices.Presence{Name: link.Name}}
	if here != nil {
		self.Presence.State, self.Presence.Input = here.State, here.Since
	}
	var others []devices.Device
	for _, d := range devs {
		if d.ID != link.Self {
			others = append(others, d)
		}
	}
	at, ok := devices.Here(append([]devices.Device{self}, others...))
	out := []statusDevice{{ID: self.ID, Name: devices.Label(self) + thisComputer, This: true, Presence: self.Presence.State, Here: ok && at.ID == self.ID}}
	for _, d := range others {
		out = append(out, statusDevice{ID: d.ID, Name: devices.Label(d), Presence: d.Presence.State, Here: ok && at.ID == d.ID, Heard: seen(d, now)})
	}
	return out
}
