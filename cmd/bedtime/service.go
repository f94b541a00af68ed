package main

// The service commands: bedtime install / uninstall / start / stop / restart
// / status. They print what app.Service (package service) reports; which
// mechanism it uses on this OS is the service package's business.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/service"
)

// serviceStatus is what the service manager reports; status prints it.
type serviceStatus = service.Status

// services returns the service manager: app.Service, or this machine's.
func (app *App) services() service.Manager {
	if app.Service == nil {
		app.Service = service.WithTray(service.Detect(app.serviceOptions()))
	}
	return app.Service
}

// serviceOptions are this user's: the state directory holds the daemon's lock.
func (app *App) serviceOptions() service.Options {
	dir, _ := app.stateDir()
	return service.Options{StateDir: dir}
}

// executable returns the path of the bedtime binary the service will run.
func (app *App) executable() (string, error) {
	if app.Executable != "" {
		return app.Executable, nil
	}
	return os.Executable()
}

// resolveServiceSpec returns the absolute binary and schedule paths the
// service will run with; install adds the program it runs (daemonBeside).
func resolveServiceSpec(app *App) (service.Spec, error) {
	exe, err := app.executable()
	if err != nil {
		return service.Spec{}, app.errorf("cannot find the bedtime binary: %v", err)
	}
	if exe, err = filepath.Abs(exe); err != nil {
		return service.Spec{}, app.errorf("cannot find the bedtime binary: %v", err)
	}
	if strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return service.Spec{}, app.errorf("bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there", exe)
	}
	cfg := app.ConfigPath
	if cfg == "" {
		if cfg, err = config.DefaultPath(); err != nil {
			return service.Spec{}, app.errorf("cannot find the default schedule file: %v", err)
		}
	}
	if cfg, err = filepath.Abs(cfg); err != nil {
		return service.Spec{}, app.errorf("cannot resolve the schedule path %q: %v", app.ConfigPath, err)
	}
	// The default path need not exist: like every command, the service
	// uses the built-in default until "bedtime init" writes the file.
	// The path is written into the unit, not left for the service to work
	// out: a service manager's environment may lack the XDG_CONFIG_HOME of
	// the shell that ran install, and status shows which file it is.
	return service.Spec{Executable: exe, ConfigPath: cfg, OrBuiltin: app.ConfigPath == ""}, nil
}

// daemonBeside sets the program the service runs: bedtime-daemon, the
// daemon alone, when it is beside this bedtime (a package, an archive,
// make build) and of the same build, and this bedtime itself ("bedtime
// run") when it is not (a go install of cmd/bedtime alone). One of another
// build (a go install of a newer cmd/bedtime alone) is left for this
// bedtime, with a word on stderr saying why and what brings it back.
func (app *App) daemonBeside(l *locale.Locale, spec *service.Spec) {
	daemon, err := service.DaemonBeside(spec.Executable)
	spec.Daemon = daemon
	var other *service.OtherBuildError
	if errors.As(err, &other) {
		fmt.Fprintln(app.Stderr, "bedtime: "+l.Sprintf("%s beside it is %s and this bedtime is %s: the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again.", other.Daemon, other.DaemonVersion, other.ExeVersion))
	}
}

func newInstallCmd(app *App) *cobra.Command {
	var withTray bool
	cmd := &cobra.Command{
		Use:   "install",
		Short: "Start bedtime now and at every login, as a per-user service",
		Long: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux (an XDG autostart entry where
there is no systemd user manager), a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime-daemon run --config
<schedule>" (the daemon alone, beside bedtime; "bedtime run" where there
is none) with the schedule given by --config, which must exist, or
the default one, which need not yet: until "bedtime init" writes it, the
service runs the built-in default, and it takes the file when it appears.

Running install again updates the service to the current binary and options.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			spec, err := resolveServiceSpec(app)
			if err != nil {
				return err
			}
			if err := app.checkConfigExists(spec.ConfigPath); err != nil {
				return err
			}
			m := app.services()
			l := app.locale(nil)
			if pid, ok := app.runningOutside(cmd.Context(), m, false); ok {
				return runningOutsideError(l, pid, "install")
			}
			app.daemonBeside(l, &spec)
			before, _ := m.Status(cmd.Context())
			if err := m.Install(cmd.Context(), spec); err != nil {
				var nm service.NoManagerError
				if errors.As(err, &nm) {
					return noManager(l, nm)
				}
				fmt.Fprintln(app.Stderr, "bedtime: "+l.Sprintf("cannot install the bedtime service: %v", app.serviceError(err)))
				app.afterFailedInstall(cmd.Context(), m, l, before)
				return exitError{1}
			}
			st, err := m.Status(cmd.Context())
			if err != nil {
				return errorIn(l, "installed, but cannot read its status: %v", err)
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("installed %s %s", managerIn(l, st.Manager), st.UnitPath))
			if st.Why != "" {
				fmt.Fprintln(app.Stdout, whyIn(l, st.Why))
			}
			args := spec.Args()
			if st.Manager == vendorManager {
				// The package's unit runs the same program (install
				// enables it only then) on the default schedule,
				// with no --config of its own.
				args = []string{"run"}
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("it runs %s %s, now and at every login", spec.Program(), strings.Join(args, " ")))
			if _, err := os.Stat(spec.ConfigPath); errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintln(app.Stdout, l.Sprintf("there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then", spec.ConfigPath))
			}
			if withTray {
				where, err := service.InstallTray(spec)
				if err != nil {
					return errorIn(l, "cannot install the tray: %v", err)
				}
				fmt.Fprintln(app.Stdout, l.Sprintf("installed the tray's autostart %s", where))
				fmt.Fprintln(app.Stdout, l.Sprintf("its status icon starts at your next login (`bedtime tray` shows it now)"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&withTray, "tray", false, "also start the status icon (bedtime tray) at every login")
	return cmd
}

// afterFailedInstall says what runs after an install that failed, when
// the service ran before it (before): a re-install stops the running
// bedtime to start the new one, and when the new one exits at once, the
// manager puts the previous unit back but leaves it stopped (launchd
// alone loads it again). It is started again; if it does not run either
// (an upgrade that replaced the binary both run), bedtime says it is
// stopped now and how to start it.
func (app *App) afterFailedInstall(ctx context.Context, m service.Manager, l *locale.Locale, before serviceStatus) {
	if !before.Installed || !before.Running {
		return // nothing ran that the install stopped
	}
	st, err := m.Status(ctx)
	if err != nil || !st.Running {
		if m.Start(ctx) == nil {
			st, err = m.Status(ctx)
		}
	}
	if err == nil && st.Running {
		fmt.Fprintln(app.Stderr, l.Sprintf("The bedtime that ran before the install runs again (pid %s).", strconv.Itoa(st.PID)))
		return
	}
	fmt.Fprintln(app.Stderr, l.Sprintf("bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it."))
}

func newUninstallCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "uninstall",
		Short: "Stop bedtime and remove the per-user service",
		Long: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			removed, err := app.services().Uninstall(cmd.Context())
			if err != nil {
				return app.errorf("cannot uninstall the bedtime service: %v", app.serviceError(err))
			}
			if !removed {
				app.sayln(app.Stdout, "bedtime is not installed as a service; nothing to do")
				return nil
			}
			app.sayln(app.Stdout, "bedtime is stopped and uninstalled; your schedule, state and history are kept")
			return nil
		},
	}
}

// runningOutside returns the pid of a bedtime that runs outside the
// service m (started by hand): it holds the per-user lock, so a daemon the
// service starts now would exit at once. systemd reports that too now
// (Type=notify), but only as an exit status: this says which bedtime runs
// and what to do, before anything is stopped. With installedOnly, only when the service is
// installed (start and restart say so themselves when it is not).
func (app *App) runningOutside(ctx context.Context, m service.Manager, installedOnly bool) (int, bool) {
	pid, _, ok := app.runningDaemon()
	if !ok {
		return 0, false
	}
	st, err := m.Status(ctx)
	if err == nil && (st.Running && st.PID == pid || installedOnly && !st.Installed) {
		return 0, false
	}
	return pid, true
}

// runningOutsideError says that a bedtime started by hand runs (pid), and
// what to do before running "bedtime verb" again.
func runningOutsideError(l *locale.Locale, pid int, verb string) error {
	return errorIn(l, "bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run bedtime %s again", strconv.Itoa(pid), verb)
}

// newControlCmd returns start, stop or restart: failed is the message
// key of its error (with %v for the cause), done what it says after.
func newControlCmd(app *App, use, short, failed, done string, do func(service.Manager, context.Context) error) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The service's daemon would exit at once, finding the lock
			// held: say which bedtime holds it instead.
			if use != "stop" {
				if pid, ok := app.runningOutside(cmd.Context(), app.services(), true); ok {
					return runningOutsideError(app.locale(nil), pid, use)
				}
			}
			err := do(app.services(), cmd.Context())
			if use == "stop" && errors.Is(err, service.ErrNotRunning) {
				// Stopped is what was asked for, as systemctl stop says of
				// a unit that is not running.
				app.sayln(app.Stdout, "bedtime was not running; nothing to stop")
				return nil
			}
			if err != nil {
				return app.errorf(failed, app.serviceError(err))
			}
			app.sayln(app.Stdout, done)
			return nil
		},
	}
}

func newStartCmd(app *App) *cobra.Command {
	return newControlCmd(app, "start", "Start the installed bedtime service", "cannot start bedtime: %v", "bedtime started",
		service.Manager.Start)
}

func newStopCmd(app *App) *cobra.Command {
	return newControlCmd(app, "stop", "Stop bedtime (the service, or one started by hand) until the next login or start", "cannot stop bedtime: %v", "bedtime stopped",
		service.Manager.Stop)
}

func newRestartCmd(app *App) *cobra.Command {
	return newControlCmd(app, "restart", "Restart the bedtime service", "cannot restart bedtime: %v", "bedtime restarted",
		service.Manager.Restart)
}

// vendorManager is the service.Status Manager of the systemd user unit a
// distribution package installed (Linux only).
const vendorManager = "systemd user unit from the package"

// serviceWords are the names service.Status gives its mechanisms
// (Manager) and its words for whether one starts at login (Enabled), said
// in the person's language where status and install print them; status
// --json keeps the English. A manager's other words (systemd's "static",
// "masked") stay as it says them.
var serviceWords = []string{
	"systemd user unit", vendorManager, "XDG autostart entry", "LaunchAgent", "logon autostart",
	"enabled", "disabled", "loaded", "starts at login", "starts at logon",
}

// managerIn is word, a service.Status Manager or Enabled, in l's
// language; a word it does not know stays as it is.
func managerIn(l *locale.Locale, word string) string {
	if slices.Contains(serviceWords, word) {
		return l.Sprintf(word)
	}
	return word
}

// sinceIn is since, a service.Status Since as systemd and the service
// package write it ("Tue 2025-11-25 21:54:01 UTC"), as a date and time in
// l's language; English, and a form it cannot read, stay as they are.
func sinceIn(l *locale.Locale, since string) string {
	if l == nil || l.Lang == "en" {
		return since
	}
	t, err := time.Parse("Mon 2006-01-02 15:04:05 MST", since)
	if err != nil {
		return since
	}
	return l.Stamp(t)
}

// noManager says service.NoManagerError in l's language; what was found
// instead (the operating system's words) stays as it is.
func noManager(l *locale.Locale, nm service.NoManagerError) error {
	return wrapIn(l, nm, "no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", foundIn(l, nm.Found))
}

// foundIn is what the service package found instead of a service
// manager (NoManagerError.Found) with its own words in l's language;
// what systemctl said after them stays as it said it.
func foundIn(l *locale.Locale, found string) string {
	if rest, ok := strings.CutPrefix(found, "no systemd user manager answers: "); ok {
		return l.Sprintf("no systemd user manager answers: %s", rest)
	}
	return found
}

// serviceError is err with a service.NoManagerError in it said in the
// command's language.
func (app *App) serviceError(err error) error {
	var nm service.NoManagerError
	if errors.As(err, &nm) {
		return noManager(app.locale(nil), nm)
	}
	var se *service.StartError
	if errors.As(err, &se) {
		return startErrorIn(app.locale(nil), se)
	}
	if errors.Is(err, service.ErrNotInstalled) {
		// bedtime's own words, in the person's language; what a service
		// manager said around them stays as it is.
		en := service.ErrNotInstalled.Error()
		return &saidError{msg: strings.Replace(err.Error(), en, app.locale(nil).Sprintf(en), 1), errs: []error{err}}
	}
	return err
}

// xdgWhy is how the service package says why it chose an XDG autostart
// entry (Status.Why): what it found, then a fixed sentence.
var xdgWhy = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)^chosen because (.*); the desktop session starts bedtime at login, and nothing restarts it if it stops$`)
})

// whyIn says a service manager's Why in l's language, what it found
// staying as the service package says it.
func whyIn(l *locale.Locale, why string) string {
	if m := xdgWhy().FindStringSubmatch(why); m != nil {
		return l.Sprintf("chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops", foundIn(l, m[1]))
	}
	return why
}

// startErrorIn says a service.StartError in l's language: how bedtime did
// not start and whether systemd tries again, then on a line of its own
// the command that shows why.
func startErrorIn(l *locale.Locale, se *service.StartError) error {
	var msg string
	switch se.How {
	case service.Killed:
		msg = l.Sprintf("bedtime was ended by %s as soon as it was started", se.Signal)
	case service.TimedOut:
		msg = l.Sprintf("bedtime did not finish starting within %s, so systemd stopped it", se.Within)
	default:
		msg = l.Sprintf("bedtime exited as soon as it was started (exit status %s)", strconv.Itoa(se.Status))
	}
	if se.Retrying {
		msg = l.Sprintf("%s; systemd tries again by itself in a few seconds", msg)
	}
	if se.Log != "" {
		msg += "\n" + l.Sprintf("see why with `%s`", se.Log)
	}
	return &saidError{msg: msg, errs: []error{se}}
}
