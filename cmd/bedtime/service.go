package main

// Service glue: bedtime install / uninstall / start / stop / restart / status.
//
// The commands here are the same on every OS; each OS supplies a serviceManager
// in its own build-tagged file: a systemd user unit on Linux (service_linux.go),
// a LaunchAgent on macOS (service_darwin.go), a per-user logon autostart on
// Windows (service_windows.go). Everything is per user: a system service runs
// outside the user's desktop session and its notifications never reach it.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/spf13/cobra"
)

// serviceName is the service's name: the systemd unit is serviceName+".service",
// the Windows autostart value is serviceName.
const serviceName = "bedtime"

// serviceDescription is the one-line description the service manager shows.
const serviceDescription = "bedtime: reminders that prevent night leg cramps"

// serviceSpec is what an installed service runs: Executable run --config ConfigPath.
// Both paths are absolute.
type serviceSpec struct {
	Executable string
	ConfigPath string
}

// Args returns the arguments the service passes to Executable.
func (s serviceSpec) Args() []string {
	return []string{"run", "--config", s.ConfigPath}
}

// serviceStatus is what a serviceManager reports about the installed service.
type serviceStatus struct {
	// Manager names the mechanism, for example "systemd user unit".
	Manager string
	// Installed reports whether the unit (plist, autostart entry) exists.
	Installed bool
	// Enabled is the manager's own word for whether it starts at login
	// ("enabled", "disabled", ...); empty when the manager has none.
	Enabled string
	// Running reports whether the daemon runs now; PID and Since say which and since when.
	Running bool
	PID     int
	Since   string
	// State is the manager's own state word when not running ("failed", "inactive", ...).
	State string
	// UnitPath is where the unit lives: a file path or a registry value.
	UnitPath string
	// ConfigPath is the --config the installed unit runs with; empty when unknown.
	ConfigPath string
}

// serviceManager installs and controls the per-user bedtime service on one OS.
// Errors carry the service manager's own message.
type serviceManager interface {
	// Install writes (or rewrites) the unit for spec, enables it at login and
	// (re)starts it. On failure it leaves no half-written unit behind.
	Install(ctx context.Context, spec serviceSpec) error
	// Uninstall stops and disables the service and removes its unit. It
	// reports false when there was nothing to remove. It never touches the
	// schedule or the state directory.
	Uninstall(ctx context.Context) (removed bool, err error)
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	Restart(ctx context.Context) error
	Status(ctx context.Context) (serviceStatus, error)
}

// openServiceManager returns the serviceManager for this machine; tests replace it.
var openServiceManager = newServiceManager

// executablePath returns the path of the running bedtime binary; tests replace it.
var executablePath = os.Executable

// defaultConfigPath returns the schedule file used when --config is not given.
var defaultConfigPath = config.DefaultPath

// nextReminder describes the next reminder the schedule at configPath fires
// after now, for example "calf-stretch at Tue 22:30 (in 2h5m)". It is the seam
// for the scheduler: while it is nil, status prints "next: unknown".
var nextReminder func(ctx context.Context, configPath string, now time.Time) (string, error)

// errNotInstalled is returned by start, stop and restart when there is no unit.
var errNotInstalled = errors.New(`bedtime is not installed as a service; run "bedtime install" first`)

// noServiceManagerError says that this machine has no service manager bedtime
// can install a per-user service into, and what to do instead.
type noServiceManagerError struct {
	// Found describes what was found instead, for example "linux-openrc" or
	// the message of a systemctl that cannot reach the user manager.
	Found string
}

func (e noServiceManagerError) Error() string {
	return fmt.Sprintf("no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", e.Found)
}

// resolveServiceSpec returns the absolute binary and schedule paths the
// service will run with.
func resolveServiceSpec(app *App) (serviceSpec, error) {
	exe, err := executablePath()
	if err != nil {
		return serviceSpec{}, fmt.Errorf("cannot find the bedtime binary: %w", err)
	}
	if exe, err = filepath.Abs(exe); err != nil {
		return serviceSpec{}, fmt.Errorf("cannot find the bedtime binary: %w", err)
	}
	if strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return serviceSpec{}, fmt.Errorf("bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there", exe)
	}
	cfg := app.ConfigPath
	if cfg == "" {
		if cfg, err = defaultConfigPath(); err != nil {
			return serviceSpec{}, fmt.Errorf("cannot find the default schedule file: %w", err)
		}
	}
	if cfg, err = filepath.Abs(cfg); err != nil {
		return serviceSpec{}, fmt.Errorf("cannot resolve the schedule path %q: %w", app.ConfigPath, err)
	}
	return serviceSpec{Executable: exe, ConfigPath: cfg}, nil
}

func newInstallCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "install",
		Short: "Start bedtime now and at every login, as a per-user service",
		Long: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux, a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime run --config <schedule>"
with the schedule given by --config (or the default one).

Running install again updates the service to the current binary and options.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			spec, err := resolveServiceSpec(app)
			if err != nil {
				return err
			}
			m, err := openServiceManager()
			if err != nil {
				return err
			}
			// A bedtime started by hand holds the per-user lock, and the
			// service's own would exit at once: say so now, not later.
			if pid, _, ok := runningDaemon(); ok {
				if st, err := m.Status(cmd.Context()); err != nil || !st.Running || st.PID != pid {
					return fmt.Errorf("bedtime is already running outside the service (pid %d), and only one may run; stop it, then run install again", pid)
				}
			}
			if err := m.Install(cmd.Context(), spec); err != nil {
				return fmt.Errorf("cannot install the bedtime service: %w", err)
			}
			st, err := m.Status(cmd.Context())
			if err != nil {
				return fmt.Errorf("installed, but cannot read its status: %w", err)
			}
			fmt.Fprintf(app.Stdout, "installed %s %s\nit runs %s %s, now and at every login\n",
				st.Manager, st.UnitPath, spec.Executable, strings.Join(spec.Args(), " "))
			if _, err := os.Stat(spec.ConfigPath); errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(app.Stdout, "note: the schedule file %s does not exist yet\n", spec.ConfigPath)
			}
			return nil
		},
	}
}

func newUninstallCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "uninstall",
		Short: "Stop bedtime and remove the per-user service",
		Long: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := openServiceManager()
			if err != nil {
				return err
			}
			removed, err := m.Uninstall(cmd.Context())
			if err != nil {
				return fmt.Errorf("cannot uninstall the bedtime service: %w", err)
			}
			if !removed {
				fmt.Fprintln(app.Stdout, "bedtime is not installed as a service; nothing to do")
				return nil
			}
			fmt.Fprintln(app.Stdout, "bedtime is stopped and uninstalled; your schedule, state and history are kept")
			return nil
		},
	}
}

// newControlCmd returns start, stop or restart.
func newControlCmd(app *App, use, short, done string, do func(serviceManager, context.Context) error) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, err := openServiceManager()
			if err != nil {
				return err
			}
			if err := do(m, cmd.Context()); err != nil {
				return fmt.Errorf("cannot %s the bedtime service: %w", use, err)
			}
			fmt.Fprintln(app.Stdout, done)
			return nil
		},
	}
}

func newStartCmd(app *App) *cobra.Command {
	return newControlCmd(app, "start", "Start the installed bedtime service", "bedtime started",
		serviceManager.Start)
}

func newStopCmd(app *App) *cobra.Command {
	return newControlCmd(app, "stop", "Stop the bedtime service until the next login or start", "bedtime stopped",
		serviceManager.Stop)
}

func newRestartCmd(app *App) *cobra.Command {
	return newControlCmd(app, "restart", "Restart the bedtime service", "bedtime restarted",
		serviceManager.Restart)
}

// statusNotRunning is the exit status of "bedtime status" when bedtime does
// not run (as "systemctl status" does for an inactive unit).
const statusNotRunning = 3

func newStatusCmd(app *App) *cobra.Command {
	var asJSON, ascii bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Say whether bedtime is running, what comes next and how today went",
		Long: `status says whether bedtime is installed as a service and running (with its
process id and since when), where the service is defined, which schedule it
uses, whether it is paused, the next five reminders, a picture of today with
a mark per reminder (done, shown, missed, skipped, still due) and the
daemon's last errors. It exits with status 3 when bedtime is not running.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Without a service manager (bedtime started from the
			// session's autostart), status still says what runs.
			var st serviceStatus
			m, noManager := openServiceManager()
			if noManager == nil {
				var err error
				st, err = m.Status(cmd.Context())
				if err != nil {
					return fmt.Errorf("cannot read the bedtime service's status: %w", err)
				}
			}
			if !st.Running {
				if pid, since, ok := runningDaemon(); ok {
					st.Running, st.PID = true, pid
					if st.Since == "" && !since.IsZero() {
						st.Since = since.In(time.Local).Format("Mon 2006-01-02 15:04:05 MST")
					}
				}
			}
			if st.ConfigPath == "" {
				if spec, err := resolveServiceSpec(app); err == nil {
					st.ConfigPath = spec.ConfigPath
				} else if path, err := app.schedulePath(); err == nil {
					st.ConfigPath = path
				}
			}
			now := app.now()
			next := "unknown"
			if nextReminder != nil && st.ConfigPath != "" {
				if n, err := nextReminder(cmd.Context(), st.ConfigPath, now); err != nil {
					next = "unknown: " + err.Error()
				} else {
					next = n
				}
			}
			info := gatherStatus(app, st.ConfigPath, now)
			if asJSON {
				if err := writeStatusJSON(app.Stdout, st, next, info); err != nil {
					return err
				}
			} else {
				writeStatus(app.Stdout, st, next)
				if noManager != nil {
					fmt.Fprintf(app.Stdout, "  service:  %v\n", noManager)
				}
				writeStatusInfo(app.Stdout, info, markSet(ascii))
			}
			if !st.Running {
				return exitError{statusNotRunning}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	cmd.Flags().BoolVar(&ascii, "ascii", false, "draw today's strip with ASCII characters only")
	return cmd
}

// writeStatus prints st for people, next being the next reminder's
// description; writeStatusInfo (stats.go) prints the rest.
func writeStatus(w io.Writer, st serviceStatus, next string) {
	switch {
	case !st.Installed && st.Running:
		fmt.Fprintf(w, "bedtime: running (pid %d since %s), but not installed as a service\n", st.PID, orUnknown(st.Since))
	case !st.Installed:
		fmt.Fprintln(w, `bedtime: not installed as a service (run "bedtime install")`)
	case st.Running:
		fmt.Fprintf(w, "bedtime: installed, running (pid %d since %s)\n", st.PID, orUnknown(st.Since))
	default:
		fmt.Fprintf(w, "bedtime: installed, not running (%s)\n", orUnknown(st.State))
	}
	if st.Installed {
		what := st.Manager
		if st.Enabled != "" {
			what += ", " + st.Enabled
		}
		fmt.Fprintf(w, "  unit:     %s (%s)\n", st.UnitPath, what)
	}
	fmt.Fprintf(w, "  schedule: %s\n", orUnknown(st.ConfigPath))
	fmt.Fprintf(w, "  next:     %s\n", next)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
