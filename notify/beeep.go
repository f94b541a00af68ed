package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gen2brain/beeep"
)

// beeepBackend shows messages through beeep: the system notification centre
// on macOS and Windows, and on Linux the session bus again, then notify-send
// or kdialog. It has no buttons and cannot replace an earlier message.
type beeepBackend struct {
	timeout time.Duration
	icon    string
	// escape escapes markup in the body; Linux servers mostly render it.
	escape bool
	// prepare runs before each message; an error skips beeep. On Linux it
	// makes sure a session bus exists, so that godbus under beeep never
	// starts one with dbus-launch.
	prepare func() error
	// send is beeep.Notify; tests may replace it.
	send func(title, body string, icon any) error
}

func newBeeep(o Options, escape bool, prepare func() error) *beeepBackend {
	beeep.AppName = AppName
	return &beeepBackend{timeout: o.CallTimeout, icon: o.Icon, escape: escape, prepare: prepare, send: beeep.Notify}
}

func (b *beeepBackend) Name() string { return "beeep" }

func (b *beeepBackend) Close() error { return nil }

// Notify shows m, waiting at most the call timeout. A beeep call that takes
// longer is left to finish on its own.
func (b *beeepBackend) Notify(ctx context.Context, m Message) error {
	if b.prepare != nil {
		if err := b.prepare(); err != nil {
			return err
		}
	}
	body := m.Body
	if b.escape {
		body = escapeMarkup(body)
	}
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- b.send(m.Title, body, b.icon) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return fmt.Errorf("%w (beeep took longer than %v)", ErrTimeout, b.timeout)
		}
		return ctx.Err()
	}
}

var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeMarkup escapes the characters a body-markup server would read as markup.
func escapeMarkup(s string) string { return markupEscaper.Replace(s) }
