package presence

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// startXvfb starts a real X server (Debian package xvfb) and returns its
// DISPLAY. It fails the test when Xvfb or xdotool is missing.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Fatal("xdotool not found: install the Debian package xdotool")
	}
	return testutil.StartXvfb(t, wait)
}

// xdotool runs xdotool on display, as a person's input.
func xdotool(t *testing.T, display string, args ...string) time.Time {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return time.Now()
}

// TestX11 asks a real X server (Xvfb) how long ago the last input was:
// away after away.after without input, here again after xdotool moves the
// pointer or presses a key.
func TestX11(t *testing.T) {
	display := startXvfb(t)
	opts := testOptions(t, env{"DISPLAY": display}, SourceX11)
	opts.AwayAfter = time.Second
	xdotool(t, display, "mousemove", "10", "10")
	m, r := open(t, opts)
	if r.Idle != SourceX11 || !r.OnDemand {
		t.Fatalf("report = %+v, want %s, on demand", r, SourceX11)
	}
	ctx := context.Background()
	if got := m.Current(ctx); got.State != Here || got.Source != SourceX11 {
		t.Fatalf("Current after input = %v, want here from X11", got)
	}
	for _, input := range [][]string{{"mousemove", "200", "200"}, {"key", "shift"}} {
		// X has no event for input and no clock to inject: let the
		// server's idle time really pass away.after.
		time.Sleep(opts.AwayAfter + 100*time.Millisecond)
		got := m.Current(ctx)
		if got.State != Away || got.Source != SourceX11 {
			t.Fatalf("Current after %v without input = %v, want away from X11", opts.AwayAfter, got)
		}
		if c := next(t, m); c != got {
			t.Errorf("change = %v, want %v (what Current found)", c, got)
		}
		before := time.Now()
		after := xdotool(t, display, input...)
		got = m.Current(ctx)
		if got.State != Here {
			t.Fatalf("Current after xdotool %s = %v, want here", input[0], got)
		}
		if got.Since.Before(before.Add(-50*time.Millisecond)) || got.Since.After(time.Now()) {
			t.Errorf("here since %v, want the input between %v and %v", got.Since, before, after)
		}
		wantState(t, m, Here, SourceX11)
	}
}

// TestX11Report: the reasons the X11 source is not used.
func TestX11Report(t *testing.T) {
	tests := []struct {
		name string
		env  env
		want string
	}{
		{"no DISPLAY", env{}, "DISPLAY is not set (not an X11 session)"},
		{"a Wayland session with XWayland", env{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"},
			"the session is Wayland, and XWayland does not see input to Wayland windows"},
		{"XDG_SESSION_TYPE says Wayland", env{"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"},
			"the session is Wayland, and XWayland does not see input to Wayland windows"},
		{"no X server", env{"DISPLAY": ":97"}, "cannot connect to the X server at :97: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := open(t, testOptions(t, tt.env, SourceX11))
			if len(r.Tried) != 1 || r.Tried[0].Used || !strings.HasPrefix(r.Tried[0].Why, tt.want) {
				t.Fatalf("tried = %+v, want %s not used: %s", r.Tried, SourceX11, tt.want)
			}
		})
	}
}

// TestX11Unasked: nobody calls Current (as while `bedtime status` reads
// what the daemon last heard), yet Changes says away once away.after
// passes without input and here within one poll of xdotool's input. Once
// the X server was asked only at a due reminder, and status said here
// after minutes without input.
func TestX11Unasked(t *testing.T) {
	display := startXvfb(t)
	opts := testOptions(t, env{"DISPLAY": display}, SourceX11)
	opts.AwayAfter = time.Second
	opts.awayPoll = 200 * time.Millisecond
	xdotool(t, display, "mousemove", "10", "10")
	m, _ := open(t, opts)
	for _, input := range [][]string{{"mousemove", "300", "300"}, {"key", "shift"}} {
		// The X server's idle time is its own, on its real clock.
		begin := time.Now()
		got := wantState(t, m, Away, SourceX11)
		if waited := time.Since(begin); waited > opts.AwayAfter+time.Second {
			t.Errorf("away reported %v after the last input, want about %v", waited, opts.AwayAfter)
		}
		before := time.Now()
		xdotool(t, display, input...)
		got = wantState(t, m, Here, SourceX11)
		if waited := time.Since(before); waited > opts.awayPoll+time.Second {
			t.Errorf("here reported %v after xdotool %s, want within the poll of %v", waited, input[0], opts.awayPoll)
		}
		if got.Since.Before(before.Add(-50 * time.Millisecond)) {
			t.Errorf("here since %v, want the input after %v", got.Since, before)
		}
	}
}
