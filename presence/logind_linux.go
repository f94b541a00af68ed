package presence

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// logind on the system bus.
const (
	logindName         = "org.freedesktop.login1"
	logindPath         = dbus.ObjectPath("/org/freedesktop/login1")
	logindManager      = "org.freedesktop.login1.Manager"
	logindSessionIface = "org.freedesktop.login1.Session"
	logindUserIface    = "org.freedesktop.login1.User"
)

// logindSource watches the session's IdleHint, IdleSinceHint and
// LockedHint through PropertiesChanged on the session's object.
type logindSource struct {
	b        *bus
	path     dbus.ObjectPath
	obj      dbus.BusObject
	wantIdle bool
	now      func() time.Time
	s        sink
	unsub    func()

	mu        sync.Mutex
	closed    bool
	idle      bool
	idleSince time.Time
	locked    bool
}

// logindProps is what logind says about the session.
type logindProps struct {
	idle      bool
	idleSince time.Time
	locked    bool
}

// findSession returns the object path of the user's session: the one of
// $XDG_SESSION_ID, else the caller's ("auto"), else the user's display
// session (a systemd user service is in no session of its own).
func findSession(ctx context.Context, b *bus, getenv func(string) string) (dbus.ObjectPath, error) {
	ok, err := b.hasOwner(ctx, logindName)
	if err != nil {
		return "", fmt.Errorf("the system bus does not answer: %s", dbusErr(err))
	}
	if !ok {
		return "", errors.New("logind is not on the system bus")
	}
	mgr := b.conn.Object(logindName, logindPath)
	var path dbus.ObjectPath
	if id := getenv("XDG_SESSION_ID"); id != "" {
		if err := mgr.CallWithContext(ctx, logindManager+".GetSession", 0, id).Store(&path); err != nil {
			return "", fmt.Errorf("GetSession(%q): %s", id, dbusErr(err))
		}
		return path, nil
	}
	autoErr := mgr.CallWithContext(ctx, logindManager+".GetSession", 0, "auto").Store(&path)
	if autoErr == nil {
		return path, nil
	}
	var user dbus.ObjectPath
	if err := mgr.CallWithContext(ctx, logindManager+".GetUser", 0, uint32(os.Getuid())).Store(&user); err != nil {
		return "", fmt.Errorf("bedtime is in no session (%s) and GetUser failed: %s", dbusErr(autoErr), dbusErr(err))
	}
	var v dbus.Variant
	err = b.conn.Object(logindName, user).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, logindUserIface, "Display").Store(&v)
	if err != nil {
		return "", fmt.Errorf("bedtime is in no session (%s) and the user's Display is unknown: %s", dbusErr(autoErr), dbusErr(err))
	}
	var display struct {
		ID   string
		Path dbus.ObjectPath
	}
	if err := dbus.Store([]any{v.Value()}, &display); err != nil || display.Path == "/" || display.Path == "" {
		return "", fmt.Errorf("bedtime is in no session (%s) and the user has no graphical session", dbusErr(autoErr))
	}
	return display.Path, nil
}

// openLogind starts watching the session; it reports idleness only when
// wantIdle.
func openLogind(ctx context.Context, b *bus, opts Options, s sink, wantIdle bool) (*logindSource, error) {
	path, err := findSession(ctx, b, opts.Getenv)
	if err != nil {
		return nil, err
	}
	l := &logindSource{b: b, path: path, obj: b.conn.Object(logindName, path), wantIdle: wantIdle, now: opts.Now, s: s}
	l.unsub, err = b.subscribe(ctx, l.signal, dbus.WithMatchObjectPath(path),
		dbus.WithMatchInterface("org.freedesktop.DBus.Properties"), dbus.WithMatchMember("PropertiesChanged"))
	if err != nil {
		return nil, fmt.Errorf("cannot watch the session %s: %s", path, dbusErr(err))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p, err := l.props(ctx)
	if err != nil {
		l.closeLocked()
		return nil, err
	}
	l.updateLocked(p)
	return l, nil
}

func (l *logindSource) name() string { return SourceLogind }

// props reads the session's hints.
func (l *logindSource) props(ctx context.Context) (logindProps, error) {
	var all map[string]dbus.Variant
	if err := l.obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.GetAll", 0, logindSessionIface).Store(&all); err != nil {
		return logindProps{}, fmt.Errorf("cannot read the session %s: %s", l.path, dbusErr(err))
	}
	var p logindProps
	locked, ok1 := all["LockedHint"].Value().(bool)
	idle, ok2 := all["IdleHint"].Value().(bool)
	if !ok1 || !ok2 {
		return p, fmt.Errorf("the session %s has no IdleHint or LockedHint (systemd older than 230?)", l.path)
	}
	p.locked, p.idle = locked, idle
	if us, ok := all["IdleSinceHint"].Value().(uint64); ok && us > 0 {
		p.idleSince = time.UnixMicro(int64(us))
	}
	return p, nil
}

// updateLocked emits what changed.
func (l *logindSource) updateLocked(p logindProps) {
	now := l.now()
	if p.locked != l.locked {
		l.locked = p.locked
		k := evUnlocked
		if p.locked {
			k = evLocked
		}
		l.s.emit(event{kind: k, at: now, source: SourceLogind})
	}
	at := p.idleSince
	if at.IsZero() || at.After(now) {
		at = now
	}
	// A new IdleSinceHint while idle is news too (it may come in a
	// signal of its own).
	if l.wantIdle && (p.idle != l.idle || p.idle && !p.idleSince.IsZero() && !p.idleSince.Equal(l.idleSince)) {
		l.idle, l.idleSince = p.idle, p.idleSince
		k := evActive
		if p.idle {
			k = evIdle
		}
		l.s.emit(event{kind: k, at: at, source: SourceLogind})
	}
}

// signal handles PropertiesChanged of the session by reading the hints
// again (logind sends some of them as invalidated, without values).
func (l *logindSource) signal(sig *dbus.Signal) {
	if sig.Path != l.path || sig.Name != "org.freedesktop.DBus.Properties.PropertiesChanged" || len(sig.Body) < 1 {
		return
	}
	if iface, _ := sig.Body[0].(string); iface != logindSessionIface {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	p, err := l.props(ctx)
	if err != nil {
		go l.s.lost(SourceLogind, err)
		return
	}
	l.updateLocked(p)
}

func (l *logindSource) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closeLocked()
	return nil
}

func (l *logindSource) closeLocked() {
	if !l.closed {
		l.closed = true
		l.unsub()
	}
}
