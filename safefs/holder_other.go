//go:build !linux

package safefs

// LockHolder returns zero and "": only Linux says who holds a lock.
func LockHolder(path string) (pid int, command string) { return 0, "" }
