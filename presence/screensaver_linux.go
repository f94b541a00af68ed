package presence

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// screenSavers are the screen saver interfaces tried, in order; each has
// GetActive and the ActiveChanged(bool) signal.
var screenSavers = []struct {
	name string
	path dbus.ObjectPath
}{
	{"org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"},
	{"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"},
}

// screenSaverSource watches one screen saver's ActiveChanged signal: an
// active screen saver (or lock screen) counts as locked.
type screenSaverSource struct {
	b     *bus
	iface string
	path  dbus.ObjectPath
	now   func() time.Time
	s     sink
	unsub func()

	mu     sync.Mutex
	closed bool
	active bool
}

// openScreenSaver watches the first screen saver on b that answers
// GetActive.
func openScreenSaver(ctx context.Context, b *bus, opts Options, s sink) (*screenSaverSource, error) {
	var why []string
	for _, ss := range screenSavers {
		ok, err := b.hasOwner(ctx, ss.name)
		if err != nil {
			return nil, fmt.Errorf("the session bus does not answer: %s", dbusErr(err))
		}
		if !ok {
			why = append(why, ss.name+" is not on the session bus")
			continue
		}
		src := &screenSaverSource{b: b, iface: ss.name, path: ss.path, now: opts.Now, s: s}
		src.unsub, err = b.subscribe(ctx, src.signal, dbus.WithMatchObjectPath(ss.path),
			dbus.WithMatchInterface(ss.name), dbus.WithMatchMember("ActiveChanged"))
		if err != nil {
			return nil, fmt.Errorf("cannot watch %s: %s", ss.name, dbusErr(err))
		}
		src.mu.Lock()
		var active bool
		err = b.conn.Object(ss.name, ss.path).CallWithContext(ctx, ss.name+".GetActive", 0).Store(&active)
		if err != nil {
			src.closeLocked()
			src.mu.Unlock()
			why = append(why, fmt.Sprintf("%s does not answer GetActive: %s", ss.name, dbusErr(err)))
			continue
		}
		src.setLocked(active)
		src.mu.Unlock()
		return src, nil
	}
	return nil, errors.New(strings.Join(why, ", "))
}

func (ss *screenSaverSource) name() string { return ss.iface }

func (ss *screenSaverSource) setLocked(active bool) {
	if active == ss.active {
		return
	}
	ss.active = active
	k := evUnlocked
	if active {
		k = evLocked
	}
	ss.s.emit(event{kind: k, at: ss.now(), source: ss.iface})
}

func (ss *screenSaverSource) signal(sig *dbus.Signal) {
	if sig.Path != ss.path || sig.Name != ss.iface+".ActiveChanged" || len(sig.Body) != 1 {
		return
	}
	active, ok := sig.Body[0].(bool)
	if !ok {
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if !ss.closed {
		ss.setLocked(active)
	}
}

func (ss *screenSaverSource) close() error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.closeLocked()
	return nil
}

func (ss *screenSaverSource) closeLocked() {
	if !ss.closed {
		ss.closed = true
		ss.unsub()
	}
}
