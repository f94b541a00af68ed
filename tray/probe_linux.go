package tray

import (
	"context"
	"strings"

	"github.com/godbus/dbus/v5"
)

// Host is what `bedtime doctor` says about the tray host.
type Host struct {
	// Found reports whether a StatusNotifierWatcher with a host is on
	// the session bus, so an icon would be shown.
	Found  bool
	Detail string
	// Fix says how to get one, when there is none.
	Fix string
}

const watcherName = "org.kde.StatusNotifierWatcher"

// ProbeHost asks the session bus at address (empty: the session's) for a
// tray host: org.kde.StatusNotifierWatcher and its
// IsStatusNotifierHostRegistered. desktop is $XDG_CURRENT_DESKTOP, for
// the advice: GNOME shows tray icons only with the AppIndicator
// extension.
func ProbeHost(ctx context.Context, address, desktop string) Host {
	gnome := strings.Contains(strings.ToUpper(desktop), "GNOME")
	fix := "use a panel with a status notifier tray (KDE, Xfce's Status Tray plugin, Cinnamon, MATE, waybar's tray)"
	if gnome {
		fix = "GNOME shows tray icons only with the AppIndicator extension: install gnome-shell-extension-appindicator and enable it (gnome-extensions enable ubuntu-appindicators@ubuntu.com), then log out and in"
	}
	var conn *dbus.Conn
	var err error
	if address != "" {
		conn, err = dbus.Connect(address, dbus.WithContext(ctx))
	} else {
		conn, err = dbus.ConnectSessionBus(dbus.WithContext(ctx))
	}
	if err != nil {
		return Host{Detail: "no session bus: " + err.Error(), Fix: "run the tray inside your desktop session"}
	}
	defer conn.Close()
	var has bool
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, watcherName).Store(&has); err != nil {
		return Host{Detail: "cannot ask the session bus: " + err.Error(), Fix: fix}
	}
	if !has {
		return Host{Detail: "no tray host on the session bus (no " + watcherName + ")", Fix: fix}
	}
	v, err := conn.Object(watcherName, "/StatusNotifierWatcher").GetProperty(watcherName + ".IsStatusNotifierHostRegistered")
	if reg, ok := v.Value().(bool); err == nil && ok && !reg {
		return Host{Detail: "a " + watcherName + " is on the bus, but no tray host has registered with it", Fix: fix}
	}
	return Host{Found: true, Detail: "a tray host is on the session bus (" + watcherName + ")"}
}

// SessionBus reports whether the session bus the tray's icon and menu
// would live on can be reached. Without one the systray library cannot
// start (it crashes closing a connection it never made), so the tray says
// so first.
func SessionBus(ctx context.Context) error {
	conn, err := dbus.ConnectSessionBus(dbus.WithContext(ctx))
	if err != nil {
		return err
	}
	return conn.Close()
}
