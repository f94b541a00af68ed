// Package presencetest has a presence.Monitor for tests that need no
// desktop: the test sets the state, the code under test sees it in
// Current and on Changes.
package presencetest

import (
	"context"
	"sync"

	"github.com/bedtime-app/bedtime/presence"
)

// Fake is a presence.Monitor whose state the test sets. It is safe for
// concurrent use.
type Fake struct {
	mu      sync.Mutex
	status  presence.Status
	changes chan presence.Status
	closed  bool
	asked   int
}

var _ presence.Monitor = (*Fake)(nil)

// NewFake returns a Fake in the state initial.
func NewFake(initial presence.Status) *Fake {
	return &Fake{status: initial, changes: make(chan presence.Status, 8)}
}

// Set changes the state and delivers it on Changes, dropping the oldest
// undelivered state when the reader is behind, as the real Monitor does.
func (f *Fake) Set(s presence.Status) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.status = s
	for {
		select {
		case f.changes <- s:
			return
		default:
		}
		select {
		case <-f.changes:
		default:
		}
	}
}

// Current returns the state last set.
func (f *Fake) Current(ctx context.Context) presence.Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	return f.status
}

// Asked returns how many times Current was called.
func (f *Fake) Asked() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked
}

// Changes returns the states set, in order.
func (f *Fake) Changes() <-chan presence.Status { return f.changes }

// Source returns the source of the state last set.
func (f *Fake) Source() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status.Source
}

// Close closes Changes.
func (f *Fake) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.closed {
		f.closed = true
		close(f.changes)
	}
	return nil
}
