// Package runner runs the daemon as a program: it gives package daemon
// what a process has (its log, its state directory, systemd's start-up
// handshake, sync beside it) and waits, when it ends, for sync to take
// its last word. Both programs that run the daemon use it: "bedtime run"
// (cmd/bedtime) and bedtime-daemon (cmd/bedtime-daemon), the service's
// program, which links only what the daemon needs.
//
// What each program checks before (a --config naming no file, another
// daemon holding the lock, a flag) and how it says so stays with it:
// bedtime-daemon hands those cases to "bedtime run", which explains them.
package runner
