package daemon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Lock makes sure only one daemon runs per user: it takes a lock on a
// file in dir for as long as the process lives (the kernel drops it if the
// process dies) and writes the process id beside it. Call unlock to
// release it.
func Lock(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "daemon.lock")
	fl := flock.New(path, flock.SetPermissions(0o600))
	// Running probes the lock by taking it for a moment, so a lock that is
	// held is tried again for a short while before it counts as taken.
	ctx, cancel := context.WithTimeout(context.Background(), lockRetry)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, 5*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if !ok {
		pid := "unknown"
		if b, err := os.ReadFile(path + ".pid"); err == nil {
			pid = strings.TrimSpace(string(b))
		}
		return nil, fmt.Errorf("bedtime is already running (pid %s); stop it first, or use `bedtime status`", pid)
	}
	os.WriteFile(path+".pid", []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return func() {
		os.Remove(path + ".pid")
		fl.Unlock()
	}, nil
}

// lockRetry is how long Lock tries again to take a lock that is held.
const lockRetry = 250 * time.Millisecond

// Holder returns the process id the daemon that last took the lock in dir
// wrote beside it, without touching the lock: it tells whether a daemon
// just started has taken the lock yet. The id may be stale; Running says
// whether a daemon holds the lock now.
func Holder(dir string) (pid int, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, "daemon.lock.pid"))
	if err != nil {
		return 0, false
	}
	pid, err = strconv.Atoi(strings.TrimSpace(string(b)))
	return pid, err == nil
}

// Running returns the process id of the daemon that holds the lock in dir
// and since when it holds it, whether a service manager started it or a
// person did.
func Running(dir string) (pid int, since time.Time, ok bool) {
	path := filepath.Join(dir, "daemon.lock")
	if _, err := os.Stat(path); err != nil {
		return 0, time.Time{}, false
	}
	fl := flock.New(path)
	locked, err := fl.TryLock()
	if err != nil {
		return 0, time.Time{}, false
	}
	if locked {
		fl.Unlock()
		return 0, time.Time{}, false
	}
	if fi, err := os.Stat(path + ".pid"); err == nil {
		since = fi.ModTime()
		if b, err := os.ReadFile(path + ".pid"); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
	}
	return pid, since, true
}
