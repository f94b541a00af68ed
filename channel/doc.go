// Package channel delivers reminders elsewhere than the desktop: to a phone
// through an ntfy server (package channel/ntfy), or to a program the user
// names (a command channel). The desktop notification itself is the notify
// package's job; this package never delays it.
//
// The ntfy channel is a package of its own so that this one, and the
// daemon's, link no HTTP client: net/http and crypto/tls are about 4 MiB
// of the daemon's resident pages at rest, though none of it runs without a
// phone channel, and the daemon's own program (cmd/bedtime-daemon), which
// runs no phone channel, must not link them (daemon's TestNoHTTPClient
// says they stay out).
// FromConfig takes what makes the ntfy channels (an NtfyMaker, ntfy.Maker)
// from the program; without one, a schedule's ntfy channels are errors
// that wrap ErrNoNtfy, and the others are built all the same.
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
//   - A retry says which attempt it is (Delivery.Attempt, Delivery.First),
//     so that a channel whose earlier answer was lost (a timeout, a
//     dropped connection, a 5xx) can look whether it arrived after all:
//     the ntfy channel looks on the server before it publishes again.
//
// A channel whose messages can be answered (a Replier: ntfy, with Done and
// Snooze buttons on the phone) reads the answers as a stream of replies,
// which the Dispatcher verifies. A reply carries an opaque reference to the
// instant and a token, an HMAC-SHA256 of the reminder, the instant and the
// action under a 32-byte secret made once and kept in the state directory
// (channel-secret, 0600). Anyone who learns where the replies are sent
// cannot make an answer bedtime accepts: a reply with a wrong token
// (spoofed), for an instant bedtime does not know or no longer keeps
// (stale), or for an instant already answered is logged and ignored. The
// reply never names the reminder.
//
// The words a channel adds itself, the Done and Snooze buttons and a
// private channel's text, are in the message's language (Message.Locale,
// English when it names none bedtime speaks); the daemon puts the
// reminder's text and a question's answers in it already. Check says
// what it found, and the fix, in the language it is given.
//
// A file a channel reads that must stay private (the secret, an ntfy
// token_file) must be a regular file, 0600 and owned by the user
// (CheckPrivateFile); a FileError says why not in the person's language.
package channel
