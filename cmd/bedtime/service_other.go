//go:build !linux && !darwin && !windows

package main

import "runtime"

// newServiceManager reports that bedtime knows no per-user service manager on
// this OS (the BSDs, illumos, ...).
func newServiceManager() (serviceManager, error) {
	return nil, noServiceManagerError{Found: "bedtime knows no per-user service manager on " + runtime.GOOS}
}
