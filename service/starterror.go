package service

import (
	"fmt"
	"strconv"
)

// StartFailure is how a daemon the service manager started did not start.
type StartFailure int

const (
	// Exited: it exited by itself before it said it had started
	// (StartError.Status).
	Exited StartFailure = iota
	// Killed: a signal ended it (StartError.Signal): a crash, or the
	// kernel out of memory.
	Killed
	// TimedOut: it did not say it had started within StartError.Within,
	// and the service manager stopped it.
	TimedOut
)

// StartError says that the service manager ran bedtime but it did not
// start: install, start and restart return it, so that the person is not
// told bedtime runs when it does not. Its Log is the one command that
// shows why, in bedtime's own words.
type StartError struct {
	How StartFailure
	// Status is the exit status (Exited); ExitCannotStart means that
	// starting it again cannot help until something changes.
	Status int
	// Signal names the signal that ended it (Killed), as "SIGSEGV".
	Signal string
	// Within is how long it had to start (TimedOut), as the service
	// manager says it ("30s").
	Within string
	// Retrying reports that the service manager starts it again by itself
	// (systemd's Restart=on-failure), at most a few times.
	Retrying bool
	// Log is the command that shows what bedtime said as it stopped.
	Log string
	// Err is the service manager's own error.
	Err error
}

// Error says it in English; bedtime's commands say it in the person's
// language (cmd/bedtime).
func (e *StartError) Error() string {
	var s string
	switch e.How {
	case Killed:
		s = "bedtime was ended by " + e.Signal + " as soon as it was started"
	case TimedOut:
		s = "bedtime did not finish starting within " + e.Within + ", so systemd stopped it"
	default:
		s = "bedtime exited as soon as it was started (exit status " + strconv.Itoa(e.Status) + ")"
	}
	if e.Retrying {
		s += "; systemd tries again by itself in a few seconds"
	}
	if e.Log != "" {
		s += fmt.Sprintf("; see why with `%s`", e.Log)
	}
	return s
}

func (e *StartError) Unwrap() error { return e.Err }
