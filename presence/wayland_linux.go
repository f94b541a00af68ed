package presence

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"sync"
	"time"
)

// A minimal Wayland client: just enough of the wire protocol to bind
// ext_idle_notifier_v1 and a wl_seat and to receive idled and resumed. It
// is written out here because the pure-Go Wayland libraries are young
// forks without the staging protocols, and this needs six requests and a
// handful of events. See https://wayland.freedesktop.org/docs/html/ch04.html
// for the wire format: every message is the object id (uint32), then the
// size in bytes (upper 16 bits) and the opcode (lower 16 bits), then the
// arguments, each padded to 32 bits, in the host's byte order.

// Object ids this client allocates, in order.
const (
	wlDisplayID      = 1
	wlRegistryID     = 2
	wlCallbackID     = 3
	wlNotifierID     = 4
	wlSeatID         = 5
	wlNotificationID = 6
)

// Opcodes used here.
const (
	wlDisplaySync        = 0 // request: sync(new_id callback)
	wlDisplayGetRegistry = 1 // request: get_registry(new_id registry)
	wlDisplayError       = 0 // event: error(object, uint code, string message)
	wlRegistryBind       = 0 // request: bind(uint name, new_id<interface,version>)
	wlRegistryGlobal     = 0 // event: global(uint name, string interface, uint version)
	wlCallbackDone       = 0 // event: done(uint data)
	// ext_idle_notifier_v1.get_idle_notification(new_id, uint timeout, object seat)
	extIdleGetNotification = 1
	extIdleIdled           = 0 // event of ext_idle_notification_v1
	extIdleResumed         = 1 // event of ext_idle_notification_v1
)

// wlMsg is one message on the wire.
type wlMsg struct {
	obj  uint32
	op   uint16
	args []byte
}

// wlWire reads and writes Wayland messages on a connection.
type wlWire struct {
	c *net.UnixConn
	r *bufio.Reader
}

// send writes one request. Arguments are uint32 or string.
func (w *wlWire) send(obj uint32, op uint16, args ...any) error {
	var body []byte
	for _, a := range args {
		switch v := a.(type) {
		case uint32:
			body = binary.NativeEndian.AppendUint32(body, v)
		case string:
			body = appendWLString(body, v)
		default:
			panic(fmt.Sprintf("wayland: unsupported argument %T", a))
		}
	}
	msg := binary.NativeEndian.AppendUint32(nil, obj)
	msg = binary.NativeEndian.AppendUint32(msg, uint32(8+len(body))<<16|uint32(op))
	_, err := w.c.Write(append(msg, body...))
	return err
}

// appendWLString appends s as a Wayland string: its length with the NUL,
// the bytes, the NUL, padding to 32 bits.
func appendWLString(b []byte, s string) []byte {
	b = binary.NativeEndian.AppendUint32(b, uint32(len(s)+1))
	b = append(b, s...)
	b = append(b, 0)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// read reads one event.
func (w *wlWire) read() (wlMsg, error) {
	var hdr [8]byte
	if _, err := io.ReadFull(w.r, hdr[:]); err != nil {
		return wlMsg{}, err
	}
	obj := binary.NativeEndian.Uint32(hdr[0:])
	word := binary.NativeEndian.Uint32(hdr[4:])
	size := int(word >> 16)
	if size < 8 || size%4 != 0 {
		return wlMsg{}, fmt.Errorf("bad message size %d", size)
	}
	args := make([]byte, size-8)
	if _, err := io.ReadFull(w.r, args); err != nil {
		return wlMsg{}, err
	}
	return wlMsg{obj: obj, op: uint16(word), args: args}, nil
}

// wlArgs decodes the arguments of an event.
type wlArgs struct {
	b   []byte
	err error
}

func (a *wlArgs) uint() uint32 {
	if a.err != nil || len(a.b) < 4 {
		a.err = errors.New("message too short")
		return 0
	}
	v := binary.NativeEndian.Uint32(a.b)
	a.b = a.b[4:]
	return v
}

func (a *wlArgs) string() string {
	n := int(a.uint())
	if a.err != nil {
		return ""
	}
	padded := (n + 3) &^ 3
	if n == 0 || padded > len(a.b) {
		a.err = errors.New("bad string")
		return ""
	}
	s := string(a.b[:n-1])
	a.b = a.b[padded:]
	return s
}

// waylandSocket returns the compositor's socket path.
func waylandSocket(getenv func(string) string) (string, error) {
	d := getenv("WAYLAND_DISPLAY")
	if d == "" {
		return "", errors.New("WAYLAND_DISPLAY is not set (not a Wayland session)")
	}
	if filepath.IsAbs(d) {
		return d, nil
	}
	return filepath.Join(runtimeDir(getenv), d), nil
}

// waylandSource receives idled and resumed from the compositor.
type waylandSource struct {
	w    *wlWire
	away time.Duration
	now  func() time.Time
	s    sink

	mu     sync.Mutex
	closed bool
	done   chan struct{}
}

// openWayland connects to the compositor and asks for an idle notification
// after away.after.
func openWayland(ctx context.Context, opts Options, s sink) (*waylandSource, error) {
	path, err := waylandSocket(opts.Getenv)
	if err != nil {
		return nil, err
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to %s: %w", path, errors.Unwrap(err))
	}
	w := &wlWire{c: c.(*net.UnixConn), r: bufio.NewReader(c)}
	if dl, ok := ctx.Deadline(); ok {
		c.SetDeadline(dl)
	} else {
		c.SetDeadline(time.Now().Add(callTimeout))
	}
	if err := handshake(w, opts.AwayAfter); err != nil {
		c.Close()
		return nil, err
	}
	c.SetDeadline(time.Time{})
	ws := &waylandSource{w: w, away: opts.AwayAfter, now: opts.Now, s: s, done: make(chan struct{})}
	go ws.loop()
	return ws, nil
}

// handshake lists the globals, binds the idle notifier and a seat, and
// asks for the idle notification.
func handshake(w *wlWire, away time.Duration) error {
	if err := w.send(wlDisplayID, wlDisplayGetRegistry, uint32(wlRegistryID)); err != nil {
		return err
	}
	if err := w.send(wlDisplayID, wlDisplaySync, uint32(wlCallbackID)); err != nil {
		return err
	}
	var notifier, seat uint32
	var haveNotifier, haveSeat bool
	for done := false; !done; {
		m, err := w.read()
		if err != nil {
			return fmt.Errorf("the compositor closed the connection: %w", err)
		}
		switch {
		case m.obj == wlDisplayID && m.op == wlDisplayError:
			return wlError(m)
		case m.obj == wlRegistryID && m.op == wlRegistryGlobal:
			a := wlArgs{b: m.args}
			name, iface := a.uint(), a.string()
			if a.err != nil {
				return fmt.Errorf("bad wl_registry.global: %w", a.err)
			}
			switch iface {
			case "ext_idle_notifier_v1":
				notifier, haveNotifier = name, true
			case "wl_seat":
				if !haveSeat {
					seat, haveSeat = name, true
				}
			}
		case m.obj == wlCallbackID && m.op == wlCallbackDone:
			done = true
		}
	}
	if !haveNotifier {
		return errors.New("the compositor has no ext_idle_notifier_v1")
	}
	if !haveSeat {
		return errors.New("the compositor has no wl_seat")
	}
	ms := uint32(min(away.Milliseconds(), 1<<32-1))
	for _, req := range [][]any{
		{uint32(wlRegistryID), uint16(wlRegistryBind), notifier, "ext_idle_notifier_v1", uint32(1), uint32(wlNotifierID)},
		{uint32(wlRegistryID), uint16(wlRegistryBind), seat, "wl_seat", uint32(1), uint32(wlSeatID)},
		{uint32(wlNotifierID), uint16(extIdleGetNotification), uint32(wlNotificationID), ms, uint32(wlSeatID)},
	} {
		if err := w.send(req[0].(uint32), req[1].(uint16), req[2:]...); err != nil {
			return err
		}
	}
	return nil
}

// wlError formats a wl_display.error event.
func wlError(m wlMsg) error {
	a := wlArgs{b: m.args}
	obj, code, msg := a.uint(), a.uint(), a.string()
	return fmt.Errorf("the compositor reported an error on object %d (code %d): %s", obj, code, msg)
}

func (ws *waylandSource) name() string { return SourceWayland }

// loop reads events until the connection closes.
func (ws *waylandSource) loop() {
	defer close(ws.done)
	for {
		m, err := ws.w.read()
		if err == nil && m.obj == wlDisplayID && m.op == wlDisplayError {
			err = wlError(m)
		}
		if err != nil {
			ws.mu.Lock()
			closed := ws.closed
			ws.mu.Unlock()
			if !closed {
				ws.s.lost(SourceWayland, err)
			}
			return
		}
		if m.obj != wlNotificationID {
			continue // wl_seat capabilities and the like
		}
		ws.mu.Lock()
		if !ws.closed {
			switch m.op {
			case extIdleIdled:
				ws.s.emit(event{kind: evIdle, at: ws.now().Add(-ws.away), source: SourceWayland})
			case extIdleResumed:
				ws.s.emit(event{kind: evActive, at: ws.now(), source: SourceWayland})
			}
		}
		ws.mu.Unlock()
	}
}

func (ws *waylandSource) close() error {
	ws.mu.Lock()
	ws.closed = true
	ws.mu.Unlock()
	err := ws.w.c.Close()
	<-ws.done
	return err
}
