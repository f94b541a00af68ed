//go:build !linux

package notify

import (
	"context"
	"fmt"
	"runtime"
)

// platformBackends returns beeep: outside Linux there is no D-Bus backend.
func platformBackends(o Options) []backend {
	return []backend{newBeeep(o)}
}

// Probe reports what the desktop's notification server offers. Outside
// Linux there is no session bus to ask: it returns ErrUnsupported, and
// notifications go through beeep to the system's notification centre.
func Probe(ctx context.Context) (Report, error) {
	return Report{}, fmt.Errorf("probing the notification server on %s: %w", runtime.GOOS, ErrUnsupported)
}
