//go:build !linux

package tray

// watchExit is a no-op here: the end of the daemon is seen at the next
// change of the state directory (a daemon that stops cleanly removes its
// pid file).
func watchExit(pid int) (<-chan struct{}, func()) { return nil, func() {} }
