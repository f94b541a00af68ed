package daemon

import (
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
	ok, err := fl.TryLock()
	if err != nil {
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
