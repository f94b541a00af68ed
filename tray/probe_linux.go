package tray

import (
	"context"
	"fmt"
	"strings"

	"github.com/godbus/dbus/v5"
)

// Host is what `bedtime doctor` says about the tray host.
type Host struct {
	// Found reports whether a StatusNotifierWatcher with a host is on
	// the session bus, so an icon would be shown.
	Found bool
	// Detail is what was found, in English: Format (a catalog key) with
	// Args, which doctor says in the person's language.
	Detail string
	Format string
	Args   []any
	// Fix says how to get one, when there is none (a catalog key).
	Fix string
}

// hostOf is a Host whose Detail is format with args.
func hostOf(found bool, fix, format string, args ...any) Host {
	return Host{Found: found, Detail: fmt.Sprintf(format, args...), Format: format, Args: args, Fix: fix}
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
		return hostOf(false, "run the tray inside your desktop session", "no session bus: %v", err)
	}
	defer conn.Close()
	var has bool
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, watcherName).Store(&has); err != nil {
		return hostOf(false, fix, "cannot ask the session bus: %v", err)
	}
	if !has {
		return hostOf(false, fix, "no tray host on the session bus (no %s)", watcherName)
	}
	v, err := conn.Object(watcherName, "/StatusNotifierWatcher").GetProperty(watcherName + ".IsStatusNotifierHostRegistered")
	if reg, ok := v.Value().(bool); err == nil && ok && !reg {
		return hostOf(false, fix, "a %s is on the bus, but no tray host has registered with it", watcherName)
	}
	return hostOf(true, "", "a tray host is on the session bus (%s)", watcherName)
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
