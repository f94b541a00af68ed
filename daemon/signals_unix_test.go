//go:build unix

package daemon

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestDaemonReloadsOnSIGHUP(t *testing.T) {
	h := newHarness(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
	h.opts.ReloadSignals = []os.Signal{syscall.SIGHUP}
	h.start()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if s := h.reloaded(); s == nil {
		t.Fatal("SIGHUP reload rejected the file")
	}
	if log := h.log.String(); !strings.Contains(log, "why=SIGHUP") {
		t.Errorf("no SIGHUP reload in log:\n%s", log)
	}
}
