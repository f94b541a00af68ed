package tray

import (
	"sync"

	"golang.org/x/sys/unix"
)

// watchExit returns a channel closed when process pid ends, and a func
// that stops watching. It waits on a pidfd (Linux 5.3 and later), so it
// costs nothing while the process lives; where pidfds are missing the
// channel is nil and an end is seen at the next change of the state
// directory (a daemon that stops cleanly removes its pid file).
func watchExit(pid int) (<-chan struct{}, func()) {
	fd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return nil, func() {}
	}
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC); err != nil {
		unix.Close(fd)
		return nil, func() {}
	}
	done := make(chan struct{})
	go func() {
		defer unix.Close(fd)
		defer unix.Close(p[0])
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}, {Fd: int32(p[0]), Events: unix.POLLIN}}
		for {
			_, err := unix.Poll(fds, -1)
			if err == unix.EINTR {
				continue
			}
			if fds[0].Revents != 0 {
				close(done)
			}
			return
		}
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			unix.Write(p[1], []byte{0})
			unix.Close(p[1])
		})
	}
	return done, stop
}
