package presence

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"
)

func init() {
	// xgb logs unrecoverable connection errors to stderr itself; they
	// reach the daemon's log as a lost source instead.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// x11Source asks the X server's MIT-SCREEN-SAVER extension how long ago
// the last input was. X has no event for input that this connection can
// read (XInput2's raw events are generic events, which xgb cannot parse),
// so an idlePoller asks it: once per away.after while the person is here,
// every X11AwayPoll while away, and whenever Current is called.
type x11Source struct {
	conn *xgb.Conn
	root xproto.Window
	poll *idlePoller

	mu     sync.Mutex
	closed bool
}

// openX11 connects to $DISPLAY and checks the extension answers.
func openX11(ctx context.Context, opts Options, s sink) (*x11Source, error) {
	if d := opts.Getenv("WAYLAND_DISPLAY"); d != "" || opts.Getenv("XDG_SESSION_TYPE") == "wayland" {
		return nil, errors.New("the session is Wayland, and XWayland does not see input to Wayland windows")
	}
	display := opts.Getenv("DISPLAY")
	if display == "" {
		return nil, errors.New("DISPLAY is not set (not an X11 session)")
	}
	type result struct {
		c   *xgb.Conn
		err error
	}
	ch := make(chan result, 1)
	go func() {
		c, err := xgb.NewConnDisplay(display)
		if err == nil {
			if err = screensaver.Init(c); err != nil {
				c.Close()
				c, err = nil, fmt.Errorf("the X server at %s has no MIT-SCREEN-SAVER extension: %w", display, err)
			}
		} else {
			err = fmt.Errorf("cannot connect to the X server at %s: %w", display, err)
		}
		ch <- result{c, err}
	}()
	var c *xgb.Conn
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, r.err
		}
		c = r.c
	case <-ctx.Done():
		go func() {
			if r := <-ch; r.c != nil {
				r.c.Close()
			}
		}()
		return nil, fmt.Errorf("the X server at %s does not answer: %w", display, ctx.Err())
	}
	x := &x11Source{conn: c, root: xproto.Setup(c).DefaultScreen(c).Root}
	x.poll = &idlePoller{idle: x.idle, away: opts.AwayAfter, poll: opts.pollEvery(), now: opts.Now, source: SourceX11, s: s}
	ev, err := x.query(ctx)
	if err != nil {
		x.poll.stop()
		c.Close()
		return nil, err
	}
	if ev.kind == evIdle {
		s.emit(ev)
	}
	return x, nil
}

func (x *x11Source) name() string { return SourceX11 }

// query asks for the time since the last input, and when to ask next.
func (x *x11Source) query(ctx context.Context) (event, error) { return x.poll.check(ctx) }

// idle asks the X server for the time since the last input.
func (x *x11Source) idle(ctx context.Context) (time.Duration, error) {
	x.mu.Lock()
	closed := x.closed
	x.mu.Unlock()
	if closed {
		return 0, errors.New("closed")
	}
	type result struct {
		r   *screensaver.QueryInfoReply
		err error
	}
	ch := make(chan result, 1)
	go func() {
		r, err := screensaver.QueryInfo(x.conn, xproto.Drawable(x.root)).Reply()
		ch <- result{r, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return 0, fmt.Errorf("MIT-SCREEN-SAVER QueryInfo: %w", r.err)
		}
		if r.r == nil {
			return 0, errors.New("MIT-SCREEN-SAVER QueryInfo: the X connection is closed")
		}
		return time.Duration(r.r.MsSinceUserInput) * time.Millisecond, nil
	case <-ctx.Done():
		return 0, fmt.Errorf("the X server does not answer: %w", ctx.Err())
	}
}

func (x *x11Source) close() error {
	x.poll.stop()
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.closed {
		x.closed = true
		x.conn.Close()
	}
	return nil
}
