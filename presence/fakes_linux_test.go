package presence

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// wait is how long a test waits for a change before it fails.
const wait = 10 * time.Second

// env is a test environment for Options.Getenv.
type env map[string]string

func (e env) get(k string) string { return e[k] }

// testOptions returns Options on env e, limited to the sources only.
func testOptions(t *testing.T, e env, only ...string) Options {
	return Options{
		AwayAfter: 5 * time.Minute,
		Getenv:    e.get,
		Only:      only,
		Logger:    slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
}

// testWriter writes log lines to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Logf("%s", p)
	return len(p), nil
}

// open opens a Monitor and closes it when the test ends.
func open(t *testing.T, opts Options) (Monitor, Report) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	m, r := Open(ctx, opts)
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return m, r
}

// next returns the next change, failing the test after wait.
func next(t *testing.T, m Monitor) Status {
	t.Helper()
	select {
	case s, ok := <-m.Changes():
		if !ok {
			t.Fatal("Changes closed")
		}
		return s
	case <-time.After(wait):
		t.Fatalf("no change within %v", wait)
	}
	return Status{}
}

// wantState reads the next change and checks its state and source.
func wantState(t *testing.T, m Monitor, state State, source string) Status {
	t.Helper()
	s := next(t, m)
	if s.State != state || s.Source != source {
		t.Fatalf("change = %v, want %s from %s", s, state, source)
	}
	return s
}

// connect connects to the bus at addr as a service and claims names.
func connect(t *testing.T, addr string, names ...string) *dbus.Conn {
	t.Helper()
	c, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	for _, n := range names {
		reply, err := c.RequestName(n, dbus.NameFlagDoNotQueue)
		if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("RequestName(%s) = %v, %v", n, reply, err)
		}
	}
	return c
}

// fakeLogind is logind's Manager, one user and one session on a private
// bus that stands in for the system bus.
type fakeLogind struct {
	conn  *dbus.Conn
	props *prop.Properties
	// auto is whether GetSession("auto") finds a session, as it does for
	// a program started inside the session (not a systemd user service).
	auto bool
	// display is the user's Display session.
	display dbus.ObjectPath
}

const fakeSessionPath = dbus.ObjectPath("/org/freedesktop/login1/session/_32")

// GetSession answers the session's path for "auto" (when f.auto) and "2".
func (f *fakeLogind) GetSession(id string) (dbus.ObjectPath, *dbus.Error) {
	if id == "2" || (id == "auto" && f.auto) {
		return fakeSessionPath, nil
	}
	return "", dbus.NewError("org.freedesktop.login1.NoSessionForPID", []any{"Caller does not belong to any known session."})
}

// GetUser answers the user's path for this process's uid.
func (f *fakeLogind) GetUser(uid uint32) (dbus.ObjectPath, *dbus.Error) {
	if int(uid) != os.Getuid() {
		return "", dbus.NewError("org.freedesktop.login1.NoSuchUser", []any{"No such user"})
	}
	return "/org/freedesktop/login1/user/self", nil
}

// startLogind exports a fake logind on a new private bus and returns it
// with that bus's address.
func startLogind(t *testing.T, auto bool, display dbus.ObjectPath) (*fakeLogind, string) {
	t.Helper()
	b := notifytest.StartBus(t)
	c := connect(t, b.Address, logindName)
	f := &fakeLogind{conn: c, auto: auto, display: display}
	if err := c.ExportMethodTable(map[string]any{"GetSession": f.GetSession, "GetUser": f.GetUser}, logindPath, logindManager); err != nil {
		t.Fatal(err)
	}
	var err error
	f.props, err = prop.Export(c, fakeSessionPath, prop.Map{logindSessionIface: {
		"Id":            {Value: "2", Emit: prop.EmitFalse},
		"IdleHint":      {Value: false, Emit: prop.EmitTrue},
		"IdleSinceHint": {Value: uint64(0), Emit: prop.EmitTrue},
		"LockedHint":    {Value: false, Emit: prop.EmitTrue},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prop.Export(c, "/org/freedesktop/login1/user/self", prop.Map{logindUserIface: {
		"Display": {Value: struct {
			ID   string
			Path dbus.ObjectPath
		}{"2", display}, Emit: prop.EmitFalse},
	}}); err != nil {
		t.Fatal(err)
	}
	return f, b.Address
}

// set changes session properties and emits one PropertiesChanged per
// property, as logind does.
func (f *fakeLogind) set(kv map[string]any) {
	for k, v := range kv {
		f.props.SetMust(logindSessionIface, k, v)
	}
}

// fakeScreenSaver is a screen saver interface (org.gnome.ScreenSaver or
// org.freedesktop.ScreenSaver).
type fakeScreenSaver struct {
	conn  *dbus.Conn
	iface string
	path  dbus.ObjectPath

	mu     sync.Mutex
	active bool
	broken bool // GetActive fails, as with inhibit-only services
}

// GetActive answers whether the screen saver is up.
func (s *fakeScreenSaver) GetActive() (bool, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken {
		return false, dbus.NewError("org.freedesktop.DBus.Error.NotSupported", []any{"This method is not part of the idle inhibition specification"})
	}
	return s.active, nil
}

// startScreenSaver exports a screen saver on the bus at addr.
func startScreenSaver(t *testing.T, addr, iface string, path dbus.ObjectPath, broken bool) *fakeScreenSaver {
	t.Helper()
	c := connect(t, addr, iface)
	s := &fakeScreenSaver{conn: c, iface: iface, path: path, broken: broken}
	if err := c.ExportMethodTable(map[string]any{"GetActive": s.GetActive}, path, iface); err != nil {
		t.Fatal(err)
	}
	return s
}

// setActive changes the state and emits ActiveChanged.
func (s *fakeScreenSaver) setActive(t *testing.T, active bool) {
	t.Helper()
	s.mu.Lock()
	s.active = active
	s.mu.Unlock()
	if err := s.conn.Emit(s.path, s.iface+".ActiveChanged", active); err != nil {
		t.Fatal(err)
	}
}

func dbusPath(s string) dbus.ObjectPath { return dbus.ObjectPath(s) }
