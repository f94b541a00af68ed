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
//   - on macOS and Windows, beeep, to the system's notification centre (a
//     Linux binary does not link it: it would reach the same server through
//     the same bus);
//   - the log, always, as the last fallback.
//
// The session bus is found explicitly (DBUS_SESSION_BUS_ADDRESS, else
// $XDG_RUNTIME_DIR/bus or /run/user/UID/bus). When there is none, nothing
// talks to D-Bus, so no stray bus is ever started with dbus-launch.
//
// Every D-Bus call is bounded by a timeout, and so is the connection's
// handshake: a bus that accepts and never answers leaves nothing behind. When
// no notification server is on the bus, or Do Not Disturb is on, a message is
// held and retried with backoff until its deadline, then reported as Missed.
//
// A reminder costs one round trip: what the server says about itself
// (capabilities, name, Inhibited) is asked once per server and dropped when
// another server takes the name. A message is never shown twice: a Notify
// call the server is slow to answer stays in flight, its id is taken when the
// answer comes (so the popup's buttons work), and nothing more is sent for
// that reminder until then (server_linux.go).
//
// A message with buttons stays on screen until answered unless Message.Expire
// says otherwise; Message.Sound sets the sound-name hint where the server
// plays sounds. When nothing could show a message, Desktop.Notify returns a
// NotShownError: one sentence for the user, every backend's reason in Detail. What the user does with a
// notification (Done, Snooze, dismissing it) and what became of held messages
// arrive as Response values through Options.OnResponse.
//
// Probe reports what the desktop offers, for `bedtime doctor`. The package
// notifytest runs a private session bus with a recording notification server
// for tests.
package notify
