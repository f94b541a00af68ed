package notify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/godbus/dbus/v5"
)

// What the server said, and calls still in flight.
//
// A reminder costs one round trip to the notification server: the Notify
// call. What the server says about itself (its capabilities, its name, its
// Inhibited property) is asked once per connection and server, with the three
// calls sent together, and kept until the server changes: NameOwnerChanged on
// org.freedesktop.Notifications drops it, PropertiesChanged keeps Inhibited
// up to date.
//
// A slow server must never show the same reminder twice. A Notify call that
// is not answered within the call timeout is not abandoned: it stays in
// flight, its answer is awaited in the background, and the notification id in
// it is taken when it comes, so that the buttons on that popup work. While a
// call for a reminder is in flight, nothing more is sent for that reminder: a
// newer message waits and replaces the popup once its id is known. A call
// ends when the server answers, or when the server or the bus goes away (the
// bus then answers with an error): only then, and only if it failed, is the
// message sent again.

// errInFlight means the Notify call was sent but not answered within the
// call timeout; its answer is awaited in the background. It wraps ErrTimeout.
var errInFlight = fmt.Errorf("%w: the notification is on its way, waiting for the server's answer", ErrTimeout)

// errBusy means an earlier notification for the same reminder is still
// waiting for the server's answer, so nothing was sent. It wraps ErrTimeout.
var errBusy = fmt.Errorf("%w: still waiting for its answer to the previous notification of this reminder", ErrTimeout)

// serverInfo is what a notification server said about itself.
type serverInfo struct {
	// owner is the server's unique name on the bus. Notify is sent there,
	// so that a call never reaches a newer server than the one these
	// capabilities are from: it fails instead, and the next attempt asks
	// the new one.
	owner string
	caps  []string
	// name and version answer GetServerInformation; empty when it failed.
	name, version string
	// hasInhibited reports whether the server has an Inhibited property;
	// inhibited is its last known value.
	hasInhibited, inhibited bool
}

func (s serverInfo) has(c string) bool { return slices.Contains(s.caps, c) }

// infoFetch is one asking of the server on conn. info and err are written
// before done is closed; after that, info.inhibited changes under d.mu.
type infoFetch struct {
	conn *dbus.Conn
	done chan struct{}
	info serverInfo
	err  error
}

// serverInfo returns what the server on conn said about itself, asking it
// only when nothing is cached for conn. An asking that outlives ctx goes on
// in the background and fills the cache for the next attempt.
func (d *dbusBackend) serverInfo(ctx context.Context, conn *dbus.Conn) (serverInfo, error) {
	d.mu.Lock()
	f := d.info
	if f == nil || f.conn != conn {
		f = &infoFetch{conn: conn, done: make(chan struct{})}
		d.info = f
		go d.fetchInfo(f)
	}
	d.mu.Unlock()
	select {
	case <-f.done:
	case <-ctx.Done():
		return serverInfo{}, d.classify(conn, ctx.Err())
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if f.err != nil {
		if d.info == f {
			d.info = nil
		}
		return serverInfo{}, f.err
	}
	return f.info, nil
}

// fetchInfo asks the server for its capabilities, its Inhibited property
// and its name, all three at once, and closes f.done with the answers.
func (d *dbusBackend) fetchInfo(f *infoFetch) {
	defer close(f.done)
	obj := f.conn.Object(busName, busPath)
	caps := obj.GoWithContext(d.ctx, busIface+".GetCapabilities", 0, make(chan *dbus.Call, 1))
	inh := obj.GoWithContext(d.ctx, propsIface+".Get", 0, make(chan *dbus.Call, 1), busIface, "Inhibited")
	srv := obj.GoWithContext(d.ctx, busIface+".GetServerInformation", 0, make(chan *dbus.Call, 1))
	<-caps.Done
	<-inh.Done
	<-srv.Done
	if err := caps.Store(&f.info.caps); err != nil {
		if caps.Err != nil {
			f.err = d.classify(f.conn, err)
			return
		}
		// An answer, of another type than the specification's: the
		// server offers nothing we can rely on, and still shows text.
		f.info.caps = nil
		d.log.Debug("the notification server's capabilities are not a list of strings", "err", err)
	}
	var v dbus.Variant
	switch err := inh.Store(&v); {
	case err == nil:
		f.info.inhibited, f.info.hasInhibited = v.Value().(bool)
	case !isDBusError(err):
		// A D-Bus error means the server has no such property; anything
		// else is the bus.
		f.err = d.classify(f.conn, err)
		return
	}
	var vendor, spec string
	if err := srv.Store(&f.info.name, &vendor, &f.info.version, &spec); err != nil && !isDBusError(err) {
		if srv.Err != nil {
			f.err = d.classify(f.conn, err)
			return
		}
		// Not the four strings of the specification: the name is only
		// needed to know GNOME Shell, so it is unknown, not a failure.
		f.info.name, f.info.version = "", ""
		d.log.Debug("the notification server's information is not four strings", "err", err)
	}
	// Asked after the calls above, which may have started the server
	// through D-Bus activation.
	if err := f.conn.BusObject().CallWithContext(d.ctx, "org.freedesktop.DBus.GetNameOwner", 0, busName).Store(&f.info.owner); err != nil {
		if isDBusError(err) {
			f.err = fmt.Errorf("%w (it left the bus)", ErrNoServer)
			return
		}
		f.err = d.classify(f.conn, err)
	}
}

// readInhibited reads the server's Inhibited property and caches it. It is
// read again only while it is on, for servers that do not signal its end.
func (d *dbusBackend) readInhibited(ctx context.Context, conn *dbus.Conn) (bool, error) {
	var v dbus.Variant
	err := conn.Object(busName, busPath).CallWithContext(ctx, propsIface+".Get", 0, busIface, "Inhibited").Store(&v)
	if err != nil {
		if isDBusError(err) {
			return false, nil
		}
		return false, d.classify(conn, err)
	}
	on, _ := v.Value().(bool)
	d.setInhibited(conn, on)
	return on, nil
}

// setInhibited caches the Inhibited value of the server on conn.
func (d *dbusBackend) setInhibited(conn *dbus.Conn, on bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	f := d.info
	if f == nil || conn != nil && f.conn != conn {
		return
	}
	select {
	case <-f.done:
		if f.err == nil {
			f.info.inhibited = on
		}
	default:
		// The asking under way may have read the old value: ask again.
		d.info = nil
	}
}

// forgetServer drops what the server said, so that the next attempt asks
// again: the server changed.
func (d *dbusBackend) forgetServer() {
	d.mu.Lock()
	d.info = nil
	d.mu.Unlock()
}

// flight is a Notify call sent and not yet answered.
type flight struct {
	m        Message
	deadline time.Time
	dest     string // the server's unique name
}

// send makes the Notify call for m on conn and takes the id of its answer.
// When ctx ends first, the call stays in flight (see the top of this file)
// and send returns errInFlight.
func (d *dbusBackend) send(ctx context.Context, conn *dbus.Conn, dest string, m Message, body string, actions []string, hints map[string]dbus.Variant, expire int32) error {
	now := d.o.Clock.Now()
	fl := &flight{m: m, deadline: m.Deadline, dest: dest}
	if fl.deadline.IsZero() {
		fl.deadline = now.Add(d.o.RetryFor)
	}
	d.mu.Lock()
	if d.flights[m.Reminder] != nil {
		d.mu.Unlock()
		return errBusy
	}
	replaces := d.last[m.Reminder]
	d.flights[m.Reminder] = fl
	d.mu.Unlock()

	// The call lives as long as the backend, not as long as ctx.
	call := conn.Object(dest, busPath).GoWithContext(d.ctx, busIface+".Notify", 0, make(chan *dbus.Call, 1),
		AppName, replaces, d.o.Icon, m.Title, body, actions, hints, expire)
	select {
	case <-call.Done:
		return d.land(conn, fl, call, false)
	case <-ctx.Done():
		go func() {
			<-call.Done
			d.land(conn, fl, call, true)
		}()
		return errInFlight
	}
}

// land takes the answer to fl's call. On time, it returns the call's error
// for the caller to handle. Late, it handles the outcome itself: the id is
// taken, or a failed message is held for a retry (or reported as Missed)
// the way Notify would have.
func (d *dbusBackend) land(conn *dbus.Conn, fl *flight, call *dbus.Call, late bool) error {
	var id uint32
	err := call.Store(&id)
	if err != nil && call.Err == nil {
		// The server took the notification and answered with something
		// else than its id: it is on screen, but its id is unknown, so
		// its buttons cannot be told apart. Sending it again would show
		// it twice.
		d.log.Debug("the notification server answered Notify without an id", "reminder", fl.m.Reminder, "err", err)
		id, err = 0, nil
	}
	if err != nil {
		err = d.classify(conn, err)
		if errors.Is(err, ErrNoServer) {
			// The server left since it was asked: ask the next one.
			d.forgetServer()
		}
	}
	name := fl.m.Reminder
	now := d.o.Clock.Now()
	d.mu.Lock()
	if d.flights[name] == fl {
		delete(d.flights, name)
	}
	closed := d.closed
	if err == nil && !closed {
		if old, ok := d.last[name]; ok && old != id {
			delete(d.ids, old)
			delete(d.last, name)
		}
		r := d.respondTo(fl.m, Shown, "")
		r.Via = "d-bus"
		// Id 0 names no notification (the specification never gives
		// it): nothing to answer, replace or take back.
		if id != 0 {
			d.ids[id] = shown{reminder: name, scheduled: fl.m.Scheduled, step: fl.m.Step}
			d.last[name] = id
			r.Popup = d.popupRef(conn, fl.dest, id)
		}
		d.queueLocked(r)
		if a, ok := d.early[id]; ok && id != 0 {
			// Answered before this reply was read: answer it now.
			delete(d.early, id)
			d.answerLocked(id, a)
		}
	}
	if len(d.flights) == 0 {
		clear(d.early) // answers to ids that were never ours
	}
	newer := d.pending[name] != nil
	if late && err != nil && !closed && d.o.RetryFor >= 0 && retryable(err) {
		p := &pending{m: fl.m, deadline: fl.deadline, why: heldReasons[kindOf(err)]}
		if newer || !now.Before(fl.deadline) {
			d.missLocked(p)
		} else {
			d.schedule(p, err, now)
			d.pending[name] = p
			d.queueLocked(d.respondTo(fl.m, Held, p.why))
			newer = true
		}
	}
	d.mu.Unlock()
	if late && !closed {
		if err == nil {
			// Not news: the slowness was logged once, and a call answered
			// in time will say that it is over.
			d.log.Debug("the notification server answered late: the reminder is on screen", "reminder", name, "id", id)
		} else if !errors.Is(err, context.Canceled) {
			d.failure(err)
		}
	}
	if newer {
		// A message for this reminder waited for this call.
		d.wake(true)
	}
	return err
}
