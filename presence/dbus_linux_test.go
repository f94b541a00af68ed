package presence

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// TestLogind watches a fake logind on a private bus standing in for the
// system bus: lock, unlock, the desktop's idle hint, and activity.
func TestLogind(t *testing.T) {
	tests := []struct {
		name    string
		auto    bool
		env     env
		display string
	}{
		{name: "inside the session (auto)", auto: true, env: env{}},
		{name: "XDG_SESSION_ID", env: env{"XDG_SESSION_ID": "2"}},
		{name: "a user service: the user's display session", env: env{}, display: string(fakeSessionPath)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			display := "/"
			if tt.display != "" {
				display = tt.display
			}
			f, addr := startLogind(t, tt.auto, dbusPath(display))
			tt.env["DBUS_SYSTEM_BUS_ADDRESS"] = addr
			m, r := open(t, testOptions(t, tt.env, SourceLogind))
			if r.Idle != SourceLogind || strings.Join(r.Locks, ",") != SourceLogind {
				t.Fatalf("report = %+v, want logind for idle and locks", r)
			}
			if got := m.Current(context.Background()); got.State != Here || got.Source != SourceLogind {
				t.Fatalf("Current = %v, want here from logind", got)
			}
			f.set(map[string]any{"LockedHint": true})
			wantState(t, m, Locked, SourceLogind)
			f.set(map[string]any{"LockedHint": false})
			wantState(t, m, Here, SourceLogind)

			// The desktop marks the session idle since 10 minutes ago:
			// away since then.
			since := time.Now().Add(-10 * time.Minute).Truncate(time.Microsecond)
			f.set(map[string]any{"IdleSinceHint": uint64(since.UnixMicro()), "IdleHint": true})
			s := wantState(t, m, Away, SourceLogind)
			if !s.Since.Equal(since) {
				t.Errorf("away since %v, want %v (IdleSinceHint)", s.Since, since)
			}
			f.set(map[string]any{"IdleHint": false})
			wantState(t, m, Here, SourceLogind)
		})
	}
}

// TestLogindNoSession: bedtime outside any session and a user without a
// graphical one: logind is not used, and the report says why.
func TestLogindNoSession(t *testing.T) {
	_, addr := startLogind(t, false, "/")
	m, r := open(t, testOptions(t, env{"DBUS_SYSTEM_BUS_ADDRESS": addr}, SourceLogind))
	want := "none: no idle source, so reminders come as if you were always here; no lock source: a locked screen is not detected; not used: " +
		"logind: bedtime is in no session (Caller does not belong to any known session.) and the user has no graphical session"
	if got := r.String(); got != want {
		t.Fatalf("report:\n got %s\nwant %s", got, want)
	}
	if got := m.Current(context.Background()); got.State != Here || got.Source != SourceNone {
		t.Fatalf("Current = %v, want here from none", got)
	}
}

// TestScreenSaver watches the first screen saver that answers GetActive:
// org.gnome.ScreenSaver first, else org.freedesktop.ScreenSaver.
func TestScreenSaver(t *testing.T) {
	tests := []struct {
		name      string
		gnome     bool // org.gnome.ScreenSaver is there
		fdo       bool // org.freedesktop.ScreenSaver is there
		fdoBroken bool // and does not answer GetActive
		want      string
		why       string
	}{
		{name: "GNOME", gnome: true, fdo: true, want: "org.gnome.ScreenSaver"},
		{name: "freedesktop (KDE, Xfce)", fdo: true, want: "org.freedesktop.ScreenSaver"},
		{name: "inhibit-only freedesktop service", fdo: true, fdoBroken: true,
			why: "screen saver: org.gnome.ScreenSaver is not on the session bus, org.freedesktop.ScreenSaver does not answer GetActive: This method is not part of the idle inhibition specification"},
		{name: "none", why: "screen saver: org.gnome.ScreenSaver is not on the session bus, org.freedesktop.ScreenSaver is not on the session bus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := notifytest.StartBus(t)
			var savers []*fakeScreenSaver
			if tt.gnome {
				savers = append(savers, startScreenSaver(t, b.Address, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", false))
			}
			if tt.fdo {
				savers = append(savers, startScreenSaver(t, b.Address, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", tt.fdoBroken))
			}
			m, r := open(t, testOptions(t, env{"DBUS_SESSION_BUS_ADDRESS": b.Address}, SourceScreenSaver))
			if tt.want == "" {
				if len(r.Locks) != 0 || !strings.HasSuffix(r.String(), "; not used: "+tt.why) {
					t.Fatalf("report = %s, want no lock source because %s", r, tt.why)
				}
				return
			}
			if strings.Join(r.Locks, ",") != tt.want || r.Idle != SourceNone {
				t.Fatalf("report = %+v, want locks from %s only", r, tt.want)
			}
			// Every screen saver changes; only the chosen one counts.
			for _, s := range savers {
				s.setActive(t, true)
			}
			wantState(t, m, Locked, tt.want)
			for _, s := range savers {
				s.setActive(t, false)
			}
			wantState(t, m, Here, SourceNone)
		})
	}
}

// TestScreenSaverLockedAtStart: a screen saver already up when watching
// begins is locked at once.
func TestScreenSaverLockedAtStart(t *testing.T) {
	b := notifytest.StartBus(t)
	s := startScreenSaver(t, b.Address, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", false)
	s.mu.Lock()
	s.active = true
	s.mu.Unlock()
	m, _ := open(t, testOptions(t, env{"DBUS_SESSION_BUS_ADDRESS": b.Address}, SourceScreenSaver))
	if got := m.Current(context.Background()); got.State != Locked || got.Source != "org.gnome.ScreenSaver" {
		t.Fatalf("Current = %v, want locked from org.gnome.ScreenSaver", got)
	}
}

// TestSessionChange: a screen saver that comes onto the bus after Open is
// picked up (NameOwnerChanged), and dropped when it goes.
func TestSessionChange(t *testing.T) {
	b := notifytest.StartBus(t)
	m, r := open(t, testOptions(t, env{"DBUS_SESSION_BUS_ADDRESS": b.Address}, SourceScreenSaver))
	if len(r.Locks) != 0 {
		t.Fatalf("locks = %v before any screen saver", r.Locks)
	}
	s := startScreenSaver(t, b.Address, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", false)
	// The re-selection runs on a signal from the real bus: looked at
	// again, on the monitor's own lock.
	testutil.WaitFor(t, wait, "the new screen saver as the source", func() bool { return m.Source() == "none; locks: org.gnome.ScreenSaver" })
	s.setActive(t, true)
	wantState(t, m, Locked, "org.gnome.ScreenSaver")
	s.conn.Close()
	wantState(t, m, Here, SourceNone)
	if got := m.Source(); got != "none" {
		t.Errorf("Source after the screen saver left = %q, want none", got)
	}
}

// TestNone: nothing works; always here, and the report says why each
// source is not used.
func TestNone(t *testing.T) {
	dir := t.TempDir()
	m, r := open(t, testOptions(t, env{"XDG_RUNTIME_DIR": dir, "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=" + dir + "/nothing"}))
	want := "none: no idle source, so reminders come as if you were always here; no lock source: a locked screen is not detected; not used: " +
		"GNOME idle monitor: no session bus: DBUS_SESSION_BUS_ADDRESS is not set and " + dir + "/bus is not a socket; " +
		"Wayland ext-idle-notify-v1: WAYLAND_DISPLAY is not set (not a Wayland session); " +
		"X11 MIT-SCREEN-SAVER: DISPLAY is not set (not an X11 session); " +
		"logind: cannot connect to the system bus at \"unix:path=" + dir + "/nothing\": dial unix " + dir + "/nothing: connect: no such file or directory; " +
		"screen saver: no session bus: DBUS_SESSION_BUS_ADDRESS is not set and " + dir + "/bus is not a socket"
	if got := r.String(); got != want {
		t.Fatalf("report:\n got %s\nwant %s", got, want)
	}
	if got := m.Source(); got != "none" {
		t.Errorf("Source = %q, want none", got)
	}
	if got := m.Current(context.Background()); got.State != Here || got.Source != SourceNone {
		t.Fatalf("Current = %v, want here from none", got)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-m.Changes(); ok {
		t.Fatal("Changes not closed by Close")
	}
}
