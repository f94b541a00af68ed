package notifytest

import (
	"context"
	"sync"

	"github.com/bedtime-app/bedtime/notify"
)

// Fake is a notify.Notifier for tests that need no bus: it records every
// message and returns what NotifyFunc returns (nil when NotifyFunc is nil).
// It is safe for concurrent use.
type Fake struct {
	// NotifyFunc, when set, is called by Notify and its error returned.
	NotifyFunc func(ctx context.Context, m notify.Message) error

	mu   sync.Mutex
	sent []notify.Message
}

var _ notify.Notifier = (*Fake)(nil)

// Notify records m and calls NotifyFunc.
func (f *Fake) Notify(ctx context.Context, m notify.Message) error {
	f.mu.Lock()
	f.sent = append(f.sent, m)
	f.mu.Unlock()
	if f.NotifyFunc != nil {
		return f.NotifyFunc(ctx, m)
	}
	return nil
}

// Messages returns the messages passed to Notify so far, in order.
func (f *Fake) Messages() []notify.Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]notify.Message(nil), f.sent...)
}
