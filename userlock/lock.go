package userlock

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/bedtime-app/bedtime/safefs"
)

// Lock is the per-user lock that makes sure only one daemon runs: a lock
// on the file daemon.lock in the state directory, held for as long as the
// process lives (the kernel drops it if the process dies), with the
// process id written beside it in daemon.lock.pid.
//
// Removing the state directory (or the lock file) while the daemon runs
// takes the lock file away from under it; Held notices, and Retake makes
// the directory and the file again and takes the lock anew.
type Lock struct {
	dir, path string

	mu   sync.Mutex
	fl   *flock.Flock
	file os.FileInfo // the file locked, to compare with what is at path
	// wasOpen is the directory's mode when it was open to others and the
	// lock made it private (0700), for the log; zero otherwise.
	wasOpen fs.FileMode
}

// Take takes the daemon lock in dir, creating dir (0700) if needed.
// It fails when another daemon holds it, naming its process id (the error
// wraps ErrRunning), and when dir is not the user's own private directory.
func Take(dir string) (*Lock, error) {
	l := &Lock{dir: dir, path: filepath.Join(dir, "daemon.lock")}
	if err := l.take(); err != nil {
		return nil, err
	}
	return l, nil
}

// ErrRunning is wrapped by the error of Take and Retake when another
// daemon holds the lock.
var ErrRunning = errors.New("bedtime is already running")

func (l *Lock) take() error {
	was, err := safefs.PrivateDir(l.dir)
	if err != nil {
		return fmt.Errorf("cannot use the state directory: %w", err)
	}
	if was != 0 {
		l.wasOpen = was
	}
	// Running probes the lock by taking it for a moment, so a lock that is
	// held is tried again for a short while before it counts as taken.
	fl, err := safefs.Lock(l.path, lockRetry)
	if safefs.IsNotRegular(err) { // planted while the directory was open: not a lock of ours
		if _, merr := safefs.MoveAside(l.path, ".unusable-"); merr == nil {
			fl, err = safefs.Lock(l.path, lockRetry)
		}
	}
	if errors.Is(err, safefs.ErrLocked) {
		pid := "unknown"
		if b, err := safefs.ReadPrivate(l.path + ".pid"); err == nil {
			pid = strings.TrimSpace(string(b))
		}
		return fmt.Errorf("%w (pid %s); stop it first, or use `bedtime status`", ErrRunning, pid)
	}
	if err != nil {
		return fmt.Errorf("cannot lock %s: %w", l.path, err)
	}
	fi, err := fl.Stat()
	if err != nil {
		fl.Unlock()
		return fmt.Errorf("cannot lock %s: %w", l.path, err)
	}
	writePid(l.path + ".pid")
	l.fl, l.file = fl, fi
	return nil
}

// Dir returns the directory the lock is in.
func (l *Lock) Dir() string { return l.dir }

// Path returns the lock file's path.
func (l *Lock) Path() string { return l.path }

// WasOpen returns the state directory's mode when it was open to other
// users and taking the lock made it private (0700), for the log; zero
// otherwise.
func (l *Lock) WasOpen() fs.FileMode {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.wasOpen
}

// Held reports whether the file at the lock's path is still the file this
// process holds the lock on: false once the directory or the file was
// removed or replaced. It costs one lstat.
func (l *Lock) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	fi, err := os.Lstat(l.path)
	return err == nil && l.fl != nil && os.SameFile(fi, l.file)
}

// Retake takes the lock again after Held became false: it makes the
// directory (0700) and the lock file again and locks it. It fails, and
// holds no lock, when another daemon took it meanwhile.
func (l *Lock) Retake() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fl != nil {
		l.fl.Unlock() // the lock on a file no one else can find
		l.fl = nil
	}
	return l.take()
}

// Unlock releases the lock and removes the process id file.
func (l *Lock) Unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fl == nil {
		return
	}
	os.Remove(l.path + ".pid")
	l.fl.Unlock()
	l.fl = nil
}

// lockRetry is how long Lock tries again to take a lock that is held.
const lockRetry = time.Second

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
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return 0, time.Time{}, false
	}
	fl, err := safefs.Lock(path, 0)
	if err == nil {
		fl.Unlock()
		return 0, time.Time{}, false
	}
	if !errors.Is(err, safefs.ErrLocked) {
		return 0, time.Time{}, false
	}
	if fi, err := os.Lstat(path + ".pid"); err == nil {
		since = fi.ModTime()
		if b, err := safefs.ReadPrivate(path + ".pid"); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
	}
	return pid, since, true
}

// writePid writes this process's id to path, which commands read to learn
// who holds the lock. On Windows a file that another process has open for
// reading cannot be replaced (`bedtime start` reads it every 20 ms while
// it waits, and a daemon that Windows stopped left its file there): then
// it is written in place, which Windows allows, as renameio did before. A
// reader may then see it half written; every reader takes a pid it cannot
// parse as none and asks again.
func writePid(path string) {
	b := []byte(strconv.Itoa(os.Getpid()) + "\n")
	if safefs.WriteAtomic(path, b) == nil {
		return
	}
	f, err := safefs.OpenPrivate(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	f.Write(b)
	f.Close()
}
