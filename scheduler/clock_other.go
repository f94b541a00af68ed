//go:build !linux

package scheduler

import (
	"context"
	"errors"
	"time"
)

func waitRealtime(ctx context.Context, t time.Time) error {
	return errors.New("no realtime timer on this system")
}
