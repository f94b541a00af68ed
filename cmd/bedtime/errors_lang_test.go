package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
)

// errorCase is one run of the command line for TestErrorsInEachLanguage.
type errorCase struct {
	name string
	at   string // Berlin time
	args []string
	// manager, when set, is the service manager the run sees.
	manager *fakeManager
	// running holds the daemon's lock during the run.
	running bool
}

// errorCases are the command line's own errors and what the service
// commands say, run in every language: cobra's and pflag's errors, a wrong
// number of arguments, done and snooze with nothing to answer, install
// through the fake service manager.
func errorCases() []errorCase {
	ok := func(context.Context, string) error { return nil }
	boom := errors.New("systemctl: exit status 1")
	installed := serviceStatus{Manager: "systemd user unit", Installed: true, Running: true, PID: 4242,
		UnitPath: "/home/alice/.config/systemd/user/bedtime.service"}
	return []errorCase{
		{name: "unknown command", args: []string{"frob"}},
		{name: "unknown command with suggestions", args: []string{"nxt"}},
		{name: "unknown subcommand", args: []string{"sync", "frob"}},
		{name: "unknown flag", args: []string{"next", "--frob"}},
		{name: "unknown shorthand flag", args: []string{"next", "-x"}},
		{name: "flag without its value", args: []string{"pause", "--until"}},
		{name: "flag with a bad number", args: []string{"next", "--count", "abc"}},
		{name: "flag out of bounds", args: []string{"next", "--count", "100000"}},
		{name: "too few arguments", args: []string{"done"}},
		{name: "too many arguments", args: []string{"skip", "a", "b"}},
		{name: "range of arguments", args: []string{"snooze"}},
		{name: "at most", args: []string{"pause", "1h", "2h"}},
		{name: "no arguments", args: []string{"next", "soon"}},
		{name: "bad duration", args: []string{"pause", "soon"}},
		{name: "no time to pause for", args: []string{"pause", "0"}},
		{name: "a negative duration", args: []string{"pause", "-5m"}},
		{name: "bad time of day", args: []string{"pause", "--until", "25:00"}},
		{name: "no such reminder", args: []string{"done", "frob"}},
		{name: "done with nothing due", at: "2026-11-25 19:00", args: []string{"done", "magnesium"}},
		{name: "done", at: "2026-11-25 18:00", args: []string{"done", "hydration"}},
		{name: "snooze what is done", at: "2026-11-25 18:00", args: []string{"snooze", "hydration"}},
		{name: "already running", args: []string{"install"}, running: true,
			manager: &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return serviceStatus{Manager: "fake"}, nil }}},
		{name: "install", args: []string{"install"}, manager: &fakeManager{
			InstallFunc: func(context.Context, service.Spec) error { return nil },
			StatusFunc: func(context.Context) (serviceStatus, error) {
				st := installed
				st.Manager, st.UnitPath = "XDG autostart entry", "/home/alice/.config/autostart/bedtime.desktop"
				st.Why = "chosen because no systemd user manager answers: systemctl --user show-environment: Failed to connect to bus: No such file or directory: exit status 1; the desktop session starts bedtime at login, and nothing restarts it if it stops"
				return st, nil
			}}},
		{name: "install without a service manager", args: []string{"install"}, manager: &fakeManager{
			InstallFunc: func(context.Context, service.Spec) error {
				return service.NoManagerError{Found: "launchctl is missing"}
			},
			StatusFunc: func(context.Context) (serviceStatus, error) { return serviceStatus{Manager: "none"}, nil }}},
		{name: "install fails", args: []string{"install"}, manager: &fakeManager{
			InstallFunc: func(context.Context, service.Spec) error { return boom },
			StatusFunc:  func(context.Context) (serviceStatus, error) { return serviceStatus{Manager: "fake"}, nil }}},
		{name: "uninstall", args: []string{"uninstall"}, manager: &fakeManager{
			UninstallFunc: func(context.Context) (bool, error) { return true, nil }}},
		{name: "uninstall when not installed", args: []string{"uninstall"}, manager: &fakeManager{
			UninstallFunc: func(context.Context) (bool, error) { return false, nil }}},
		{name: "start", args: []string{"start"}, manager: &fakeManager{ControlFunc: ok}},
		{name: "stop fails", args: []string{"stop"}, manager: &fakeManager{ControlFunc: func(context.Context, string) error { return boom }}},
		{name: "restart", args: []string{"restart"}, manager: &fakeManager{ControlFunc: ok}},
		{name: "init over a file", args: []string{"init"}},
		{name: "notify, variant 0", args: []string{"notify", "magnesium", "--variant", "0"}},
		{name: "notify, wait too long", args: []string{"notify", "magnesium", "--wait", "2h"}},
		{name: "unknown routine", args: []string{"routine", "frob"}},
		{name: "routine and --stop", args: []string{"routine", "calf-stretch", "--stop"}},
		{name: "routine --stop, not running", args: []string{"routine", "--stop"}},
		{name: "unknown topic", args: []string{"tips", "frob"}},
		{name: "diary --now with --night", args: []string{"diary", "--now", "--night", "2026-11-24"}},
		{name: "diary --night alone", args: []string{"diary", "--night", "2026-11-24"}},
		{name: "diary, severity out of range", args: []string{"diary", "--cramps", "1", "--severity", "11"}},
		{name: "diary, a night that is no date", args: []string{"diary", "--cramps", "1", "--night", "2026-13-01"}},
		{name: "diary, a night in the future", args: []string{"diary", "--cramps", "1", "--night", "2026-12-24"}},
		{name: "diary, no cramps but a severity", args: []string{"diary", "--cramps", "0", "--severity", "3"}},
		{name: "missing --config", args: []string{"next", "--config", "/nonexistent/schedule.yaml"}},
		{name: "stats, no days", args: []string{"stats", "--days", "0"}},
		{name: "stats, more than ten years", args: []string{"stats", "--days", "4000"}},
		{name: "export without --ics", args: []string{"export"}},
		{name: "export, too many days", args: []string{"export", "--ics", "--days", "93"}},
		{name: "stats by device without sync", args: []string{"stats", "--by-device"}},
	}
}

// TestErrorsInEachLanguage: the table of errorCases in English, every
// shipped language and the pseudo-locale, as goldens; in the
// pseudo-locale, no English outside the catalog's texts.
func TestErrorsInEachLanguage(t *testing.T) {
	t.Parallel()
	pid := regexp.MustCompile(fmt.Sprintf(`\b%d\b`, os.Getpid()))
	for _, lang := range append([]string{"en"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := langSchedule(t, lang)
			dir := newStateDir(t).Dir()
			var all strings.Builder
			for _, c := range errorCases() {
				at := "2026-11-25 19:00"
				if c.at != "" {
					at = c.at
				}
				// The language comes from the schedule, or, for a word
				// that names no command (cobra reads no flag then), the
				// environment.
				app := &App{Clock: scheduler.NewFakeClock(berlin(t, at)), StateDir: dir,
					Executable: "/usr/bin/bedtime", Getenv: func(k string) string { return map[string]string{"LANG": lang}[k] }}
				args := append([]string{"--config", path}, c.args...)
				if c.manager != nil {
					app.Service = c.manager
				}
				if c.running {
					release := holdLock(t, dir)
					code, out, errOut := runApp(app, args...)
					release()
					writeErrorCase(&all, c, code, out, errOut)
					continue
				}
				code, out, errOut := runApp(app, args...)
				writeErrorCase(&all, c, code, out, errOut)
			}
			got := strings.ReplaceAll(all.String(), path, "SCHEDULE")
			got = pid.ReplaceAllString(got, "PID")
			testutil.Golden(t, "lang/errors-"+lang+".golden", []byte(got))
			if lang == locale.Pseudo {
				checkPseudo(t, got)
			}
		})
	}
}

func writeErrorCase(w *strings.Builder, c errorCase, code int, out, errOut string) {
	fmt.Fprintf(w, "## %s\n$ bedtime --config SCHEDULE %s\nexit %d\n", c.name, strings.Join(c.args, " "), code)
	if out != "" {
		fmt.Fprintf(w, "stdout:\n%s", out)
	}
	if errOut != "" {
		fmt.Fprintf(w, "stderr:\n%s", errOut)
	}
	w.WriteString("\n")
}

// checkPseudo fails for a line of the pseudo-locale's output with English
// words outside its ⟦ ⟧ texts: a string that bypassed the catalog. A
// message's arguments (names, paths, flags) are inside its brackets; what
// is left outside is the "bedtime:" before an error and single words such
// as cobra's suggestions of commands.
func checkPseudo(t *testing.T, got string) {
	t.Helper()
	bracketed := regexp.MustCompile(`⟦[^⟧]*⟧`)
	words := regexp.MustCompile(`[A-Za-z]{3,}[ ,;:]+[A-Za-z]{3,}`)
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "$ ") {
			continue
		}
		if w := words.FindString(bracketed.ReplaceAllString(line, "⟦⟧")); w != "" {
			t.Errorf("English outside the catalog in the pseudo-locale: %q in %q", w, line)
		}
	}
}

// TestAlreadyRunningInEachLanguage: run's refusal when a daemon holds the
// lock, since today and since another day, in each language. On Windows
// it told the person to `kill 4242`, a command Windows has not; there
// `bedtime stop` ends one started by hand too, and it says only that.
func TestAlreadyRunningInEachLanguage(t *testing.T) {
	t.Parallel()
	now := berlin(t, "2026-11-25 20:10")
	var all bytes.Buffer
	for _, lang := range append([]string{"en", "en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		l, err := locale.Parse(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, goos := range []string{"linux", "windows"} {
			fmt.Fprintf(&all, "# %s on %s\n", lang, goos)
			for _, since := range []time.Time{now.Add(-time.Hour), now.AddDate(0, 0, -2), {}} {
				fmt.Fprintln(&all, alreadyRunning(l, goos, 4242, since, now))
			}
		}
	}
	testutil.Golden(t, "lang/already-running.golden", all.Bytes())
	for goos, want := range map[string]string{
		"linux":   "already running (process 4242 since 19:10), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill 4242` (one started by hand)",
		"darwin":  "already running (process 4242 since 19:10), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill 4242` (one started by hand)",
		"windows": "already running (process 4242 since 19:10), and one is enough: leave it, or stop it first with `bedtime stop`",
	} {
		if got := alreadyRunning(locale.English, goos, 4242, now.Add(-time.Hour), now).Error(); got != want {
			t.Errorf("English on %s:\n%s\nwant\n%s", goos, got, want)
		}
	}
}

// TestInitInEachLanguage: init writes the template with its comments in
// the person's language (from the environment here), and what it says
// there; the written file parses to the built-in default.
func TestInitInEachLanguage(t *testing.T) {
	t.Parallel()
	topic := regexp.MustCompile(`bedtime-[a-z0-9]{20}`)
	for _, lang := range append([]string{"en"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "bedtime", "schedule.yaml")
			app := &App{Getenv: func(k string) string {
				if k == "LANG" {
					return lang
				}
				return ""
			}}
			code, out, errOut := runApp(app, "init", "--config", path)
			if code != 0 {
				t.Fatalf("init: exit %d: %s", code, errOut)
			}
			l, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, config.TemplateIn(l)) {
				t.Errorf("init wrote another file than the %s template", lang)
			}
			if lang == "en" && !bytes.Equal(data, config.Template()) {
				t.Errorf("init in English wrote another file than template.yaml")
			}
			if _, err := config.Parse(path, data); err != nil {
				t.Errorf("the written schedule does not parse: %v", err)
			}
			got := topic.ReplaceAllString(strings.ReplaceAll(out, path, "SCHEDULE"), "TOPIC")
			testutil.Golden(t, "lang/init-"+lang+".golden", []byte(got))
			// Again: the file is there now.
			code, _, errOut = runApp(app, "init", "--config", path)
			if again, _ := os.ReadFile(path); code != 1 || !bytes.Equal(again, data) {
				t.Errorf("init again: exit %d, stderr %q, file changed %v", code, errOut, !bytes.Equal(again, data))
			}
		})
	}
}

// TestSaidErrorsWrap: an error said in a language still wraps its cause,
// for errors.Is and errors.As, as fmt.Errorf's %w would.
func TestSaidErrorsWrap(t *testing.T) {
	t.Parallel()
	de, err := locale.Parse("de")
	if err != nil {
		t.Fatal(err)
	}
	cause := fmt.Errorf("stat: %w", os.ErrNotExist)
	for _, tt := range []struct {
		err  error
		want string
	}{
		{errorIn(de, "cannot stop bedtime: %v", cause), "bedtime lässt sich nicht beenden: stat: file does not exist"},
		{wrapIn(de, cause, "unknown flag: --%s", "frob"), "unbekannte Option: --frob"},
		{errorIn(locale.English, "cannot stop bedtime: %v", cause), "cannot stop bedtime: stat: file does not exist"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, os.ErrNotExist) {
			t.Errorf("%q does not wrap its cause", tt.err)
		}
	}
	var nm service.NoManagerError
	if err := noManager(de, service.NoManagerError{Found: "x"}); !errors.As(err, &nm) || nm.Found != "x" {
		t.Errorf("noManager(...) does not wrap the NoManagerError: %v", err)
	}
}

// TestNothingToInEachLanguage: done and snooze with nothing to answer
// after the reminder's last instant ended (dismissed, missed), in each
// language, as a golden.
func TestNothingToInEachLanguage(t *testing.T) {
	t.Parallel()
	now := berlin(t, "2026-11-25 21:10")
	var all strings.Builder
	for _, lang := range append([]string{"en", "en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		app := &App{ConfigPath: langSchedule(t, lang), Stderr: io.Discard, Getenv: func(string) string { return "" }}
		s, r, err := app.controlReminder("magnesium")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&all, "# %s\n", lang)
		for _, kind := range []state.Kind{state.Dismissed, state.Missed, "frobbed"} {
			nothing := &state.NothingError{Reminder: r.Name, Last: state.Outcome{Kind: kind, At: berlin(t, "2026-11-25 20:31")}}
			for _, done := range []bool{true, false} {
				err := app.nothingTo(done, s, r, nothing, now)
				if !errors.Is(err, state.ErrNothing) {
					t.Errorf("%s: %v does not wrap state.ErrNothing", lang, err)
				}
				fmt.Fprintln(&all, err)
			}
		}
	}
	testutil.Golden(t, "lang/nothing-to.golden", []byte(all.String()))
}

// TestSyncAloneInEachLanguage: why this computer works alone, as stats,
// report and diary say it on stderr, in each language; the English is
// devices' own Link.Alone, byte for byte.
func TestSyncAloneInEachLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noKey := devices.Connect(dir, filepath.Join(dir, "sync"), "laptop", devices.Options{})
	if !noKey.NoKey {
		t.Fatalf("Connect without a key: %+v", noKey)
	}
	if err := devices.SaveKey(dir, mustKey(t)); err != nil {
		t.Fatal(err)
	}
	noFolder := devices.Connect(dir, filepath.Join(dir, "not-there"), "laptop", devices.Options{})
	if noFolder.FolderError == "" {
		t.Fatalf("Connect to a missing folder: %+v", noFolder)
	}
	for _, link := range []*devices.Link{noKey, noFolder} {
		if got := aloneIn(locale.English, link); got != link.Alone {
			t.Errorf("English:\n%s\nwant devices' own\n%s", got, link.Alone)
		}
	}
	var all strings.Builder
	for _, lang := range append(locale.Shipped[1:], locale.Pseudo) {
		l, err := locale.Parse(lang)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&all, "# %s\n%s\n%s\n", lang, aloneIn(l, noKey), strings.ReplaceAll(aloneIn(l, noFolder), dir, "DIR"))
	}
	testutil.Golden(t, "lang/sync-alone.golden", []byte(all.String()))
}

func mustKey(t *testing.T) devices.Key {
	t.Helper()
	k, err := devices.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}
