//go:build !windows

package service

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
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
	start := time.Now()
	err := (Unsupported{Opts: opts}).Stop(testContext(t))
	if err == nil || !strings.Contains(err.Error(), "did not exit within 300ms") {
		t.Fatalf("Stop of a stubborn daemon = %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Stop took %s with a 300ms timeout", d)
	}
	if pid, _, ok := opts.running(); !ok || pid != cmd.Process.Pid {
		t.Error("the stubborn daemon lost its lock")
	}
}
