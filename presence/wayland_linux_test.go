package presence

import (
	"bufio"
	"context"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeCompositor is a Wayland compositor on a real unix socket, written
// in Go for the test: it speaks the wire protocol for the registry, sync,
// bind and ext_idle_notifier_v1, and lets the test send idled and resumed.
type fakeCompositor struct {
	t        *testing.T
	ln       *net.UnixListener
	notifier bool // advertise ext_idle_notifier_v1

	// requests receives every idle notification a client asks for.
	requests chan *fakeNotification
	wg       sync.WaitGroup
}

// fakeNotification is one client's ext_idle_notification_v1.
type fakeNotification struct {
	w       *wlWire
	id      uint32
	timeout time.Duration
	seat    uint32 // the object id the client gave its wl_seat
	bound   map[string]uint32
}

func startCompositor(t *testing.T, notifier bool) (*fakeCompositor, env) {
	t.Helper()
	dir := t.TempDir()
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: filepath.Join(dir, "wayland-1"), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	c := &fakeCompositor{t: t, ln: ln, notifier: notifier, requests: make(chan *fakeNotification, 4)}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for {
			conn, err := ln.AcceptUnix()
			if err != nil {
				return
			}
			c.wg.Add(1)
			go func() {
				defer c.wg.Done()
				c.serve(conn)
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		c.wg.Wait()
	})
	return c, env{"XDG_RUNTIME_DIR": dir, "WAYLAND_DISPLAY": "wayland-1"}
}

// serve answers one client until it hangs up.
func (c *fakeCompositor) serve(conn *net.UnixConn) {
	defer conn.Close()
	stop := context.AfterFunc(c.t.Context(), func() { conn.Close() }) // hang up when the test ends
	defer stop()
	w := &wlWire{c: conn, r: bufio.NewReader(conn)}
	bound := map[string]uint32{} // interface -> client's object id
	var registry uint32
	for {
		m, err := w.read()
		if err != nil {
			return
		}
		a := wlArgs{b: m.args}
		switch {
		case m.obj == wlDisplayID && m.op == wlDisplayGetRegistry:
			registry = a.uint()
			globals := []struct {
				name    uint32
				iface   string
				version uint32
			}{{1, "wl_compositor", 6}, {2, "wl_seat", 9}, {3, "wl_output", 4}}
			if c.notifier {
				globals = append(globals, struct {
					name    uint32
					iface   string
					version uint32
				}{4, "ext_idle_notifier_v1", 2})
			}
			for _, g := range globals {
				w.send(registry, wlRegistryGlobal, g.name, g.iface, g.version)
			}
		case m.obj == wlDisplayID && m.op == wlDisplaySync:
			w.send(a.uint(), wlCallbackDone, uint32(1))
		case m.obj == registry && registry != 0 && m.op == wlRegistryBind:
			name, iface, version, id := a.uint(), a.string(), a.uint(), a.uint()
			_, _ = name, version
			bound[iface] = id
			if iface == "wl_seat" {
				w.send(id, 0, uint32(3)) // capabilities: pointer and keyboard
			}
		case m.obj == bound["ext_idle_notifier_v1"] && m.op == extIdleGetNotification:
			id, ms, seat := a.uint(), a.uint(), a.uint()
			c.requests <- &fakeNotification{w: w, id: id, timeout: time.Duration(ms) * time.Millisecond, seat: seat, bound: bound}
		}
		if a.err != nil {
			c.t.Errorf("compositor: bad request %d.%d: %v", m.obj, m.op, a.err)
			return
		}
	}
}

// request waits for a client's get_idle_notification.
func (c *fakeCompositor) request(t *testing.T) *fakeNotification {
	t.Helper()
	select {
	case n := <-c.requests:
		return n
	case <-time.After(wait):
		t.Fatal("no get_idle_notification within the wait")
	}
	return nil
}

func (n *fakeNotification) idled(t *testing.T) {
	if err := n.w.send(n.id, extIdleIdled); err != nil {
		t.Fatal(err)
	}
}

func (n *fakeNotification) resumed(t *testing.T) {
	if err := n.w.send(n.id, extIdleResumed); err != nil {
		t.Fatal(err)
	}
}

// TestWayland binds the idle notifier of an in-test compositor, turns away
// on idled and here on resumed, and reconnects when the compositor hangs
// up.
func TestWayland(t *testing.T) {
	comp, e := startCompositor(t, true)
	opts := testOptions(t, e, SourceWayland)
	opts.AwayAfter = 90 * time.Second
	m, r := open(t, opts)
	if r.Idle != SourceWayland {
		t.Fatalf("report = %s, want %s", r, SourceWayland)
	}
	n := comp.request(t)
	if n.timeout != 90*time.Second {
		t.Errorf("timeout = %v, want away.after (90s)", n.timeout)
	}
	if n.seat != n.bound["wl_seat"] || n.seat == 0 {
		t.Errorf("notification for seat %d, want the bound wl_seat %d", n.seat, n.bound["wl_seat"])
	}
	before := time.Now()
	n.idled(t)
	s := wantState(t, m, Away, SourceWayland)
	// idled comes away.after after the last input.
	if d := before.Sub(s.Since); d < 89*time.Second || d > 91*time.Second {
		t.Errorf("away since %v before idled, want about 90s", d)
	}
	n.resumed(t)
	wantState(t, m, Here, SourceWayland)
	n.idled(t)
	wantState(t, m, Away, SourceWayland)

	// The compositor hangs up (restarts): the monitor connects again and
	// asks for a new notification; the state is here until told again.
	n.w.c.Close()
	n2 := comp.request(t)
	wantState(t, m, Here, SourceWayland)
	n2.idled(t)
	wantState(t, m, Away, SourceWayland)
}

// TestWaylandReport: the reasons the Wayland source is not used.
func TestWaylandReport(t *testing.T) {
	_, withoutNotifier := startCompositor(t, false)
	dir := t.TempDir()
	tests := []struct {
		name string
		env  env
		want string
	}{
		{"not Wayland", env{"XDG_RUNTIME_DIR": dir}, "WAYLAND_DISPLAY is not set (not a Wayland session)"},
		{"no socket", env{"XDG_RUNTIME_DIR": dir, "WAYLAND_DISPLAY": "wayland-9"},
			"cannot connect to " + dir + "/wayland-9: connect: no such file or directory"},
		{"a compositor without the protocol (GNOME)", withoutNotifier, "the compositor has no ext_idle_notifier_v1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := open(t, testOptions(t, tt.env, SourceWayland))
			if len(r.Tried) != 1 || r.Tried[0].Used || r.Tried[0].Why != tt.want {
				t.Fatalf("tried = %+v, want %s not used: %s", r.Tried, SourceWayland, tt.want)
			}
			if !strings.Contains(r.String(), "not used: "+SourceWayland+": "+tt.want) {
				t.Errorf("report = %s", r)
			}
		})
	}
	// The client gives up when the compositor does not answer in time.
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: filepath.Join(dir, "wayland-mute"), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	m, r := Open(ctx, testOptions(t, env{"XDG_RUNTIME_DIR": dir, "WAYLAND_DISPLAY": "wayland-mute"}, SourceWayland))
	defer m.Close()
	if r.Idle != SourceNone || !strings.Contains(r.Tried[0].Why, "i/o timeout") {
		t.Fatalf("report = %s, want a timeout", r)
	}
}
