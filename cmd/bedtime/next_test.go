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

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
)

// runCLI runs the command line in-process and returns the exit code,
// stdout and stderr.
func runAt(t testing.TB, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(now)}
	code := app.Run(context.Background(), args)
	return code, stdout.String(), stderr.String()
}

// berlinDefault writes the default schedule, pinned to Europe/Berlin.
func berlinDefault(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	src := strings.Replace(string(config.Template()), "# timezone: Europe/Berlin", "timezone: Europe/Berlin", 1)
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNextGolden(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC) // a Friday, 16:30 in Berlin
	tests := []struct {
		name string
		args []string
	}{
		{"table", []string{"next", "--config", path}},
		{"json", []string{"next", "--config", path, "--json", "-n", "4"}},
		{"from", []string{"next", "--config", path, "--from", "2026-03-28T21:00:00+01:00", "-n", "6"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runAt(t, now, tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "next/"+tt.name+".golden", []byte(out))
		})
	}
}

func TestNextErrors(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"next", "--config", path, "--from", "tomorrow"}, `bedtime: --from "tomorrow" is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)` + "\n"},
		{[]string{"next", "--config", path, "-n", "0"}, "bedtime: --count 0: want 1 or more\n"},
	} {
		code, _, errOut := runAt(t, now, tt.args...)
		if code != 1 || errOut != tt.want {
			t.Errorf("%v: exit %d, stderr %q, want 1 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestNoFileUsesDefaultAndSaysWhere(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), "nope"))
	missing := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "bedtime", "schedule.yaml")
	code, out, errOut := runAt(t, time.Now(), "next", "-n", "3")
	if code != 0 || !strings.Contains(out, "REMINDER") {
		t.Fatalf("exit %d, out %q", code, out)
	}
	want := "bedtime: no schedule file at " + missing + "; using the built-in default (`bedtime init` writes it there for you to edit)\n"
	if errOut != want {
		t.Fatalf("stderr = %q, want %q", errOut, want)
	}
}

// TestExplicitConfigMustExist: only the default location may be absent; a
// mistyped --config is an error, not a silent switch to the default.
func TestExplicitConfigMustExist(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "schedule.yml")
	want := "--config " + missing + ": no such file; write one there with `bedtime init --config " + missing + "`, or leave out --config to use the default location\n"
	for _, args := range [][]string{
		{"next"}, {"validate"}, {"export", "--ics"}, {"notify", "magnesium"}, {"run"}, {"routine", "calf-stretch"},
	} {
		code, out, errOut := runAt(t, time.Now(), append(args, "--config", missing)...)
		wantCode := 1
		if args[0] == "run" { // a service manager must not retry it
			wantCode = service.ExitCannotStart
		}
		if code != wantCode || out != "" || !strings.HasPrefix(errOut, "bedtime: ") || !strings.HasSuffix(errOut, want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", args, code, out, errOut, wantCode, want)
		}
	}
	// init writes the file that --config names.
	if code, _, errOut := runAt(t, time.Now(), "init", "--config", missing); code != 0 {
		t.Errorf("init: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runAt(t, time.Now(), "validate", "--config", missing); code != 0 {
		t.Errorf("validate after init: exit %d, stderr %q", code, errOut)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC) // 19:00 in Berlin, a Wednesday
	good := berlinDefault(t)
	code, out, _ := runAt(t, now, "validate", "--config", good)
	if code != 0 || out != "6 reminders, next: hydration at 20:00\n" {
		t.Fatalf("valid: exit %d, out %q", code, out)
	}
	late := time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC) // 23:00 in Berlin
	if _, out, _ := runAt(t, late, "validate", "--config", good); out != "6 reminders, next: cramp-diary on Thu 26 Nov 06:00\n" {
		t.Fatalf("valid, late: out %q", out)
	}
	bad := filepath.Join(t.TempDir(), "schedule.yaml")
	os.WriteFile(bad, []byte("reminders:\n  magnesium: {at: \"25:00\"}\n  calf-stretch: {befor_bedtime: 30m}\n"), 0o600)
	code, out, _ = runAt(t, now, "validate", "--config", bad)
	want := bad + `:2:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)
` + bad + `:3:18: reminder "calf-stretch": unknown key "befor_bedtime" (did you mean "before_bedtime"?)
2 errors
`
	if code != 1 || out != want {
		t.Fatalf("invalid: exit %d, out:\n%s\nwant:\n%s", code, out, want)
	}
}

func TestInit(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC)
	dir := filepath.Join(t.TempDir(), "bedtime")
	path := filepath.Join(dir, "schedule.yaml")
	code, out, _ := runAt(t, now, "init", "--config", path)
	if code != 0 || !strings.Contains(out, "Wrote the default schedule to "+path) {
		t.Fatalf("init: exit %d, out %q", code, out)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, config.Template()) {
		t.Fatal("init did not write the template")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	// The written file is valid.
	if code, _, _ := runAt(t, now, "validate", "--config", path); code != 0 {
		t.Fatal("written file does not validate")
	}
	// A second init refuses and changes nothing.
	os.WriteFile(path, []byte("# mine\nreminders: {magnesium: {at: \"21:00\"}}\n"), 0o600)
	code, _, errOut := runAt(t, now, "init", "--config", path)
	if code != 1 || !strings.Contains(errOut, "already exists; edit it, or use --force") {
		t.Fatalf("second init: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "# mine") {
		t.Fatal("second init changed the file")
	}
	// --force keeps a backup.
	code, out, _ = runAt(t, now, "init", "--config", path, "--force")
	bak := path + ".2026-11-25T220300.bak"
	if code != 0 || !strings.Contains(out, "Backed up the old schedule to "+bak) {
		t.Fatalf("init --force: exit %d, out %q", code, out)
	}
	if b, _ := os.ReadFile(bak); !strings.HasPrefix(string(b), "# mine") {
		t.Fatal("backup does not hold the old file")
	}
}

// TestNextShowsWhatWaits: a snooze waiting is listed among the next
// firings, and a firing that a skip leaves out says so.
func TestNextShowsWhatWaits(t *testing.T) {
	t.Parallel()
	s := newStateDir(t)
	path := berlinDefault(t)
	now := berlin(t, "2026-11-25 19:00")
	if err := s.Update(func(st *state.State) error {
		st.Snoozes["magnesium"] = berlin(t, "2026-11-25 19:12").Add(34 * time.Second)
		st.Skips["hydration"] = berlin(t, "2026-11-25 20:00")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runIn(t, s.Dir(), now, "next", "-n", "3", "--config", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"magnesium  in 12m (snoozed)", "hydration  in 1h 00m (skipped)"} {
		if !strings.Contains(out, want) {
			t.Errorf("next lacks %q:\n%s", want, out)
		}
	}
}

// TestNextFromCountsFromNow: with --from, IN still counts from the
// clock's now: a firing after now says "in", one before says "ago"; a
// firing in another year than now's says its year.
func TestNextFromCountsFromNow(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 12, 7, 16, 53, 0, 0, time.UTC) // 17:53 in Berlin
	for _, tt := range []struct {
		name, from string
		first      string // the first row
	}{
		{"days ahead", "2026-12-10T00:00:00Z", "Thu 10 Dec 06:00 CET  cramp-diary  in 2d 12h"},
		{"in the past", "2026-03-28T21:00:00+01:00", "Sat 28 Mar 22:00 CET  calf-stretch  253d 19h ago"},
		{"over new year", "2026-12-31T23:30:00+01:00", "Fri 01 Jan 2027 06:00 CET  cramp-diary  in 24d 12h"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runAt(t, now, "next", "--config", path, "--from", tt.from, "-n", "1")
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 2 || strings.Join(strings.Fields(lines[1]), " ") != strings.Join(strings.Fields(tt.first), " ") {
				t.Errorf("got\n%s\nwant the row %q", out, tt.first)
			}
		})
	}
}

// TestValidateSpeaksOfTheDaemonOnlyForItsFile: that a running bedtime
// keeps its previous schedule is said of the default file, the one it
// reads, and only while one runs; of another file (--config), or with
// none running, validate counts the errors and claims nothing.
func TestValidateSpeaksOfTheDaemonOnlyForItsFile(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	def, err := config.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	broken := []byte("reminders:\n  magnesium: {at: \"25:00\"}\n")
	other := filepath.Join(t.TempDir(), "other.yaml")
	for _, p := range []string{def, other} {
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, broken, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stateDir := t.TempDir()
	validate := func(args ...string) string {
		t.Helper()
		app := &App{StateDir: stateDir}
		_, out, _ := runApp(app, append([]string{"validate"}, args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return lines[len(lines)-1]
	}
	if got := validate(); got != "1 error" {
		t.Errorf("no daemon: %q", got)
	}
	holdLock(t, stateDir)
	if got := validate(); got != "1 error; the running daemon keeps its previous schedule until the file is fixed" {
		t.Errorf("a daemon, its file: %q", got)
	}
	if got := validate("--config", other); got != "1 error" {
		t.Errorf("a daemon, another file: %q", got)
	}
}

// TestNextFromIsStrict: next lists the firings strictly after --from, a
// firing at --from itself left out, and its help says so in every
// language.
func TestNextFromIsStrict(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	for _, tt := range []struct{ from, want string }{
		{"2026-11-27T20:29:59+01:00", "2026-11-27T20:30:00+01:00"},
		{"2026-11-27T20:30:00+01:00", "2026-11-27T22:00:00+01:00"}, // magnesium's 20:30 is at --from, not after
	} {
		code, out, errOut := runAt(t, now, "next", "--config", path, "--from", tt.from, "-n", "1", "--json")
		var got []struct{ At string }
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got) != 1 || got[0].At != tt.want {
			t.Errorf("next --from %s: exit %d, %q %q; want the firing at %s", tt.from, code, out, errOut, tt.want)
		}
	}
	for lang, words := range map[string]string{
		"en": "strictly after --from",
		"de": "nur die nach --from (Vorgabe: jetzt):\neine genau zu --from fällige zählt nicht mit",
		"fr": "strictement après --from",
		"es": "estrictamente después de\n--from",
	} {
		code, out, _ := runApp(helpApp(t, lang), "next", "--help")
		if code != 0 || !strings.Contains(out, words) {
			t.Errorf("%s: bedtime next --help does not say %q:\n%s", lang, words, out)
		}
	}
}
