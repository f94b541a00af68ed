package presence

import (
	"context"
	"fmt"
	"sync"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/internal/durfmt"
)

// linuxSelector tries the sources in order on the user's buses and
// displays, and watches the session for changes.
type linuxSelector struct {
	getenv func(string) string

	mu      sync.Mutex
	session *bus
	system  *bus
	changed func()
	closing bool
}

func newSelector(opts Options) selector { return &linuxSelector{getenv: opts.Getenv} }

// sessionNames are the session bus names whose owner changing means the
// desktop changed.
var sessionNames = []string{mutterName, "org.gnome.ScreenSaver", "org.freedesktop.ScreenSaver"}

// sessionBus returns the session bus, connecting (again) when needed.
func (l *linuxSelector) sessionBus(ctx context.Context) (*bus, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.session != nil && l.session.alive() {
		return l.session, nil
	}
	addr, err := sessionBusAddress(l.getenv)
	if err != nil {
		return nil, fmt.Errorf("no session bus: %w", err)
	}
	b, err := dialBus(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to the session bus at %q: %w", addr, err)
	}
	for i, name := range sessionNames {
		match := []dbus.MatchOption{dbus.WithMatchSender("org.freedesktop.DBus"),
			dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"),
			dbus.WithMatchArg(0, name)}
		if i == 0 {
			_, err = b.subscribe(ctx, l.nameOwnerChanged, match...)
		} else {
			err = b.match(ctx, match...)
		}
		if err != nil {
			b.close()
			return nil, fmt.Errorf("cannot watch the session bus: %s", dbusErr(err))
		}
	}
	b.onClose = l.busClosed
	l.session = b
	return b, nil
}

// systemBus returns the system bus, connecting (again) when needed.
func (l *linuxSelector) systemBus(ctx context.Context) (*bus, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.system != nil && l.system.alive() {
		return l.system, nil
	}
	addr := systemBusAddress(l.getenv)
	b, err := dialBus(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to the system bus at %q: %w", addr, err)
	}
	for i, member := range []string{"SessionNew", "SessionRemoved"} {
		match := []dbus.MatchOption{dbus.WithMatchObjectPath(logindPath),
			dbus.WithMatchInterface(logindManager), dbus.WithMatchMember(member)}
		if i == 0 {
			_, err = b.subscribe(ctx, l.sessionsChanged, match...)
		} else {
			err = b.match(ctx, match...)
		}
		if err != nil {
			b.close()
			return nil, fmt.Errorf("cannot watch logind's sessions: %s", dbusErr(err))
		}
	}
	b.onClose = l.busClosed
	l.system = b
	return b, nil
}

func (l *linuxSelector) nameOwnerChanged(sig *dbus.Signal) {
	if sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) != 3 {
		return
	}
	name, _ := sig.Body[0].(string)
	for _, n := range sessionNames {
		if n == name {
			l.fire()
			return
		}
	}
}

func (l *linuxSelector) sessionsChanged(sig *dbus.Signal) {
	if sig.Path == logindPath && (sig.Name == logindManager+".SessionNew" || sig.Name == logindManager+".SessionRemoved") {
		l.fire()
	}
}

func (l *linuxSelector) busClosed() { l.fire() }

// fire calls the changed func, off the bus's dispatcher.
func (l *linuxSelector) fire() {
	l.mu.Lock()
	f, closing := l.changed, l.closing
	l.mu.Unlock()
	if f != nil && !closing {
		go f()
	}
}

func (l *linuxSelector) watch(changed func()) {
	l.mu.Lock()
	l.changed = changed
	l.mu.Unlock()
}

func (l *linuxSelector) close() error {
	l.mu.Lock()
	l.closing = true
	sess, sys := l.session, l.system
	l.session, l.system = nil, nil
	l.mu.Unlock()
	for _, b := range []*bus{sess, sys} {
		if b != nil {
			b.close()
		}
	}
	return nil
}

// choose tries the idle sources in order and keeps the first that works,
// then every lock source that works.
func (l *linuxSelector) choose(ctx context.Context, opts Options, s sink) selection {
	var sel selection
	r := &sel.report
	note := func(src, role string, used bool, why string) {
		r.Tried = append(r.Tried, Attempt{Source: src, Role: role, Used: used, Why: why})
	}
	sess, sessErr := l.sessionBus(ctx)

	if opts.wants(SourceMutter) {
		if sessErr != nil {
			note(SourceMutter, "idle", false, sessErr.Error())
		} else if m, err := openMutter(ctx, sess, opts, s); err != nil {
			note(SourceMutter, "idle", false, err.Error())
		} else {
			sel.idle = m
			note(SourceMutter, "idle", true, "idle and user-active watches on the session bus")
		}
	}
	if sel.idle == nil && opts.wants(SourceWayland) {
		if w, err := openWayland(ctx, opts, s); err != nil {
			note(SourceWayland, "idle", false, err.Error())
		} else {
			sel.idle = w
			note(SourceWayland, "idle", true, "idled and resumed events from the compositor")
		}
	}
	if sel.idle == nil && opts.wants(SourceX11) {
		if x, err := openX11(ctx, opts, s); err != nil {
			note(SourceX11, "idle", false, err.Error())
		} else {
			sel.idle = x
			r.OnDemand = true
			note(SourceX11, "idle", true, "asked when away.after without input would pass, every "+durfmt.Format(opts.pollEvery())+" while away, and when a reminder is due")
		}
	}
	if opts.wants(SourceLogind) {
		wantIdle := sel.idle == nil
		sys, err := l.systemBus(ctx)
		var lg *logindSource
		if err == nil {
			lg, err = openLogind(ctx, sys, opts, s, wantIdle)
		}
		if err != nil {
			if wantIdle {
				note(SourceLogind, "idle", false, err.Error())
			}
			note(SourceLogind, "lock", false, err.Error())
		} else {
			if wantIdle {
				sel.idle = lg
				note(SourceLogind, "idle", true, fmt.Sprintf("IdleHint of the session %s, set by the desktop after its own idle delay", lg.path))
			}
			sel.locks = append(sel.locks, lg)
			r.Locks = append(r.Locks, SourceLogind)
			note(SourceLogind, "lock", true, fmt.Sprintf("LockedHint of the session %s", lg.path))
		}
	}
	if opts.wants(SourceScreenSaver) {
		if sessErr != nil {
			note(SourceScreenSaver, "lock", false, sessErr.Error())
		} else if ss, err := openScreenSaver(ctx, sess, opts, s); err != nil {
			note(SourceScreenSaver, "lock", false, err.Error())
		} else {
			sel.locks = append(sel.locks, ss)
			r.Locks = append(r.Locks, ss.name())
			note(ss.name(), "lock", true, "ActiveChanged on the session bus")
		}
	}
	r.Idle = SourceNone
	if sel.idle != nil {
		r.Idle = sel.idle.name()
	}
	return sel
}
