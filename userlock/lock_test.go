package userlock

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLockAndRunning(t *testing.T) {
	dir := t.TempDir()
	if _, _, ok := Running(dir); ok {
		t.Fatal("Running before any lock")
	}
	lock, err := Take(dir)
	if err != nil {
		t.Fatal(err)
	}
	if pid, since, ok := Running(dir); !ok || pid != os.Getpid() || since.IsZero() {
		t.Fatalf("Running = %d, %v, %v", pid, since, ok)
	}
	if _, err := Take(dir); !errors.Is(err, ErrRunning) || !strings.Contains(err.Error(), "bedtime is already running (pid ") {
		t.Fatalf("second Lock = %v", err)
	}
	// Private on Unix; Windows has no such mode bits (the directory's ACL
	// keeps it private there).
	if fi, err := os.Stat(filepath.Join(dir, "daemon.lock")); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		lock.Unlock()
		t.Fatalf("lock file: %v %v", fi, err)
	}
	lock.Unlock()
	if _, _, ok := Running(dir); ok {
		t.Fatal("Running after unlock")
	}
}

// TestLockWhileProbed: Running, as "bedtime status" calls it, takes the
// lock for a moment to see whether it is free; a daemon starting at that
// moment must still get it.
func TestLockWhileProbed(t *testing.T) {
	dir := t.TempDir()
	stop := make(chan struct{})
	var probers sync.WaitGroup
	for range 4 {
		probers.Add(1)
		go func() {
			defer probers.Done()
			for {
				select {
				case <-stop:
					return
				default:
					Running(dir)
					// A moment between probes, as between two
					// "bedtime status": the lock is free more
					// often than not.
					time.Sleep(50 * time.Microsecond)
				}
			}
		}()
	}
	defer func() { close(stop); probers.Wait() }()
	for i := range 300 {
		lock, err := Take(dir)
		if err != nil {
			t.Fatalf("Take %d while Running probes it: %v", i, err)
		}
		if pid, ok := Holder(dir); !ok || pid != os.Getpid() {
			t.Fatalf("Holder = %d, %v", pid, ok)
		}
		lock.Unlock()
	}
}
