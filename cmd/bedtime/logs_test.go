package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogsOfADaemonStartedByHand: without systemd, the daemon's log goes
// to a file in the state directory as well as stderr, and `bedtime logs`
// shows its last lines.
func TestLogsOfADaemonStartedByHand(t *testing.T) {
	s := newStateDir(t)
	t.Setenv("JOURNAL_STREAM", "")
	xdg := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) {
		return serviceStatus{Manager: "XDG autostart entry"}, nil
	}}
	var stderr bytes.Buffer
	app := &App{Stdout: &bytes.Buffer{}, Stderr: &stderr, Service: xdg}
	log, closeLog := app.daemonLogger(s.Dir())
	for _, msg := range []string{"bedtime started", "fired", "done"} {
		log.Info(msg, "reminder", "magnesium")
	}
	closeLog()
	if !strings.Contains(stderr.String(), "msg=done") {
		t.Errorf("stderr lacks the log: %q", stderr.String())
	}
	if fi, err := os.Stat(filepath.Join(s.Dir(), logFileName)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("log file: %v, %v", fi, err)
	}

	var out, errOut bytes.Buffer
	code := (&App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Service: xdg, StateDir: s.Dir()}).Run(context.Background(), []string{"logs", "-n", "2"})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "msg=fired") || !strings.Contains(lines[1], "msg=done") {
		t.Fatalf("logs -n 2: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

func TestLogsBeforeAnyLog(t *testing.T) {
	t.Parallel()
	s := newStateDir(t)
	xdg := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) {
		return serviceStatus{Manager: "XDG autostart entry"}, nil
	}}
	var out, errOut bytes.Buffer
	code := (&App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Service: xdg, StateDir: s.Dir()}).Run(context.Background(), []string{"logs"})
	if code != 1 || !strings.Contains(errOut.String(), "no log yet at ") || !strings.Contains(errOut.String(), "bedtime install") {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
}
