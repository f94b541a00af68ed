// Package presence knows whether the person is at the computer: here, away
// (no keyboard or mouse input for a while, by default 5 minutes) or locked
// (the screen is locked, or the screen saver is up).
//
// Open picks the first idle source that works on this desktop, in this
// order:
//
//  1. GNOME: org.gnome.Mutter.IdleMonitor on the session bus, with an idle
//     watch of away.after and a user-active watch (signals, no polling);
//  2. Wayland compositors with ext-idle-notify-v1 (KDE, sway 1.8+,
//     Hyprland, COSMIC), spoken to by a small pure-Go Wayland client over
//     $XDG_RUNTIME_DIR/$WAYLAND_DISPLAY (idled and resumed events);
//  3. X11: the MIT-SCREEN-SAVER extension through github.com/jezek/xgb; it
//     has no events for input (XInput2's raw events are generic events,
//     which xgb cannot read), so it is asked when it can have changed:
//     once when away.after without input would pass while the person is
//     here, every X11AwayPoll (5 s) while away, and whenever Current is
//     called; never on a Wayland session, where XWayland does not see
//     input to Wayland windows;
//  4. logind: the session's IdleHint and IdleSinceHint on the system bus
//     (PropertiesChanged on the session's object), set by the desktop after
//     its own idle delay;
//  5. none: always here, as before presence existed.
//
// Locks come from every lock source that works, together: logind's
// LockedHint of the same session, and the ActiveChanged signal of
// org.gnome.ScreenSaver or org.freedesktop.ScreenSaver. Locked wins over
// away, and away over here. An unlock counts as input (the person typed a
// password).
//
// The sources are chosen again when the session changes: when a watched
// D-Bus name (the idle monitor, a screen saver) gets a new owner, when a
// logind session starts or ends, or when the Wayland or X connection
// closes. At rest nothing wakes up: every source is a signal or a socket
// read, plus at most one timer for the moment an idle session turns away;
// only X11 asks the server, once per away.after while the person works
// and every 5 s while away.
//
// Open returns a Report that names the sources in use and, for every other
// one, why it is not used; `bedtime doctor` prints it. Report.OnDemand is
// true for X11: Changes then says the person came back only at the next
// poll (up to X11AwayPoll late), so whoever waits for a return sooner
// calls Current more often while it waits.
//
// presencetest.Fake is a Monitor whose state a test sets.
package presence
