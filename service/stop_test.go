//go:build !windows

package service

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// startByHand starts a fake "bedtime run" as a person would, in mode
// ("1" or "stubborn"), and returns it once it holds the lock.
func startByHand(t *testing.T, opts Options, mode string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "run")
	cmd.Env = append(os.Environ(), "BEDTIME_TEST_DAEMON="+mode)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if pid := waitRunning(t, opts); pid != cmd.Process.Pid {
		t.Fatalf("the lock says pid %d, the daemon is %d", pid, cmd.Process.Pid)
	}
	return cmd
}

// TestStopByHand: every manager's Stop stops a bedtime run started by
// hand, found by its lock, and waits until it has exited.
func TestStopByHand(t *testing.T) {
	opts := testOptions(t)
	ctx := testContext(t)
	if err := (Unsupported{Opts: opts}).Stop(ctx); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Stop with nothing running = %v, want ErrNotRunning", err)
	}
	cmd := startByHand(t, opts, "1")
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := (Unsupported{Opts: opts}).Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if _, _, ok := opts.running(); ok {
		t.Fatal("Stop returned while the daemon still holds the lock")
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("the daemon did not exit cleanly on SIGTERM: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the daemon did not exit")
	}
}

// TestStopByHandTimeout: a daemon that ignores SIGTERM makes Stop fail
// after the timeout, saying so, instead of hanging.
func TestStopByHandTimeout(t *testing.T) {
	opts := testOptions(t)
	opts.StopTimeout = 300 * time.Millisecond
	cmd := startByHand(t, opts, "stubborn")
	// In a bubble, Stop's timeout and its checks of the lock every 20 ms
	// run on the bubble's clock (the checks are non-blocking flock calls
	// and file reads): it gives up after exactly its timeout, on any
	// machine.
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		err := (Unsupported{Opts: opts}).Stop(context.Background())
		if err == nil || !strings.Contains(err.Error(), "did not exit within 300ms") {
			t.Fatalf("Stop of a stubborn daemon = %v", err)
		}
		if d := time.Since(start); d != 300*time.Millisecond {
			t.Errorf("Stop gave up after %s with a 300ms timeout", d)
		}
	})
	if pid, _, ok := opts.running(); !ok || pid != cmd.Process.Pid {
		t.Error("the stubborn daemon lost its lock")
	}
}
