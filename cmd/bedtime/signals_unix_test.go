//go:build unix

package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestDaemonStopsOnSignals runs the real binary and checks it exits
// cleanly and quickly on SIGTERM and on SIGINT.
func TestDaemonStopsOnSignals(t *testing.T) {
	t.Parallel()
	bin := buildBedtime(t)
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(bin, "run") // no schedule file: the built-in default
			cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir, "XDG_STATE_HOME="+dir, "DBUS_SESSION_BUS_ADDRESS=", "XDG_RUNTIME_DIR="+dir)
			var out testutil.LogBuffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitFor(t, func() bool { return strings.Contains(out.String(), "bedtime started") })
			start := time.Now()
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err != nil {
				t.Fatalf("exit: %v\n%s", err, out.String())
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v to stop, want under 1s", d)
			}
			if !strings.Contains(out.String(), "bedtime stopped") {
				t.Errorf("no clean stop:\n%s", out.String())
			}
		})
	}
}
