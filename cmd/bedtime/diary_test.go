package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config/zonetest"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/report"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// diaryEnv is a state directory and a schedule in Berlin for the diary's
// commands.
func diaryEnv(t *testing.T) (stateDir, config string) {
	t.Helper()
	dir := t.TempDir()
	config = filepath.Join(dir, "schedule.yaml")
	src := "timezone: Europe/Berlin\nbedtime: \"22:30\"\nreminders:\n  magnesium:\n    at: \"20:30\"\n  calf-stretch:\n    before_bedtime: 30m\n"
	if err := os.WriteFile(config, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "state"), config
}

func TestDiaryCommand(t *testing.T) {
	t.Parallel()
	morning := nov(t, 20, "08:15") // a Friday
	for _, tc := range []struct {
		name    string
		at      time.Time
		args    []string
		code    int
		out     string // a line stdout must hold
		errOut  string // stderr, exactly
		night   string // the night recorded, if any
		answers int    // how many answers that night has then
	}{
		{"last night, no cramps", morning, []string{"--cramps", "0"}, 0, "Recorded for the night of Thu 19 Nov: no cramps.", "", "2026-11-19", 1},
		{"details", morning, []string{"--cramps", "2", "--severity", "6", "--sleep", "4", "--leg", "left", "--note", "<b>long walk</b>"}, 0,
			`Recorded for the night of Thu 19 Nov: 2 cramps, severity 6/10, sleep disturbed 4/10, left leg, note "<b>long walk</b>".`, "", "2026-11-19", 1},
		{"an earlier night", morning, []string{"--night", "2026-11-02", "--cramps", "1"}, 0, "Recorded for the night of Mon 2 Nov: 1 cramp.", "", "2026-11-02", 1},
		{"a year back", morning, []string{"--night", "2025-11-19", "--cramps", "1"}, 0, "Recorded for the night of Wed 19 Nov 2025: 1 cramp.", "", "2025-11-19", 1},
		{"tonight has not begun", morning, []string{"--night", "2026-11-20", "--cramps", "1"}, 1, "",
			"bedtime: --night 2026-11-20: is in the future (the latest night is 2026-11-19)\n", "", 0},
		{"years back", morning, []string{"--night", "2019-11-19", "--cramps", "1"}, 1, "",
			"bedtime: --night 2019-11-19: is more than a year back (the earliest night is 2025-11-19)\n", "", 0},
		{"severity 11", morning, []string{"--severity", "11"}, 1, "", "bedtime: --severity 11: want 0 (no pain) to 10 (the worst)\n", "", 0},
		{"sleep -1", morning, []string{"--sleep", "-1"}, 1, "", "bedtime: --sleep -1: want 0 (slept well) to 10 (hardly slept)\n", "", 0},
		{"a leg in capitals", morning, []string{"--cramps", "1", "--leg", " Left"}, 0, "Recorded for the night of Thu 19 Nov: 1 cramp, left leg.", "", "2026-11-19", 1},
		{"both legs", morning, []string{"--cramps", "3", "--leg", "both"}, 0, "Recorded for the night of Thu 19 Nov: 3 cramps, both legs.", "", "2026-11-19", 1},
		{"a leg of three", morning, []string{"--cramps", "1", "--leg", "middle"}, 1, "", "bedtime: --leg \"middle\": want left, right or both\n", "", 0},
		{"a note of 1 MB", morning, []string{"--note", strings.Repeat("x", 1<<20)}, 1, "", "bedtime: --note: is 1048576 characters long; at most 1000\n", "", 0},
		{"no cramps but a severity", morning, []string{"--cramps", "0", "--severity", "3"}, 1, "", "bedtime: --severity 3: is for a night with cramps; this one says none\n", "", 0},
		{"not a date", morning, []string{"--night", "20.11.2026", "--cramps", "1"}, 1, "", "bedtime: --night \"20.11.2026\": want a date such as 2026-03-14 (YYYY-MM-DD)\n", "", 0},
		{"a night and nothing said", morning, []string{"--night", "2026-11-02"}, 1, "", "bedtime: --night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)\n", "", 0},
		{"--now at 3 a.m. is the night before", nov(t, 20, "03:10"), []string{"--now"}, 0, "Recorded a cramp at 03:10 (the night of Thu 19 Nov).", "", "2026-11-19", 1},
		{"--now at 23:40 is tonight", nov(t, 20, "23:40"), []string{"--now", "--leg", "right"}, 0, "Recorded a cramp at 23:40 (the night of Fri 20 Nov).", "", "2026-11-20", 1},
		{"--now with --night", morning, []string{"--now", "--night", "2026-11-02"}, 1, "", "bedtime: --now records the night going on now; leave out --night\n", "", 0},
		{"--days with an answer", morning, []string{"--days", "30", "--cramps", "1"}, 1, "", "bedtime: --days lists the nights; leave it out when you record one\n", "", 0},
		{"--days 0", morning, []string{"--days", "0"}, 1, "", "bedtime: --days 0: want 1 to 366\n", "", 0},
		{"--days 400", morning, []string{"--days", "400"}, 1, "", "bedtime: --days 400: want 1 to 366\n", "", 0},
		{"a month of nights", morning, []string{"--days", "30"}, 0, "The last 30 nights, by the date each began:", "", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, config := diaryEnv(t)
			code, out, errOut := runIn(t, dir, tc.at, append([]string{"--config", config, "diary"}, tc.args...)...)
			if code != tc.code || errOut != tc.errOut {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errOut, tc.code, tc.errOut)
			}
			if !strings.Contains(out, tc.out) {
				t.Fatalf("stdout lacks %q:\n%s", tc.out, out)
			}
			entries, err := diary.Open(dir, nil).Read()
			if err != nil {
				t.Fatal(err)
			}
			if tc.night == "" {
				if len(entries) != 0 {
					t.Fatalf("a refused answer was written: %+v", entries)
				}
				return
			}
			nights := diary.Fold(entries)
			if len(nights) != 1 || nights[0].Night != tc.night || nights[0].Entries != tc.answers {
				t.Fatalf("diary = %+v; want one night %s with %d answers", nights, tc.night, tc.answers)
			}
		})
	}
}

// TestDiaryListsDaysNights: --days N lists N nights, from last night
// back, so a month-old night can be read.
func TestDiaryListsDaysNights(t *testing.T) {
	t.Parallel()
	dir, config := diaryEnv(t)
	if code, _, errOut := runIn(t, dir, nov(t, 20, "08:00"), "--config", config, "diary", "--night", "2026-10-25", "--cramps", "3"); code != 0 {
		t.Fatalf("diary --night: %s", errOut)
	}
	for _, tt := range []struct {
		args  []string
		lines int
		has   bool
	}{
		{nil, 14, false},
		{[]string{"--days", "3"}, 3, false},
		{[]string{"--days", "30"}, 30, true},
	} {
		code, out, errOut := runIn(t, dir, nov(t, 20, "08:00"), append([]string{"--config", config, "diary"}, tt.args...)...)
		if code != 0 || errOut != "" {
			t.Fatalf("diary %v: exit %d, %s", tt.args, code, errOut)
		}
		// The rows: after the title, a blank line and the heading, up to
		// the next blank line.
		rows, _, _ := strings.Cut(strings.Join(strings.Split(out, "\n")[3:], "\n"), "\n\n")
		nights := strings.Split(rows, "\n")
		if len(nights) != tt.lines || strings.Contains(out, "Sun 25 Oct") != tt.has {
			t.Errorf("diary %v: %d nights, 25 Oct listed %v; want %d, %v:\n%s", tt.args, len(nights), !tt.has, tt.lines, tt.has, out)
		}
	}
}

func TestDiaryNowPrintsTheFirstAid(t *testing.T) {
	t.Parallel()
	dir, config := diaryEnv(t)
	code, out, _ := runIn(t, dir, nov(t, 20, "03:10"), "--config", config, "diary", "--now")
	if code != 0 || !strings.Contains(out, content.CrampHelp()) || !strings.Contains(out, content.Disclaimer()) {
		t.Fatalf("bedtime diary --now: exit %d, stdout:\n%s", code, out)
	}
	fi, err := os.Stat(filepath.Join(dir, diary.FileName))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the diary file: %v, %v; want mode 0600", fi, err)
	}
}

// TestDiaryCorrectAndList: a morning's answer corrected later; the list
// shows the latest, says how many answers there were, and tells an
// unanswered night from a night without cramps.
func TestDiaryCorrectAndList(t *testing.T) {
	t.Parallel()
	dir, config := diaryEnv(t)
	steps := []struct {
		at   time.Time
		args []string
	}{
		{nov(t, 18, "07:30"), []string{"--cramps", "0"}},                    // night of Tue 17
		{nov(t, 20, "07:30"), []string{"--cramps", "1", "--severity", "8"}}, // night of Thu 19
		{nov(t, 20, "09:00"), []string{"--severity", "3", "--note", "less bad than I thought"}},
	}
	for _, s := range steps {
		if code, _, errOut := runIn(t, dir, s.at, append([]string{"--config", config, "diary"}, s.args...)...); code != 0 {
			t.Fatalf("diary %v: exit %d, %s", s.args, code, errOut)
		}
	}
	code, out, errOut := runIn(t, dir, nov(t, 20, "12:00"), "--config", config, "diary")
	if code != 0 || errOut != "" {
		t.Fatalf("bedtime diary: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"Thu 19 Nov  yes (2 answers)  1      3         -           less bad than I thought",
		"Wed 18 Nov  no answer",
		"Tue 17 Nov  none             0      -         -",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the list lacks %q:\n%s", want, out)
		}
	}
}

func TestReportCommand(t *testing.T) {
	t.Parallel()
	dir, config := diaryEnv(t)
	at := nov(t, 20, "08:15")
	if code, _, errOut := runIn(t, dir, at, "--config", config, "diary", "--cramps", "1", "--note", "<script>alert(1)</script>"); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(t.TempDir(), "r.html")
	code, stdout, errOut := runIn(t, dir, at, "--config", config, "report", "-o", out)
	if code != 0 || errOut != "" || stdout != "Wrote "+out+": 25 Sep 2026 to 19 Nov 2026. Open it in a browser, or print it.\n" {
		t.Fatalf("bedtime report: exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the report: %v, %v; want mode 0600", fi, err)
	}
	b, _ := os.ReadFile(out)
	if strings.Contains(string(b), "<script") || !strings.Contains(string(b), "&lt;script&gt;") {
		t.Fatal("the note is not escaped in the report")
	}
	// -o with a directory writes the report there under its usual name.
	into := t.TempDir()
	code, stdout, errOut = runIn(t, dir, at, "--config", config, "report", "-o", into)
	if want := filepath.Join(into, "bedtime-report.html"); code != 0 || !strings.HasPrefix(stdout, "Wrote "+want+":") {
		t.Errorf("report -o DIR: exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	if code, _, errOut = runIn(t, dir, at, "--config", config, "report", "--csv", "-o", into); code != 0 {
		t.Errorf("report --csv -o DIR: exit %d, stderr %q", code, errOut)
	}
	if b, err := os.ReadFile(filepath.Join(into, "bedtime-report.csv")); err != nil || !strings.HasPrefix(string(b), "night,") {
		t.Errorf("report --csv -o DIR: %v %.40q", err, b)
	}
	code, csv, _ := runIn(t, dir, at, "--config", config, "report", "--csv", "--weeks", "1")
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	if code != 0 || len(lines) != 8 || lines[0] != "night,weekday,cramps,bad,count,severity,sleep,leg,note,answered_at,habit:calf-stretch,habit:magnesium" ||
		!strings.HasPrefix(lines[7], "2026-11-19,Thu,yes,no,1,,,,<script>alert(1)</script>,2026-11-20T08:15:00+01:00") {
		t.Fatalf("report --csv: exit %d:\n%s", code, csv)
	}
	for _, bad := range [][]string{{"report", "--weeks", "0"}, {"report", "--weeks", "600"}} {
		if code, _, errOut := runIn(t, dir, at, append([]string{"--config", config}, bad...)...); code == 0 || !strings.Contains(errOut, "want 1 to 522") {
			t.Errorf("%v: exit %d, stderr %q", bad, code, errOut)
		}
	}
}

// TestReportNamesTheSystemZone: a schedule with no timezone: key is in
// the system's zone, and the report says which by its name
// ("America/Halifax"), not Go's "Local".
func TestReportNamesTheSystemZone(t *testing.T) {
	zoneFile, set := zonetest.File(t, "America/Halifax") // and no TZ, as on a desktop
	set("America/Halifax")
	dir := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	if err := os.WriteFile(path, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	app := &App{Stdout: io.Discard, Stderr: io.Discard, StateDir: dir, ConfigPath: path, ZoneFile: zoneFile}
	app.Clock = scheduler.NewFakeClock(nov(t, 20, "08:15"))
	r, err := app.buildReport(2)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := report.WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "times in America/Halifax</p>") {
		t.Errorf("the report does not name the system's zone:\n%s", b.String())
	}
}

func TestStatsCalendar(t *testing.T) {
	t.Parallel()
	dir, config := diaryEnv(t)
	at := nov(t, 20, "08:15")
	runIn(t, dir, at, "--config", config, "diary", "--cramps", "0")
	runIn(t, dir, at, "--config", config, "diary", "--night", "2026-11-18", "--cramps", "2", "--severity", "9")
	code, out, errOut := runIn(t, dir, at, "--config", config, "stats", "--calendar", "--ascii")
	if code != 0 || errOut != "" {
		t.Fatalf("stats --calendar: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"Nights, Fri 28 Aug 2026 to Thu 19 Nov 2026", "November 2026", "16 . 17 . 18 X 19 o", "X bad cramps  x cramps  o no cramps  . no answer"} {
		if !strings.Contains(out, want) {
			t.Errorf("the calendar lacks %q:\n%s", want, out)
		}
	}
	code, _, errOut = runIn(t, dir, at, "--config", config, "stats", "--calendar", "--habit", "yoga")
	if code == 0 || !strings.Contains(errOut, `no habit "yoga"`) {
		t.Fatalf("--habit yoga: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runIn(t, dir, at, "--config", config, "stats", "--habit", "magnesium")
	if code == 0 || !strings.Contains(errOut, "add --calendar") {
		t.Fatalf("--habit without --calendar: exit %d, stderr %q", code, errOut)
	}
}

// TestDiaryAnswersTheMorningQuestion: told from the command line how last
// night went, the diary closes the morning question about that night (its
// popup goes, a running daemon sees the instant done); a note alone, or
// another night, leaves it open. `bedtime done` of the question is
// refused: done would count it answered with nothing in the diary.
func TestDiaryAnswersTheMorningQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		args     []string
		wantDone bool
	}{
		{"cramps for last night", []string{"diary", "--cramps", "1", "--leg", "right"}, true},
		{"none for last night", []string{"diary", "--cramps", "0"}, true},
		{"a note alone", []string{"diary", "--note", "long walk"}, false},
		{"another night", []string{"diary", "--night", "2026-11-17", "--cramps", "2"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			config := filepath.Join(dir, "schedule.yaml")
			if err := os.WriteFile(config, []byte("timezone: Europe/Berlin\nreminders:\n  cramp-diary: {at: \"06:00\", ask: cramps}\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			stateDir := filepath.Join(dir, "state")
			store, err := state.Open(stateDir)
			if err != nil {
				t.Fatal(err)
			}
			asked := nov(t, 20, "06:00")
			if _, err := store.Record(func(s *state.State) ([]state.Event, error) {
				a, _ := s.Apply(state.Step{Reminder: "cramp-diary", Scheduled: asked, Kind: state.Due, At: asked})
				b, _ := s.Apply(state.Step{Reminder: "cramp-diary", Scheduled: asked, Kind: state.Shown, At: asked})
				s.Last["cramp-diary"] = asked
				return append(a, b...), nil
			}); err != nil {
				t.Fatal(err)
			}
			at := nov(t, 20, "07:10")
			if code, _, errOut := runIn(t, stateDir, at, append([]string{"--config", config}, tc.args...)...); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			st, err := store.Load()
			if err != nil {
				t.Fatal(err)
			}
			o, closed := st.Closed["cramp-diary"]
			if done := closed && o.Kind == state.Done && o.Scheduled.Equal(asked); done != tc.wantDone {
				t.Errorf("the question done: %v (closed %+v, open %+v), want %v", done, o, st.Open["cramp-diary"], tc.wantDone)
			}
			code, _, errOut := runIn(t, stateDir, at, "--config", config, "done", "cramp-diary")
			if code == 0 || !strings.Contains(errOut, "cramp-diary asks a question: answer it with `bedtime diary --cramps N`") {
				t.Errorf("done cramp-diary: exit %d, stderr %q", code, errOut)
			}
		})
	}
}
