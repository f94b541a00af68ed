package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/logfile"
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

// TestLogsFromTheJournal: under systemd the log is the journal, installed
// or not: after "bedtime uninstall" (or before install) the journal still
// holds what the service logged, and logs shows it rather than saying
// there is no log yet; a log file of a bedtime run by hand wins while no
// unit is installed.
func TestLogsFromTheJournal(t *testing.T) {
	bin := t.TempDir()
	calls := filepath.Join(t.TempDir(), "calls")
	script := "#!/bin/sh\necho \"$*\" >> " + calls + "\necho journal line\n"
	if err := os.WriteFile(filepath.Join(bin, "journalctl"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	tests := []struct {
		name    string
		st      serviceStatus
		logFile bool
		want    string
	}{
		{"installed", serviceStatus{Manager: "systemd user unit", Installed: true}, false, "journal line\n"},
		{"uninstalled", serviceStatus{Manager: "systemd user unit"}, false, "journal line\n"},
		{"package's unit, not enabled", serviceStatus{Manager: "systemd user unit from the package"}, false, "journal line\n"},
		{"not installed, a run by hand's log", serviceStatus{Manager: "systemd user unit"}, true, "by hand\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(calls)
			s := newStateDir(t)
			if tt.logFile {
				if err := os.WriteFile(filepath.Join(s.Dir(), logFileName), []byte("by hand\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return tt.st, nil }}
			var out, errOut bytes.Buffer
			code := (&App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Service: m, StateDir: s.Dir()}).Run(context.Background(), []string{"logs", "-n", "5"})
			if code != 0 || out.String() != tt.want {
				t.Fatalf("exit %d, stdout %q, stderr %q; want 0, %q", code, out.String(), errOut.String(), tt.want)
			}
			got, _ := os.ReadFile(calls)
			if journal := tt.want == "journal line\n"; journal != (string(got) == "--user -u bedtime.service -n 5 --no-pager\n") {
				t.Errorf("journalctl calls %q", got)
			}
		})
	}
}

// TestLogCappedWhenStderrIsTheLogFile: a daemon that install or start
// launched (XDG autostart, Windows) has its stderr on the log file; its
// log is capped all the same. Before, it wrote only to stderr, past any
// cap, for as long as it ran.
func TestLogCappedWhenStderrIsTheLogFile(t *testing.T) {
	s := newStateDir(t)
	t.Setenv("JOURNAL_STREAM", "")
	path := filepath.Join(s.Dir(), logFileName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	app := &App{Stdout: &bytes.Buffer{}, Stderr: f}
	log, closeLog := app.daemonLogger(s.Dir())
	line := strings.Repeat("x", 100)
	n := 0
	for written := 0; written < 3*logfile.DefaultMax; written += len(line) + 50 {
		log.Info("fired", "reminder", "magnesium", "n", n, "pad", line)
		n++
	}
	closeLog()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > logfile.DefaultMax {
		t.Errorf("the log is %d bytes, past the cap of %d", len(b), logfile.DefaultMax)
	}
	if last := fmt.Sprintf("n=%d ", n-1); !strings.Contains(string(b), last) {
		t.Errorf("the log lacks its last line (%s)", last)
	}
	if c := strings.Count(string(b), fmt.Sprintf("n=%d ", n-1)); c != 1 {
		t.Errorf("the last line is in the log %d times, want 1", c)
	}
}

// TestLogsWithALineOverAMebibyte: one log line over 1 MiB made `bedtime
// logs` fail until the log was moved aside; the other lines show, and
// the long one shortened, with how much of it was left out, in the
// person's language.
func TestLogsWithALineOverAMebibyte(t *testing.T) {
	tests := []struct{ lang, note string }{
		{"en_US.UTF-8", "[… 1044580 more bytes of this line left out]"},
		{"de_DE.UTF-8", "[… 1044580 weitere Bytes dieser Zeile ausgelassen]"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			s := newStateDir(t)
			xdg := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) {
				return serviceStatus{Manager: "XDG autostart entry"}, nil
			}}
			huge := "level=ERROR msg=odd err=" + strings.Repeat("x", 1<<20+100-24)
			log := "msg=\"bedtime started\"\n" + huge + "\nmsg=fired\n"
			if err := os.WriteFile(filepath.Join(s.Dir(), logFileName), []byte(log), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Service: xdg, StateDir: s.Dir(),
				Getenv: func(k string) string { return map[string]string{"LANG": tt.lang}[k] }}
			code := app.Run(context.Background(), []string{"logs"})
			want := "msg=\"bedtime started\"\n" + huge[:logfile.MaxLine] + " " + tt.note + "\nmsg=fired\n"
			if code != 0 || out.String() != want {
				t.Fatalf("exit %d, stderr %q, stdout (%d bytes) %.200q...%q; want %d bytes", code, errOut.String(), out.Len(), out.String(), out.String()[max(out.Len()-80, 0):], len(want))
			}
		})
	}
}
