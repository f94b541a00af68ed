package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// statusTimeKeys are the keys of status --json whose values are times.
var statusTimeKeys = map[string]bool{"since": true, "at": true, "paused_until": true, "heard": true}

// checkStatusTimes parses js, status --json, and checks that every time
// in it is an RFC 3339 string; it returns the paths of those it found.
func checkStatusTimes(t *testing.T, js string) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, js)
	}
	found := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				p := strings.TrimPrefix(path+"."+k, ".")
				if statusTimeKeys[k] {
					s, ok := e.(string)
					if _, err := time.Parse(time.RFC3339, s); !ok || err != nil {
						t.Errorf("%s = %#v, not an RFC 3339 time", p, e)
					}
					found[p] = true
					continue
				}
				walk(p, e)
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		}
	}
	walk("", v)
	return found
}

// TestStatusJSONTimesAreRFC3339: every time status --json gives is an RFC
// 3339 string (the daemon's start too), and the next firing is data, not
// a sentence.
func TestStatusJSONTimesAreRFC3339(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	app, store := statusApp(t, true, berlinDefault(t), now)
	statusDay(t, store, true)
	code, js, errOut := runApp(app, "status", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	found := checkStatusTimes(t, js)
	for _, want := range []string{"since", "next.at", "paused_until", "presence.since", "upcoming[].at", "today[].at"} {
		if !found[want] {
			t.Errorf("status --json has no %s:\n%s", want, js)
		}
	}
	var got struct {
		Since time.Time     `json:"since"`
		Next  *state.Coming `json:"next"`
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Since.Equal(installedStatus.Started) {
		t.Errorf("since = %v, want %v", got.Since, installedStatus.Started)
	}
	if got.Next == nil || got.Next.Reminder != "hydration" || !got.Next.At.Equal(nov(t, 27, "20:00")) {
		t.Errorf("next = %+v, want hydration at 20:00 (the paused ones are not shown)", got.Next)
	}
}

// TestStatusJSONDevices: a computer's name is its own, without the text's
// id and "this computer", which are fields of their own.
func TestStatusJSONDevices(t *testing.T) {
	ll, dl, now := laptopAndDesktop(t)
	info := statusInfo{Loc: time.UTC, Now: now, Devices: statusDevices(ll, &state.Presence{State: "away", Since: now.Add(-time.Hour)}, now)}
	var b strings.Builder
	if err := writeStatusJSON(&b, serviceStatus{}, info); err != nil {
		t.Fatal(err)
	}
	if found := checkStatusTimes(t, b.String()); !found["devices[].heard"] {
		t.Errorf("status --json has no devices[].heard:\n%s", b.String())
	}
	var got struct {
		Devices []map[string]any `json:"devices"`
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"id": ll.Self, "name": "laptop", "this": true, "presence": "away"},
		{"id": dl.Self, "name": "desktop", "this": false, "here": true, "presence": "here"},
	}
	if len(got.Devices) != len(want) {
		t.Fatalf("devices = %v, want %v", got.Devices, want)
	}
	h, _ := got.Devices[1]["heard"].(string)
	if heard, err := time.Parse(time.RFC3339, h); err != nil || !heard.Equal(now.Add(-10*time.Minute)) {
		t.Errorf("devices[1].heard = %q, want 10 minutes before now", h)
	}
	for i, w := range want {
		for k, v := range w {
			if got.Devices[i][k] != v {
				t.Errorf("devices[%d].%s = %#v, want %#v", i, k, got.Devices[i][k], v)
			}
		}
	}
}

// TestStatusBrokenSchedule: with the schedule file broken, status says
// what bedtime does meanwhile: a running daemon keeps the schedule it
// had, or has none when it started with the file broken; --json then has
// no next firing, and says why.
func TestStatusBrokenSchedule(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	tests := []struct {
		name     string
		running  bool
		problem  string // the daemon started with the file broken: state.ProblemNoSchedule or ProblemPartialSchedule
		wantNext string
		wantCode int
	}{
		{"running", true, "", "next:     unknown: the running bedtime keeps its previous schedule until the file is fixed, and status cannot read it\n", 0},
		{"started broken", true, state.ProblemNoSchedule, "next:     none: the running bedtime shows no reminders until the schedule file is fixed\n", 0},
		{"started broken, runs the reminders without errors", true, state.ProblemPartialSchedule, "next:     unknown: the running bedtime runs only the reminders without errors until the schedule file is fixed\n", 0},
		{"not running", false, "", "next:     unknown: the schedule file has errors; run `bedtime validate`\n", statusNotRunning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "schedule.yaml")
			if err := os.WriteFile(path, []byte("reminders:\n  water:\n    every: 2 hours\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			app, store := statusApp(t, tt.running, path, now)
			if err := store.Update(func(s *state.State) error {
				s.SetProblem(state.ProblemSchedule, "schedule.yaml:3:12: the error")
				if tt.problem != "" {
					s.SetProblem(tt.problem, "bedtime started while the schedule file had errors")
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runApp(app, "status")
			if code != tt.wantCode || errOut != "" {
				t.Fatalf("exit %d, stderr %q; want %d", code, errOut, tt.wantCode)
			}
			if !strings.Contains(out, tt.wantNext) || !strings.Contains(out, "note:     the schedule file has errors; run `bedtime validate`\n") {
				t.Errorf("status says\n%s\nwant %q and the note", out, tt.wantNext)
			}
			_, js, _ := runApp(app, "status", "--json")
			var got struct {
				Next    *state.Coming `json:"next"`
				Problem string        `json:"problem"`
			}
			if err := json.Unmarshal([]byte(js), &got); err != nil {
				t.Fatal(err)
			}
			if got.Next != nil || !strings.Contains(got.Problem, "the schedule file has errors") {
				t.Errorf("status --json gives next %+v, problem %q; want none and why", got.Next, got.Problem)
			}
		})
	}
}

// TestDoctorBrokenScheduleMeanwhile: doctor's fix for a broken schedule
// file says what bedtime does until it is fixed, as it is: a running
// daemon keeps its previous schedule (or, when it started with the file
// broken, has none or runs the reminders without errors), and with none
// running, one started now runs the last good copy of the file, else the
// file's reminders without errors, else shows no reminders.
func TestDoctorBrokenScheduleMeanwhile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		running  bool
		problem  string // the daemon started with the file broken: state.ProblemNoSchedule or ProblemPartialSchedule
		lastGood string // the daemon's last good copy of the file
		other    bool   // the file has a reminder without errors beside the broken one
		want     string
	}{
		{"running", true, "", "", false, "the running bedtime keeps its previous schedule meanwhile"},
		{"started broken", true, state.ProblemNoSchedule, "", false, "the running bedtime shows no reminders until then, for it started with the file broken"},
		{"started broken, runs the reminders without errors", true, state.ProblemPartialSchedule, "", true,
			"the running bedtime runs only the reminders without errors until then, for it started with the file broken"},
		{"not running", false, "", "", false, "bedtime is not running, and if started now it shows no reminders until the file is fixed"},
		{"not running, stale note", false, state.ProblemNoSchedule, "", false, "bedtime is not running, and if started now it shows no reminders until the file is fixed"},
		{"not running, a last good copy", false, "", "reminders:\n  magnesium: {at: \"21:00\"}\n", true,
			"bedtime is not running, and if started now it runs the schedule it last loaded until the file is fixed"},
		{"not running, a last good copy that does not load", false, "", "reminders: [", false,
			"bedtime is not running, and if started now it shows no reminders until the file is fixed"},
		{"not running, reminders without errors", false, "", "", true,
			"bedtime is not running, and if started now it runs only the reminders without errors until the file is fixed"},
		{"not running, a last good copy that does not load, reminders without errors", false, "", "reminders: [", true,
			"bedtime is not running, and if started now it runs only the reminders without errors until the file is fixed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			bad := filepath.Join(t.TempDir(), "bad.yaml")
			src := "reminders:\n  magnesium: {at: \"25:00\"}\n"
			if tt.other {
				src += "  hydration: {every: 2h}\n"
			}
			if err := os.WriteFile(bad, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			store := newStateDir(t)
			if tt.problem != "" {
				if err := store.Update(func(s *state.State) error {
					s.SetProblem(tt.problem, "bedtime started with the file broken")
					return nil
				}); err != nil {
					t.Fatal(err)
				}
			}
			if tt.running {
				holdLock(t, store.Dir())
			}
			if tt.lastGood != "" {
				if err := os.WriteFile(filepath.Join(store.Dir(), daemon.LastGoodName), []byte(tt.lastGood), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			app := &App{ConfigPath: bad, StateDir: store.Dir(), Clock: scheduler.NewFakeClock(nov(t, 27, "16:30"))}
			r := checkSchedule(context.Background(), app)
			if want := "run `bedtime validate` and correct the file; " + tt.want; r.OK || r.Fix != want {
				t.Errorf("fix = %q, want %q", r.Fix, want)
			}
		})
	}
}

// TestStatusPresenceOnlyWhileRunning: where the person is, the daemon
// sees; with none running, what it last saw is old, and status leaves it
// out (it said "away for 12m", counting on from a stale state file).
func TestStatusPresenceOnlyWhileRunning(t *testing.T) {
	t.Parallel()
	for _, running := range []bool{true, false} {
		app, store := statusApp(t, running, berlinDefault(t), nov(t, 27, "16:30").UTC())
		statusDay(t, store, false)
		_, out, _ := runApp(app, "status")
		if got := strings.Contains(out, "presence:"); got != running {
			t.Errorf("running %v: a presence line %v, want %v:\n%s", running, got, running, out)
		}
		_, js, _ := runApp(app, "status", "--json")
		if got := strings.Contains(js, `"presence"`); got != running {
			t.Errorf("running %v: --json has presence %v, want %v", running, got, running)
		}
	}
}

// statusApp is an App whose service manager says st (running or not,
// with config), at now, on a state directory of its own.
func statusApp(t *testing.T, running bool, config string, now time.Time) (*App, *state.Store) {
	t.Helper()
	st := installedStatus
	if !running {
		st = serviceStatus{Manager: "systemd user unit", Installed: true, Enabled: "enabled", State: "inactive", UnitPath: installedStatus.UnitPath}
	}
	st.ConfigPath = config
	app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}, "/usr/bin/bedtime")
	app.Clock = scheduler.NewFakeClock(now)
	store := newStateDir(t)
	app.StateDir = store.Dir()
	return app, store
}

// TestStatusPresenceWithoutAnIdleMonitor: where no idle monitor works,
// the daemon counts the person as here, with the source "none"; status
// said "here for 2s (none)", as if it knew. It says that it does not
// know, and why, in the person's language, within 80 columns.
func TestStatusPresenceWithoutAnIdleMonitor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang  string
		lines []string // the presence line and the one under it
	}{
		{"en", []string{"  presence: unknown: no idle monitor on this desktop",
			"            bedtime cannot tell whether you are at the computer"}},
		{"de", []string{"unbekannt: dieser Desktop hat keinen Leerlaufmonitor",
			"bedtime kann nicht erkennen, ob du am Computer bist"}},
		{"fr", []string{"inconnue\u00a0: ce bureau n’a pas de moniteur d’inactivité",
			"bedtime ne peut pas savoir si vous êtes devant l’ordinateur"}},
		{"es", []string{"desconocida: este escritorio no tiene monitor de inactividad",
			"bedtime no puede saber si estás frente al ordenador"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			t.Parallel()
			now := nov(t, 27, "16:30").UTC()
			app, store := statusApp(t, true, langSchedule(t, tt.lang), now)
			err := store.Update(func(st *state.State) error {
				st.Presence = &state.Presence{State: "here", Since: now.Add(-2 * time.Second), Source: "none"}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runApp(app, "status")
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			lines := strings.Split(out, "\n")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasSuffix(l, tt.lines[0]) })
			if i < 0 || i+1 >= len(lines) || !strings.HasSuffix(lines[i+1], tt.lines[1]) ||
				strings.TrimSpace(strings.TrimSuffix(lines[i+1], tt.lines[1])) != "" {
				t.Fatalf("status lacks the lines\n%s\n%s\nin:\n%s", tt.lines[0], tt.lines[1], out)
			}
			for _, l := range lines[i : i+2] {
				if n := utf8.RuneCountInString(l); n > statusColumns {
					t.Errorf("%d columns, past %d: %q", n, statusColumns, l)
				}
			}
			if strings.Contains(out, "(none)") {
				t.Errorf("status names the source none:\n%s", out)
			}
		})
	}
}
