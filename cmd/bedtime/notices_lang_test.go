package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// noticeLangs are the languages of the notices' goldens: English as it
// was, the shipped ones and the pseudo-locale.
var noticeLangs = append(append([]string{}, locale.Shipped...), locale.Pseudo)

// TestNotShownInEachLanguage: `bedtime notify NAME`'s error when the
// notification cannot be shown, for each of notify's reasons, in each
// language; English is the sentence it always was.
func TestNotShownInEachLanguage(t *testing.T) {
	t.Parallel()
	reasons := []error{
		notify.ErrNoSessionBus, fmt.Errorf("%w: %w", notify.ErrNoServer, notify.ErrStartFailed), notify.ErrNoServer,
		notify.ErrInhibited, notify.ErrBus, notify.ErrTimeout, notify.ErrUnsupported, notify.ErrClosed,
		errors.New("exit status 1"),
	}
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	for _, lang := range noticeLangs {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "s.yaml")
			src := "language: " + lang + "\nreminders:\n  walk: {at: \"19:00\", title: \"Walk\", message: \"Go\"}\n"
			if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for _, why := range reasons {
				n := &notifytest.Fake{NotifyFunc: func(context.Context, notify.Message) error {
					return &notify.NotShownError{Reminder: "walk", Errs: []error{fmt.Errorf("d-bus: %w", why)}}
				}}
				var stdout, stderr strings.Builder
				app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(now),
					Notifier: func(*slog.Logger, func(notify.Response)) (notify.Notifier, func() error, error) {
						return n, func() error { return nil }, nil
					}}
				code := app.Run(context.Background(), []string{"notify", "walk", "--wait", "0", "--config", path})
				if code == 0 || stdout.Len() != 0 {
					t.Fatalf("%v: exit %d, stdout %q", why, code, stdout.String())
				}
				all.WriteString(stderr.String())
			}
			// A variant the reminder does not have.
			var stdout, stderr strings.Builder
			app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(now)}
			if code := app.Run(context.Background(), []string{"notify", "walk", "--variant", "9", "--config", path}); code == 0 {
				t.Fatalf("--variant 9: exit 0, stdout %q", stdout.String())
			}
			all.WriteString(stderr.String())
			got := all.String()
			testutil.Golden(t, "lang/not-shown-"+lang+".golden", []byte(got))
			if lang == locale.Pseudo {
				checkPseudo(t, got)
			}
			if lang == "en" {
				want := "bedtime: cannot show reminder \"walk\": there is no session bus; run bedtime inside your desktop session, or set DBUS_SESSION_BUS_ADDRESS\n"
				if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "bedtime: cannot show reminder \"walk\": d-bus: exit status 1; run `bedtime doctor` to see why\nbedtime: --variant 9: walk has 0 text variants\n") {
					t.Errorf("English changed:\n%s", got)
				}
			}
		})
	}
}

// TestStatusProblemsInEachLanguage: the daemon's problems, which the state
// keeps in English, as status says them in each language (the schedule
// file's errors and a held reason); status --json keeps the English.
func TestStatusProblemsInEachLanguage(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	for _, lang := range noticeLangs {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "schedule.yaml")
			src := "language: " + lang + "\nreminders:\n  water:\n    every: 2 hours\n    title: Water\n  magnesium:\n    at: \"7pm\"\n"
			if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := config.LoadIn(path, time.UTC)
			var es config.Errors
			if !errors.As(err, &es) || len(es) != 2 {
				t.Fatalf("the broken file loads with %v", err)
			}
			// As the daemon stores them (daemon/reload.go, answers.go).
			stored := es[0].Error() + " (and 1 more)"
			st := installedStatus
			st.ConfigPath = path
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
			app := withService(m, "/usr/bin/bedtime")
			app.Clock = scheduler.NewFakeClock(now)
			store := newStateDir(t)
			app.StateDir = store.Dir()
			if err := store.Update(func(s *state.State) error {
				s.SetProblem(state.ProblemSchedule, stored)
				s.SetProblem(state.ProblemNotifications, "reminders are held: no notification server")
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runApp(app, "--config", path, "status")
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			out = strings.ReplaceAll(out, path, "SCHEDULE")
			testutil.Golden(t, "lang/status-problems-"+lang+".golden", []byte(out))
			if lang == locale.Pseudo {
				checkPseudo(t, out)
			}
			if lang != "en" && strings.Contains(out, "want a") {
				t.Errorf("the schedule problem is English:\n%s", out)
			}
			_, js, _ := runApp(app, "--config", path, "status", "--json")
			if !strings.Contains(js, `"reminders are held: no notification server"`) || !strings.Contains(js, strings.ReplaceAll(stored, `"`, `\"`)) {
				t.Errorf("status --json is not the stored English:\n%s", js)
			}
		})
	}
}

// TestRoutineNotShownInEachLanguage: the routine's warning when a step
// cannot be shown carries notify's sentence and advice in the language.
func TestRoutineNotShownInEachLanguage(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	for _, lang := range noticeLangs {
		app, n := routineApp(t, false, nil)
		n.NotifyFunc = func(context.Context, notify.Message) error {
			return &notify.NotShownError{Reminder: "morning-stretch", Errs: []error{fmt.Errorf("d-bus: %w", notify.ErrNoServer)}}
		}
		env := lang
		if lang == locale.Pseudo {
			env = "xx_PSEUDO"
		}
		app.Getenv = func(k string) string { return map[string]string{"LANG": env}[k] }
		var code int
		var errOut string
		synctest.Test(t, func(t *testing.T) { code, _, errOut = runApp(app, "routine", "morning-stretch") })
		if code != 0 || strings.Count(errOut, "\n") != 1 {
			t.Fatalf("%s: exit %d, stderr %q", lang, code, errOut)
		}
		fmt.Fprintf(&all, "# %s\n%s", lang, errOut)
		switch lang {
		case "en":
			want := "bedtime: cannot show the step as a notification (going on in the terminal only): cannot show reminder \"morning-stretch\": no notification server is running; log in to a desktop that has one (GNOME, KDE, Xfce) or start one such as dunst or mako, and check `bedtime doctor`\n"
			if errOut != want {
				t.Errorf("English:\n%q\nwant\n%q", errOut, want)
			}
		case locale.Pseudo:
			checkPseudo(t, errOut)
		}
	}
	testutil.Golden(t, "lang/routine-not-shown.golden", []byte(all.String()))
}
