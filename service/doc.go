// Package service installs and controls bedtime as a per-user background
// service: it starts "bedtime run --config <schedule>" with the user's
// desktop session at every login, and now. For the default schedule path it
// adds --or-builtin, so that a service installed before "bedtime init" runs
// the built-in default until the file appears.
//
// What it runs is bedtime-daemon (Spec.Daemon), the daemon alone, when it
// is beside the bedtime binary: it takes the same arguments, and links only
// what the daemon needs, so the service holds fewer of the program's pages
// at rest; what it does not do itself (a phone channel) it hands to the
// "bedtime run" beside it. Without one (a go install of cmd/bedtime alone)
// the service runs "bedtime run" itself. A unit, entry or Run value of
// either form reads back (specFromArgs), and install rewrites it to what is
// there now. The tray's entry always runs bedtime.
//
// A start that cannot succeed is not retried in a loop: "bedtime run" exits
// with ExitCannotStart then, which the systemd unit's
// RestartPreventExitStatus names (other failures: 5 tries in 5 minutes);
// the LaunchAgent makes that status 0, which launchd does not restart; the
// XDG autostart entry and the Windows Run key restart nothing.
//
// Everything here is per user. A system service runs outside the user's
// desktop session, and its notifications would never reach it.
//
// One interface, Manager (install, uninstall, start, stop, restart, status),
// has one implementation per mechanism, each in its own build-tagged file:
//
//   - Linux with a systemd user manager: a systemd user unit,
//     ~/.config/systemd/user/bedtime.service (systemd_linux.go). The unit is
//     written by kardianos/service from bedtime's own template.
//   - Linux without one (OpenRC, runit, containers) and the BSDs: an XDG
//     autostart entry, $XDG_CONFIG_HOME/autostart/bedtime.desktop, which the
//     desktop session runs at login; install also starts the daemon now,
//     detached from the terminal (xdg.go; the entry is rendered in desktop.go).
//   - macOS: a LaunchAgent in ~/Library/LaunchAgents, loaded into the GUI
//     domain with launchctl (launchd_darwin.go, launchd.go).
//   - Windows: a value in the user's logon Run key,
//     HKCU\Software\Microsoft\Windows\CurrentVersion\Run (runkey_windows.go).
//     A Windows service runs in session 0, where no notification can be shown.
//
// Detect returns the Manager for this machine, choosing on first use. Every
// Manager also knows the daemon by its per-user lock (userlock.Running): status
// reports a bedtime started by hand, and Stop stops one (SIGTERM, then it
// waits for the lock to be released).
//
// The command line (cmd/bedtime) holds a Manager and only prints what it
// reports; its tests give it a fake.
package service
