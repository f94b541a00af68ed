package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/userlock"
)

// Name is the service's name: the systemd unit is Name+".service", the XDG
// autostart entry Name+".desktop" and the Windows Run value Name.
const Name = "bedtime"

// Description is the one-line description the service manager shows.
const Description = "bedtime: reminders that prevent night leg cramps"

// DaemonName is the daemon's own program, bedtime-daemon (bedtime-daemon.exe
// on Windows): "bedtime run" alone, linked without the rest of the command
// line, so that the service holds fewer of its pages at rest. It takes the
// arguments of "bedtime run" and hands what it does not do itself (a phone
// channel) to the bedtime beside it, so it only ever runs from bedtime's
// own directory.
const DaemonName = Name + "-daemon"

// Spec is what an installed service runs: Program() run --config
// ConfigPath, with OrBuiltinFlag when OrBuiltin. The paths are absolute.
type Spec struct {
	// Executable is the bedtime binary, the whole command line; the
	// tray's entry runs it.
	Executable string
	// Daemon is the bedtime-daemon beside Executable that the service
	// runs; "" when there is none there (a "go install" of cmd/bedtime
	// alone, an older layout): the service then runs Executable itself.
	Daemon     string
	ConfigPath string
	// OrBuiltin lets the daemon start while ConfigPath does not exist yet:
	// it runs the built-in default until the file appears, and takes the
	// file then. Install sets it for the default schedule path, so that
	// "bedtime install" before "bedtime init" gives a running service.
	OrBuiltin bool
}

// OrBuiltinFlag is the flag of "bedtime run" that Spec.OrBuiltin adds.
const OrBuiltinFlag = "--or-builtin"

// ExitCannotStart is the exit status of "bedtime run" when it cannot start
// and starting it again cannot help until the user changes something (a
// --config naming no file, another daemon holding the lock, a flag this
// binary does not know): 78, EX_CONFIG of sysexits.h. The systemd unit
// names it in RestartPreventExitStatus, so such a start is not retried.
const ExitCannotStart = 78

// CannotStartEnv, when set in the daemon's environment to a number, is the
// exit status "bedtime run" uses instead of ExitCannotStart. The LaunchAgent
// sets it to 0: launchd can restart a job on any failure or on none, but
// cannot leave out one exit status.
const CannotStartEnv = "BEDTIME_CANNOT_START_STATUS"

// Program returns the program the service runs: Daemon, or Executable
// when there is no bedtime-daemon.
func (s Spec) Program() string {
	if s.Daemon != "" {
		return s.Daemon
	}
	return s.Executable
}

// Args returns the arguments the service passes to Program: those of
// "bedtime run", which bedtime-daemon takes as they are.
func (s Spec) Args() []string {
	args := []string{"run", "--config", s.ConfigPath}
	if s.OrBuiltin {
		args = append(args, OrBuiltinFlag)
	}
	return args
}

// specFromArgs reads a Spec back from a command line that Spec.Args
// (after the program) made: args[0] is the program, bedtime or (a service
// installed beside one) bedtime-daemon, whose bedtime is the one in its
// directory. It reports false when args is not "PROGRAM run --config PATH ...".
func specFromArgs(args []string) (Spec, bool) {
	if len(args) < 4 || args[1] != "run" {
		return Spec{}, false
	}
	s := Spec{Executable: args[0]}
	if exe, ok := besideDaemon(args[0]); ok {
		s.Executable, s.Daemon = exe, args[0]
	}
	for i := 2; i < len(args); i++ {
		switch args[i] {
		case "--config":
			if i+1 < len(args) {
				s.ConfigPath = args[i+1]
				i++
			}
		case OrBuiltinFlag:
			s.OrBuiltin = true
		}
	}
	return s, s.ConfigPath != ""
}

// Status is what a Manager reports about the service.
type Status struct {
	// Manager names the mechanism, for example "systemd user unit"; it is
	// "none" where bedtime cannot install a service (see Unsupported), and
	// State then says why.
	Manager string
	// Installed reports whether the unit (plist, autostart entry, Run value) exists.
	Installed bool
	// Enabled is the manager's own word for whether it starts at login
	// ("enabled", "disabled", ...); empty when the manager has none.
	Enabled string
	// Running reports whether the daemon runs now; PID and Since say which and since when.
	Running bool
	PID     int
	Since   string
	// Started is Since as an instant, for programs (status --json); zero
	// when the manager's words for it cannot be read.
	Started time.Time
	// State is the manager's own state word when not running ("failed", "inactive", ...).
	State string
	// UnitPath is where the unit lives, or would live once installed: a
	// file path or a registry value.
	UnitPath string
	// ConfigPath is the --config the installed unit runs with; empty when unknown.
	ConfigPath string
	// Why says why this mechanism was chosen when it is a fallback (the
	// XDG autostart entry because no systemd user manager answered); empty
	// otherwise.
	Why string
}

// Manager installs and controls the per-user bedtime service on one machine.
// Errors carry the service manager's own message.
type Manager interface {
	// Install writes (or rewrites) the unit for spec, enables it at login and
	// (re)starts it. On failure it leaves no half-written unit behind.
	Install(ctx context.Context, spec Spec) error
	// Uninstall stops the service and removes its unit. It reports false
	// when there was nothing to remove. It never touches the schedule or
	// the state directory.
	Uninstall(ctx context.Context) (removed bool, err error)
	// Start starts the installed service; ErrNotInstalled when there is none.
	Start(ctx context.Context) error
	// Stop stops bedtime until the next login or start: the installed
	// service, and a daemon started by hand (found by its lock). It
	// returns ErrNotRunning when neither is installed nor runs.
	Stop(ctx context.Context) error
	// Restart restarts the installed service; ErrNotInstalled when there is none.
	Restart(ctx context.Context) error
	// Status reports what is installed and what runs.
	Status(ctx context.Context) (Status, error)
}

// ErrNotInstalled is returned by Start and Restart when there is no unit.
var ErrNotInstalled = errors.New(`bedtime is not installed as a service; run "bedtime install" first`)

// ErrNotRunning is returned by Stop when nothing runs: no service and no
// daemon started by hand.
var ErrNotRunning = errors.New("bedtime is not running")

// NoManagerError says that this machine has no mechanism bedtime can install
// a per-user service with, and what to do instead.
type NoManagerError struct {
	// Found describes what was found instead, for example "launchctl is missing".
	Found string
}

func (e NoManagerError) Error() string {
	return fmt.Sprintf("no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", e.Found)
}

// Options are what every Manager needs to know about the user.
type Options struct {
	// StateDir is bedtime's state directory: the daemon's lock is there
	// (to find a daemon however it was started), and the log of a daemon
	// that install starts outside a service manager.
	StateDir string
	// StopTimeout bounds how long Stop waits for a daemon to exit after
	// SIGTERM; zero means 10 seconds.
	StopTimeout time.Duration
}

func (o Options) stopTimeout() time.Duration {
	if o.StopTimeout > 0 {
		return o.StopTimeout
	}
	return 10 * time.Second
}

// LogFile returns the path of the log of a daemon that install or start
// launch themselves (XDG autostart, Windows): its stdout and stderr go
// there, never to the terminal or pipe that ran install. It is "" when
// StateDir is.
func (o Options) LogFile() string {
	if o.StateDir == "" {
		return ""
	}
	return filepath.Join(o.StateDir, "bedtime.log")
}

// running returns the daemon holding the per-user lock.
func (o Options) running() (pid int, since time.Time, ok bool) {
	if o.StateDir == "" {
		return 0, time.Time{}, false
	}
	return userlock.Running(o.StateDir)
}

// startedAt reads since, a start time as a manager prints it in this
// computer's zone (systemd's "Tue 2025-11-25 21:54:01 CET", or ps's
// lstart "Tue Nov 25 21:54:01 2025" on macOS), as an instant; zero when it
// is neither. The zone's abbreviation is taken as the local zone says it.
func startedAt(since string) time.Time {
	for _, layout := range []string{"Mon 2006-01-02 15:04:05 MST", "Mon Jan _2 15:04:05 2006"} {
		if t, err := time.ParseInLocation(layout, since, time.Local); err == nil {
			return t
		}
	}
	return time.Time{}
}

// sinceText formats the time a daemon took its lock the way status prints it.
func sinceText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("Mon 2006-01-02 15:04:05 MST")
}

// stopByLock stops the daemon that holds the lock: it asks it to exit
// (SIGTERM; on Windows it terminates it) and waits until the lock is
// released, at most o.stopTimeout(). It returns ErrNotRunning when no daemon
// holds the lock.
func (o Options) stopByLock(ctx context.Context) (pid int, err error) {
	pid, _, ok := o.running()
	if !ok {
		return 0, ErrNotRunning
	}
	if pid <= 0 {
		return 0, fmt.Errorf("a bedtime daemon holds the lock in %s, but its process id is unknown; stop it by hand", o.StateDir)
	}
	if err := terminate(pid); err != nil {
		return pid, fmt.Errorf("cannot stop bedtime (pid %d): %w", pid, err)
	}
	if err := o.waitReleased(ctx, pid); err != nil {
		return pid, err
	}
	return pid, nil
}

// waitReleased waits until no daemon with pid holds the lock. The daemon
// holds it until it exits, and the kernel releases it then; a few checks a
// second are cheap, and this only runs while a command waits.
func (o Options) waitReleased(ctx context.Context, pid int) error {
	ctx, cancel := context.WithTimeout(ctx, o.stopTimeout())
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		// A held lock with no pid is a daemon on its way out (it removes
		// its pid file just before the lock goes): wait for that too.
		if p, _, ok := o.running(); !ok || p != pid && p != 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("bedtime (pid %d) did not exit within %s of being asked to: %w", pid, o.stopTimeout(), ctx.Err())
		case <-tick.C:
		}
	}
}

// waitLocked waits until the process pid, just started, holds the daemon's
// lock, or a child of it does (bedtime-daemon's "bedtime run" on Windows).
// exited reports the process's exit; timeout zero means 10 seconds.
func (o Options) waitLocked(ctx context.Context, pid int, exited <-chan error, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		// The daemon writes its pid once it holds the lock. Probing the
		// lock itself here would take it for a moment, just when the
		// daemon tries to.
		if p, ok := userlock.Holder(o.StateDir); ok && (p == pid || childOf(p, pid)) {
			return nil
		}
		select {
		case err := <-exited:
			return fmt.Errorf("bedtime exited at once (%v)", err)
		case <-deadline.C:
			return fmt.Errorf("bedtime (pid %d) did not start within %s", pid, timeout)
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// Detect returns the Manager for this machine. It chooses the mechanism on
// first use, with that call's context (on Linux it asks systemctl whether a
// systemd user manager answers), so creating it costs nothing.
func Detect(opts Options) Manager {
	return &detected{opts: opts}
}

// detected is the Manager Detect returns: it forwards to the one chosen.
type detected struct {
	opts Options
	once sync.Once
	m    Manager
}

func (d *detected) get(ctx context.Context) Manager {
	d.once.Do(func() { d.m = choose(ctx, d.opts) })
	return d.m
}

func (d *detected) Install(ctx context.Context, spec Spec) error {
	return d.get(ctx).Install(ctx, spec)
}
func (d *detected) Uninstall(ctx context.Context) (bool, error) { return d.get(ctx).Uninstall(ctx) }
func (d *detected) Start(ctx context.Context) error             { return d.get(ctx).Start(ctx) }
func (d *detected) Stop(ctx context.Context) error              { return d.get(ctx).Stop(ctx) }
func (d *detected) Restart(ctx context.Context) error           { return d.get(ctx).Restart(ctx) }
func (d *detected) Status(ctx context.Context) (Status, error)  { return d.get(ctx).Status(ctx) }

// Unsupported is the Manager of a machine bedtime cannot install a service
// on: Install says why and what to do instead; Status and Stop still find a
// daemon started by hand by its lock.
type Unsupported struct {
	// Found is what was found instead of a service manager (see NoManagerError).
	Found string
	// Opts locate the daemon's lock.
	Opts Options
}

var _ Manager = Unsupported{}

func (u Unsupported) err() error { return NoManagerError{Found: u.Found} }

// Install reports that there is no service manager.
func (u Unsupported) Install(context.Context, Spec) error { return u.err() }

// Uninstall has nothing to remove.
func (u Unsupported) Uninstall(context.Context) (bool, error) { return false, nil }

// Start reports that there is no service manager.
func (u Unsupported) Start(context.Context) error { return u.err() }

// Restart reports that there is no service manager.
func (u Unsupported) Restart(context.Context) error { return u.err() }

// Stop stops a daemon started by hand.
func (u Unsupported) Stop(ctx context.Context) error {
	_, err := u.Opts.stopByLock(ctx)
	return err
}

// Status reports "none" as the manager, the reason in State, and a daemon
// started by hand.
func (u Unsupported) Status(context.Context) (Status, error) {
	st := Status{Manager: "none", State: u.err().Error()}
	if pid, since, ok := u.Opts.running(); ok {
		st.Running, st.PID, st.Since, st.Started = true, pid, sinceText(since), since
	}
	return st, nil
}

// checkPlainPath rejects paths a unit or autostart line cannot carry
// reliably: control characters (a newline would end the line).
func checkPlainPath(what, path string) error {
	if strings.IndexFunc(path, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0 {
		return fmt.Errorf("the %s's path contains control characters (%q): move it to a plainer path and install from there", what, path)
	}
	return nil
}
