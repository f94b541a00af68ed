package presence

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// The GNOME idle monitor on the session bus.
const (
	mutterName  = "org.gnome.Mutter.IdleMonitor"
	mutterPath  = dbus.ObjectPath("/org/gnome/Mutter/IdleMonitor/Core")
	mutterIface = "org.gnome.Mutter.IdleMonitor"
)

// mutterSource watches GNOME's idle monitor: an idle watch fires after
// away.after without input, then a user-active watch fires at the next
// input. Both are signals (WatchFired); nothing is polled.
type mutterSource struct {
	b     *bus
	obj   dbus.BusObject
	away  time.Duration
	now   func() time.Time
	s     sink
	unsub func()

	mu       sync.Mutex
	idleID   uint32
	activeID uint32
	closed   bool
}

// openMutter starts watching the GNOME idle monitor on b.
func openMutter(ctx context.Context, b *bus, opts Options, s sink) (*mutterSource, error) {
	ok, err := b.hasOwner(ctx, mutterName)
	if err != nil {
		return nil, fmt.Errorf("the session bus does not answer: %s", dbusErr(err))
	}
	if !ok {
		return nil, fmt.Errorf("%s is not on the session bus (not a GNOME session)", mutterName)
	}
	m := &mutterSource{b: b, obj: b.conn.Object(mutterName, mutterPath), away: opts.AwayAfter, now: opts.Now, s: s}
	m.unsub, err = b.subscribe(ctx, m.signal,
		dbus.WithMatchObjectPath(mutterPath), dbus.WithMatchInterface(mutterIface), dbus.WithMatchMember("WatchFired"))
	if err != nil {
		return nil, fmt.Errorf("cannot watch its signals: %s", dbusErr(err))
	}
	// Hold mu so that a watch firing at once is handled after the ids
	// are known.
	m.mu.Lock()
	defer m.mu.Unlock()
	fail := func(what string, err error) (*mutterSource, error) {
		m.closeLocked()
		return nil, fmt.Errorf("%s failed: %s", what, dbusErr(err))
	}
	if err := m.obj.CallWithContext(ctx, mutterIface+".AddIdleWatch", 0, uint64(m.away.Milliseconds())).Store(&m.idleID); err != nil {
		return fail("AddIdleWatch", err)
	}
	idle, err := m.idletime(ctx)
	if err != nil {
		return fail("GetIdletime", err)
	}
	if idle >= m.away {
		m.s.emit(event{kind: evIdle, at: m.now().Add(-idle), source: SourceMutter})
		if err := m.armActiveLocked(ctx); err != nil {
			return fail("AddUserActiveWatch", err)
		}
	}
	return m, nil
}

func (m *mutterSource) name() string { return SourceMutter }

func (m *mutterSource) idletime(ctx context.Context) (time.Duration, error) {
	var ms uint64
	if err := m.obj.CallWithContext(ctx, mutterIface+".GetIdletime", 0).Store(&ms); err != nil {
		return 0, err
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// armActiveLocked adds a user-active watch, then checks that no input
// slipped in before it was in place.
func (m *mutterSource) armActiveLocked(ctx context.Context) error {
	if err := m.obj.CallWithContext(ctx, mutterIface+".AddUserActiveWatch", 0).Store(&m.activeID); err != nil {
		return err
	}
	idle, err := m.idletime(ctx)
	if err != nil {
		return err
	}
	if idle < m.away {
		m.s.emit(event{kind: evActive, at: m.now().Add(-idle), source: SourceMutter})
	}
	return nil
}

// signal handles WatchFired.
func (m *mutterSource) signal(sig *dbus.Signal) {
	if sig.Path != mutterPath || sig.Name != mutterIface+".WatchFired" || len(sig.Body) != 1 {
		return
	}
	id, ok := sig.Body[0].(uint32)
	if !ok {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return
	}
	switch id {
	case m.idleID:
		m.s.emit(event{kind: evIdle, at: m.now().Add(-m.away), source: SourceMutter})
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		defer cancel()
		if err := m.armActiveLocked(ctx); err != nil {
			go m.s.lost(SourceMutter, fmt.Errorf("AddUserActiveWatch: %w", err))
		}
	case m.activeID:
		// A user-active watch fires once and is gone.
		m.activeID = 0
		m.s.emit(event{kind: evActive, at: m.now(), source: SourceMutter})
	}
}

func (m *mutterSource) close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closeLocked()
	return nil
}

func (m *mutterSource) closeLocked() {
	if m.closed {
		return
	}
	m.closed = true
	if m.b.alive() {
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		defer cancel()
		for _, id := range []uint32{m.idleID, m.activeID} {
			if id != 0 {
				m.obj.CallWithContext(ctx, mutterIface+".RemoveWatch", 0, id)
			}
		}
	}
	m.unsub()
}
