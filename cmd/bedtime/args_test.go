package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/locale"
)

// TestArgumentErrors: a wrong number of arguments says what the command
// takes, its usage line and an example.
func TestArgumentErrors(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"done"}, "bedtime: done takes 1 argument, got 0\nusage: bedtime done NAME [flags]\nexample: bedtime done calf-stretch\n"},
		{[]string{"skip", "a", "b"}, "bedtime: skip takes 1 argument, got 2\nusage: bedtime skip NAME [flags]\nexample: bedtime skip movement\n"},
		{[]string{"snooze"}, "bedtime: snooze takes 1 to 2 arguments, got 0\nusage: bedtime snooze NAME [DURATION] [flags]\nexample: bedtime snooze magnesium\n"},
		{[]string{"pause", "1h", "2h"}, "bedtime: pause takes at most 1 argument, got 2\nusage: bedtime pause [DURATION | --until HH:MM | --today] [flags]\nexample: bedtime pause 2h\n"},
		{[]string{"pause", "0"}, "bedtime: \"0\" is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)\n"},
		{[]string{"pause", "-5m"}, "bedtime: -5m is read as a flag: a length of time is never negative; give one over zero, such as 45m\n"},
		{[]string{"notify"}, "bedtime: notify takes 1 argument, got 0\nusage: bedtime notify NAME [flags]\nexample: bedtime notify magnesium\n"},
		{[]string{"next", "soon"}, "bedtime: next takes no arguments, got \"soon\"\nusage: bedtime next [flags]\n"},
		{[]string{"sync", "status"}, "bedtime: sync has no command \"status\" (its commands: init, join)\nusage: bedtime sync [flags]\n"},
		{[]string{"notify", "magnesium", "--variant", "0"}, "bedtime: --variant 0: variants count from 1 (the first); leave out --variant for today's text\n"},
		{[]string{"notify", "magnesium", "--variant", "-1"}, "bedtime: --variant -1: variants count from 1 (the first); leave out --variant for today's text\n"},
	} {
		code, out, errOut := runAt(t, time.Now(), append(tt.args, "--config", path)...)
		if code != 1 || out != "" || errOut != tt.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and\n%s", tt.args, code, out, errOut, tt.want)
		}
	}
}

func TestArgCountText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ cobra, want string }{
		{"accepts 1 arg(s), received 0", "cmd takes 1 argument, got 0"},
		{"accepts 2 arg(s), received 3", "cmd takes 2 arguments, got 3"},
		{"accepts at most 1 arg(s), received 2", "cmd takes at most 1 argument, got 2"},
		{"requires at least 2 arg(s), only received 1", "cmd takes at least 2 arguments, got 1"},
		{"accepts between 1 and 2 arg(s), received 3", "cmd takes 1 to 2 arguments, got 3"},
		{"accepts between 0 and 1 arg(s), received 3", "cmd takes 0 to 1 argument, got 3"},
		{`unknown command "now" for "bedtime cramp"`, `cmd takes no arguments, got "now"`},
		{"something else", ""},
	} {
		if got := argCountText(locale.English, "cmd", tt.cobra); got != tt.want {
			t.Errorf("argCountText(%q) = %q, want %q", tt.cobra, got, tt.want)
		}
	}
}

// TestDoctorServiceLineSaysItOnce: without a service manager and with no
// daemon running, the line says what was found and, once, as the fix,
// what to do.
func TestDoctorServiceLineSaysItOnce(t *testing.T) {
	t.Parallel()
	m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) {
		return serviceStatus{Manager: "none", State: "no per-user service manager here"}, nil
	}}
	r := checkService(context.Background(), &App{Stderr: os.Stderr, Service: m, StateDir: t.TempDir()}) // no daemon runs there
	got := r.line()
	want := "FAIL service: not running; fix: start `bedtime run` from your desktop session's autostart"
	if got != want {
		t.Errorf("doctor line\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "bedtime run") != 1 {
		t.Errorf("the line says what to do more than once: %s", got)
	}
}
