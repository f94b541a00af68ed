//go:build unix

package runner

import (
	"os"
	"syscall"
)

// ReloadSignals make the daemon reload its schedule file.
var ReloadSignals = []os.Signal{syscall.SIGHUP}
