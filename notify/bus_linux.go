package notify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/godbus/dbus/v5"
)

// FindSessionBus returns the address of the user's session bus: the
// DBUS_SESSION_BUS_ADDRESS variable when set, else the socket "bus" in
// $XDG_RUNTIME_DIR (or /run/user/UID when that is unset) when it exists.
// Otherwise it returns an error wrapping ErrNoSessionBus. It never starts a
// bus: an "autolaunch:" address is refused for that reason.
func FindSessionBus() (BusAddress, error) {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		if strings.Contains(addr, "autolaunch:") {
			return BusAddress{}, &NoBusError{Why: "DBUS_SESSION_BUS_ADDRESS is %q, which would start a new bus", What: addr}
		}
		return BusAddress{Address: addr, Source: "DBUS_SESSION_BUS_ADDRESS"}, nil
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = "/run/user/" + strconv.Itoa(os.Getuid())
	}
	path := filepath.Join(dir, "bus")
	fi, err := os.Stat(path)
	if err != nil || fi.Mode()&os.ModeSocket == 0 {
		return BusAddress{}, &NoBusError{Why: "DBUS_SESSION_BUS_ADDRESS is not set and %s is not a socket", What: path}
	}
	return BusAddress{Address: "unix:path=" + dbus.EscapeBusAddressValue(path), Source: path}, nil
}

// connect dials addr, authenticates and says hello, all within ctx. When
// ctx ends first, the connection being made is closed at once, which ends
// the handshake: a bus that accepts and then says nothing leaves neither a
// socket nor a goroutine behind. (Only the dial itself, connect(2) on a
// socket whose listen queue is full, cannot be cut short; the goroutine
// then ends when it returns.)
func connect(ctx context.Context, addr string) (*dbus.Conn, error) {
	type result struct {
		c   *dbus.Conn
		err error
	}
	// The connection lives until it is closed, or until cancel ends the
	// handshake.
	life, cancel := context.WithCancel(context.Background())
	ch := make(chan result, 1)
	go func() {
		c, err := dbus.Connect(addr, dbus.WithContext(life))
		ch <- result{c, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			cancel()
			return nil, fmt.Errorf("cannot connect to the session bus at %q: %w", addr, r.err)
		}
		context.AfterFunc(r.c.Context(), cancel)
		return r.c, nil
	case <-ctx.Done():
		// Closes the connection, so Connect returns.
		cancel()
		return nil, fmt.Errorf("cannot connect to the session bus at %q: %w (no answer to the handshake within the call timeout)", addr, ErrTimeout)
	}
}
