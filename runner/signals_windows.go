package runner

import "os"

// ReloadSignals make the daemon reload its schedule file; Windows has no
// SIGHUP, so the file watcher alone does it.
var ReloadSignals []os.Signal
