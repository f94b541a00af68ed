package scheduler

import (
	"context"
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// waitRealtime sleeps on a timerfd armed at the absolute wall time t. The
// kernel ends the wait early (ECANCELED) when the clock is set, and fires it
// at once on resume if t passed during suspend.
func waitRealtime(ctx context.Context, t time.Time) error {
	fd, err := unix.TimerfdCreate(unix.CLOCK_REALTIME, unix.TFD_NONBLOCK|unix.TFD_CLOEXEC)
	if err != nil {
		return err
	}
	f := os.NewFile(uintptr(fd), "timerfd")
	defer f.Close()
	// In seconds and nanoseconds: t.UnixNano overflows after 2262, and an
	// instant further ahead (a snooze in a hand-edited state file) would
	// come out in the past, waking the engine at once, again and again.
	// The kernel holds a later one as never; where a timespec cannot hold
	// t at all (32-bit, after 2038), the polling wait takes over.
	value, err := unix.TimeToTimespec(t)
	if err != nil {
		return err
	}
	spec := unix.ItimerSpec{Value: value}
	if spec.Value.Sec == 0 && spec.Value.Nsec == 0 {
		spec.Value.Nsec = 1 // zero would disarm the timer
	}
	if err := unix.TimerfdSettime(fd, unix.TFD_TIMER_ABSTIME|unix.TFD_TIMER_CANCEL_ON_SET, &spec, nil); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	var buf [8]byte
	_, err = f.Read(buf[:])
	if err != nil && !errors.Is(err, unix.ECANCELED) && !errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	return nil
}
