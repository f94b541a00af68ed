package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
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
		return cannotStart{alreadyRunning(app.locale(nil), pid, since, app.now())}
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
		ZoneFile:      app.zoneFile(),
		ReloadSignals: reloadSignals,
		Debounce:      daemon.DefaultDebounce,
		Version:       buildVersion(),
	}
	ctx, stop := context.WithCancel(ctx)
	peers, synced := app.keepSync(ctx, dir, log)
	if peers != nil {
		o.Devices, o.ShowWithin = peers, devices.ShowWithin
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
// take its last presence.
const syncStopWait = 5 * time.Second

// keepSync, with sync: in the schedule, keeps the sync folder and this
// computer in step while ctx lasts (devices.Keep); without a key or a
// folder it says once why this computer works alone. It returns what the
// daemon decides between the computers by, nil when sync is off, and a
// channel closed once it has stopped keeping (after ctx ends).
func (app *App) keepSync(ctx context.Context, stateDir string, log *slog.Logger) (*devices.Peers, <-chan struct{}) {
	done := make(chan struct{})
	if app.builtin {
		close(done)
		return nil, done
	}
	since := app.now().AddDate(0, 0, -2)
	link := app.joinSync(since)
	if link == nil {
		close(done)
		return nil, done
	}
	if link.Folder == nil {
		log.Warn("sync: this computer works alone", "why", link.Alone)
		if link.Self == "" {
			close(done)
			return nil, done // no key (or no id): joining needs a restart
		}
	}
	store, err := state.OpenWith(stateDir, state.Options{})
	if err != nil {
		log.Warn("sync: this computer works alone", "why", err.Error())
		close(done)
		return nil, done
	}
	store.SetLogger(log)
	peers := devices.NewPeers(link.Self, app.now)
	keep := func(link *devices.Link) error {
		label := func(id string) string {
			for _, d := range link.Folder.Devices() {
				if d.ID == id {
					return devices.Label(d)
				}
			}
			return id[:6]
		}
		// What another computer's person did is followed here through the
		// state, as a command line's change is: the daemon closes the
		// notification, stops repeating, pauses.
		follow := func(recs []devices.Record) {
			n, err := devices.Follow(store, recs, app.now(), label)
			if err != nil {
				log.Warn("sync: cannot follow another computer", "err", err.Error())
			} else if n > 0 {
				log.Info("sync: followed another computer", "changes", n)
			}
		}
		log.Info("sync: sharing the record", "folder", link.Folder.Root(), "device", link.Self, "name", link.Name, "key", link.Fingerprint)
		err := devices.Keep(ctx, link.Folder, devices.KeepOptions{StateDir: stateDir, Name: link.Name, Logger: log, OnRecords: follow, Peers: peers})
		if err != nil && !errors.Is(err, devices.ErrFolderGone) {
			log.Warn("sync: stopped sharing", "err", err.Error())
		}
		return err
	}
	folder := app.syncSettings()
	go func() {
		defer close(done)
		gone := false
		for {
			if link.Folder == nil {
				if folder == nil {
					return
				}
				// The folder is not there (not synced or mounted yet, or
				// gone while running): alone until it comes, then shared
				// without a restart.
				wait := devices.WaitFolder
				if gone {
					wait = devices.WaitBack
				}
				if err := wait(ctx, folder.Folder); err != nil {
					if ctx.Err() == nil {
						log.Warn("sync: cannot watch for the folder; restart bedtime once it is there", "err", err.Error())
					}
					return
				}
				if link = app.joinSync(since); link == nil || link.Folder == nil {
					if link != nil {
						log.Warn("sync: this computer works alone", "why", link.Alone)
					}
					return
				}
			}
			if !errors.Is(keep(link), devices.ErrFolderGone) {
				return
			}
			log.Warn("sync: the folder is gone; this computer works alone until it is back", "folder", link.Folder.Root())
			link.Folder, gone = nil, true
		}
	}()
	return peers, done
}

// alreadyRunning says, in l's language, that another daemon, pid, holds
// the lock since since, and how to stop it.
func alreadyRunning(l *locale.Locale, pid int, since, now time.Time) error {
	if since.IsZero() {
		return errorIn(l, "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", strconv.Itoa(pid), strconv.Itoa(pid))
	}
	at := since.In(now.Location())
	when := l.Clock(at)
	if y, m, d := at.Date(); !sameDay(now, y, m, d) {
		when = l.ShortDateTime(at)
	}
	return errorIn(l, "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", strconv.Itoa(pid), when, strconv.Itoa(pid))
}
