package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// bubbleClock is a scheduler.Clock on the time package, for tests run in
// a synctest bubble: there time is fake and moves on, at once and exactly,
// when every goroutine waits, so a routine's holds pass without a wait and
// time.Since measures them.
type bubbleClock struct{}

func (bubbleClock) Now() time.Time { return time.Now() }

func (bubbleClock) WaitUntil(ctx context.Context, t time.Time) {
	tm := time.NewTimer(time.Until(t))
	defer tm.Stop()
	select {
	case <-ctx.Done():
	case <-tm.C:
	}
}

// routineApp returns an App for `bedtime routine` with a fake notifier,
// a bubbleClock (run it inside synctest.Test), a terminal probe that
// says terminal and, when table is not nil, the routines in table; and the
// notifier.
func routineApp(t *testing.T, terminal bool, table map[string]content.Routine) (*App, *notifytest.Fake) {
	t.Helper()
	n := &notifytest.Fake{}
	app := &App{
		Notifier: func(*slog.Logger, func(notify.Response)) (notify.Notifier, func() error, error) {
			return n, func() error { return nil }, nil
		},
		Clock:    bubbleClock{},
		Terminal: func(io.Writer) (bool, int) { return terminal, 0 },
	}
	if table != nil {
		app.Routines = func() (map[string]content.Routine, error) { return table, nil }
	}
	return app, n
}

func TestRoutineGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		terminal bool
		routine  string
	}{
		{"calf-stretch-terminal", []string{"routine"}, true, "calf-stretch"},
		{"calf-stretch-plain", []string{"routine", "calf-stretch"}, false, "calf-stretch"},
		{"morning-stretch-plain", []string{"routine", "morning-stretch"}, false, "morning-stretch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				app, n := routineApp(t, tt.terminal, nil)
				start := time.Now()
				code, out, errOut := runApp(app, tt.args...)
				slept := time.Since(start)
				if code != 0 || errOut != "" {
					t.Fatalf("bedtime %s: exit %d, stderr %q; want 0 and nothing", strings.Join(tt.args, " "), code, errOut)
				}
				testutil.Golden(t, "content/routine-"+tt.name+".golden", []byte(out))

				r, _ := content.LookupRoutine(tt.routine)
				if slept != r.Duration() {
					t.Errorf("routine waited %v, want its duration %v", slept, r.Duration())
				}
				msgs := n.Messages()
				if got, want := len(msgs), len(r.Steps)+1; got != want {
					t.Fatalf("sent %d notifications, want %d (one per step and one at the end)", got, want)
				}
				for i, s := range r.Steps {
					m := msgs[i]
					wantTitle := fmt.Sprintf("%s (%d of %d)", r.Title, i+1, len(r.Steps))
					if m.Reminder != tt.routine || m.Title != wantTitle || m.Body != s.Text {
						t.Errorf("notification %d = %+v, want reminder %q, title %q, body %q", i, m, tt.routine, wantTitle, s.Text)
					}
				}
				if last := msgs[len(msgs)-1]; last.Reminder != tt.routine || last.Body != r.Done {
					t.Errorf("last notification = %+v, want reminder %q and body %q", last, tt.routine, r.Done)
				}
			})
		})
	}
}

// TestRoutineCountdown checks the countdown of one step in both modes,
// including minutes, a step without a hold and the default closing text.
func TestRoutineCountdown(t *testing.T) {
	t.Parallel()
	table := map[string]content.Routine{
		"test": {Title: "Test", Steps: []content.Step{
			{Text: "Hold this", Hold: 65 * time.Second},
			{Text: "Then this, no timer"},
			{Text: "Short one", Hold: 3 * time.Second},
		}},
	}
	tests := []struct {
		terminal bool
		want     string
	}{
		{true, "Test: 3 steps, about 1\u00a0min 8\u00a0s. Press Ctrl+C to stop.\n\n" +
			"Step 1 of 3: Hold this\n" + countdownLine(65) + "\r  done     \n" +
			"\aStep 2 of 3: Then this, no timer\n" +
			"\aStep 3 of 3: Short one\n" + countdownLine(3) + "\r  done     \n" +
			"\nDone.\n"},
		{false, "Test: 3 steps, about 1\u00a0min 8\u00a0s. Press Ctrl+C to stop.\n\n" +
			"Step 1 of 3: Hold this\n" +
			"  1:05 left\n  1:00 left\n  0:50 left\n  0:40 left\n  0:30 left\n  0:20 left\n  0:10 left\n" +
			"Step 2 of 3: Then this, no timer\n" +
			"Step 3 of 3: Short one\n  0:03 left\n" +
			"\nDone.\n"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("terminal=%v", tt.terminal), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				app, n := routineApp(t, tt.terminal, table)
				start := time.Now()
				code, out, errOut := runApp(app, "routine", "test")
				slept := time.Since(start)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, errOut)
				}
				if out != tt.want {
					t.Errorf("output:\n%q\nwant:\n%q", out, tt.want)
				}
				if slept != 68*time.Second {
					t.Errorf("waited %v, want 1m8s", slept)
				}
				msgs := n.Messages()
				if len(msgs) != 4 || msgs[0].Reminder != "test" || msgs[3].Body != "Done." {
					t.Errorf("notifications = %+v", msgs)
				}
			})
		})
	}
}

// countdownLine is the terminal countdown from secs down to 1, redrawn in place.
func countdownLine(secs int) string {
	var b strings.Builder
	for s := secs; s > 0; s-- {
		fmt.Fprintf(&b, "\r  %d:%02d left", s/60, s%60)
	}
	return b.String()
}

func TestRoutineStopsOnCancel(t *testing.T) {
	t.Parallel()
	for _, terminal := range []bool{true, false} {
		t.Run(fmt.Sprintf("terminal=%v", terminal), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				app, n := routineApp(t, terminal, nil)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				time.AfterFunc(15*time.Second, cancel) // Ctrl+C, in step 2
				var stdout, stderr bytes.Buffer
				app.Stdin, app.Stdout, app.Stderr = strings.NewReader(""), &stdout, &stderr
				code := app.Run(ctx, []string{"routine"})
				out := stdout.String()
				if code != 130 {
					t.Fatalf("exit %d, want 130", code)
				}
				if !strings.HasSuffix(out, "\nStopped.\n") {
					t.Errorf("output does not end with Stopped: %q", out)
				}
				if strings.Contains(out, "Step 3 of") {
					t.Errorf("routine went on after the stop: %q", out)
				}
				if got := len(n.Messages()); got != 2 {
					t.Errorf("sent %d notifications, want 2 (steps 1 and 2)", got)
				}
			})
		})
	}
}

func TestRoutineGoesOnWhenNotificationsFail(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		app, n := routineApp(t, false, nil)
		n.NotifyFunc = func(context.Context, notify.Message) error { return errors.New("no notification server") }
		code, out, errOut := runApp(app, "routine", "morning-stretch")
		if code != 0 {
			t.Fatalf("exit %d, want 0", code)
		}
		want := "bedtime: cannot show the step as a notification (going on in the terminal only): no notification server\n"
		if errOut != want {
			t.Errorf("stderr = %q, want one warning %q", errOut, want)
		}
		if !strings.Contains(out, "Step 7 of 7") {
			t.Errorf("routine did not reach its last step: %q", out)
		}
	})
}

func TestRoutineNotifyIsBounded(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		app, n := routineApp(t, false, nil)
		n.NotifyFunc = func(ctx context.Context, m notify.Message) error {
			if _, ok := ctx.Deadline(); !ok {
				return errors.New("notification context has no deadline")
			}
			return nil
		}
		if code, _, errOut := runApp(app, "routine"); code != 0 || errOut != "" {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
	})
}

func TestRoutineErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		table   map[string]content.Routine
		args    []string
		wantErr string
	}{
		{"unknown", nil, []string{"routine", "yoga"}, "bedtime: unknown routine \"yoga\": want one of calf-stretch, morning-stretch\n"},
		{"two names", nil, []string{"routine", "a", "b"}, "bedtime: routine takes at most 1 argument, got 2\nusage: bedtime routine [NAME | --stop] [flags]\nexample: bedtime routine morning-stretch\n"},
		{"invalid custom", map[string]content.Routine{"empty": {Title: "Empty"}}, []string{"routine", "empty"}, "bedtime: routine \"empty\": has no steps\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, n := routineApp(t, false, tt.table)
			code, out, errOut := runApp(app, tt.args...)
			if code == 0 {
				t.Fatal("exit 0, want non-zero")
			}
			if out != "" || errOut != tt.wantErr {
				t.Errorf("stdout %q, stderr %q; want nothing and %q", out, errOut, tt.wantErr)
			}
			if len(n.Messages()) != 0 {
				t.Errorf("sent notifications for a failed command: %+v", n.Messages())
			}
		})
	}
}

func TestRoutineTableError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		app, _ := routineApp(t, false, nil)
		app.Routines = func() (map[string]content.Routine, error) {
			return nil, errors.New("schedule.yaml:3:5: bad")
		}
		code, _, errOut := runApp(app, "routine")
		if want := "bedtime: cannot load routines: schedule.yaml:3:5: bad\n"; code != 1 || errOut != want {
			t.Fatalf("exit %d, stderr %q; want 1 and %q", code, errOut, want)
		}
	})
}

func TestIsTerminal(t *testing.T) {
	t.Parallel()
	if ok, _ := isTerminal(&bytes.Buffer{}); ok {
		t.Error("isTerminal(buffer) = true")
	}
}
