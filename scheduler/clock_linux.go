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
	spec := unix.ItimerSpec{Value: unix.NsecToTimespec(t.UnixNano())}
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
