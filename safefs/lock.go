package safefs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// LockedError is the error for a lock another process holds.
type LockedError struct {
	Path string
	// PID and Command name the holder when the system says (Linux); zero
	// and empty otherwise.
	PID     int
	Command string
	// Waited is how long the lock was waited for.
	Waited time.Duration
}

// Error names the lock, its holder and what to do.
func (e *LockedError) Error() string {
	who := "another process"
	switch {
	case e.PID != 0 && e.Command != "":
		who = fmt.Sprintf("another process (pid %d, %s)", e.PID, e.Command)
	case e.PID != 0:
		who = fmt.Sprintf("another process (pid %d)", e.PID)
	}
	waited := ""
	if e.Waited > 0 {
		waited = " for more than " + e.Waited.Round(time.Millisecond).String()
	}
	return fmt.Sprintf("%s is locked by %s%s; try again, or end that process if it hangs", e.Path, who, waited)
}

// ErrLocked is matched by a *LockedError (errors.Is).
var ErrLocked = errors.New("locked by another process")

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// Lock takes an exclusive lock on the file at path, creating it (0600)
// when missing, never through a symbolic link. It waits at most wait for
// a lock another process holds (zero: not at all) and then returns a
// *LockedError naming the holder. A named pipe or device at path gives a
// *NotRegularError. Release the lock with Unlock.
func Lock(path string, wait time.Duration) (*flock.Flock, error) {
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDONLY|noFollow|nonBlock), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err == nil && !ok && wait > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		ok, err = fl.TryLockContext(ctx, 5*time.Millisecond)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			err = nil
		}
	}
	if err != nil {
		fl.Close()
		if fi, serr := os.Lstat(path); serr == nil && !fi.Mode().IsRegular() {
			return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
		}
		return nil, err
	}
	if !ok {
		pid, cmd := LockHolder(path)
		return nil, &LockedError{Path: path, PID: pid, Command: cmd, Waited: wait}
	}
	if fi, err := fl.Stat(); err != nil || !fi.Mode().IsRegular() {
		fl.Unlock()
		if err != nil {
			return nil, err
		}
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	return fl, nil
}
