// Package state keeps what bedtime must remember between runs: the last
// scheduled instant handled per reminder (so nothing fires twice or is lost
// across restarts), each reminder's open firing and how its last one
// ended, pauses, snoozes and skips, the daemon's problems that are still
// true, and a history of what happened to each scheduled instant.
//
// The lifecycle of a firing lives here and only here: State.Apply takes a
// Step (due, held, shown, snoozed, done, dismissed, expired, skipped,
// missed) and returns the history events it makes, so the daemon's button
// handlers and the command line change a firing the same way, and each
// instant ends exactly once. Store.Record applies a change and appends its
// events.
//
// A change is data: a list of Changes (a lifecycle Step, a last instant, a
// snooze, a skip, a pause, a problem, ...), plain values that marshal to
// JSON and cover every field of the State. A change is decided once,
// through a Tx, on the state as it is; the Tx keeps the Changes it made,
// and ApplyChanges applies them again elsewhere: the daemon writes a change
// it kept in memory (a full disk) that way, never by deciding it again,
// and the same values are what can be sent to another computer and merged.
// The control commands (Store.Pause, Skip, Answer, ...) decide through a Tx
// too (Store.Change).
//
// Everything lives in one private directory (0700): state.json, rewritten
// atomically under a file lock by every change (Store.Update), and
// history.jsonl, an append-only log with one JSON event per line
// (Store.Append). Both survive a kill -9 at any moment: state.json is
// always a whole old or whole new file, and a torn last line of the history
// is skipped when it is read. A state.json that does not parse is moved
// aside, with a warning, and bedtime goes on from an empty state.
// streaks.json is a cache of the history for Store.Stats (streaks.go):
// each reminder's streak as of a day, checked against the history before
// it is used and made again from it whenever it does not fit;
// synced-streaks.json is the same for the person's record merged from
// several computers (syncstreaks.go, MergedStats), checked against this
// history and a listing of the other devices' files the caller gives.
//
// Nothing there is trusted blindly (safefs): the directory must be the
// user's own (one open to others is made 0700; another user's is refused),
// every file is opened without following links and without blocking, and
// a link, pipe or device found at a state path is moved aside, never read
// or written through. A lock another process holds is waited for at most
// LockWait and then reported with the holder's pid; the daemon's Store
// (Options.Background) keeps such a change in memory and writes it later.
//
// The command line changes the state file; the running daemon watches the
// directory and applies the change, so no network listener or socket is
// needed, and a change made while the daemon is down waits in the file.
//
// Instants folds the history into one outcome per scheduled instant; Stats
// turns that into per-reminder counts of instants, a day-by-day strip and a
// streak, and Today into the marks of today's firings for bedtime status.
// All three are pure functions of their arguments.
//
// Reading costs what is asked for, not the history's length: the history
// is in time order, so History(since) finds its first line by the lines'
// leading timestamps (a few probes and one block read backwards) and
// decodes only from there, and Store.Stats reads the days it sums up, plus
// what the streaks need, folding lines into instants as it goes and
// summing each instant up as soon as no later line can change it
// (streamFolder: the lifecycle lets only a reminder's latest two
// instants change), so that it holds about a day of instants, never the
// year's (docs/history.md). Lines out of order by more than HistorySlack are seen
// only by a whole read (History with since zero).
package state
