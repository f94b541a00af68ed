package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gofrs/flock"
	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
)

// newDesktopNotifier builds the notifier the daemon shows reminders with.
// Tests replace it.
var newDesktopNotifier = func(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error) {
	d, err := notify.New(notify.Options{Logger: log, OnResponse: onResponse})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}

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
	return cmd
}

// daemon is the running reminder service: the engine, the notifier and
// the schedule they share.
type daemon struct {
	app      *App
	log      *slog.Logger
	path     string
	builtin  bool // --builtin: the default schedule, no file
	engine   *scheduler.Engine
	notifier notify.Notifier
	texts    *texter

	mu       sync.Mutex
	schedule *config.Schedule
	badSince string // the first error of the invalid file last seen, to notify once

	sends sync.WaitGroup
}

func (app *App) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

func (app *App) runDaemon(ctx context.Context) error {
	log := app.logger()
	path, err := app.schedulePath()
	if err != nil {
		return err
	}
	unlock, err := lockDaemon()
	if err != nil {
		return err
	}
	defer unlock()

	d := &daemon{app: app, log: log, path: path, builtin: app.builtin, texts: newTexter(), engine: scheduler.NewEngine(nil)}
	n, closeN, err := newDesktopNotifier(log, d.respond)
	if err != nil {
		return err
	}
	defer closeN()
	d.notifier = n

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hup := make(chan os.Signal, 1)
	if len(reloadSignals) > 0 {
		signal.Notify(hup, reloadSignals...)
	}
	defer signal.Stop(hup)
	d.reload(ctx, "start")
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				d.reload(ctx, "SIGHUP")
			}
		}
	}()
	if d.builtin {
		// Nothing to watch.
	} else if err := d.watch(ctx); err != nil {
		log.Warn("cannot watch the schedule file; reload it with SIGHUP", "path", path, "err", err)
	}

	log.Info("bedtime started", "version", buildVersion(), "pid", os.Getpid(), "config", path)
	d.engine.Run(ctx, app.clock(), func(ev scheduler.Event) { d.handle(ctx, ev) })
	d.sends.Wait()
	log.Info("bedtime stopped")
	return nil
}

// reload loads the schedule file and hands it to the engine. An invalid
// file never replaces a working schedule: the previous one stays, the
// errors are logged and the user is told once.
func (d *daemon) reload(ctx context.Context, why string) {
	var s *config.Schedule
	var err error
	missing := d.builtin
	if !d.builtin {
		s, err = config.Load(d.path)
		missing = config.IsNotExist(err)
	}
	if missing {
		s, err = config.Default(), nil
	}
	d.mu.Lock()
	prev := d.schedule
	if err != nil {
		var es config.Errors
		first := err.Error()
		if errors.As(err, &es) && len(es) > 0 {
			first = es[0].Error()
			for _, e := range es {
				d.log.Error("schedule error", "error", e.Error())
			}
		} else {
			d.log.Error("cannot load the schedule", "error", err)
		}
		if reloadHook != nil {
			defer reloadHook(nil)
		}
		tell := d.badSince != first
		d.badSince = first
		d.mu.Unlock()
		keeping := "running the previous schedule until it is fixed"
		if prev == nil {
			keeping = "no reminders until it is fixed"
		}
		d.log.Warn("schedule not loaded", "why", why, "keeping", keeping)
		if tell {
			d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: "Your bedtime schedule has an error",
				Body: first + "\n" + strings.ToUpper(keeping[:1]) + keeping[1:] + ".", NoActions: true})
		}
		return
	}
	d.schedule = s
	if reloadHook != nil {
		defer reloadHook(s)
	}
	wasBad := d.badSince != ""
	d.badSince = ""
	d.mu.Unlock()
	d.engine.SetJobs(s.Jobs())
	source := d.path
	if missing {
		source = "built-in default (no file at " + d.path + ")"
		if d.builtin {
			source = "built-in default (--builtin)"
		}
	}
	d.log.Info("schedule loaded", "why", why, "from", source, "reminders", len(s.Enabled()))
	if wasBad {
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: "Your bedtime schedule is fixed",
			Body: "The new schedule is in use.", NoActions: true, Urgency: notify.UrgencyLow})
	}
}

// watch reloads the schedule when its file changes. It watches the
// directory, not the file, so that editors which save by writing a new file
// and renaming it over the old one (vim, VS Code, sed -i) are seen; bursts of
// events are folded into one reload.
func (d *daemon) watch(ctx context.Context) error {
	dir := filepath.Dir(d.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return err
	}
	go func() {
		defer w.Close()
		var timer *time.Timer
		fire := make(chan struct{}, 1)
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Clean(ev.Name) != filepath.Clean(d.path) {
					continue
				}
				if timer != nil {
					timer.Stop()
				}
				timer = time.AfterFunc(reloadDebounce, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			case <-fire:
				d.reload(ctx, "file changed")
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				d.log.Warn("file watch error", "err", err)
			}
		}
	}()
	return nil
}

// reloadHook, when set by a test, is called after each reload with the
// schedule now in use, or nil when the file was rejected.
var reloadHook func(*config.Schedule)

// reloadDebounce is how long the watcher waits for a burst of file events
// to end before it reloads.
var reloadDebounce = 100 * time.Millisecond

// handle shows a due reminder, or logs a missed one.
func (d *daemon) handle(ctx context.Context, ev scheduler.Event) {
	d.mu.Lock()
	s := d.schedule
	d.mu.Unlock()
	if s == nil {
		return
	}
	r, ok := s.Reminder(ev.Job)
	if !ok {
		return
	}
	attrs := []any{"reminder", ev.Job, "scheduled", ev.Scheduled.In(r.Location).Format(time.RFC3339)}
	if late := ev.Late().Round(time.Second); late > 0 {
		attrs = append(attrs, "late", late.String())
	}
	if ev.Superseded > 0 {
		attrs = append(attrs, "folded", ev.Superseded)
	}
	if ev.Kind == scheduler.Miss {
		d.log.Warn("missed", append(attrs, "catch_up", r.CatchUp.String())...)
		return
	}
	routineTitle := ""
	if rt, ok := s.Routine(r.Routine); ok {
		routineTitle = rt.Title
	}
	t := d.texts.text(r, ev.Scheduled, routineTitle)
	d.log.Info("fired", attrs...)
	grace := max(r.CatchUp, 5*time.Minute)
	d.send(ctx, notify.Message{Reminder: r.Name, Title: t.Title, Body: t.Body, Deadline: ev.Scheduled.Add(grace)})
}

// send delivers m without blocking the engine.
func (d *daemon) send(ctx context.Context, m notify.Message) {
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		// The notifier logs each kind of failure once; no line per reminder.
		if err := d.notifier.Notify(ctx, m); err != nil && ctx.Err() == nil {
			d.log.Debug("notification not shown", "reminder", m.Reminder, "err", err)
		}
	}()
}

// respond acts on the user's answer to a notification.
func (d *daemon) respond(resp notify.Response) {
	switch resp.Action {
	case notify.Snooze:
		d.mu.Lock()
		s := d.schedule
		d.mu.Unlock()
		snooze := config.DefaultSnooze
		if s != nil {
			if r, ok := s.Reminder(resp.Reminder); ok {
				snooze = r.Snooze
			}
		}
		at := d.app.now().Add(snooze)
		d.engine.FireOnceAt(resp.Reminder, at)
		d.log.Info("snoozed", "reminder", resp.Reminder, "until", at.Format(time.RFC3339))
	default:
		d.log.Info(resp.Action.String(), "reminder", resp.Reminder)
	}
}

// lockDaemon makes sure only one daemon runs per user: it holds a lock on a
// file in the state dir for as long as the process lives (the kernel drops
// it if the process dies).
func lockDaemon() (unlock func(), err error) {
	dir, err := stateDir()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "daemon.lock")
	fl := flock.New(path, flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if !ok {
		pid := "unknown"
		if b, err := os.ReadFile(path + ".pid"); err == nil {
			pid = strings.TrimSpace(string(b))
		}
		return nil, fmt.Errorf("bedtime is already running (pid %s); stop it first, or use `bedtime status`", pid)
	}
	os.WriteFile(path+".pid", []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return func() {
		os.Remove(path + ".pid")
		fl.Unlock()
	}, nil
}
