package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/userlock"
)

func newRunCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the reminder daemon in the foreground",
		Long: `Run the reminder daemon in the foreground: it shows each reminder on time,
reloads the schedule file when it is saved (or on SIGHUP), and stops on
Ctrl+C or SIGTERM. "bedtime install" runs it as a service instead.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.runDaemon(cmd.Context())
		},
	}
	cmd.Flags().BoolVar(&app.builtin, "builtin", false, "use the built-in default schedule and ignore any schedule file")
	cmd.Flags().BoolVar(&app.orBuiltin, "or-builtin", false, "while the schedule file does not exist, use the built-in default; take the file when it appears")
	// A flag this binary does not know (a unit written by a newer one)
	// cannot start either.
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return cannotStart{app.flagError(c, err)} })
	return cmd
}

// cannotStart is an error of "bedtime run" that running it again cannot
// mend until the user changes something. Its exit status is
// service.ExitCannotStart, which the service managers do not retry; the
// environment may set another (service.CannotStartEnv, for launchd).
// Other errors (the state directory cannot be written, say) exit 1, and a
// service manager retries them a few times.
type cannotStart struct{ err error }

func (e cannotStart) Error() string { return e.err.Error() }
func (e cannotStart) Unwrap() error { return e.err }

// code is the exit status.
func (e cannotStart) code() int {
	if v, ok := os.LookupEnv(service.CannotStartEnv); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 256 {
			return n
		}
	}
	return service.ExitCannotStart
}

func (app *App) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

func (app *App) runDaemon(ctx context.Context) error {
	path, err := app.schedulePath()
	if err != nil {
		return err
	}
	if !app.builtin && !app.orBuiltin {
		if err := app.checkConfigExists(path); err != nil {
			return cannotStart{err}
		}
	}
	dir, err := app.stateDir()
	if err != nil {
		return err
	}
	if pid, since, ok := userlock.Running(dir); ok {
		return cannotStart{alreadyRunning(app.locale(nil), runtime.GOOS, pid, since, app.now())}
	}
	log, closeLog := app.daemonLogger(dir)
	defer closeLog()
	o := daemon.Options{
		SchedulePath:  path,
		Builtin:       app.builtin,
		StateDir:      dir,
		Clock:         app.clock(),
		Logger:        log,
		Notifier:      daemon.DesktopNotifier,
		Probe:         notify.Probe,
		Ntfy:          ntfy.Maker,
		ZoneFile:      app.zoneFile(),
		ReloadSignals: reloadSignals,
		Debounce:      daemon.DefaultDebounce,
		Version:       buildVersion(),
		// Under bedtime's systemd unit (Type=notify), systemctl start
		// returns, and install says bedtime runs, only once it has come
		// this far; elsewhere this does nothing.
		Ready: func() {
			if _, err := service.Ready(); err != nil {
				log.Warn("systemd was not told that bedtime started; it stops bedtime when its start times out", "err", err)
			}
		},
	}
	ctx, stop := context.WithCancel(ctx)
	synced := closedChan
	if !app.builtin {
		// Sync follows the schedule: the daemon gives each schedule it
		// loads, and a changed sync: section is shared (or left) at once.
		sh := devices.Share(ctx, syncPlace(app.syncSettings()), devices.ShareOptions{StateDir: dir, Now: app.now, Logger: log, StopWait: syncStopWait})
		o.Devices, o.ShowWithin = sh, devices.ShowWithin
		o.OnReload = func(s *config.Schedule) {
			if s != nil {
				sh.Follow(syncPlace(s.Sync))
			}
		}
		// A new key (sync join --force) is taken at once, too.
		o.AlsoWatch = map[string]func(){filepath.Join(dir, devices.KeyFile): sh.Rekey}
		synced = sh.Done()
	}
	// When the daemon ends, sync says in the folder that this computer
	// stopped (so the others hold nothing for it) before the process
	// ends; a folder that hangs does not hold the exit for long.
	defer func() {
		stop()
		select {
		case <-synced:
		case <-time.After(syncStopWait):
			log.Warn("sync: the folder did not take the last word in time", "waited", syncStopWait)
		}
	}()
	if app.RunDaemon != nil {
		return app.RunDaemon(ctx, o)
	}
	return daemon.Run(ctx, o)
}

// syncStopWait is how long a stopping daemon waits for the sync folder to
// take its last presence, and how long a change of the schedule's sync:
// section waits for the old folder to take it.
const syncStopWait = 5 * time.Second

// closedChan is a channel closed already: nothing to wait for.
var closedChan = func() <-chan struct{} { c := make(chan struct{}); close(c); return c }()

// syncPlace is where the schedule's sync: section s says to share; no
// sync without one.
func syncPlace(s *config.Sync) devices.Place {
	if s == nil {
		return devices.Place{}
	}
	return devices.Place{Folder: s.Folder, Name: s.Name}
}

// alreadyRunning says, in l's language, that another daemon, pid, holds
// the lock since since, and how to stop it on the system goos. Windows
// has no kill, and there `bedtime stop` ends one started by hand too.
func alreadyRunning(l *locale.Locale, goos string, pid int, since, now time.Time) error {
	p := strconv.Itoa(pid)
	if since.IsZero() {
		if goos == "windows" {
			return errorIn(l, "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop`", p)
		}
		return errorIn(l, "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", p, p)
	}
	at := since.In(now.Location())
	when := l.Clock(at)
	if y, m, d := at.Date(); !sameDay(now, y, m, d) {
		when = l.ShortDateTime(at)
	}
	if goos == "windows" {
		return errorIn(l, "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop`", p, when)
	}
	return errorIn(l, "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", p, when, p)
}
