package main

import "github.com/bedtime-app/bedtime/runner"

// reloadSignals make the daemon reload its schedule file.
var reloadSignals = runner.ReloadSignals
