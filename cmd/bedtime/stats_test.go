package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// newStateDir makes an empty state directory for the test and returns the
// store in it; runIn and App.StateDir use it.
func newStateDir(t *testing.T) *state.Store {
	t.Helper()
	s, err := state.Open(filepath.Join(t.TempDir(), "state"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// runIn is runAt with the state directory dir.
func runIn(t testing.TB, dir string, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(now), StateDir: dir}
	code := app.Run(context.Background(), args)
	return code, stdout.String(), stderr.String()
}

// nov returns the time hh:mm on the given day of November 2026 in Berlin.
func nov(t *testing.T, day int, hhmm string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := time.Parse("15:04", hhmm)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 11, day, tm.Hour(), tm.Minute(), 0, 0, loc)
}

// occasion returns the events of one scheduled instant: each kind a minute
// after the one before.
func occasion(reminder string, at time.Time, kinds ...state.Kind) []state.Event {
	var evs []state.Event
	for i, k := range kinds {
		evs = append(evs, state.Event{At: at.Add(time.Duration(i) * time.Minute), Reminder: reminder, Kind: k, Scheduled: at})
	}
	return evs
}

func appendAll(t *testing.T, s *state.Store, groups ...[]state.Event) {
	t.Helper()
	for _, g := range groups {
		for _, ev := range g {
			if err := s.Append(ev); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// aWeek writes the history of the week Sat 21 to Fri 27 November 2026.
func aWeek(t *testing.T, s *state.Store) {
	t.Helper()
	F, D, M, S, Sk, X := state.Shown, state.Done, state.Missed, state.Snoozed, state.Skipped, state.Dismissed
	appendAll(t, s,
		occasion("magnesium", nov(t, 20, "20:30"), F, D), // before the week: streak only
		occasion("magnesium", nov(t, 21, "20:30"), M),
		occasion("magnesium", nov(t, 22, "20:30"), F, S, F, D),
		occasion("magnesium", nov(t, 23, "20:30"), F, D),
		occasion("magnesium", nov(t, 24, "20:30"), F, D, D),
		occasion("magnesium", nov(t, 25, "20:30"), F, D),
		occasion("magnesium", nov(t, 26, "20:30"), F, D),
		occasion("magnesium", nov(t, 27, "20:30"), F, D),
		occasion("calf-stretch", nov(t, 23, "22:00"), F, X),
		occasion("calf-stretch", nov(t, 24, "22:00"), Sk),
		occasion("calf-stretch", nov(t, 25, "22:00"), F, D),
		occasion("calf-stretch", nov(t, 26, "22:00"), F, D),
		occasion("calf-stretch", nov(t, 27, "22:00"), F),
		occasion("hydration", nov(t, 26, "10:00"), F),
		occasion("hydration", nov(t, 26, "12:00"), F, D),
		occasion("hydration", nov(t, 27, "10:00"), M),
		[]state.Event{{At: nov(t, 26, "13:00"), Kind: state.Paused, Detail: "until 14:00"}},
	)
}

func TestStatsGolden(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := nov(t, 27, "22:30").UTC()
	tests := []struct {
		name string
		args []string
	}{
		{"week", []string{"stats", "--config", path}},
		{"three-days", []string{"stats", "--config", path, "--days", "3"}},
		{"ascii", []string{"stats", "--config", path, "--ascii"}},
		{"json", []string{"stats", "--config", path, "--days", "2", "--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStateDir(t)
			aWeek(t, s)
			code, out, errOut := runIn(t, s.Dir(), now, tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "stats/"+tt.name+".golden", []byte(out))
		})
	}
}

func TestStatsJSONIsTheFigures(t *testing.T) {
	t.Parallel()
	s := newStateDir(t)
	aWeek(t, s)
	_, out, _ := runIn(t, s.Dir(), nov(t, 27, "22:30"), "stats", "--config", berlinDefault(t), "--json")
	var got []state.ReminderStats
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Reminder != "magnesium" {
		t.Fatalf("stats --json = %+v", got)
	}
	m := got[2]
	// Missed (never shown) on the 21st, done on the six days since: the
	// streak is 7, for the done on the 20th, outside the week, counts
	// across the day the reminder never reached the person.
	if m.Due != 7 || m.Shown != 6 || m.Done != 6 || m.Missed != 1 || m.Snoozed != 1 || m.Streak != 7 || len(m.Days) != 7 ||
		m.Adherence < 0.857 || m.Adherence > 0.858 {
		t.Errorf("magnesium = %+v", m)
	}
}

func TestStatsEmptyAndErrors(t *testing.T) {
	t.Parallel()
	dir := newStateDir(t).Dir()
	now := nov(t, 27, "22:30")
	code, out, errOut := runIn(t, dir, now, "stats", "--config", berlinDefault(t))
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "No history yet") {
		t.Errorf("stats with no history: exit %d, out %q, stderr %q", code, out, errOut)
	}
	if _, out, _ := runIn(t, dir, now, "stats", "--json"); out != "[]\n" {
		t.Errorf("stats --json with no history = %q, want []", out)
	}
	code, _, errOut = runIn(t, dir, now, "stats", "--days", "0")
	if code != 1 || errOut != "bedtime: --days 0: want 1 or more\n" {
		t.Errorf("--days 0: exit %d, stderr %q", code, errOut)
	}
}

func TestStatsTornHistoryWarns(t *testing.T) {
	t.Parallel()
	s := newStateDir(t)
	aWeek(t, s)
	appendRaw(t, s.HistoryPath(), `{"at":"2026-11-27T21:00:00+01:00","remi`)
	code, out, errOut := runIn(t, s.Dir(), nov(t, 27, "22:30"), "stats", "--config", berlinDefault(t))
	if code != 0 || !strings.Contains(out, "magnesium") {
		t.Fatalf("exit %d, out %q", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "level=WARN") || !strings.Contains(errOut, "lines=1") {
		t.Errorf("want one warning about one line, stderr: %q", errOut)
	}
}

// statusDay writes a history of Friday 27 November 2026 up to 16:30, and a
// day before it, and the state.
func statusDay(t *testing.T, s *state.Store, paused bool) {
	t.Helper()
	F, D, M, Sk, X := state.Shown, state.Done, state.Missed, state.Skipped, state.Dismissed
	appendAll(t, s,
		occasion("calf-stretch", nov(t, 26, "22:00"), F, D),
		occasion("morning-stretch", nov(t, 27, "07:30"), F, D),
		occasion("hydration", nov(t, 27, "08:00"), F),
		occasion("movement", nov(t, 27, "09:55"), F, D),
		occasion("hydration", nov(t, 27, "10:00"), F, X),
		occasion("movement", nov(t, 27, "10:55"), Sk),
		// 11:55 movement and 12:00 hydration: nothing recorded (asleep).
		occasion("movement", nov(t, 27, "12:55"), M),
		occasion("movement", nov(t, 27, "13:55"), F, D),
		occasion("hydration", nov(t, 27, "14:00"), F, D),
		occasion("movement", nov(t, 27, "14:55"), F, D),
		occasion("movement", nov(t, 27, "15:55"), F),
		occasion("hydration", nov(t, 27, "16:00"), F),
		// A "bedtime done" typed without an instant answers the latest firing.
		[]state.Event{{At: nov(t, 27, "16:10"), Reminder: "hydration", Kind: D}},
	)
	err := s.Update(func(st *state.State) error {
		st.Skips["calf-stretch"] = nov(t, 27, "22:00")
		st.Snoozes["magnesium"] = nov(t, 27, "23:15")
		if paused {
			st.PausedUntil = nov(t, 27, "18:30")
		}
		st.SetProblem(state.ProblemSchedule, "old problem")
		st.SetProblem(state.ProblemSchedule, "") // fixed: gone
		st.SetProblem(state.ProblemSchedule, `schedule.yaml:4:9: reminder "water": every: want a duration like 2h`)
		st.SetProblem(state.ProblemNotifications, "reminders are held: no notification server")
		st.Presence = &state.Presence{State: "away", Since: nov(t, 27, "16:18"), Source: "GNOME idle monitor"}
		// The 16:00 water is shown and not answered yet.
		st.Open["hydration"] = state.Instant{Scheduled: nov(t, 27, "16:00"), Status: state.Shown, Since: nov(t, 27, "16:00"), Via: "d-bus"}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStatusWithHistoryGolden(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	tests := []struct {
		name   string
		paused bool
		args   []string
	}{
		{"day", false, nil},
		{"paused", true, nil},
		{"ascii", false, []string{"--ascii"}},
		{"json", true, []string{"--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := berlinDefault(t)
			st := installedStatus
			st.ConfigPath = path
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.Clock = scheduler.NewFakeClock(now)
			store := newStateDir(t)
			app.StateDir = store.Dir()
			statusDay(t, store, tt.paused)
			// --config: the file the service reads is the one here too
			// (status says which the shell reads when it is another).
			code, out, errOut := runApp(app, append([]string{"status", "--config", path}, tt.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "stats/status-"+tt.name+".golden", []byte(strings.ReplaceAll(out, path, "/home/alice/.config/bedtime/schedule.yaml")))
		})
	}
}

func TestStatusFreshInstallHasNoMisses(t *testing.T) {
	// Nothing in the history: the firings before now did not happen while
	// bedtime ran, so they are not shown as missed.
	t.Parallel()
	st := installedStatus
	st.ConfigPath = berlinDefault(t)
	m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
	app := withService(m, "/usr/bin/bedtime")
	app.Clock = scheduler.NewFakeClock(nov(t, 27, "16:30"))
	app.StateDir = newStateDir(t).Dir()
	_, out, _ := runApp(app, "status", "--ascii")
	// Due at 16:55, 18:00, 20:00 and 20:30, 22:00; nothing before.
	want := "  today:    0h ...... ...... ....*. *.*.*. 24h\n"
	if !strings.Contains(out, want) {
		t.Errorf("status on a fresh install:\n%s\nwant the line\n%s", out, want)
	}
}

func appendRaw(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestStatsRangeAndStrip: the header's range says the years when it
// crosses a year's end, and none within one; the DAYS strip shows at most
// maxStripDays days, the last, after a mark that more came before, and a
// line says so.
func TestStatsRangeAndStrip(t *testing.T) {
	t.Parallel()
	daysTo := func(last string, n int) []state.DayMark {
		end, err := time.Parse(time.DateOnly, last)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]state.DayMark, n)
		for i := range out {
			out[i] = state.DayMark{Date: end.AddDate(0, 0, i-n+1).Format(time.DateOnly), Mark: state.MarkDone}
		}
		return out
	}
	for _, tt := range []struct {
		name   string
		last   string
		days   int
		header string
		strip  string
		note   bool
	}{
		{"a week", "2026-12-07", 7, "The last 7 days, Tue 1 Dec to Mon 7 Dec:", "✓✓✓✓✓✓✓", false},
		{"a month, the most in the strip", "2026-12-07", 31, "The last 31 days, Sat 7 Nov to Mon 7 Dec:", strings.Repeat("✓", 31), false},
		{"over new year", "2027-01-03", 7, "The last 7 days, Mon 28 Dec 2026 to Sun 3 Jan 2027:", "✓✓✓✓✓✓✓", false},
		{"400 days", "2026-12-07", 400, "The last 400 days, Mon 3 Nov 2025 to Mon 7 Dec 2026:", "…" + strings.Repeat("✓", 31), true},
		{"ten years", "2026-12-07", 3660, "The last 3,660 days, Wed 30 Nov 2016 to Mon 7 Dec 2026:", "…" + strings.Repeat("✓", 31), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			rs := []state.ReminderStats{{Reminder: "magnesium", Days: daysTo(tt.last, tt.days)}}
			now, _ := time.Parse(time.DateOnly, tt.last)
			writeStats(&b, locale.English.WithNow(now.Add(20*time.Hour)), rs, tt.days, markSet(false))
			lines := strings.Split(b.String(), "\n")
			if lines[0] != tt.header {
				t.Errorf("header %q, want %q", lines[0], tt.header)
			}
			if f := strings.Fields(lines[3]); len(f) < 2 || f[1] != tt.strip {
				t.Errorf("row %q, want the strip %q", lines[3], tt.strip)
			}
			note := locale.English.Sprintf("DAYS shows the last %d days; the numbers count all %d.", 31, tt.days) // 3,660
			if got := strings.Contains(b.String(), note); got != tt.note {
				t.Errorf("note %q said: %v, want %v:\n%s", note, got, tt.note, b.String())
			}
		})
	}
}
