package runner

import (
	"fmt"

	sdnotify "github.com/coreos/go-systemd/v22/daemon"
)

// Ready tells the service manager that the daemon has started (it holds
// the per-user lock and has loaded its schedule). Under bedtime's systemd
// unit (Type=notify) it sends READY=1 to $NOTIFY_SOCKET: systemctl start
// and restart, and so install, start and restart, return only then, and
// fail when the daemon exits before. It then removes NOTIFY_SOCKET from
// the environment, so that no program the daemon starts speaks for it.
// Elsewhere (bedtime run by hand, an XDG autostart entry, launchd,
// Windows) $NOTIFY_SOCKET is unset, and it does nothing and reports false.
func Ready() (sent bool, err error) {
	sent, err = sdnotify.SdNotify(true, sdnotify.SdNotifyReady)
	if err != nil {
		return false, fmt.Errorf("cannot tell systemd that bedtime started (READY=1 to $NOTIFY_SOCKET): %w", err)
	}
	return sent, nil
}
