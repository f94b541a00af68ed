// Package userlock is the per-user lock that makes sure only one bedtime
// daemon runs: a lock on the file daemon.lock in the state directory,
// held for as long as the process lives (the kernel drops it when the
// process dies), with the process id written beside it in
// daemon.lock.pid.
//
// The daemon takes it (Take) and keeps it (Held, Retake: the state
// directory may be removed while it runs); the commands and the service
// manager glue only look (Running, Holder), and looking never keeps a
// starting daemon from taking it. The daemon's use of it, taking it again
// before each firing or stopping, is the daemon's keeper, not this
// package's.
//
// It stands beside state, on safefs, and imports nothing of the daemon.
package userlock
