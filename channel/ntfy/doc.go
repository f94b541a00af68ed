// Package ntfy is the phone channel: it publishes reminders to an ntfy
// topic (https://ntfy.sh or one's own server) and reads the answers the
// phone's buttons send back. The Dispatcher (package channel) decides what
// to send when, retries and verifies the answers; FromConfig gets this
// package's channels from Maker.
//
// It is a package of its own because it is the only part of the channels
// that needs an HTTP client: net/http and crypto/tls, about 4 MiB of the
// daemon's resident pages at rest. The daemon's own program (cmd/bedtime-daemon) does not
// link it and hands a schedule with a phone channel to `bedtime run`,
// which does.
//
// Publishing is ntfy's JSON publish (POST <server>/ with the topic in the
// body); before it publishes again after an attempt whose answer was lost
// (a timeout, a dropped connection, a 5xx), it polls the topic for the
// message it may have sent already. Done and Snooze, or a question's
// choices, are ntfy "http" actions: pressing one makes the phone publish a
// small JSON reply to the reply topic (by default the topic plus
// "-reply"), which Listen reads as a stream (GET <server>/<reply>/json,
// reconnecting with backoff and asking with since= for what it missed; a
// line it cannot read is skipped, a line over 64 KiB ends the connection).
// A channel with private: true sends a neutral title and body
// (PrivateTitle, PrivateBody), so the server learns nothing about the
// user's health; a topic in a log line or an error is shortened to its
// first four characters.
//
// An access token for a server of one's own comes from token_file, which
// must be a regular file, 0600 and owned by the user
// (channel.CheckPrivateFile); it is sent only in the Authorization header
// to the configured server and never logged. No redirect is followed (ntfy
// needs none): a 3xx is an error (StatusError) that says where it
// pointed.
package ntfy
