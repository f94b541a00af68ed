package main

import "os"

// reloadSignals make the daemon reload its schedule file; Windows has no
// SIGHUP, so the file watcher alone does it.
var reloadSignals []os.Signal
