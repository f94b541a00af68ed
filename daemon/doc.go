// Package daemon is bedtime's running service. It loads the schedule file,
// lets the scheduler's engine decide what is due, shows each reminder
// through a notifier, records what happened in the state and the history,
// and applies at once what the user changes: the schedule file (watched,
// and reloaded on SIGHUP), the control commands' state file (pause, snooze,
// skip, done), the answers to notifications (Done, Snooze, Start) and the
// system's time zone.
//
// An invalid edit of the schedule never stops it: the previous schedule
// stays in use and the user is told once. What was handled is written to
// the state before the notification goes out, so a restart or a crash never
// shows a reminder twice. One daemon runs per user (userlock), even when the
// state directory is removed while it runs: the lock is checked before
// each firing and taken again, or the daemon stops. A process that holds
// the state's lock never stops the firing: the store keeps the change and
// writes it later.
package daemon
