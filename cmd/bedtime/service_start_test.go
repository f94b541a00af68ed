package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/service"
)

// journal is the command a systemd StartError names.
const journal = "journalctl --user -u bedtime.service -n 20"

// notStarted are the ways a daemon systemd started did not start, as
// service.StartError says them.
var notStarted = []struct {
	name string
	err  *service.StartError
}{
	{"exit 78", &service.StartError{How: service.Exited, Status: 78, Log: journal}},
	{"exit 1, retried", &service.StartError{How: service.Exited, Status: 1, Retrying: true, Log: journal}},
	{"crash, retried", &service.StartError{How: service.Killed, Signal: "SIGSEGV", Retrying: true, Log: journal}},
	{"timeout", &service.StartError{How: service.TimedOut, Within: "30s", Log: journal}},
}

// serviceApp is an app whose manager fails install, start and restart
// with err, after a first install (nothing ran before it).
func serviceApp(t *testing.T, err error, lang string) (*App, string) {
	t.Helper()
	first := serviceStatus{Manager: "systemd user unit", State: "inactive, dead"}
	m := &fakeManager{
		InstallFunc: func(context.Context, service.Spec) error { return err },
		ControlFunc: func(context.Context, string) error { return err },
		StatusFunc:  func(context.Context) (serviceStatus, error) { return first, nil },
	}
	schedule := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := config.WriteFile(schedule, []byte("reminders: {}\n")); err != nil {
		t.Fatal(err)
	}
	app := withService(m, "/usr/bin/bedtime")
	app.StateDir = t.TempDir()
	app.Getenv = func(k string) string { return map[string]string{"LANG": lang}[k] }
	return app, schedule
}

// TestServiceDidNotStart: install, start and restart under systemd said
// bedtime runs while it had exited at once (Type=simple). They now say
// it did not start, how, and the one command that shows why, and exit 1.
func TestServiceDidNotStart(t *testing.T) {
	see := "see why with `" + journal + "`\n"
	tests := []struct {
		verb string
		err  error
		want string
	}{
		{"install", notStarted[0].err, "bedtime: cannot install the bedtime service: bedtime exited as soon as it was started (exit status 78)\n" + see},
		{"start", notStarted[1].err, "bedtime: cannot start bedtime: bedtime exited as soon as it was started (exit status 1); systemd tries again by itself in a few seconds\n" + see},
		{"restart", notStarted[2].err, "bedtime: cannot restart bedtime: bedtime was ended by SIGSEGV as soon as it was started; systemd tries again by itself in a few seconds\n" + see},
		{"restart", notStarted[3].err, "bedtime: cannot restart bedtime: bedtime did not finish starting within 30s, so systemd stopped it\n" + see},
		// Wrapped as the service package may: still said plainly.
		{"start", fmt.Errorf("start: %w", notStarted[0].err), "bedtime: cannot start bedtime: bedtime exited as soon as it was started (exit status 78)\n" + see},
		// Any other error stays as the manager said it.
		{"start", errors.New("Failed to start bedtime.service: Unit bedtime.service not found."), "bedtime: cannot start bedtime: Failed to start bedtime.service: Unit bedtime.service not found.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.verb+" "+tt.err.Error(), func(t *testing.T) {
			t.Parallel()
			app, schedule := serviceApp(t, tt.err, "C")
			args := []string{tt.verb}
			if tt.verb == "install" {
				args = append(args, "--config", schedule)
			}
			code, stdout, stderr := runApp(app, args...)
			if code != 1 || stdout != "" || stderr != tt.want {
				t.Errorf("bedtime %s = %d, stdout %q, stderr:\n%s\nwant 1, nothing, and:\n%s", tt.verb, code, stdout, stderr, tt.want)
			}
		})
	}
}

// TestServiceDidNotStartInEachLanguage: what install, start and restart
// say when bedtime did not start, in every shipped language and the
// pseudo-locale, as goldens.
func TestServiceDidNotStartInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append(append([]string{}, locale.Shipped...), locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			var all strings.Builder
			for i, ns := range notStarted {
				verb := []string{"install", "start", "restart", "start"}[i]
				app, schedule := serviceApp(t, ns.err, lang)
				args := []string{verb}
				if verb == "install" {
					args = append(args, "--config", schedule)
				}
				code, _, stderr := runApp(app, args...)
				if code != 1 {
					t.Errorf("%s (%s): exit %d, want 1", verb, ns.name, code)
				}
				all.WriteString("$ bedtime " + verb + "   # " + ns.name + "\n" + stderr)
			}
			testutil.Golden(t, "lang/not-started-"+lang+".golden", []byte(all.String()))
		})
	}
}
