package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/godbus/dbus/v5"
)

// connection returns the connection to the session bus, connecting first
// when there is none or the last one broke.
func (d *dbusBackend) connection(ctx context.Context) (*dbus.Conn, error) {
	d.connMu.Lock()
	defer d.connMu.Unlock()
	if d.conn != nil && d.conn.Connected() {
		return d.conn, nil
	}
	d.conn = nil
	bus, err := FindSessionBus()
	if err != nil {
		return nil, err
	}
	conn, err := connect(ctx, bus.Address)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBus, err)
	}
	sigs := make(chan *dbus.Signal, 16)
	conn.Signal(sigs)
	for _, match := range [][]dbus.MatchOption{
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busIface), dbus.WithMatchMember("ActionInvoked")},
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busIface), dbus.WithMatchMember("NotificationClosed")},
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(propsIface), dbus.WithMatchMember("PropertiesChanged")},
		{dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, busName)},
	} {
		if err := conn.AddMatchSignalContext(ctx, match...); err != nil {
			conn.Close()
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w: the session bus at %q did not answer", ErrTimeout, bus.Address)
			}
			return nil, fmt.Errorf("%w: %w", ErrBus, err)
		}
	}
	// Ids from an earlier connection belong to a server on a bus that is
	// gone (a new login): replacing them on this one could close someone
	// else's notification.
	d.mu.Lock()
	clear(d.ids)
	clear(d.last)
	d.info = nil
	d.mu.Unlock()
	d.conn = conn
	d.busID = ""
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetId", 0).Store(&d.busID); err != nil {
		d.log.Debug("the session bus has no id: popups are not taken back after a restart", "err", err)
	}
	d.wg.Add(1)
	go d.signals(sigs)
	return conn, nil
}

// dropConnection forgets conn if it is the current connection.
func (d *dbusBackend) dropConnection(conn *dbus.Conn) {
	d.connMu.Lock()
	if d.conn == conn {
		d.conn = nil
	}
	d.connMu.Unlock()
	conn.Close()
}

// signals handles the signals of one connection until it closes.
func (d *dbusBackend) signals(ch <-chan *dbus.Signal) {
	defer d.wg.Done()
	for {
		select {
		case <-d.ctx.Done():
			return
		case s, ok := <-ch:
			if !ok {
				return
			}
			d.signal(s)
		}
	}
}

func (d *dbusBackend) signal(s *dbus.Signal) {
	switch s.Name {
	case busIface + ".ActionInvoked":
		var id uint32
		var key string
		if dbus.Store(s.Body, &id, &key) != nil {
			return
		}
		var a Action
		switch key {
		case keyDone:
			a = Done
		case keySnooze:
			a = Snooze
		case keyStart:
			a = Start
		case keyStop:
			a = Stop
		default:
			i, err := strconv.Atoi(strings.TrimPrefix(key, keyChoice))
			if !strings.HasPrefix(key, keyChoice) || err != nil || i < 0 || i >= MaxChoices {
				return
			}
			a = ChoiceAction(i)
		}
		d.answer(id, a)
	case busIface + ".NotificationClosed":
		var id, reason uint32
		if dbus.Store(s.Body, &id, &reason) != nil {
			return
		}
		switch reason {
		case 1:
			d.answer(id, Expired)
		case 2:
			d.answer(id, Dismissed)
		default:
			// Closed by a call (ours, or replaced) or for no stated reason:
			// nothing the user did.
			d.answer(id, 0)
		}
	case propsIface + ".PropertiesChanged":
		var iface string
		var changed map[string]dbus.Variant
		var invalidated []string
		if dbus.Store(s.Body, &iface, &changed, &invalidated) != nil || iface != busIface {
			return
		}
		v, ok := changed["Inhibited"]
		if on, isBool := v.Value().(bool); ok && isBool {
			d.setInhibited(nil, on)
			if !on {
				d.wake(true)
			}
		}
		for _, p := range invalidated {
			if p == "Inhibited" {
				d.forgetServer()
				d.wake(true)
			}
		}
	case "org.freedesktop.DBus.NameOwnerChanged":
		var name, oldOwner, newOwner string
		if dbus.Store(s.Body, &name, &oldOwner, &newOwner) != nil || name != busName {
			return
		}
		// Another server, or none: what the old one said is void.
		d.forgetServer()
		if oldOwner != "" {
			// The server went away, and its notifications with it.
			d.mu.Lock()
			clear(d.ids)
			clear(d.last)
			d.mu.Unlock()
		}
		if newOwner != "" {
			d.wake(true)
		}
	}
}

// answer records that notification id was answered with a; a zero a
// forgets id without a Response. Ids bedtime did not send, or already
// answered, are ignored: a server that closes a notification after an
// action was invoked does not turn Done into Dismissed.
func (d *dbusBackend) answer(id uint32, a Action) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.ids[id]; !ok && len(d.flights) > 0 {
		// The server's signal can overtake the reply to a Notify call
		// still in flight: keep the first answer to an id not yet known
		// until the reply says whose it is.
		if _, seen := d.early[id]; !seen {
			d.early[id] = a
		}
		return
	}
	d.answerLocked(id, a)
}

// answerLocked is answer with d.mu held.
func (d *dbusBackend) answerLocked(id uint32, a Action) {
	n, ok := d.ids[id]
	if !ok {
		return
	}
	delete(d.ids, id)
	if d.last[n.reminder] == id {
		delete(d.last, n.reminder)
	}
	if a != 0 {
		d.queueLocked(Response{Reminder: n.reminder, Action: a, At: d.o.Now(), Scheduled: n.scheduled, Step: n.step})
	}
}
