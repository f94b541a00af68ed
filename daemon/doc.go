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
// What a person reads comes in their language (language.go: the
// schedule's language: key, else the environment's): the reminders and
// their buttons, the notices about the schedule file, and the words a
// channel adds on the phone (channel.Message.Lang). The log stays English
// for the journal, and so do the problems it records in the state (for
// status --json); ProblemIn (problems.go) tells those in a language where
// `bedtime status` shows them.
//
// The files by concern: daemon.go (Run, handle, fire), writer.go (the
// writer), reload.go, answers.go, routines.go, control.go (the state file
// changed by a command; the engine's book), away.go, channels.go, watch.go,
// lock.go, options.go, devices.go (several computers), language.go,
// problems.go.
//
// With several computers (Options.Devices, package devices), a firing is
// shown only on the computer elected for it; the others record it held,
// why "elsewhere", and show it after Options.ShowWithin unless another
// showed, answered or skipped it. Only the computer that sends to the
// phone uses the channels other than the desktop. An answer or a pause
// made on another computer reaches this daemon as a change of the state
// file, the same as a command line's.
//
// One daemon runs per user (userlock), even when the state directory is
// removed while it runs: the lock is checked before each firing and taken
// again, or the daemon stops. A process that holds the state's lock never
// stops the firing: the writer keeps the change and writes it later.
package daemon
