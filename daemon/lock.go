package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/userlock"
)

// stateLockWait is how long the daemon waits for the state's lock when
// another process holds it, before it keeps the change in memory and goes
// on (state.Options.Background): the engine never stalls longer.
const stateLockWait = time.Second

// keeper keeps the daemon's lock while it runs. Before each firing, and
// whenever the lock file changes, it makes sure the lock is still held: a
// lock lost with a removed state directory is taken again; when another
// daemon took it meanwhile, this one stops, so that no reminder shows
// twice.
type keeper struct {
	lock    *userlock.Lock
	log     *slog.Logger
	stop    context.CancelFunc
	retaken func() // called after the lock was taken again

	mu  sync.Mutex
	err error // why the daemon stopped
}

// ensure reports whether this daemon still holds the lock, taking it
// again if it can; why says what asked, for the log.
func (k *keeper) ensure(why string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return false
	}
	if k.lock.Held() {
		return true
	}
	if err := k.lock.Retake(); err != nil {
		if errors.Is(err, userlock.ErrRunning) {
			k.err = fmt.Errorf("the state directory %s was removed while bedtime ran, and another bedtime has taken the lock since (%w); this one stops so that no reminder shows twice", k.lock.Dir(), err)
		} else {
			k.err = fmt.Errorf("the state directory %s was removed while bedtime ran and its lock cannot be taken again: %w; bedtime stops so that no reminder shows twice", k.lock.Dir(), err)
		}
		k.log.Error("lost the lock", "why", why, "err", k.err)
		k.stop()
		return false
	}
	k.log.Warn("the state directory or its lock file was removed; made them again and took the lock", "why", why, "path", k.lock.Path())
	if k.retaken != nil {
		k.retaken()
	}
	return true
}

// stopped returns why the keeper stopped the daemon, or nil.
func (k *keeper) stopped() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.err
}
