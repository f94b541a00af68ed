package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/godbus/dbus/v5"
)

// failure is a kind of delivery failure; each is logged once until a
// delivery succeeds again.
type failure int

var failureLogs = [nFailures]string{
	failNoBus:      "no session bus: reminders go to the log only; run bedtime inside the desktop session or set DBUS_SESSION_BUS_ADDRESS",
	failNoServer:   "no notification server on the session bus: holding reminders and retrying",
	failTimeout:    "the notification server did not answer in time: waiting for it, without sending anything twice",
	failInhibited:  "do not disturb is on: holding reminders until it ends",
	failBannersOff: "do not disturb is on (GNOME's show-banners setting is off): holding reminders until it ends",
	failBus:        "cannot reach the session bus: retrying",
	failServer:     "the notification server refused a notification: retrying",
}

func kindOf(err error) failure {
	switch {
	case errors.Is(err, ErrNoSessionBus):
		return failNoBus
	case errors.Is(err, ErrNoServer):
		return failNoServer
	case errors.Is(err, ErrBus):
		// Before ErrTimeout: a bus that does not complete the handshake.
		return failBus
	case errors.Is(err, errBannersOff):
		return failBannersOff
	case errors.Is(err, ErrInhibited):
		return failInhibited
	case errors.Is(err, ErrTimeout):
		return failTimeout
	default:
		return failServer
	}
}

// heldReasons says, per kind of failure, why a message is held.
var heldReasons = [nFailures]string{
	failNoBus:      "no session bus",
	failNoServer:   "no notification server",
	failTimeout:    "the notification server did not answer",
	failInhibited:  "do not disturb",
	failBannersOff: "do not disturb",
	failBus:        "the session bus cannot be reached",
	failServer:     "the notification server refused it",
}

// retryable reports whether a later attempt may succeed where err failed.
func retryable(err error) bool {
	return !errors.Is(err, ErrNoSessionBus) && !errors.Is(err, context.Canceled) && !errors.Is(err, ErrClosed)
}

// failure logs err's kind unless it was logged since the last delivery.
func (d *dbusBackend) failure(err error) {
	k := kindOf(err)
	d.mu.Lock()
	seen := d.failed[k]
	d.failed[k] = true
	d.mu.Unlock()
	if !seen {
		d.log.Warn(failureLogs[k], "err", err)
	}
}

// delivered notes a delivery, ending every failure logged before it.
func (d *dbusBackend) delivered() {
	d.mu.Lock()
	var recovered, dndEnded bool
	for k, f := range d.failed {
		dnd := failure(k) == failInhibited || failure(k) == failBannersOff
		recovered = recovered || f && !dnd
		dndEnded = dndEnded || f && dnd
		d.failed[k] = false
	}
	d.mu.Unlock()
	if recovered {
		d.log.Info("notifications are delivered again")
	}
	if dndEnded {
		d.log.Info("do not disturb has ended: delivering held reminders")
	}
}

func isDBusError(err error) bool {
	var e dbus.Error
	var pe *dbus.Error
	return errors.As(err, &e) || errors.As(err, &pe)
}

func dbusErrorName(err error) string {
	var e dbus.Error
	if errors.As(err, &e) {
		return e.Name
	}
	var pe *dbus.Error
	if errors.As(err, &pe) {
		return pe.Name
	}
	return ""
}

// classify turns an error from a call on conn into one that wraps
// ErrNoServer, ErrTimeout or ErrBus where it is one of those.
func (d *dbusBackend) classify(conn *dbus.Conn, err error) error {
	switch dbusErrorName(err) {
	case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
		return fmt.Errorf("%w (%v)", ErrNoServer, err)
	case "org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout", "org.freedesktop.DBus.Error.TimedOut":
		return fmt.Errorf("%w (%v)", ErrTimeout, err)
	case "":
	default:
		if name := dbusErrorName(err); strings.HasPrefix(name, "org.freedesktop.DBus.Error.Spawn.") {
			// D-Bus activation started a server, and it failed.
			return fmt.Errorf("%w: %w (%s)", ErrNoServer, ErrStartFailed, dbusErrorText(err))
		}
		return fmt.Errorf("the notification server answered with an error: %s", dbusErrorText(err))
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w within %v", ErrTimeout, d.o.CallTimeout)
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, dbus.ErrClosed) || !conn.Connected():
		d.dropConnection(conn)
		return fmt.Errorf("%w: %w", ErrBus, err)
	}
	return fmt.Errorf("talking to the notification server: %w", err)
}

// dbusErrorText returns the message of a D-Bus error, or the error's text.
func dbusErrorText(err error) string {
	var e dbus.Error
	var pe *dbus.Error
	switch {
	case errors.As(err, &e):
		pe = &e
	case errors.As(err, &pe):
	default:
		return err.Error()
	}
	if len(pe.Body) > 0 {
		if s, ok := pe.Body[0].(string); ok && s != "" {
			return s
		}
	}
	return pe.Name
}
