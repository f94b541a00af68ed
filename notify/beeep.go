//go:build !linux

package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/gen2brain/beeep"
)

// beeepBackend shows messages through beeep: the system notification centre
// on macOS and Windows. It has no buttons and cannot replace an earlier
// message. Linux has its own D-Bus backend, so a Linux binary does not
// link beeep at all.
type beeepBackend struct {
	timeout time.Duration
	icon    string
	// send is beeep.Notify; tests may replace it.
	send func(title, body string, icon any) error
}

func newBeeep(o Options) *beeepBackend {
	beeep.AppName = AppName
	return &beeepBackend{timeout: o.CallTimeout, icon: o.Icon, send: beeep.Notify}
}

func (b *beeepBackend) Name() string { return "beeep" }

func (b *beeepBackend) Close() error { return nil }

// Notify shows m, waiting at most the call timeout. A beeep call that takes
// longer is left to finish on its own.
func (b *beeepBackend) Notify(ctx context.Context, m Message) error {
	body := m.Body
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
