// Package channel delivers reminders elsewhere than the desktop: to a phone
// through an ntfy server (https://ntfy.sh or one's own), or to a program
// the user names (a command channel). The desktop notification itself is
// the notify package's job; this package never delays it.
//
// A Channel delivers one reminder instant (Deliver) and says for `bedtime
// doctor` whether it can (Check). The Dispatcher sits between the daemon
// and the channels:
//
//   - Send puts one entry per reminder, scheduled instant and channel in an
//     outbox (outbox.json in the state directory, rewritten atomically,
//     0600) and returns; one goroutine per channel delivers it. Sending the
//     same instant to the same channel twice is a no-op, so nothing is sent
//     twice for one instant, and an entry waiting at a restart is sent by
//     the next Dispatcher on the same directory, so nothing is lost.
//   - A failed delivery is retried with exponential backoff until the
//     reminder's deadline, then given up; every outcome is reported
//     (Options.Report) for the log and the history. A command's exit
//     status is in the report.
//   - Instants, deadlines, backoff and how long an entry is kept (48 h
//     after its instant, so that a late answer is still known) are all
//     on one clock, Options.Clock: the daemon's, which tests steer.
//   - Before it sends an ntfy message again after an attempt whose answer
//     was lost (a timeout, a dropped connection, a 5xx), the channel looks
//     on the server for the message it may have sent already.
//
// Done and Snooze on the phone are ntfy "http" actions: pressing one makes
// the phone publish a small JSON reply to the reply topic (by default the
// topic plus "-reply"), which the Dispatcher reads as a stream
// (GET <server>/<reply>/json, reconnecting with backoff and asking with
// since= for what it missed). A reply carries an opaque reference to the
// instant and a token, an HMAC-SHA256 of the reminder, the instant and the
// action under a 32-byte secret made once and kept in the state directory
// (channel-secret, 0600). Anyone who learns the topic can read the
// messages, but cannot make an answer bedtime accepts: a reply with a wrong
// token (spoofed), for an instant bedtime does not know or no longer keeps
// (stale), or for an instant already answered is logged and ignored. The
// reply never names the reminder, and a channel with private: true sends a
// neutral title and body, so the server learns nothing about the user's
// health.
//
// The words a channel adds itself, the Done and Snooze buttons and a
// private channel's text, are in the message's language (Message.Lang,
// English when it names none bedtime speaks); the daemon puts the
// reminder's text and a question's answers in it already. Check says
// what it found, and the fix, in the language it is given.
//
// An access token for a server of one's own comes from token_file, which
// must be a regular file, 0600 and owned by the user; it is sent only in
// the Authorization header to the configured server and never logged. No
// redirect is followed (ntfy needs none): a 3xx is an error that says
// where it pointed.
package channel
