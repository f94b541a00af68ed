package state

import (
	"fmt"
	"sync"
	"time"
)

// Backoff of a Background Store's retries: the first after retryFirst,
// then twice as long each time, at most retryMax.
const (
	retryFirst = time.Second
	retryMax   = time.Minute
)

// later keeps, in order, what a Background Store could not write yet, and
// retries writing it with a backoff until it succeeds. Nothing runs while
// it is empty.
type later[T any] struct {
	store *Store
	what  string // "state changes", for the log
	// write writes items, waiting at most wait for the lock.
	write func(items []T, wait time.Duration) error
	// first is the first retry's delay; zero means retryFirst. (Tests.)
	first time.Duration

	mu      sync.Mutex
	items   []T
	timer   *time.Timer // a retry is due: the last write failed
	backoff time.Duration
	failing bool
	closed  bool
}

// add queues item and writes the queue, waiting at most wait for the lock
// unless a write already failed (then a retry is due and add does not
// wait: the daemon must not stall once per firing).
func (l *later[T]) add(item T, wait time.Duration) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.items = append(l.items, item)
	if l.timer != nil {
		wait = 0
	}
	return l.flush(wait)
}

// each calls fn for every item kept.
func (l *later[T]) each(fn func(T)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, it := range l.items {
		fn(it)
	}
}

// flush writes the queue; the caller holds l.mu.
func (l *later[T]) flush(wait time.Duration) error {
	if len(l.items) == 0 {
		return nil
	}
	err := l.write(l.items, wait)
	log := l.store.logger
	if err == nil {
		if l.failing {
			log.Info("wrote the "+l.what+" kept in memory", "count", len(l.items))
		}
		l.items, l.failing, l.backoff = nil, false, 0
		if l.timer != nil {
			l.timer.Stop()
			l.timer = nil
		}
		return nil
	}
	if !l.failing {
		log.Warn("cannot write the "+l.what+"; keeping them in memory and trying again", "err", err)
	}
	l.failing = true
	if !l.closed && l.timer == nil {
		switch {
		case l.backoff == 0 && l.first > 0:
			l.backoff = l.first
		case l.backoff == 0:
			l.backoff = retryFirst
		default:
			l.backoff = min(2*l.backoff, retryMax)
		}
		l.timer = time.AfterFunc(l.backoff, l.retry)
	}
	return fmt.Errorf("%w: %w", ErrPending, err)
}

func (l *later[T]) retry() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.timer = nil
	if !l.closed {
		l.flush(0)
	}
}

// close stops the retries after a last attempt and says what is lost.
func (l *later[T]) close(wait time.Duration) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	if len(l.items) == 0 {
		return nil
	}
	if err := l.write(l.items, wait); err != nil {
		n := len(l.items)
		l.items = nil
		return fmt.Errorf("state: %d %s could not be written: %w", n, l.what, err)
	}
	l.items = nil
	return nil
}
