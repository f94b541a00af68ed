//go:build !windows

package service

import "syscall"

// terminate asks the process pid to exit: SIGTERM, which bedtime run
// handles by finishing cleanly.
func terminate(pid int) error {
	return syscall.Kill(pid, syscall.SIGTERM)
}
