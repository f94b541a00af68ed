package presence

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// fakeMutter is GNOME's org.gnome.Mutter.IdleMonitor on a private session
// bus, for the normal test run (make e2e-presence runs the real mutter).
type fakeMutter struct {
	conn *dbus.Conn

	mu      sync.Mutex
	idle    time.Duration
	next    uint32
	watches map[uint32]time.Duration // id -> interval; 0 is a user-active watch
}

func startFakeMutter(t *testing.T, addr string) *fakeMutter {
	t.Helper()
	f := &fakeMutter{conn: connect(t, addr, mutterName), watches: map[uint32]time.Duration{}}
	err := f.conn.ExportMethodTable(map[string]any{
		"GetIdletime": func() (uint64, *dbus.Error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			return uint64(f.idle.Milliseconds()), nil
		},
		"AddIdleWatch":       func(ms uint64) (uint32, *dbus.Error) { return f.add(time.Duration(ms) * time.Millisecond), nil },
		"AddUserActiveWatch": func() (uint32, *dbus.Error) { return f.add(0), nil },
		"RemoveWatch": func(id uint32) *dbus.Error {
			f.mu.Lock()
			defer f.mu.Unlock()
			delete(f.watches, id)
			return nil
		},
	}, mutterPath, mutterIface)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeMutter) add(interval time.Duration) uint32 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	f.watches[f.next] = interval
	return f.next
}

// idleFor lets d pass without input, firing the idle watches it crosses.
func (f *fakeMutter) idleFor(t *testing.T, d time.Duration) {
	f.mu.Lock()
	from := f.idle
	f.idle += d
	var fire []uint32
	for id, iv := range f.watches {
		if iv > 0 && from < iv && f.idle >= iv {
			fire = append(fire, id)
		}
	}
	f.mu.Unlock()
	f.fire(t, fire)
}

// input is the person's input: it fires and removes the user-active
// watches.
func (f *fakeMutter) input(t *testing.T) {
	f.mu.Lock()
	f.idle = 0
	var fire []uint32
	for id, iv := range f.watches {
		if iv == 0 {
			fire = append(fire, id)
			delete(f.watches, id)
		}
	}
	f.mu.Unlock()
	f.fire(t, fire)
}

func (f *fakeMutter) fire(t *testing.T, ids []uint32) {
	t.Helper()
	for _, id := range ids {
		if err := f.conn.Emit(mutterPath, mutterIface+".WatchFired", id); err != nil {
			t.Fatal(err)
		}
	}
}

func (f *fakeMutter) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.watches)
}

// TestMutterSource drives the GNOME source through a fake idle monitor:
// here -> away when the idle watch fires -> here at input, twice; idle at
// start; and every watch removed at Close.
func TestMutterSource(t *testing.T) {
	tests := []struct {
		name        string
		idleAtStart time.Duration
	}{
		{"here at start", 0},
		{"idle for 7m at start", 7 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := notifytest.StartBus(t)
			f := startFakeMutter(t, b.Address)
			f.idleFor(t, tt.idleAtStart)
			ctx, cancel := context.WithTimeout(context.Background(), wait)
			defer cancel()
			m, r := Open(ctx, testOptions(t, env{"DBUS_SESSION_BUS_ADDRESS": b.Address}, SourceMutter))
			if r.Idle != SourceMutter || r.OnDemand {
				t.Fatalf("report = %+v, want %s with events", r, SourceMutter)
			}
			if tt.idleAtStart > 0 {
				s := wantState(t, m, Away, SourceMutter)
				if d := time.Since(s.Since); d < tt.idleAtStart || d > tt.idleAtStart+time.Minute {
					t.Errorf("away since %v ago, want about %v (the last input)", d, tt.idleAtStart)
				}
				f.input(t)
				wantState(t, m, Here, SourceMutter)
			}
			for range 2 {
				f.idleFor(t, 4*time.Minute)
				if got := m.Current(ctx); got.State != Here {
					t.Fatalf("after 4m idle: %v, want here", got)
				}
				f.idleFor(t, time.Minute)
				wantState(t, m, Away, SourceMutter)
				f.input(t)
				wantState(t, m, Here, SourceMutter)
			}
			if err := m.Close(); err != nil {
				t.Fatal(err)
			}
			if n := f.count(); n != 0 {
				t.Errorf("%d watches left in the idle monitor after Close, want 0", n)
			}
		})
	}
}
