package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

func newStatsCmd(app *App) *cobra.Command {
	var (
		days   int
		asJSON bool
		ascii  bool
	)
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show how the habits are going: per reminder, done, missed and streaks",
		Long: `stats reads bedtime's history and shows, for each reminder, how often it
was shown, done, snoozed, skipped and missed over the last --days days, how
often it was done when it was due (adherence), a strip with one mark per
day, and the current streak of days on which it was done.

A reminder counts as done when you press Done on it or run "bedtime done".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 1 {
				return fmt.Errorf("--days %d: want 1 or more", days)
			}
			if days > maxStatsDays {
				return fmt.Errorf("--days %d: want 1 to %d (ten years)", days, maxStatsDays)
			}
			store, err := app.openStore()
			if err != nil {
				return err
			}
			events, err := store.History(time.Time{})
			if err != nil {
				return err
			}
			loc := app.scheduleLocation()
			stats := state.Stats(events, days, app.now(), loc)
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
	return cmd
}

// openStore opens the state directory, with its warnings (a corrupt state
// file moved aside, a torn history line) on stderr.
func (app *App) openStore() (*state.Store, error) {
	dir, err := stateDir()
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
	s, err := config.Load(path)
	if config.IsNotExist(err) {
		s, err = config.Default(), nil
	}
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
	case state.MarkFired:
		return m.fired
	case state.MarkMissed:
		return m.missed
	case state.MarkSkipped, markPaused:
		return m.skipped
	case markDue:
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
	fmt.Fprintln(tw, "REMINDER\tDAYS\tDONE\tSHOWN\tSNOOZED\tDISMISSED\tSKIPPED\tMISSED\tSTREAK")
	for _, rs := range stats {
		var strip strings.Builder
		for _, d := range rs.Days {
			strip.WriteString(m.of(d.Mark))
		}
		done := fmt.Sprintf("%d of %d", rs.Done, rs.Fired+rs.Missed)
		if rs.Fired+rs.Missed > 0 {
			done += fmt.Sprintf(" (%.0f%%)", rs.Adherence*100)
		}
		streak := "-"
		if rs.Streak > 0 {
			streak = fmt.Sprintf("%d %s", rs.Streak, plural(rs.Streak, "day", "days"))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", rs.Reminder, strip.String(), done,
			rs.Fired, rs.Snoozed, rs.Dismissed, rs.Skipped, rs.Missed, streak)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nDays, oldest first: %s done  %s shown, not done  %s missed  %s skipped  %s nothing due\n", m.done, m.fired, m.missed, m.skipped, m.none)
	fmt.Fprintln(w, "DONE counts the times it was due (shown or missed) and you answered Done; STREAK, the days in a row it was done.")
}

// Marks of today's firings in status, besides the state.Mark constants.
const (
	markDue    = "due"    // later today
	markPaused = "paused" // later today, but bedtime is paused then
)

// statusSchedule loads the schedule that status shows the next firings and
// today's picture of: the file, or the built-in default when there is
// none. Tests of the other status lines, which run on the real clock, set
// it to nil, and those lines are left out.
var statusSchedule = func(configPath string) (*config.Schedule, error) {
	s, err := config.Load(configPath)
	if config.IsNotExist(err) {
		return config.Default(), nil
	}
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
	Upcoming    []upcomingFiring
	Errors      []string // newest last, at most 3
	Today       []firingMark
	HaveToday   bool   // Today was worked out (the schedule is known)
	Problem     string // why part of it is unknown, if it is
}

// upcomingFiring is one of the next firings; Note says "skipped" or
// "paused" when it will not be shown.
type upcomingFiring struct {
	Reminder string    `json:"reminder"`
	At       time.Time `json:"at"`
	Note     string    `json:"note,omitempty"`
}

// firingMark is one firing of today and how it went.
type firingMark struct {
	Reminder string    `json:"reminder"`
	At       time.Time `json:"at"`
	Mark     string    `json:"mark"` // done, missed, fired, skipped, due or paused
}

// gatherStatus reads the state, the history and the schedule for status.
func gatherStatus(app *App, configPath string, now time.Time) statusInfo {
	info := statusInfo{Loc: time.Local, Now: now}
	var problems []string
	var sched *config.Schedule
	if statusSchedule != nil && configPath != "" {
		s, err := statusSchedule(configPath)
		if err != nil {
			problems = append(problems, err.Error())
		} else {
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
	info.Errors = st.Errors[max(0, len(st.Errors)-3):]
	if sched != nil {
		for _, d := range scheduler.Upcoming(sched.Jobs(), now, 5) {
			info.Upcoming = append(info.Upcoming, upcomingFiring{Reminder: d.Job, At: d.At, Note: plannedNote(st, d.Job, d.At, now)})
		}
		info.Today = todayMarks(sched.Jobs(), st, events, now, info.Loc)
		info.HaveToday = true
	}
	info.Problem = strings.Join(problems, "; ")
	return info
}

func startOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// plannedNote says why a future firing will not be shown, if it will not.
func plannedNote(st state.State, reminder string, at, now time.Time) string {
	switch {
	case st.Skips[reminder].Equal(at):
		return state.MarkSkipped
	case st.PausedUntil.After(now) && at.Before(st.PausedUntil):
		return markPaused
	}
	return ""
}

// todayMarks lists the firings of today, the day of now in loc, in time
// order: the schedule's, the snoozes' and any the history tells of (the
// schedule may have changed since), each marked by what the history says
// happened to it, or as due when it is still to come.
func todayMarks(jobs []scheduler.Job, st state.State, events []state.Event, now time.Time, loc *time.Location) []firingMark {
	start := startOfDay(now, loc)
	end := start.AddDate(0, 0, 1)
	type key struct {
		reminder string
		at       time.Time
	}
	kinds := map[key]map[state.Kind]bool{}
	var order []key
	add := func(k key) {
		k.at = k.at.UTC()
		if kinds[k] == nil {
			kinds[k] = map[state.Kind]bool{}
			order = append(order, k)
		}
	}
	for _, j := range jobs {
		for t, n := j.Schedule.Next(start.Add(-time.Nanosecond)), 0; !t.IsZero() && t.Before(end) && n < 24*60; t, n = j.Schedule.Next(t), n+1 {
			add(key{j.Name, t})
		}
	}
	for name, t := range st.Snoozes {
		if !t.Before(start) && t.Before(end) {
			add(key{name, t})
		}
	}
	var inUseSince time.Time // the first event: before it, bedtime did not run
	var undated []state.Event
	for _, ev := range events {
		if inUseSince.IsZero() || ev.At.Before(inUseSince) {
			inUseSince = ev.At
		}
		if ev.Reminder == "" {
			continue
		}
		if ev.Scheduled.IsZero() {
			undated = append(undated, ev)
			continue
		}
		if ev.Scheduled.Before(start) || !ev.Scheduled.Before(end) {
			continue
		}
		k := key{ev.Reminder, ev.Scheduled.UTC()}
		add(k)
		kinds[k][ev.Kind] = true
	}
	// An event without a scheduled instant (a "bedtime done" typed later)
	// is about the latest firing of its reminder before it.
	for _, ev := range undated {
		var best key
		for _, k := range order {
			if k.reminder == ev.Reminder && !k.at.After(ev.At) && k.at.After(best.at) {
				best = k
			}
		}
		if !best.at.IsZero() {
			kinds[best][ev.Kind] = true
		}
	}
	slices.SortFunc(order, func(a, b key) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return strings.Compare(a.reminder, b.reminder)
	})
	var out []firingMark
	for _, k := range order {
		ks := kinds[k]
		mark := ""
		switch {
		case ks[state.Done]:
			mark = state.MarkDone
		case ks[state.Skipped]:
			mark = state.MarkSkipped
		case ks[state.Missed]:
			mark = state.MarkMissed
		case ks[state.Fired] || ks[state.Snoozed] || ks[state.Dismissed]:
			mark = state.MarkFired
		case k.at.After(now):
			mark = markDue
			if n := plannedNote(st, k.reminder, k.at, now); n == state.MarkSkipped {
				mark = state.MarkSkipped
			} else if n == markPaused {
				mark = markPaused
			}
		case !inUseSince.IsZero() && k.at.After(inUseSince):
			// Due while bedtime was in use, but nothing was recorded: it
			// was not shown.
			mark = state.MarkMissed
		default:
			continue // before bedtime ran
		}
		out = append(out, firingMark{Reminder: k.reminder, At: k.at.In(loc), Mark: mark})
	}
	return out
}

// todayStrip draws today as 24 cells, one per hour, in groups of six:
// each shows the most telling mark of the firings in that hour (missed,
// then shown and not done, then done, then skipped, then due).
func todayStrip(firings []firingMark, m marks) string {
	rank := map[string]int{state.MarkMissed: 6, state.MarkFired: 5, state.MarkDone: 4, state.MarkSkipped: 3, markPaused: 3, markDue: 2}
	var cells [24]string
	for _, f := range firings {
		h := f.At.Hour()
		if rank[f.Mark] > rank[cells[h]] {
			cells[h] = f.Mark
		}
	}
	var b strings.Builder
	for h, c := range cells {
		if h > 0 && h%6 == 0 {
			b.WriteByte(' ')
		}
		if c == "" {
			b.WriteString(m.none)
			continue
		}
		b.WriteString(m.of(c))
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
	if info.HaveToday {
		fmt.Fprintf(w, "  today:    0h %s 24h\n", todayStrip(info.Today, m))
		fmt.Fprintf(w, "            %s done  %s shown  %s missed  %s skipped  %s due  (now %s)\n", m.done, m.fired, m.missed, m.skipped, m.due, info.Now.In(info.Loc).Format("15:04"))
	}
	for i, e := range info.Errors {
		label := "  errors:   "
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
	Installed   bool             `json:"installed"`
	Running     bool             `json:"running"`
	PID         int              `json:"pid,omitempty"`
	Since       string           `json:"since,omitempty"`
	State       string           `json:"state,omitempty"`
	Manager     string           `json:"manager,omitempty"`
	Enabled     string           `json:"enabled,omitempty"`
	Unit        string           `json:"unit,omitempty"`
	Config      string           `json:"config,omitempty"`
	Next        string           `json:"next"`
	PausedUntil *time.Time       `json:"paused_until,omitempty"`
	Upcoming    []upcomingFiring `json:"upcoming"`
	Today       []firingMark     `json:"today"`
	Errors      []string         `json:"errors"`
	Problem     string           `json:"problem,omitempty"`
}

func writeStatusJSON(w io.Writer, st serviceStatus, next string, info statusInfo) error {
	out := statusJSON{Installed: st.Installed, Running: st.Running, PID: st.PID, Since: st.Since, State: st.State,
		Manager: st.Manager, Enabled: st.Enabled, Unit: st.UnitPath, Config: st.ConfigPath, Next: next,
		Upcoming: info.Upcoming, Today: info.Today, Errors: info.Errors, Problem: info.Problem}
	if !info.PausedUntil.IsZero() {
		p := info.PausedUntil.In(info.Loc)
		out.PausedUntil = &p
	}
	for i := range out.Upcoming {
		out.Upcoming[i].At = out.Upcoming[i].At.In(info.Loc)
	}
	if out.Upcoming == nil {
		out.Upcoming = []upcomingFiring{}
	}
	if out.Today == nil {
		out.Today = []firingMark{}
	}
	if out.Errors == nil {
		out.Errors = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
