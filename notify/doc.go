// Package notify delivers reminders to the user's desktop and reports what the
// user did with them.
//
// The daemon talks to one small interface, Notifier. New builds the Desktop
// notifier, which tries its backends in order:
//
//   - on Linux, the freedesktop Notifications API over the user's session
//     D-Bus: app name "bedtime", Done and Snooze buttons where the server
//     supports actions, a newer message for a reminder replacing the
//     unanswered older one, urgency, category and desktop-entry hints, the
//     bedtime icon, an expiry time, and Do Not Disturb respected;
//   - beeep, the cross-platform path (macOS, Windows, and the Linux fallback);
//   - the log, always, as the last fallback.
//
// The session bus is found explicitly (DBUS_SESSION_BUS_ADDRESS, else
// $XDG_RUNTIME_DIR/bus or /run/user/UID/bus). When there is none, nothing
// talks to D-Bus, so no stray bus is ever started with dbus-launch.
//
// Every D-Bus call is bounded by a timeout. When no notification server is on
// the bus, or Do Not Disturb is on, a message is held and retried with backoff
// until its deadline, then reported as Missed. What the user does with a
// notification (Done, Snooze, dismissing it) and what became of held messages
// arrive as Response values through Options.OnResponse.
//
// Probe reports what the desktop offers, for `bedtime doctor`. The package
// notifytest runs a private session bus with a recording notification server
// for tests.
package notify
