package tray

import (
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// testSchedule is the schedule of the tests: two reminders in the evening.
const testSchedule = `timezone: UTC
bedtime: "22:30"
reminders:
  magnesium: {at: "20:30"}
  hydration: {at: "21:40"}
`

func loadSchedule(t *testing.T, src string) *config.Schedule {
	t.Helper()
	s, err := config.ParseIn("schedule.yaml", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuild(t *testing.T) {
	s := loadSchedule(t, testSchedule)
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)
	due := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	empty := func() state.State {
		return state.State{Open: map[string]state.Instant{}, Snoozes: map[string]time.Time{}, Skips: map[string]time.Time{}}
	}
	tests := []struct {
		name    string
		in      func() Input
		icon    Icon
		tooltip string
		has     []string // menu labels that must be there
		hasNot  []string
	}{{
		name:    "normal",
		in:      func() Input { return Input{Now: now, Running: true, State: empty(), Schedule: s} },
		icon:    IconNormal,
		tooltip: "bedtime: hydration at 21:40, in 1 h 05 m",
		has:     []string{"Pause for 1 hour", "Pause until tomorrow", "Skip hydration at 21:40", "Quit the tray", "Edit the schedule…"},
		hasNot:  []string{"Resume", "Start bedtime", "Open the report"},
	}, {
		name: "paused, until midnight",
		in: func() Input {
			st := empty()
			st.PausedUntil = time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon: IconPaused,
		// The next reminder shown is the first one after the pause.
		tooltip: "bedtime: paused until midnight\nmagnesium at Wed 20:30, in 23 h 55 m",
		// The one to skip is tomorrow's: it says so, not "at 20:30",
		// which reads as today's, gone five minutes ago.
		has:    []string{"Paused until midnight", "Resume", "Skip magnesium on Wed 20:30"},
		hasNot: []string{"Pause for 1 hour", "Skip magnesium at 20:30"},
	}, {
		name: "waiting wins over paused",
		in: func() Input {
			st := empty()
			st.PausedUntil = now.Add(30 * time.Minute)
			st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Held, Since: due}
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon:    IconWaiting,
		tooltip: "bedtime: magnesium is waiting for an answer\npaused until 21:05\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"magnesium (due 20:30, held while you were away)", "Done: magnesium", "Snooze magnesium for 10 m", "Resume"},
	}, {
		name: "snoozed with its own snooze time",
		in: func() Input {
			st := empty()
			st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Snoozed, Since: due}
			st.Snoozes["magnesium"] = now.Add(15 * time.Minute)
			return Input{Now: now, Running: true, State: st, Schedule: loadSchedule(t, strings.Replace(testSchedule, `{at: "20:30"}`, `{at: "20:30", snooze: 15m}`, 1))}
		},
		icon:    IconWaiting,
		tooltip: "bedtime: magnesium is waiting for an answer\nmagnesium at 20:50, in 15 m (snoozed)",
		has:     []string{"magnesium (due 20:30, snoozed until 20:50)", "Snooze magnesium for 15 m"},
	}, {
		name:    "not running wins",
		in:      func() Input { return Input{Now: now, State: empty(), Schedule: s, Report: true} },
		icon:    IconNotRunning,
		tooltip: "bedtime: not running\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"bedtime is not running", "Start bedtime", "Open the report"},
	}, {
		name: "a broken schedule",
		in: func() Input {
			return Input{Now: now, Running: true, State: empty(), ScheduleProblem: "the schedule file has errors"}
		},
		icon:    IconNormal,
		tooltip: "bedtime: the schedule file has errors",
		has:     []string{"Problem: the schedule file has errors", "Pause for 1 hour"},
		hasNot:  []string{"Today:"},
	}, {
		// Held for want of a notification server, with the person at the
		// computer: not "while you were away"; the daemon's problem shows
		// as status lists it.
		name: "held: no notification server",
		in: func() Input {
			st := empty()
			st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Held, Since: due, Via: "no notification server"}
			st.Problems = map[string]string{state.ProblemNotifications: "reminders are held: no notification server"}
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon:    IconTrouble,
		tooltip: "bedtime: magnesium is waiting for an answer\nreminders are held: no notification server\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"magnesium (due 20:30, held: no notification server)", "Problem: reminders are held: no notification server"},
		hasNot:  []string{"magnesium (due 20:30, held while you were away)"},
	}, {
		// The daemon's problems go through ProblemIn, which puts them in
		// the person's language (daemon.ProblemIn, wired by bedtime tray).
		name: "the daemon's problem in the person's language",
		in: func() Input {
			st := empty()
			st.Problems = map[string]string{state.ProblemNotifications: "reminders are held: no notification server"}
			return Input{Now: now, Running: true, State: st, Schedule: s,
				ProblemIn: func(_ *locale.Locale, text string) string { return "«" + text + "»" }}
		},
		icon:    IconTrouble,
		tooltip: "bedtime: «reminders are held: no notification server»\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"Problem: «reminders are held: no notification server»"},
	}, {
		// Do not disturb is the person's choice, not trouble.
		name: "do not disturb",
		in: func() Input {
			st := empty()
			st.Problems = map[string]string{state.ProblemNotifications: "reminders cannot be shown: do not disturb"}
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon:    IconNormal,
		tooltip: "bedtime: reminders cannot be shown: do not disturb\nhydration at 21:40, in 1 h 05 m",
	}, {
		name: "held while busy",
		in: func() Input {
			st := empty()
			st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Held, Since: due, Via: "busy: in a call"}
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon:    IconWaiting,
		tooltip: "bedtime: magnesium is waiting for an answer\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"magnesium (due 20:30, held while you were busy)"},
	}, {
		name: "held: shown on the computer the person is at",
		in: func() Input {
			st := empty()
			st.Open["magnesium"] = state.Instant{Scheduled: due, Status: state.Held, Since: due, Via: "elsewhere: desktop"}
			return Input{Now: now, Running: true, State: st, Schedule: s}
		},
		icon:    IconWaiting,
		tooltip: "bedtime: magnesium is waiting for an answer\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"magnesium (due 20:30, held: it shows on desktop)"},
	}, {
		// Started while the file was broken: no reminder comes at all,
		// which the tray must say; the daemon's copy of the file's error
		// is left out, the tray's own line says it.
		name: "started with a broken schedule",
		in: func() Input {
			st := empty()
			st.Problems = map[string]string{
				state.ProblemSchedule:   `schedule.yaml:4:9: reminder "magnesium": at: "25:30" is not a time of day`,
				state.ProblemNoSchedule: "no reminders: bedtime started while the schedule file had errors, and takes it up once it is fixed",
			}
			return Input{Now: now, Running: true, State: st, ScheduleProblem: "the schedule file has errors"}
		},
		icon:    IconTrouble,
		tooltip: "bedtime: no reminders: bedtime started while the schedule file had errors, and takes it up once it is fixed\nthe schedule file has errors",
		has: []string{"Problem: the schedule file has errors",
			"Problem: no reminders: bedtime started while the schedule file had errors, and takes it up once it is fixed"},
		hasNot: []string{`Problem: schedule.yaml:4:9: reminder "magnesium": at: "25:30" is not a time of day`},
	}, {
		// A daemon that stopped left its problems in the file: they are
		// no longer true.
		name: "not running: no stale problems",
		in: func() Input {
			st := empty()
			st.Problems = map[string]string{state.ProblemNotifications: "reminders are held: no notification server"}
			return Input{Now: now, State: st, Schedule: s}
		},
		icon:    IconNotRunning,
		tooltip: "bedtime: not running\nhydration at 21:40, in 1 h 05 m",
		hasNot:  []string{"Problem: reminders are held: no notification server"},
	}, {
		// The morning question is answered with its own answers, as on
		// its notification; Done would leave the diary without one.
		name: "the morning question waits",
		in: func() Input {
			st := empty()
			at := time.Date(2026, 3, 10, 6, 0, 0, 0, time.UTC)
			st.Open["cramp-diary"] = state.Instant{Scheduled: at, Status: state.Shown, Since: at}
			return Input{Now: now, Running: true, State: st, Schedule: loadSchedule(t, testSchedule+"  cramp-diary: {at: \"06:00\", ask: cramps}\n")}
		},
		icon:    IconWaiting,
		tooltip: "bedtime: cramp-diary is waiting for an answer\nhydration at 21:40, in 1 h 05 m",
		has:     []string{"cramp-diary (due 06:00)", "Answer: None", "Answer: Some", "Answer: Bad", "Snooze cramp-diary for 10 m"},
		hasNot:  []string{"Done: cramp-diary"},
	}, {
		name: "the last action failed",
		in: func() Input {
			return Input{Now: now, Running: true, State: empty(), Schedule: s, LastError: "state: locked by pid 7"}
		},
		icon:    IconNormal,
		tooltip: "bedtime: hydration at 21:40, in 1 h 05 m",
		has:     []string{"Failed: state: locked by pid 7"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Build(tt.in())
			if v.Icon != tt.icon {
				t.Errorf("Icon = %v, want %v", v.Icon, tt.icon)
			}
			if v.Tooltip != tt.tooltip {
				t.Errorf("Tooltip = %q, want %q", v.Tooltip, tt.tooltip)
			}
			labels := map[string]bool{}
			for _, it := range v.Menu {
				labels[it.Label] = true
			}
			for _, l := range tt.has {
				if !labels[l] {
					t.Errorf("menu lacks %q: %v", l, v.Menu)
				}
			}
			for _, l := range tt.hasNot {
				if labels[l] {
					t.Errorf("menu has %q", l)
				}
			}
			if !v.Equal(Build(tt.in())) {
				t.Errorf("Build is not a function of its input")
			}
		})
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 m"}, {10 * time.Second, "10 s"}, {59*time.Second + time.Millisecond, "60 s"}, {time.Minute, "1 m"},
		{time.Minute + time.Second, "2 m"}, {65 * time.Minute, "1 h 05 m"}, {64*time.Minute + 30*time.Second, "1 h 05 m"},
		{24 * time.Hour, "1 d 0 h"}, {51 * time.Hour, "2 d 3 h"},
	}
	for _, tt := range tests {
		if got := Duration(tt.d); got != tt.want {
			t.Errorf("Duration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestWakeAt: between changes of its files the tray wakes only when the
// view changes with the clock.
func TestWakeAt(t *testing.T) {
	s := loadSchedule(t, testSchedule)
	at := func(h, m, sec int) time.Time { return time.Date(2026, 3, 10, h, m, sec, 0, time.UTC) }
	empty := state.State{Open: map[string]state.Instant{}, Snoozes: map[string]time.Time{}, Skips: map[string]time.Time{}}
	paused := empty
	paused.PausedUntil = at(20, 35, 20)
	tests := []struct {
		name  string
		now   time.Time
		st    state.State
		sched *config.Schedule
		want  time.Time
	}{
		{name: "countdown by the minute", now: at(20, 35, 0), st: empty, sched: s, want: at(20, 36, 0)},
		{name: "off the minute", now: at(20, 35, 12), st: empty, sched: s, want: at(20, 36, 0)},
		{name: "the last minute by the second", now: at(21, 39, 30), st: empty, sched: s, want: at(21, 39, 31)},
		{name: "a pause ends first", now: at(20, 35, 0), st: paused, sched: s, want: at(20, 35, 20)},
		{name: "nothing to count: midnight or an hour", now: at(23, 30, 0), st: empty, want: at(23, 30, 0).Add(30 * time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wakeAt(Input{Now: tt.now, State: tt.st, Schedule: tt.sched}, time.UTC)
			if !got.Equal(tt.want) {
				t.Fatalf("wakeAt = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWakeAtBeforeASkippedMidnight: in the Azores the clocks jump from
// 00:00 to 01:00 on 29 March 2026, and time.Date's midnight of the 29th
// is 23:00 on the 28th: from then on the tray woke at an instant already
// past, again and again until the jump, reading its files each time.
func TestWakeAtBeforeASkippedMidnight(t *testing.T) {
	az, err := time.LoadLocation("Atlantic/Azores")
	if err != nil {
		t.Fatal(err)
	}
	empty := state.State{Open: map[string]state.Instant{}, Snoozes: map[string]time.Time{}, Skips: map[string]time.Time{}}
	now := time.Date(2026, 3, 28, 23, 10, 0, 0, az)
	got := wakeAt(Input{Now: now, State: empty}, az)
	if want := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("wakeAt(%s) = %s, want the day's first instant, %s", now.Format(time.RFC3339), got.Format(time.RFC3339), want.In(az).Format(time.RFC3339))
	}
}

func TestTodayLines(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 10, h, 0, 0, 0, time.UTC) }
	got := todayLines([]state.Firing{
		{Reminder: "hydration", At: at(8), Mark: state.MarkDone},
		{Reminder: "hydration", At: at(10), Mark: state.MarkMissed},
		{Reminder: "magnesium", At: at(20), Mark: string(state.Shown)},
		{Reminder: "hydration", At: at(12), Mark: state.MarkDue},
	}, time.UTC)
	want := []string{"hydration  08:00 ✓  10:00 ✗  12:00 •", "magnesium  20:00 ○ shown, waiting"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("todayLines = %q, want %q", got, want)
	}
}
