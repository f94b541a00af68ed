//go:build linux

package service

// Whether the daemon systemd started really runs. The unit is Type=notify
// (see systemdUnitTemplate), so "systemctl start" and "restart" succeed
// only once the daemon has said READY=1, and fail when it exits, is killed
// or times out first. Their message is systemd's ("Job for
// bedtime.service failed because the control process exited with error
// code. See ..."); the unit's properties say what happened, and install,
// start and restart say that instead, with the one command that shows why.

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// journalCommand shows what the daemon said as it stopped. "bedtime logs"
// could show a bedtime.log of a daemon run by hand instead, once a failed
// install has removed the unit.
const journalCommand = "journalctl --user -u " + systemdUnitName + " -n 20"

// startProps are the unit's properties startFailure reads.
const startProps = "--property=Result,ExecMainCode,ExecMainStatus,SubState,TimeoutStartUSec"

// start runs "systemctl --user verb" (start or restart) on the unit. When
// the daemon did not start it returns a *StartError; with stop, the unit
// is then stopped and its failure forgotten, so that systemd does not start
// it again (install, which puts back what was there before).
func (m *systemdManager) start(ctx context.Context, verb string, stop bool) error {
	_, err := m.systemctl(ctx, verb, systemdUnitName)
	if err == nil {
		return nil
	}
	out, serr := m.systemctl(ctx, "show", startProps, systemdUnitName)
	if serr != nil {
		return err
	}
	err = startFailure(parseProps(out), err)
	var se *StartError
	if stop && errors.As(err, &se) {
		_, _ = m.systemctl(ctx, "stop", systemdUnitName)
		_, _ = m.systemctl(ctx, "reset-failed", systemdUnitName)
		se.Retrying = false
	}
	return err
}

// parseProps reads "systemctl show" output: KEY=VALUE lines.
func parseProps(out string) map[string]string {
	props := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			props[k] = v
		}
	}
	return props
}

// startFailure is why the daemon did not start, from the unit's
// properties after systemctl start or restart failed with cause: a
// *StartError when it exited, was killed or timed out before it said
// READY=1; cause itself when systemd did not run it (a unit it cannot
// load, the start limit, a manager that does not answer).
func startFailure(props map[string]string, cause error) error {
	se := &StartError{Log: journalCommand, Err: cause, Retrying: props["SubState"] == "auto-restart"}
	status, serr := strconv.Atoi(props["ExecMainStatus"])
	switch props["Result"] {
	case "timeout":
		se.How, se.Within = TimedOut, props["TimeoutStartUSec"]
		if se.Within == "" {
			se.Within = "its start timeout"
		}
		return se
	case "exit-code", "protocol": // protocol: it exited 0 before READY=1
		if serr != nil || props["ExecMainCode"] != "1" { // CLD_EXITED
			return cause
		}
		se.How, se.Status = Exited, status
		return se
	case "signal", "core-dump", "oom-kill":
		if serr != nil || status <= 0 {
			return cause
		}
		se.How, se.Signal = Killed, unix.SignalName(unix.Signal(status))
		if se.Signal == "" {
			se.Signal = "signal " + strconv.Itoa(status)
		}
		return se
	}
	return cause
}
