//go:build linux

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/scheduler"
)

func TestNotifyCommandOnRealBus(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	srv := bus.StartServer(t, notifytest.Config{Capabilities: []string{"actions", "body", "body-markup"}})
	path := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(path, []byte("reminders:\n  walk: {at: \"19:00\", title: \"Walk & stretch\", message: \"Heels <first>\"}\n"), 0o600)
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)

	code, out, errOut := runAt(t, now, "notify", "walk", "--wait", "0", "--config", path)
	if code != 0 || out != "Shown: Walk & stretch\n" {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	n := srv.Next(t)
	if n.AppName != "bedtime" || n.Summary != "Walk & stretch" || n.Body != "Heels &lt;first&gt;" || len(n.Actions) != 0 {
		t.Fatalf("notification = app %q summary %q body %q actions %q", n.AppName, n.Summary, n.Body, n.Actions)
	}

	// A built-in text by variant.
	builtin := filepath.Join(t.TempDir(), "schedule.yaml")
	os.WriteFile(builtin, config.Template(), 0o600)
	code, _, _ = runAt(t, now, "notify", "magnesium", "--wait", "0", "--variant", "1", "--config", builtin)
	texts, _ := content.Texts("magnesium")
	if n := srv.Next(t); code != 0 || n.Summary != texts[0].Title {
		t.Fatalf("variant 1: exit %d, summary %q, want %q", code, n.Summary, texts[0].Title)
	}

	// No server: a clear error and a non-zero exit.
	srv.Stop()
	code, _, errOut = runAt(t, now, "notify", "walk", "--config", path)
	want := "bedtime: cannot show reminder \"walk\": no notification server is running; log in to a desktop that has one (GNOME, KDE, Xfce) or start one such as dunst or mako, and check `bedtime doctor`\n"
	if code == 0 || errOut != want {
		t.Fatalf("no server: exit %d, stderr %q, want %q", code, errOut, want)
	}
}

// TestNotifyCommandButtons: `bedtime notify` shows the reminder's real
// buttons, waits for one to be pressed on a real bus, says which, and
// records nothing.
func TestNotifyCommandButtons(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	srv := bus.StartServer(t, notifytest.Config{Capabilities: []string{"actions", "body"}})
	path := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(path, []byte("reminders:\n  walk: {at: \"19:00\", title: Walk}\n  stretch: {at: \"22:00\", title: Stretch, routine: calf-stretch}\n  cramp-diary: {at: \"06:00\", ask: cramps}\n"), 0o600)
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)

	tests := []struct {
		name, reminder, press string
		wait                  string
		wantActions           string
		wantOut               string
	}{
		{"done", "walk", "done", "60s", "[done Done snooze Snooze]",
			"Shown: Walk\nPress Done or Snooze on it: waiting up to 1m (nothing is recorded)...\nYou pressed Done. Nothing was recorded.\n"},
		{"start", "stretch", "start", "90s", "[start Start done Done snooze Snooze]",
			"Shown: Stretch\nPress Start, Done or Snooze on it: waiting up to 1m (nothing is recorded)...\nYou pressed Start. Nothing was recorded.\n"},
		{"a question", "cramp-diary", "choice-1", "60s", "[choice-0 None choice-1 Some choice-2 Bad]",
			"Shown: Leg cramps last night?\nPress None, Some or Bad on it: waiting up to 1m (nothing is recorded)...\nYou pressed Some. Nothing was recorded.\n"},
		{"dismissed", "walk", "", "60s", "[done Done snooze Snooze]",
			"Shown: Walk\nPress Done or Snooze on it: waiting up to 1m (nothing is recorded)...\nYou closed it without pressing a button.\n"},
		{"no answer", "walk", "-", "300ms", "[done Done snooze Snooze]",
			"Shown: Walk\nPress Done or Snooze on it: waiting up to 300ms (nothing is recorded)...\nNo answer within 300ms.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The command's output comes through a pipe, so that the button
			// is pressed once bedtime says it waits (it has the id by then).
			pr, pw := io.Pipe()
			var stderr testutil.LogBuffer
			app := &App{Stdin: strings.NewReader(""), Stdout: pw, Stderr: &stderr, Clock: scheduler.NewFakeClock(now)}
			code := make(chan int, 1)
			go func() {
				c := app.Run(context.Background(), []string{"notify", tt.reminder, "--wait", tt.wait, "--config", path})
				pw.Close()
				code <- c
			}()
			lines := bufio.NewScanner(pr)
			var out strings.Builder
			for lines.Scan() {
				out.WriteString(lines.Text() + "\n")
				if strings.HasPrefix(lines.Text(), "Press ") {
					break
				}
			}
			n := srv.Next(t)
			if got := fmt.Sprint(n.Actions); got != tt.wantActions {
				t.Errorf("buttons = %s, want %s", got, tt.wantActions)
			}
			wait, _ := time.ParseDuration(tt.wait)
			if got, want := n.ExpireTimeout, int32(wait.Milliseconds()); got != want {
				t.Errorf("expire timeout = %d, want %d (gone when bedtime stops waiting)", got, want)
			}
			switch tt.press {
			case "":
				srv.Close(n.ID, 2)
			case "-":
			default:
				if err := srv.InvokeAction(n.ID, tt.press); err != nil {
					t.Fatal(err)
				}
			}
			for lines.Scan() {
				out.WriteString(lines.Text() + "\n")
			}
			if c := <-code; c != 0 || out.String() != tt.wantOut || stderr.String() != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want 0, %q", c, out.String(), stderr.String(), tt.wantOut)
			}
			if files, _ := os.ReadDir(state); len(files) != 0 {
				t.Fatalf("state written: %v", files)
			}
		})
	}

	// A server without buttons: said, and no waiting.
	srv.Stop()
	bus.StartServer(t, notifytest.Config{Capabilities: []string{"body"}})
	code, out, errOut := runAt(t, now, "notify", "walk", "--config", path)
	want := "Shown: Walk\nThis notification server shows no buttons: answer a reminder with `bedtime done walk` or `bedtime snooze walk`.\n"
	if code != 0 || out != want {
		t.Fatalf("no buttons: exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}
}

func TestNotifyCommandBadWait(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ wait, shown string }{
		{"-1s", "-1s"},
		{"2h", "2h0m0s"},
	} {
		t.Run(tt.wait, func(t *testing.T) {
			code, _, errOut := run(t, "notify", "walk", "--wait", tt.wait)
			want := "--wait is " + tt.shown + ": give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s"
			if code == 0 || !strings.Contains(errOut, want) {
				t.Fatalf("exit %d, stderr %q; want %q", code, errOut, want)
			}
		})
	}
}
