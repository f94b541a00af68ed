package notify_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/bedtime-app/bedtime/notify"
)

// TestNotShownError: the error of a reminder nothing could show is one
// sentence saying why and what to do, from the first backend's error; the
// chain of every backend's error stays in Detail and for errors.Is.
func TestNotShownError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"no server", fmt.Errorf("%w (The name is not activatable)", notify.ErrNoServer),
			`cannot show reminder "water": no notification server is running; log in to a desktop that has one (GNOME, KDE, Xfce) or start one such as dunst or mako, and check ` + "`bedtime doctor`"},
		{"server failed to start", fmt.Errorf("%w: %w (Process org.freedesktop.Notifications received signal 5)", notify.ErrNoServer, notify.ErrStartFailed),
			`cannot show reminder "water": no notification server is running: D-Bus tried to start one, and it failed; run ` + "`bedtime doctor`, and see its error with `journalctl --user -b`"},
		{"no bus", fmt.Errorf("%w: DBUS_SESSION_BUS_ADDRESS is not set", notify.ErrNoSessionBus),
			`cannot show reminder "water": there is no session bus; run bedtime inside your desktop session, or set DBUS_SESSION_BUS_ADDRESS`},
		{"slow", fmt.Errorf("%w within 2s", notify.ErrTimeout),
			`cannot show reminder "water": the notification server did not answer in time; if no popup comes, restart it (or log out and in again)`},
		{"silent bus", fmt.Errorf("%w: %w", notify.ErrBus, notify.ErrTimeout),
			`cannot show reminder "water": the session bus does not answer; log out and in again, or point DBUS_SESSION_BUS_ADDRESS at your desktop session's bus`},
		{"do not disturb", notify.ErrInhibited,
			`cannot show reminder "water": do not disturb is on; turn it off to see reminders`},
		{"refused", errors.New("the notification server answered with an error: no more room"),
			`cannot show reminder "water": the notification server answered with an error: no more room; run ` + "`bedtime doctor` to see why"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			second := errors.New("exit status 1")
			err := &notify.NotShownError{Reminder: "water", Errs: []error{tt.err, second}}
			if got := err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(err, tt.err) || !errors.Is(err, second) {
				t.Errorf("errors.Is does not find the backends' errors in %v", err)
			}
			if got, want := err.Detail(), tt.err.Error()+"; exit status 1"; got != want {
				t.Errorf("Detail() = %q, want %q", got, want)
			}
		})
	}
}
