//go:build !linux

package tray

import (
	"context"
	"fmt"
	"runtime"
)

// Host is what `bedtime doctor` says about the tray host.
type Host struct {
	Found  bool
	Detail string
	Format string
	Args   []any
	Fix    string
}

// hostOf is a Host whose Detail is format with args.
func hostOf(found bool, fix, format string, args ...any) Host {
	return Host{Found: found, Detail: fmt.Sprintf(format, args...), Format: format, Args: args, Fix: fix}
}

// ProbeHost says whether the tray can be shown: always on Windows (the
// notification area), never where it is not built.
func ProbeHost(ctx context.Context, address, desktop string) Host {
	switch {
	case NewSystray == nil:
		return hostOf(false, "use bedtime status and the commands", "the tray is not built for %s", runtime.GOOS)
	case runtime.GOOS == "windows":
		return hostOf(true, "", "the notification area")
	}
	return hostOf(true, "", "not checked on %s", runtime.GOOS)
}

// SessionBus is nil where the tray needs no session bus (Windows' notification
// area) or is not built.
func SessionBus(ctx context.Context) error { return nil }
