package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

func TestExportGolden(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 3, 27, 15, 30, 0, 0, time.UTC) // a Friday; Berlin springs forward on Sunday
	code, out, errOut := runAt(t, now, "export", "--ics", "--days", "2", "--config", path)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	testutil.Golden(t, "export/berlin-2days.ics.golden", []byte(out))
}

func TestExportErrors(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--config", path}, "bedtime: give --ics: iCalendar is the only export format\n"},
		{[]string{"export", "--ics", "--config", path, "--days", "0"}, "bedtime: --days 0: want 1 to 92\n"},
		{[]string{"export", "--ics", "--config", path, "--days", "-3"}, "bedtime: --days -3: want 1 to 92\n"},
		{[]string{"export", "--ics", "--config", path, "--days", "93"}, "bedtime: --days 93: want 1 to 92\n"},
	} {
		code, out, errOut := runAt(t, now, tt.args...)
		if code != 1 || errOut != tt.want || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want 1, nothing and %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

func TestExportToFile(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	_, want, _ := runAt(t, now, "export", "--ics", "--config", path)
	file := filepath.Join(t.TempDir(), "new", "bedtime.ics")
	for range 2 { // the second run replaces the first file
		code, out, errOut := runAt(t, now, "export", "--ics", "--config", path, "-o", file)
		if code != 0 || out != "" || !strings.HasPrefix(errOut, "Wrote ") || !strings.HasSuffix(errOut, " reminders of the next 14 days to "+file+"\n") {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("the file differs from what stdout gets")
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode of %s = %v (%v), want 0600", file, fi.Mode().Perm(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(file)); len(entries) != 1 {
		t.Errorf("%s holds %d entries, want only bedtime.ics (a temporary file left behind?)", filepath.Dir(file), len(entries))
	}

	// -o a directory: bedtime.ics in it, as report's -o takes one.
	dir := t.TempDir()
	code, out, errOut := runAt(t, now, "export", "--ics", "--config", path, "-o", dir)
	inDir := filepath.Join(dir, "bedtime.ics")
	if code != 0 || out != "" || !strings.HasSuffix(errOut, " to "+inDir+"\n") {
		t.Fatalf("-o %s: exit %d, stdout %q, stderr %q", dir, code, out, errOut)
	}
	if got, err := os.ReadFile(inDir); err != nil || string(got) != want {
		t.Errorf("-o a directory: %s differs from what stdout gets (%v)", inDir, err)
	}
}

// dstSchedule has reminders in three zones whose clocks change on
// different days, a time in the hour that repeats when Europe turns its
// clocks back, and texts that need escaping and folding.
const dstSchedule = `timezone: Europe/Berlin
bedtime: {default: "22:30", sat: "02:45"}
reminders:
  night-owl:
    at: ["02:30", "12:00"]
    title: "Night, owl; still up?"
    message: "Commas, semicolons; a backslash \\ and a line long enough to be folded, with ümlauts and “quotes” – and more."
  new-york:
    at: "08:00"
    timezone: America/New_York
    title: "Good morning, New York"
  london:
    every: 45m
    between: "00:30-03:30"
    timezone: Europe/London
    message: "Water."
  sydney:
    cron: "30 2 * * *"
    timezone: Australia/Sydney
    title: "Sydney"
  calf-stretch:
    before_bedtime: 30m
    routine: calf-stretch
  magnesium:
    at: "20:30"
`

// icsEvent is one event as python3-icalendar reads it.
type icsEvent struct {
	UID, Start, Summary, Description string
	Alarms                           []struct{ Action, Trigger string }
}

// parseICS parses ics with Debian's python3-icalendar.
func parseICS(t *testing.T, ics []byte) []icsEvent {
	t.Helper()
	python := "/usr/bin/python3" // Debian's, which the package installs for
	if _, err := os.Stat(python); err != nil {
		if python, err = exec.LookPath("python3"); err != nil {
			t.Fatal("python3 is missing: apt-get install python3-icalendar")
		}
	}
	cmd := exec.Command(python, filepath.Join("testdata", "export", "icsdump.py"))
	cmd.Stdin = bytes.NewReader(ics)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		t.Fatalf("%s has no module icalendar: apt-get install python3-icalendar", python)
	}
	if err != nil {
		t.Fatalf("python3-icalendar cannot read the export: %v\n%s", err, stderr.Bytes())
	}
	var events []icsEvent
	if err := json.Unmarshal(out, &events); err != nil {
		t.Fatalf("icsdump.py printed no JSON: %v\n%s", err, out)
	}
	return events
}

// TestExportAgreesWithNext reads the export with an independent parser and
// checks it against `bedtime next`, instant for instant, over 14 days that
// cross clock changes.
func TestExportAgreesWithNext(t *testing.T) {
	t.Parallel()
	dst := filepath.Join(t.TempDir(), "dst.yaml")
	if err := os.WriteFile(dst, []byte(dstSchedule), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		now        time.Time
		before     [][]string // commands run first, on the test's own state
	}{
		{"default, spring", berlinDefault(t), time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC), nil},
		{"default, autumn", berlinDefault(t), time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), nil},
		{"zones, spring", dst, time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC), nil},
		{"zones, autumn", dst, time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC), nil},
		{"default, skipped and paused", berlinDefault(t), time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC),
			[][]string{{"skip", "movement"}, {"skip", "hydration"}, {"pause", "3h"}}},
		{"zones, paused across a clock change", dst, time.Date(2026, 10, 24, 20, 0, 0, 0, time.UTC),
			[][]string{{"skip", "london"}, {"pause", "10h"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := newStateDir(t).Dir()
			for _, args := range tt.before {
				if code, _, errOut := runIn(t, dir, tt.now, append(args, "--config", tt.path)...); code != 0 {
					t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
				}
			}
			code, ics, errOut := runIn(t, dir, tt.now, "export", "--ics", "--config", tt.path)
			if code != 0 || errOut != "" {
				t.Fatalf("export: exit %d, stderr %q", code, errOut)
			}
			got := parseICS(t, []byte(ics))

			code, out, errOut := runIn(t, dir, tt.now, "next", "--config", tt.path, "--json", "-n", "5000")
			if code != 0 || errOut != "" {
				t.Fatalf("next: exit %d, stderr %q", code, errOut)
			}
			var next []nextJSON
			if err := json.Unmarshal([]byte(out), &next); err != nil {
				t.Fatal(err)
			}
			s, err := config.Load(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			berlin, _ := time.LoadLocation("Europe/Berlin")
			end := tt.now.In(berlin).AddDate(0, 0, 14)
			var want []nextJSON
			beyond := false
			for _, n := range next {
				at, err := time.Parse(time.RFC3339, n.At)
				if err != nil {
					t.Fatal(err)
				}
				if !at.Before(end) {
					beyond = true
					continue
				}
				if r, _ := s.Reminder(n.Reminder); r.Ask != "" {
					continue // a question is not exported
				}
				if n.Note != "" {
					continue // skipped or paused: will not fire; or a snooze
				}
				want = append(want, nextJSON{Reminder: n.Reminder, At: at.UTC().Format("2006-01-02T15:04:05Z")})
			}
			if !beyond {
				t.Fatalf("next -n 5000 ends before 14 days are over; raise -n")
			}
			if len(got) != len(want) {
				t.Errorf("the export has %d events, next has %d firings in 14 days", len(got), len(want))
			}
			for i := range min(len(got), len(want)) {
				g, w := got[i], want[i]
				if g.Start != w.At || !strings.HasPrefix(g.UID, w.Reminder+"-") {
					t.Errorf("event %d: %s at %s, next says %s at %s", i, g.UID, g.Start, w.Reminder, w.At)
				}
				wantUID := w.Reminder + "-" + strings.NewReplacer("-", "", ":", "").Replace(w.At) + "@bedtime"
				if g.UID != wantUID {
					t.Errorf("event %d: UID %q, want %q", i, g.UID, wantUID)
				}
				if g.Summary == "" || len(g.Alarms) != 1 || g.Alarms[0].Action != "DISPLAY" || g.Alarms[0].Trigger != "0:00:00" {
					t.Errorf("event %d (%s): summary %q, alarms %+v; want a title and one display alarm at the start", i, g.UID, g.Summary, g.Alarms)
				}
			}
			// Texts survive escaping and folding.
			for _, g := range got {
				if strings.HasPrefix(g.UID, "night-owl-") {
					want := "Commas, semicolons; a backslash \\ and a line long enough to be folded, with ümlauts and “quotes” – and more."
					if g.Summary != "Night, owl; still up?" || g.Description != want {
						t.Fatalf("night-owl reads back as %q / %q", g.Summary, g.Description)
					}
				}
			}
		})
	}
}

// TestExportLeavesOutWhatWillNotFire: a firing that `bedtime skip` or the
// current pause leaves out is not in the export, one at or after the end
// of the pause is, and the question (cramp-diary, ask: cramps) never is;
// every other event is the same as with no skip and no pause.
func TestExportLeavesOutWhatWillNotFire(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := berlin(t, "2026-12-07 16:30") // a Monday
	uids := func(t *testing.T, ics string) []string {
		t.Helper()
		var out []string
		for line := range strings.Lines(ics) {
			if uid, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "UID:"); ok {
				out = append(out, uid)
			}
		}
		return out
	}
	export := func(t *testing.T, dir string) []string {
		t.Helper()
		code, out, errOut := runIn(t, dir, now, "export", "--ics", "--days", "2", "--config", path)
		if code != 0 || errOut != "" {
			t.Fatalf("export: exit %d, stderr %q", code, errOut)
		}
		return uids(t, out)
	}
	all := export(t, newStateDir(t).Dir())
	for _, uid := range []string{"movement-20261207T155500Z@bedtime", "hydration-20261207T170000Z@bedtime",
		"hydration-20261207T190000Z@bedtime", "magnesium-20261207T193000Z@bedtime"} {
		if !slices.Contains(all, uid) {
			t.Fatalf("with no skip and no pause the export lacks %s:\n%s", uid, strings.Join(all, "\n"))
		}
	}
	for _, uid := range all {
		if strings.HasPrefix(uid, "cramp-diary-") {
			t.Errorf("the export holds the question %s", uid)
		}
	}
	for _, tt := range []struct {
		name    string
		control [][]string
		gone    []string // the events of all left out; the rest stay
	}{
		{"nothing", nil, nil},
		{"skips", [][]string{{"skip", "movement"}, {"skip", "hydration"}},
			[]string{"movement-20261207T155500Z@bedtime", "hydration-20261207T170000Z@bedtime"}},
		// Until 20:30: magnesium, at that very instant, fires.
		{"pause", [][]string{{"pause", "4h"}},
			[]string{"movement-20261207T155500Z@bedtime", "hydration-20261207T170000Z@bedtime", "hydration-20261207T190000Z@bedtime"}},
		{"skipped and paused", [][]string{{"skip", "hydration"}, {"pause", "4h"}},
			[]string{"movement-20261207T155500Z@bedtime", "hydration-20261207T170000Z@bedtime", "hydration-20261207T190000Z@bedtime"}},
		{"pause ended", [][]string{{"pause", "4h"}, {"resume"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := newStateDir(t).Dir()
			for _, args := range tt.control {
				if code, _, errOut := runIn(t, dir, now, append(args, "--config", path)...); code != 0 {
					t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
				}
			}
			var want []string
			for _, uid := range all {
				if !slices.Contains(tt.gone, uid) {
					want = append(want, uid)
				}
			}
			if got := export(t, dir); !slices.Equal(got, want) {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
