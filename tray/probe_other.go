//go:build !linux

package tray

import (
	"context"
	"runtime"
)

// Host is what `bedtime doctor` says about the tray host.
type Host struct {
	Found  bool
	Detail string
	Fix    string
}

// ProbeHost says whether the tray can be shown: always on Windows (the
// notification area), never where it is not built.
func ProbeHost(ctx context.Context, address, desktop string) Host {
	switch {
	case NewSystray == nil:
		return Host{Detail: "the tray is not built for " + runtime.GOOS, Fix: "use bedtime status and the commands"}
	case runtime.GOOS == "windows":
		return Host{Found: true, Detail: "the notification area"}
	}
	return Host{Found: true, Detail: "not checked on " + runtime.GOOS}
}

// SessionBus is nil where the tray needs no session bus (Windows' notification
// area) or is not built.
func SessionBus(ctx context.Context) error { return nil }
