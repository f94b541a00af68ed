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
// shows a reminder twice.
//
// The state is the one truth: the engine asks it (stateBook) what was
// handled, snoozed, skipped and paused. The daemon holds it once in
// memory, the writer's view (the file as last read or written, with what
// is kept unwritten), and keeps no other copy. Every
// decision (a firing, an answer, a hold, a reload's problem, presence) is
// made once, through a state.Tx, and becomes a list of state.Changes that
// the writer (writer.go) writes; what it could not write it keeps as
// those Changes and writes later, never by deciding again.
//
// The files by concern: daemon.go (Run, handle, fire), writer.go (the
// writer), reload.go, answers.go, routines.go, control.go (the state file
// changed by a command; the engine's book), away.go, channels.go, watch.go,
// lock.go, options.go.
//
// One daemon runs per user (userlock), even when the state directory is
// removed while it runs: the lock is checked before each firing and taken
// again, or the daemon stops. A process that holds the state's lock never
// stops the firing: the writer keeps the change and writes it later.
package daemon
