package main

// What status gathers and prints: the schedule it reads, the next firings,
// today's strip, presence and the devices; the command itself is in
// service.go, beside start and stop.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/state"
)

// statusSchedule loads the schedule that status shows the next firings and
// today's picture of: the file, or the built-in default when there is
// none.
func statusSchedule(configPath string) (*config.Schedule, error) {
	s, err := config.LoadOrDefault(configPath, time.Local)
	if err != nil {
		return nil, scheduleHasErrors{err}
	}
	return s, nil
}

// scheduleHasErrors is status's note for a schedule it cannot read: a
// catalog key, for the note is in the person's language. It wraps why.
type scheduleHasErrors struct{ err error }

func (e scheduleHasErrors) Error() string {
	return "the schedule file has errors; run `bedtime validate`"
}
func (e scheduleHasErrors) Unwrap() error { return e.err }

// statusInfo is what status tells besides the service: from the state
// directory and the schedule.
type statusInfo struct {
	Loc         *time.Location
	Now         time.Time
	PausedUntil time.Time // zero unless paused now
	// Next is the first firing that will be shown; nil when unknown (the
	// schedule cannot be read) or when every reminder is disabled.
	Next      *state.Coming
	Upcoming  []state.Coming
	Errors    []string // the daemon's problems that are still true
	Today     []state.Firing
	HaveToday bool // Today was worked out (the schedule is known)
	Presence  *state.Presence
	Devices   []statusDevice // with sync on: each computer, this one first
	Problem   string         // why part of it is unknown, if it is
	// ScheduleBroken: the schedule file cannot be read (it has errors, or
	// is not a file), so the next firings and today's picture are unknown.
	ScheduleBroken bool
	// NoSchedule: the daemon (when one runs) has no schedule, for the file
	// had errors when it started (state.ProblemNoSchedule); otherwise a
	// running daemon keeps the schedule it loaded before the file broke.
	NoSchedule bool
	// Partial: the daemon started with the file broken and runs its
	// reminders without errors (state.ProblemPartialSchedule).
	Partial bool
	Locale  *locale.Locale // the language of the text; nil is English
	// schedErrs are the schedule file's errors as status read it, to say
	// the daemon's problem about them in the person's language.
	schedErrs config.Errors
}

// statusDevice is one computer of status's devices lines.
type statusDevice struct {
	ID string `json:"id"`
	// Name is the name the computer gives itself ("" when it has none);
	// the text shows it with the start of the id (label).
	Name string `json:"name,omitempty"`
	// This: it is this computer.
	This bool `json:"this"`
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
	var schedErr error
	load := app.StatusSchedule
	if load == nil {
		load = statusSchedule
	}
	if configPath != "" {
		s, err := load(configPath)
		if err != nil {
			problems = append(problems, err.Error())
			schedErr = err
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
		events, _, link = app.mergedHistory(events, day.AddDate(0, 0, -1), false)
		info.Devices = statusDevices(link, st.Presence, now)
	}
	if st.PausedUntil.After(now) {
		info.PausedUntil = st.PausedUntil
	}
	info.Presence = st.Presence
	info.ScheduleBroken = schedErr != nil
	info.NoSchedule = st.Problems[state.ProblemNoSchedule] != ""
	info.Partial = st.Problems[state.ProblemPartialSchedule] != ""
	for _, key := range slices.Sorted(maps.Keys(st.Problems)) {
		info.Errors = append(info.Errors, st.Problems[key])
	}
	if sched != nil {
		if next, ok := st.NextShown(sched.Jobs(), now); ok {
			next.At = next.At.In(info.Loc)
			info.Next = &next
		}
		info.Upcoming = st.Next(sched.Jobs(), now, 5)
		info.Today = state.Today(sched.Jobs(), st, events, now, info.Loc)
		info.HaveToday = true
	}
	info.Locale = app.locale(sched)
	var es config.Errors
	if errors.As(schedErr, &es) {
		info.Locale = app.errorsLocale(es) // the broken file's language: key, if readable
		info.schedErrs = es
	}
	if errors.As(schedErr, new(scheduleHasErrors)) {
		problems[0] = info.Locale.Sprintf(problems[0])
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
		label := lb.of("presence:")
		for _, line := range presenceLinesIn(l, *p, info.Now) {
			fmt.Fprintf(w, "%s%s\n", label, line)
			label = lb.cont()
		}
	}
	if info.HaveToday {
		fmt.Fprintf(w, "%s%s %s %s\n", lb.of("today:"), l.Sprintf("0h"), todayStrip(info.Today, m), l.Sprintf("24h"))
		legend := l.Sprintf("%s done  %s shown  %s missed  %s skipped  %s due  (now %s)",
			m.done, m.fired, m.missed, m.skipped, m.due, l.Clock(info.Now.In(info.Loc)))
		for _, line := range lb.fit(legend) {
			fmt.Fprintf(w, "%s%s\n", lb.cont(), line)
		}
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
		name := d.label()
		if !d.This {
			if d.Heard.IsZero() {
				notes = append(notes, l.Sprintf("never heard from"))
			} else {
				notes = append(notes, l.Sprintf("heard from %s ago", humanDurationIn(l, info.Now.Sub(d.Heard))))
			}
		} else {
			name += l.Sprintf(thisComputer)
		}
		fmt.Fprintf(w, "%s%s: %s\n", label, name, strings.Join(notes, ", "))
	}
	for i, e := range info.Errors {
		label := lb.of("problems:")
		if i > 0 {
			label = lb.cont()
		}
		fmt.Fprintf(w, "%s%s\n", label, daemon.ProblemIn(l, daemon.ScheduleProblemIn(l, e, info.schedErrs)))
	}
	if info.Problem != "" {
		fmt.Fprintf(w, "%s%s\n", lb.of("note:"), info.Problem)
	}
}

// thisComputer ends the name of this computer among status's devices.
const thisComputer = ", this computer"

// label is how status's text names the computer: its name and the start
// of its id, as devices.Label.
func (d statusDevice) label() string {
	return devices.Label(devices.Device{ID: d.ID, Presence: devices.Presence{Name: d.Name}})
}

// statusJSON is status --json: for programs, so in English, every time
// an RFC 3339 string (encoding/json's form of a time.Time) and nothing
// that is only a person's wording of a fact.
type statusJSON struct {
	Installed bool `json:"installed"`
	Running   bool `json:"running"`
	PID       int  `json:"pid,omitempty"`
	// Since is when the running daemon started; left out when unknown.
	Since       time.Time       `json:"since,omitzero"`
	State       string          `json:"state,omitempty"`
	Manager     string          `json:"manager,omitempty"`
	Enabled     string          `json:"enabled,omitempty"`
	Unit        string          `json:"unit,omitempty"`
	Config      string          `json:"config,omitempty"`
	Next        *state.Coming   `json:"next"` // null when unknown (see Problem) or none is enabled
	PausedUntil *time.Time      `json:"paused_until,omitempty"`
	Presence    *state.Presence `json:"presence,omitempty"`
	Devices     []statusDevice  `json:"devices,omitempty"`
	Upcoming    []state.Coming  `json:"upcoming"`
	Today       []state.Firing  `json:"today"`
	Errors      []string        `json:"errors"`
	Problem     string          `json:"problem,omitempty"`
}

func writeStatusJSON(w io.Writer, st serviceStatus, info statusInfo) error {
	out := statusJSON{Installed: st.Installed, Running: st.Running, PID: st.PID, Since: st.Started, State: st.State,
		Manager: st.Manager, Enabled: st.Enabled, Unit: st.UnitPath, Config: st.ConfigPath, Next: info.Next,
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

// presenceLinesIn says, for status in l's language, whether the person
// is at the computer: describePresenceIn's line, or, where no idle
// monitor works (presence.SourceNone: the daemon counts the person as
// always here), that this is not known, rather than "here for 2s (none)".
func presenceLinesIn(l *locale.Locale, p state.Presence, now time.Time) []string {
	if l == nil {
		l = locale.English
	}
	if (p.Source == presence.SourceNone || p.Source == "") && p.State != "locked" {
		return []string{l.Sprintf("unknown: no idle monitor on this desktop"),
			l.Sprintf("bedtime cannot tell whether you are at the computer")}
	}
	return []string{describePresenceIn(l, p, now)}
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

// describePresenceIn is describePresence in l's language: "weg seit
// 12 Min. (GNOME idle monitor)"; the source keeps its name, and English
// stays describePresence's.
func describePresenceIn(l *locale.Locale, p state.Presence, now time.Time) string {
	if l == nil || l.Lang == "en" {
		return describePresence(p, now) // as --json and the log say it
	}
	var st presence.State
	if err := st.UnmarshalText([]byte(p.State)); err != nil {
		return p.State + " (" + p.Source + ")"
	}
	d := max(now.Sub(p.Since), 0)
	if d >= time.Minute {
		d = d.Truncate(time.Minute)
	} else {
		d = d.Truncate(time.Second)
	}
	return l.Sprintf("%s for %s (%s)", l.Sprintf(st.String()), humanDurationIn(l, d), p.Source)
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
	out := []statusDevice{{ID: self.ID, Name: self.Presence.Name, This: true, Presence: self.Presence.State, Here: ok && at.ID == self.ID}}
	for _, d := range others {
		out = append(out, statusDevice{ID: d.ID, Name: d.Presence.Name, Presence: d.Presence.State, Here: ok && at.ID == d.ID, Heard: seen(d, now)})
	}
	return out
}
