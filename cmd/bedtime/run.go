package main

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/runner"
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
	o := runner.Options{
		SchedulePath:  path,
		Builtin:       app.builtin,
		StateDir:      dir,
		Clock:         app.clock(),
		Stderr:        app.Stderr,
		Ntfy:          ntfy.Maker,
		ZoneFile:      app.zoneFile(),
		ReloadSignals: reloadSignals,
		Version:       buildVersion(),
		Run:           app.RunDaemon,
	}
	return runner.Run(ctx, o)
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
