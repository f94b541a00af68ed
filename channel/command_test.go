package channel

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// script is a command channel running /bin/sh, which writes its arguments
// and the BEDTIME_ variables to out, one per line.
func script(t *testing.T, body string, timeout time.Duration, args ...string) (*Command, string) {
	t.Helper()
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Fatal("/bin/sh is missing (Debian package dash)")
	}
	out := filepath.Join(t.TempDir(), "out")
	argv := append([]string{"/bin/sh", "-c", body, "sh", out}, args...)
	return NewCommand("speak", config.CommandChannel{Argv: argv, Timeout: timeout}), out
}

const record = `out=$1; shift
for a in "$@"; do printf 'arg=%s\n' "$a"; done > "$out"
env | grep '^BEDTIME_' | sort >> "$out"`

func TestCommandArgs(t *testing.T) {
	c, out := script(t, record, 0, "{title}. {message}", "{reminder}", "at {scheduled}", "{title}", "$HOME; rm -rf /")
	d := Delivery{Reminder: "magnesium", Scheduled: at2030, Message: Message{Title: "Magnesium 'now'", Body: "Take it; with water $PATH"}}
	if err := c.Deliver(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := `arg=Magnesium 'now'. Take it; with water $PATH
arg=magnesium
arg=at 2026-12-01T20:30:00+01:00
arg=Magnesium 'now'
arg=$HOME; rm -rf /
BEDTIME_MESSAGE=Take it; with water $PATH
BEDTIME_REMINDER=magnesium
BEDTIME_SCHEDULED=2026-12-01T20:30:00+01:00
BEDTIME_TITLE=Magnesium 'now'
`
	if got := readFile(t, out); got != want {
		t.Fatalf("the program got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCommandFailures(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		timeout   time.Duration
		code      int
		timedOut  bool
		permanent bool
		msg       string
	}{
		{"exit status", "echo 'no voice' >&2; exit 3", 0, 3, false, true, "/bin/sh exited with status 3: no voice"},
		{"timeout", "sleep 10", 200 * time.Millisecond, -1, true, true, "/bin/sh ran too long and was killed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := script(t, tt.body, tt.timeout)
			// The program runs as a process of its own, which a bubble's
			// clock cannot wait for: the timeout is real, and this bounds
			// only that Deliver returns (sleep 10 is killed long before).
			var err error
			testutil.Within(t, 5*time.Second, "Deliver", func() {
				err = c.Deliver(context.Background(), Delivery{Reminder: "magnesium", Scheduled: at2030})
			})
			var xe *ExitError
			if !errorsAs(err, &xe) {
				t.Fatalf("Deliver = %v, want an *ExitError", err)
			}
			if xe.Code != tt.code || xe.TimedOut != tt.timedOut || IsPermanent(err) != tt.permanent || err.Error() != tt.msg {
				t.Fatalf("Deliver = %q %+v permanent=%v", err, xe, IsPermanent(err))
			}
		})
	}
	c := NewCommand("speak", config.CommandChannel{Argv: []string{"/nonexistent/espeak"}})
	err := c.Deliver(context.Background(), Delivery{Reminder: "magnesium"})
	if err == nil || IsPermanent(err) || !strings.Contains(err.Error(), "cannot run /nonexistent/espeak") {
		t.Fatalf("Deliver of a missing program = %v, want a retryable error", err)
	}
}

// TestCommandThroughDispatcher: the exit status reaches the report, and a
// failed program is not run again.
func TestCommandThroughDispatcher(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		dir := t.TempDir()
		count := filepath.Join(dir, "count")
		ok := NewCommand("log", config.CommandChannel{Argv: []string{"/bin/sh", "-c", `echo "$1" >> ` + count, "sh", "{reminder}"}})
		bad := NewCommand("speak", config.CommandChannel{Argv: []string{"/bin/sh", "-c", `echo x >> ` + count + `.bad; exit 7`}})
		reports := make(chan Report, 10)
		d, err := Open(Options{Dir: dir, Channels: map[string]Channel{"log": ok, "speak": bad}, Logger: (&testutil.LogBuffer{}).Logger(slog.LevelDebug),
			Report: func(r Report) { reports <- r }, Clock: scheduler.TimerClock{}})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.Send("magnesium", time.Now(), time.Now().Add(time.Minute), msg, []string{"desktop", "log", "speak"}); err != nil {
			t.Fatal(err)
		}
		got := map[string]Report{}
		for range 2 {
			select {
			case r := <-reports:
				got[r.Channel] = r
			case <-time.After(10 * time.Second):
				t.Fatal("no report")
			}
		}
		if r := got["log"]; r.State != StateSent || r.ExitCode != 0 {
			t.Errorf("log report = %+v", r)
		}
		if r := got["speak"]; r.State != StateFailed || r.ExitCode != 7 || r.Attempt != 1 {
			t.Errorf("speak report = %+v, want failed with status 7 after one attempt", r)
		}
		if got := readFile(t, count); got != "magnesium\n" {
			t.Errorf("log ran with %q", got)
		}
		if got := readFile(t, count+".bad"); got != "x\n" {
			t.Errorf("the failing program ran %d times, want once", strings.Count(got, "x"))
		}
	})
}

func TestCommandCheck(t *testing.T) {
	if c := NewCommand("x", config.CommandChannel{Argv: []string{"sh"}}).Check(context.Background(), locale.English); !c.OK || !strings.Contains(c.Detail, "killed after 30s") {
		t.Errorf("Check(sh) = %+v", c)
	}
	if c := NewCommand("x", config.CommandChannel{Argv: []string{"no-such-program-bedtime"}}).Check(context.Background(), locale.English); c.OK || !strings.Contains(c.Fix, "install the program") {
		t.Errorf("Check(missing) = %+v", c)
	}
}
