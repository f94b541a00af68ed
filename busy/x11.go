package busy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func init() {
	// xgb logs connection errors to stderr itself; here they end the
	// source instead.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// x11Fullscreen asks the X server whether the active window is
// fullscreen, through the EWMH properties the window manager keeps.
type x11Fullscreen struct {
	conn *xgb.Conn
	root xproto.Window
	// The atoms _NET_ACTIVE_WINDOW, _NET_WM_STATE and
	// _NET_WM_STATE_FULLSCREEN.
	active, state, full xproto.Atom

	once sync.Once

	mu     sync.Mutex
	asking *question // the question under way, if any
}

func openX11(ctx context.Context, o Options) (*x11Fullscreen, error) {
	if o.Getenv("WAYLAND_DISPLAY") != "" || o.Getenv("XDG_SESSION_TYPE") == "wayland" {
		return nil, errors.New("the session is Wayland, whose windows X does not know")
	}
	display := o.Getenv("DISPLAY")
	if display == "" {
		return nil, errors.New("DISPLAY is not set (not an X11 session)")
	}
	type result struct {
		x   *x11Fullscreen
		err error
	}
	ch := make(chan result, 1)
	go func() {
		c, err := xgb.NewConnDisplay(display)
		if err != nil {
			ch <- result{nil, fmt.Errorf("cannot connect to the X server at %s: %w", display, err)}
			return
		}
		x := &x11Fullscreen{conn: c, root: xproto.Setup(c).DefaultScreen(c).Root}
		for _, a := range []struct {
			name string
			to   *xproto.Atom
		}{{"_NET_ACTIVE_WINDOW", &x.active}, {"_NET_WM_STATE", &x.state}, {"_NET_WM_STATE_FULLSCREEN", &x.full}} {
			r, err := xproto.InternAtom(c, false, uint16(len(a.name)), a.name).Reply()
			if err != nil || r == nil {
				c.Close()
				ch <- result{nil, fmt.Errorf("the X server at %s does not answer InternAtom: %v", display, err)}
				return
			}
			*a.to = r.Atom
		}
		ch <- result{x, nil}
	}()
	select {
	case r := <-ch:
		return r.x, r.err
	case <-ctx.Done():
		go func() {
			if r := <-ch; r.x != nil {
				r.x.close()
			}
		}()
		return nil, fmt.Errorf("the X server at %s does not answer: %w", display, ctx.Err())
	}
}

// fullscreen reports whether the active window is fullscreen. No active
// window, or one gone meanwhile, is not. When ctx ends first it returns
// ctx's error, and the question goes on: the next call waits for its
// answer rather than asking again, so a server that does not answer gets
// one question, not one per reminder.
func (x *x11Fullscreen) fullscreen(ctx context.Context) (bool, error) {
	x.mu.Lock()
	q := x.asking
	if q == nil {
		q = &question{done: make(chan struct{})}
		x.asking = q
		go func() {
			q.full, q.err = x.ask()
			x.mu.Lock()
			x.asking = nil
			x.mu.Unlock()
			close(q.done)
		}()
	}
	x.mu.Unlock()
	select {
	case <-q.done:
		return q.full, q.err
	case <-ctx.Done():
		return false, fmt.Errorf("the X server does not answer: %w", ctx.Err())
	}
}

// question is one asking of the X server; full and err are set before
// done is closed.
type question struct {
	done chan struct{}
	full bool
	err  error
}

func (x *x11Fullscreen) ask() (bool, error) {
	r, err := xproto.GetProperty(x.conn, false, x.root, x.active, xproto.AtomWindow, 0, 1).Reply()
	if err != nil {
		return false, fmt.Errorf("GetProperty _NET_ACTIVE_WINDOW: %w", err)
	}
	if r == nil {
		return false, errors.New("the X connection is closed")
	}
	if r.Format != 32 || r.ValueLen != 1 || len(r.Value) < 4 {
		return false, nil // no window manager, or no active window
	}
	win := xproto.Window(xgb.Get32(r.Value))
	if win == 0 {
		return false, nil
	}
	// At most 64 states: more is not a window manager's doing.
	s, err := xproto.GetProperty(x.conn, false, win, x.state, xproto.AtomAtom, 0, 64).Reply()
	if err != nil {
		return false, nil // the window closed since it was active
	}
	if s == nil {
		return false, errors.New("the X connection is closed")
	}
	if s.Format != 32 {
		return false, nil
	}
	for i := 0; i+4 <= len(s.Value) && i/4 < int(s.ValueLen); i += 4 {
		if xproto.Atom(xgb.Get32(s.Value[i:])) == x.full {
			return true, nil
		}
	}
	return false, nil
}

func (x *x11Fullscreen) close() { x.once.Do(func() { x.conn.Close() }) }
