package presence

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// callTimeout bounds one D-Bus call made while watching (outside Open's
// context).
const callTimeout = 5 * time.Second

// bus is one private D-Bus connection with a single signal dispatcher:
// sources subscribe a handler for the signals they match.
type bus struct {
	conn *dbus.Conn
	ch   chan *dbus.Signal
	done chan struct{} // closed when the connection is gone

	mu       sync.Mutex
	next     int
	handlers map[int]func(*dbus.Signal)
	onClose  func()
}

// sessionBusAddress returns the session bus's address: the
// DBUS_SESSION_BUS_ADDRESS variable, else the socket $XDG_RUNTIME_DIR/bus.
// It never starts a bus.
func sessionBusAddress(getenv func(string) string) (string, error) {
	if addr := getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		if strings.Contains(addr, "autolaunch:") {
			return "", fmt.Errorf("DBUS_SESSION_BUS_ADDRESS is %q, which would start a new bus", addr)
		}
		return addr, nil
	}
	path := filepath.Join(runtimeDir(getenv), "bus")
	fi, err := os.Stat(path)
	if err != nil || fi.Mode()&os.ModeSocket == 0 {
		return "", fmt.Errorf("DBUS_SESSION_BUS_ADDRESS is not set and %s is not a socket", path)
	}
	return "unix:path=" + dbus.EscapeBusAddressValue(path), nil
}

// systemBusAddress returns the system bus's address.
func systemBusAddress(getenv func(string) string) string {
	if addr := getenv("DBUS_SYSTEM_BUS_ADDRESS"); addr != "" {
		return addr
	}
	return "unix:path=/run/dbus/system_bus_socket"
}

// runtimeDir returns $XDG_RUNTIME_DIR, or /run/user/UID when it is unset.
func runtimeDir(getenv func(string) string) string {
	if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
		return dir
	}
	return "/run/user/" + strconv.Itoa(os.Getuid())
}

// dialBus connects to the bus at addr within ctx.
func dialBus(ctx context.Context, addr string) (*bus, error) {
	type result struct {
		c   *dbus.Conn
		err error
	}
	ch := make(chan result, 1)
	go func() {
		c, err := dbus.Connect(addr, dbus.WithSignalHandler(dbus.NewSequentialSignalHandler()))
		ch <- result{c, err}
	}()
	var c *dbus.Conn
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, r.err
		}
		c = r.c
	case <-ctx.Done():
		go func() {
			if r := <-ch; r.c != nil {
				r.c.Close()
			}
		}()
		return nil, fmt.Errorf("no answer: %w", ctx.Err())
	}
	b := &bus{conn: c, ch: make(chan *dbus.Signal, 16), done: make(chan struct{}), handlers: map[int]func(*dbus.Signal){}}
	c.Signal(b.ch)
	go b.dispatch()
	return b, nil
}

// dispatch hands every signal to the handlers, one at a time, until the
// connection closes.
func (b *bus) dispatch() {
	for sig := range b.ch {
		b.mu.Lock()
		hs := make([]func(*dbus.Signal), 0, len(b.handlers))
		for _, h := range b.handlers {
			hs = append(hs, h)
		}
		b.mu.Unlock()
		for _, h := range hs {
			h(sig)
		}
	}
	close(b.done)
	b.mu.Lock()
	f := b.onClose
	b.mu.Unlock()
	if f != nil {
		f()
	}
}

// alive reports whether the connection is still open.
func (b *bus) alive() bool {
	select {
	case <-b.done:
		return false
	default:
		return b.conn.Connected()
	}
}

// subscribe adds the match rule and calls h for every signal (h filters
// what it wants). The returned func undoes both.
func (b *bus) subscribe(ctx context.Context, h func(*dbus.Signal), match ...dbus.MatchOption) (func(), error) {
	if err := b.conn.AddMatchSignalContext(ctx, match...); err != nil {
		return nil, err
	}
	b.mu.Lock()
	id := b.next
	b.next++
	b.handlers[id] = h
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		delete(b.handlers, id)
		b.mu.Unlock()
		if b.alive() {
			ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
			defer cancel()
			b.conn.RemoveMatchSignalContext(ctx, match...)
		}
	}, nil
}

// match adds a match rule for signals that a handler subscribed with
// another rule takes; it is removed with the connection.
func (b *bus) match(ctx context.Context, match ...dbus.MatchOption) error {
	return b.conn.AddMatchSignalContext(ctx, match...)
}

// hasOwner reports whether name is on the bus.
func (b *bus) hasOwner(ctx context.Context, name string) (bool, error) {
	var ok bool
	err := b.conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, name).Store(&ok)
	return ok, err
}

// close closes the connection.
func (b *bus) close() error {
	err := b.conn.Close()
	<-b.done
	return err
}

// dbusErr shortens a D-Bus error to its message for a report.
func dbusErr(err error) string {
	var de dbus.Error
	if errors.As(err, &de) {
		if len(de.Body) > 0 {
			if s, ok := de.Body[0].(string); ok && s != "" {
				return s
			}
		}
		return de.Name
	}
	return err.Error()
}
