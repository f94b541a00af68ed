//go:build unix

package main

import (
	"os"
	"syscall"
)

// reloadSignals make the daemon reload its schedule file.
var reloadSignals = []os.Signal{syscall.SIGHUP}
