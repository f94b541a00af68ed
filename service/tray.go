package service

// The tray's autostart (bedtime install --tray): the status icon belongs to
// the graphical session, after the panel is up, so it starts the way a
// session starts its own applets, whatever runs the daemon: an XDG
// autostart entry on Linux and the BSDs (every freedesktop session runs
// them, and a systemd user manager turns them into units of
// graphical-session), a value in the user's Run key on Windows. The entry
// is rendered here, on every OS, so its tests run everywhere.

import (
	"context"
	"errors"
)

// TrayName is the name of the tray's autostart entry.
const TrayName = Name + "-tray"

// ErrTrayNotBuilt is returned by InstallTray where the tray is not built.
var ErrTrayNotBuilt = errors.New("the tray is not built for this system")

// TrayArgs are the arguments the tray's entry runs the binary with.
func (s Spec) TrayArgs() []string {
	return []string{"tray", "--config", s.ConfigPath}
}

// trayDesktopEntry returns the tray's XDG autostart entry for spec.
func trayDesktopEntry(spec Spec) string {
	return `# Written by "bedtime install --tray". "bedtime uninstall" removes it.
[Desktop Entry]
Type=Application
Name=bedtime tray
Comment=The status icon of bedtime: what comes next, pause, and today's answers
Exec=` + desktopExec(append([]string{spec.Executable}, spec.TrayArgs()...)) + `
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
X-GNOME-Autostart-Delay=2
`
}

// WithTray returns m, whose Uninstall also removes the tray's autostart
// entry (bedtime install --tray), so that uninstall leaves nothing behind.
func WithTray(m Manager) Manager { return withTray{m} }

type withTray struct{ Manager }

func (w withTray) Uninstall(ctx context.Context) (bool, error) {
	removed, err := w.Manager.Uninstall(ctx)
	if err != nil {
		return removed, err
	}
	trayRemoved, err := UninstallTray()
	return removed || trayRemoved, err
}
