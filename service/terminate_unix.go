//go:build !windows

package service

import "syscall"

// terminate asks the process pid to exit: SIGTERM, which bedtime run
// handles by finishing cleanly.
func terminate(pid int) error {
	return syscall.Kill(pid, syscall.SIGTERM)
}

// childOf reports whether the process pid was started by parent. On Unix
// bedtime-daemon hands over to "bedtime run" by exec, in its own process,
// so the daemon that holds the lock is the one started: never a child.
func childOf(pid, parent int) bool { return false }
