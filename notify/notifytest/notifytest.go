// Package notifytest runs a private D-Bus session bus with a notification
// server on it, for tests anywhere in bedtime.
//
// StartBus starts a real dbus-daemon (Debian package dbus) and fails the test
// when the binary is missing. Bus.StartServer puts a notification server,
// written in Go, on that bus: it records every Notify call, answers
// GetCapabilities and GetServerInformation, has a settable Inhibited
// property, can emit ActionInvoked and NotificationClosed, and can be
// stopped and restarted; with Config.Delay it answers slowly, as an
// overloaded server does. Nothing else here sleeps: Next and the other waits
// block on channels with a deadline.
package notifytest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// Wait is how long the helpers here wait for something before they fail the
// test.
var Wait = 10 * time.Second

// Bus is a private session bus run by dbus-daemon.
type Bus struct {
	// Address is the bus's D-Bus address.
	Address string

	cmd  *exec.Cmd
	done chan struct{}
}

// busConfig is a session bus without service activation, so that no
// notification server installed on the machine (dunst has a .service file)
// is started behind the test's back.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// StartBus starts `dbus-daemon --session`-like private bus (session type,
// without service activation) and stops it when the test ends. It fails the
// test when dbus-daemon is not installed.
func StartBus(t testing.TB) *Bus {
	t.Helper()
	return StartBusWith(t, nil)
}

// StartBusWith starts a bus like StartBus on which each well-known name in
// services is started on demand (D-Bus activation) by running its command
// line, as the session bus starts dunst when a notification is sent.
func StartBusWith(t testing.TB, services map[string]string) *Bus {
	t.Helper()
	path, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Fatalf("dbus-daemon not found (install the Debian package dbus): %v", err)
	}
	// A short directory: unix socket paths are limited to 108 bytes.
	dir, err := os.MkdirTemp("", "bedtime-bus-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	config := fmt.Sprintf(busConfig, dir)
	if len(services) > 0 {
		sdir := filepath.Join(dir, "services")
		if err := os.Mkdir(sdir, 0o700); err != nil {
			t.Fatal(err)
		}
		for name, exec := range services {
			unit := fmt.Sprintf("[D-BUS Service]\nName=%s\nExec=%s\n", name, exec)
			if err := os.WriteFile(filepath.Join(sdir, name+".service"), []byte(unit), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		config = strings.Replace(config, "</busconfig>", "  <servicedir>"+sdir+"</servicedir>\n</busconfig>", 1)
	}
	conf := filepath.Join(dir, "session.conf")
	if err := os.WriteFile(conf, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--config-file="+conf, "--nofork", "--nopidfile", "--print-address")
	// dbus-daemon warns on stderr when it cannot raise its fd limit, as
	// under an unprivileged container; show its stderr only on failure.
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start dbus-daemon: %v", err)
	}
	b := &Bus{cmd: cmd, done: make(chan struct{})}
	go func() {
		cmd.Wait()
		close(b.done)
	}()
	t.Cleanup(b.Stop)

	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case b.Address = <-line:
	case <-time.After(Wait):
		t.Fatalf("dbus-daemon printed no address within %v", Wait)
	}
	if b.Address == "" {
		<-b.done
		t.Fatalf("dbus-daemon exited without printing its address: %s", stderr.String())
	}
	return b
}

// Setenv points DBUS_SESSION_BUS_ADDRESS at b for the rest of the test.
func (b *Bus) Setenv(t testing.TB) {
	t.Helper()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", b.Address)
}

// Stop kills the bus daemon and waits for it to exit.
func (b *Bus) Stop() {
	if b.cmd.Process != nil {
		b.cmd.Process.Kill()
	}
	<-b.done
}

// Config describes a notification server.
type Config struct {
	// Name, Vendor, Version and SpecVersion answer GetServerInformation.
	Name, Vendor, Version, SpecVersion string
	// Capabilities answer GetCapabilities.
	Capabilities []string
	// NoInhibited leaves out the Inhibited property, as most servers do.
	NoInhibited bool
	// Delay makes Notify, GetCapabilities and GetServerInformation answer
	// only after this long, as a slow or overloaded server does. Calls are
	// answered concurrently, each after its own delay.
	Delay time.Duration
	// ReplyDelay makes Notify answer this long after the notification is
	// on screen (Next already has it), so that a button pressed at once
	// reaches the client before the reply does.
	ReplyDelay time.Duration
}

// DefaultConfig is a server with actions and body markup.
var DefaultConfig = Config{
	Name: "notifytest", Vendor: "bedtime", Version: "1.0", SpecVersion: "1.2",
	Capabilities: []string{"actions", "body", "body-markup"},
}

// Notification is one recorded Notify call.
type Notification struct {
	// ID is the id the server answered with.
	ID uint32
	// The arguments of the call.
	AppName       string
	ReplacesID    uint32
	AppIcon       string
	Summary, Body string
	Actions       []string
	Hints         map[string]dbus.Variant
	ExpireTimeout int32
	// Received is when the call arrived.
	Received time.Time
}

// Hint returns hint name's value, or nil.
func (n Notification) Hint(name string) any {
	v, ok := n.Hints[name]
	if !ok {
		return nil
	}
	return v.Value()
}

// The notification API.
const (
	busName  = "org.freedesktop.Notifications"
	busPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	busIface = "org.freedesktop.Notifications"
)

// Server is a notification server on a Bus.
type Server struct {
	bus *Bus
	cfg Config

	mu        sync.Mutex
	conn      *dbus.Conn
	props     *prop.Properties
	inhibited bool
	nextID    uint32
	open      map[uint32]bool
	calls     []Notification
	methods   map[string]int // method name -> calls received
	hold      chan struct{}  // while non-nil, Notify waits for it to close

	notified chan Notification
}

// StartServer starts a notification server with configuration c on b and
// stops it when the test ends.
func (b *Bus) StartServer(t testing.TB, c Config) *Server {
	t.Helper()
	s := &Server{bus: b, cfg: c, open: map[uint32]bool{}, methods: map[string]int{}, notified: make(chan Notification, 4096)}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) start() error {
	conn, err := dbus.Connect(s.bus.Address)
	if err != nil {
		return fmt.Errorf("notifytest: cannot connect to %q: %w", s.bus.Address, err)
	}
	if err := conn.Export(handler{s}, busPath, busIface); err != nil {
		conn.Close()
		return err
	}
	s.mu.Lock()
	inhibited := s.inhibited
	s.mu.Unlock()
	var props *prop.Properties
	if !s.cfg.NoInhibited {
		props, err = prop.Export(conn, busPath, prop.Map{busIface: {
			"Inhibited": {Value: inhibited, Writable: false, Emit: prop.EmitTrue},
		}})
		if err != nil {
			conn.Close()
			return err
		}
	}
	reply, err := conn.RequestName(busName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		conn.Close()
		return fmt.Errorf("notifytest: cannot own %s (reply %v): %v", busName, reply, err)
	}
	s.mu.Lock()
	s.conn, s.props = conn, props
	s.mu.Unlock()
	return nil
}

// Stop takes the server off the bus by closing its connection, as if the
// process was killed. Stopping a stopped server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	conn := s.conn
	s.conn, s.props = nil, nil
	s.open = map[uint32]bool{}
	if s.hold != nil {
		close(s.hold)
		s.hold = nil
	}
	s.mu.Unlock()
	if conn != nil {
		conn.Close()
	}
}

// Restart puts a stopped server back on the bus, keeping its record of
// calls and its Inhibited value.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	running := s.conn != nil
	s.mu.Unlock()
	if running {
		t.Fatal("notifytest: Restart of a running server")
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
}

// Next waits for the next Notify call not yet returned by Next and returns
// it; it fails the test after Wait.
func (s *Server) Next(t testing.TB) Notification {
	t.Helper()
	select {
	case n := <-s.notified:
		return n
	case <-time.After(Wait):
		t.Fatalf("notifytest: no Notify call within %v", Wait)
		return Notification{}
	}
}

// MethodCalls returns how many calls of method (such as "GetCapabilities")
// the server received so far.
func (s *Server) MethodCalls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.methods[method]
}

// called counts a call of method and waits the configured delay.
func (s *Server) called(method string) {
	s.mu.Lock()
	s.methods[method]++
	s.mu.Unlock()
	if s.cfg.Delay > 0 {
		time.Sleep(s.cfg.Delay) // the slowness being simulated
	}
}

// Calls returns every Notify call so far, in order.
func (s *Server) Calls() []Notification {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Notification(nil), s.calls...)
}

// InvokeAction emits ActionInvoked for notification id and action key, as
// when the user clicks a button, then closes it (reason 2) the way GNOME
// does, with NotificationClosed.
func (s *Server) InvokeAction(id uint32, key string) error {
	if err := s.emit("ActionInvoked", id, key); err != nil {
		return err
	}
	return s.Close(id, 2)
}

// IsOpen reports whether notification id is on the screen: sent and not
// closed since.
func (s *Server) IsOpen(id uint32) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.open[id]
	return ok
}

// Close closes notification id with reason (1 expired, 2 dismissed by the
// user, 3 closed by CloseNotification, 4 undefined) and emits
// NotificationClosed.
func (s *Server) Close(id, reason uint32) error {
	s.mu.Lock()
	delete(s.open, id)
	s.mu.Unlock()
	return s.emit("NotificationClosed", id, reason)
}

func (s *Server) emit(member string, args ...any) error {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return fmt.Errorf("notifytest: server is stopped")
	}
	return conn.Emit(busPath, busIface+"."+member, args...)
}

// SetInhibited sets the Inhibited property (Do Not Disturb) and emits
// PropertiesChanged.
func (s *Server) SetInhibited(on bool) error {
	s.mu.Lock()
	s.inhibited = on
	props := s.props
	s.mu.Unlock()
	if props == nil {
		return fmt.Errorf("notifytest: server is stopped or has no Inhibited property")
	}
	props.SetMust(busIface, "Inhibited", on)
	return nil
}

// Hold makes Notify calls hang, as a stuck server does, until release is
// called or the server stops.
func (s *Server) Hold() (release func()) {
	ch := make(chan struct{})
	s.mu.Lock()
	s.hold = ch
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			if s.hold == ch {
				close(ch)
				s.hold = nil
			}
			s.mu.Unlock()
		})
	}
}

// handler has the server's D-Bus methods and nothing else, since godbus
// exports every method of the value.
type handler struct{ s *Server }

// Notify records the call and answers with its id: replacesID when that
// notification is still open, otherwise a new one.
func (h handler) Notify(appName string, replacesID uint32, appIcon, summary, body string,
	actions []string, hints map[string]dbus.Variant, expire int32) (uint32, *dbus.Error) {
	received := time.Now()
	s := h.s
	s.called("Notify")
	s.mu.Lock()
	hold := s.hold
	s.mu.Unlock()
	if hold != nil {
		<-hold
	}
	s.mu.Lock()
	id := replacesID
	if !s.open[id] {
		s.nextID++
		id = s.nextID
	}
	s.open[id] = true
	n := Notification{ID: id, AppName: appName, ReplacesID: replacesID, AppIcon: appIcon,
		Summary: summary, Body: body, Actions: actions, Hints: hints, ExpireTimeout: expire, Received: received}
	s.calls = append(s.calls, n)
	s.mu.Unlock()
	s.notified <- n
	if s.cfg.ReplyDelay > 0 {
		time.Sleep(s.cfg.ReplyDelay)
	}
	return id, nil
}

// GetCapabilities answers with the configured capabilities.
func (h handler) GetCapabilities() ([]string, *dbus.Error) {
	h.s.called("GetCapabilities")
	return h.s.cfg.Capabilities, nil
}

// GetServerInformation answers with the configured names.
func (h handler) GetServerInformation() (string, string, string, string, *dbus.Error) {
	h.s.called("GetServerInformation")
	c := h.s.cfg
	return c.Name, c.Vendor, c.Version, c.SpecVersion, nil
}

// CloseNotification closes id and emits NotificationClosed with reason 3.
func (h handler) CloseNotification(id uint32) *dbus.Error {
	if err := h.s.Close(id, 3); err != nil {
		return dbus.MakeFailedError(err)
	}
	return nil
}
