package daemon

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// Options configure Run. SchedulePath and StateDir are required; the
// other zero values mean the defaults their comments give.
type Options struct {
	// SchedulePath is the schedule file. Builtin ignores it and runs the
	// built-in default schedule.
	SchedulePath string
	Builtin      bool
	// StateDir holds the state, the history and the per-user lock.
	StateDir string
	// Clock is the wall clock; nil means the system's.
	Clock scheduler.Clock
	// Logger gets one line per event; nil means slog.Default().
	Logger *slog.Logger
	// Notifier builds the notifier reminders are shown with; onResponse
	// receives the user's answers. Nil means notify.New.
	Notifier func(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error)
	// RoutineClock times the steps of a routine started from a
	// notification; nil means real time.
	RoutineClock RoutineClock
	// ZoneFile is the system's time zone setting, watched for changes;
	// empty means /etc/localtime.
	ZoneFile string
	// ReloadSignals make the daemon reload the schedule (SIGHUP on Unix).
	ReloadSignals []os.Signal
	// Debounce is how long a burst of file events must be quiet before
	// the daemon reloads; zero means DefaultDebounce.
	Debounce time.Duration
	// Version is logged at start.
	Version string
	// OnReload, when set, is called after each reload with the schedule
	// now in use, or nil when the file was rejected. OnControl, when set,
	// is called after the daemon applied the state file. (For tests.)
	OnReload  func(*config.Schedule)
	OnControl func(state.State)
}

// DefaultDebounce is how long the file watcher waits for a burst of events
// to end before it reloads.
const DefaultDebounce = 100 * time.Millisecond

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = scheduler.SystemClock{}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Notifier == nil {
		o.Notifier = DesktopNotifier
	}
	if o.RoutineClock == nil {
		o.RoutineClock = RealClock{}
	}
	if o.ZoneFile == "" {
		o.ZoneFile = "/etc/localtime"
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	return o
}

// DesktopNotifier is the default Options.Notifier: the desktop through
// notify.New, with the log as its last fallback.
func DesktopNotifier(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error) {
	d, err := notify.New(notify.Options{Logger: log, OnResponse: onResponse})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}

// daemon is the running reminder service: the engine, the notifier and
// the schedule they share.
type daemon struct {
	o        Options
	log      *slog.Logger
	path     string
	builtin  bool // --builtin: the default schedule, no file
	engine   *scheduler.Engine
	notifier notify.Notifier
	texts    *Texter

	store *state.Store // state and history

	mu       sync.Mutex
	schedule *config.Schedule
	badSince string         // the first error of the invalid file last seen, to notify once
	repeats  map[string]int // repeat_until_done: repeats shown since the last scheduled firing
	paused   time.Time      // the pause last applied, to log changes once
	local    *time.Location // the system's zone, for a schedule without timezone
	ctx      context.Context

	sends sync.WaitGroup // notifications being sent
	bg    sync.WaitGroup // the signal and file watchers
}

// Run runs the daemon until ctx is done. It returns an error when it
// cannot start: another daemon holds the lock, or the state directory or
// the notifier cannot be set up; and when it stopped because it lost the
// lock to another daemon (its state directory was removed while it ran).
func Run(ctx context.Context, o Options) error {
	o = o.withDefaults()
	log := o.Logger
	lock, err := TakeLock(o.StateDir)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	if lock.wasOpen != 0 {
		log.Warn("the state directory was open to other users; made it private (0700)", "path", o.StateDir, "mode_was", lock.wasOpen.String())
	}

	// Another process holding the state's lock, or a full disk, never
	// stops the reminders: the change is kept and written later.
	store, err := state.OpenWith(o.StateDir, state.Options{Logger: log, Background: true, LockWait: stateLockWait})
	if err != nil {
		return err
	}
	defer func() {
		if err := store.Close(); err != nil {
			log.Error("the state is not saved", "err", err)
		}
	}()
	d := &daemon{o: o, log: log, path: o.SchedulePath, builtin: o.Builtin, texts: NewTexter(),
		engine: scheduler.NewEngine(nil), store: store, repeats: map[string]int{}, local: SystemZone(o.ZoneFile)}
	n, closeN, err := o.Notifier(log, d.respond)
	if err != nil {
		return err
	}
	defer closeN()
	d.notifier = n

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d.ctx = ctx
	keep := &keeper{lock: lock, log: log, stop: cancel, retaken: d.writeBackLast}
	hup := make(chan os.Signal, 1)
	if len(o.ReloadSignals) > 0 {
		signal.Notify(hup, o.ReloadSignals...)
	}
	defer signal.Stop(hup)
	// What was handled before a restart is not handled again; what came
	// due while bedtime was not running fires once if within its grace.
	st, err := store.Load()
	if err != nil {
		log.Warn("cannot read the state; starting afresh", "err", err)
	}
	for name, t := range st.Last {
		d.engine.SetLast(name, t)
	}
	d.reload(ctx, "start")
	d.applyControl(st)
	d.bg.Add(1)
	go func() {
		defer d.bg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				d.reload(ctx, "SIGHUP")
			}
		}
	}()
	watched := map[string]func(){
		filepath.Clean(store.StatePath()): func() { d.syncControl() },
		lock.path:                         func() { keep.ensure("the lock file changed") },
	}
	if !d.builtin {
		watched[filepath.Clean(d.path)] = func() { d.reload(ctx, "file changed") }
	}
	if _, ok := os.LookupEnv("TZ"); !ok {
		watched[filepath.Clean(o.ZoneFile)] = func() { d.zoneChanged(ctx) }
	}
	if err := d.watch(ctx, watched); err != nil {
		log.Warn("cannot watch the schedule and state files; reload with SIGHUP", "err", err)
	}

	from := d.path
	if d.builtin {
		from = "built-in default"
	}
	log.Info("bedtime started", "version", o.Version, "pid", os.Getpid(), "config", from)
	d.engine.Run(ctx, o.Clock, func(ev scheduler.Event) {
		if keep.ensure("a reminder is due") { // never two daemons firing
			d.handle(ctx, ev)
		}
	})
	d.bg.Wait()
	d.sends.Wait()
	log.Info("bedtime stopped")
	return keep.stopped()
}

// reload loads the schedule file and hands it to the engine. An invalid
// file never replaces a working schedule: the previous one stays, the
// errors are logged and the user is told once.
func (d *daemon) reload(ctx context.Context, why string) {
	var s *config.Schedule
	var err error
	missing := d.builtin
	d.mu.Lock()
	local := d.local
	d.mu.Unlock()
	if !d.builtin {
		s, err = config.LoadIn(d.path, local)
		missing = config.IsNotExist(err)
	}
	if missing {
		s, err = config.DefaultIn(local), nil
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
		if d.o.OnReload != nil {
			defer d.o.OnReload(nil)
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
			d.update(func(st *state.State) { st.AddError(first) })
			d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: "Your bedtime schedule has an error",
				Body: first + "\n" + strings.ToUpper(keeping[:1]) + keeping[1:] + ".", NoActions: true})
		}
		return
	}
	d.schedule = s
	if d.o.OnReload != nil {
		defer d.o.OnReload(s)
	}
	wasBad := d.badSince != ""
	d.badSince = ""
	d.mu.Unlock()
	d.engine.SetJobs(s.Jobs())
	if why != "start" {
		d.syncControl() // skips and snoozes of reminders that are new
	}
	source := d.path
	if missing {
		source = "built-in default (no file at " + d.path + ")"
		if d.builtin {
			source = "built-in default (--builtin)"
		}
	}
	d.log.Info("schedule loaded", "why", why, "from", source, "reminders", len(s.Enabled()))
	switch {
	case wasBad:
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: "Your bedtime schedule is fixed",
			Body: "The new schedule is in use.", NoActions: true, Urgency: notify.UrgencyLow})
	case missing && !d.builtin && prev != nil && prev.Path != "":
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: "Your bedtime schedule file is gone",
			Body: "Using the built-in default schedule until " + d.path + " is back.", NoActions: true, Urgency: notify.UrgencyLow})
	}
}

// zoneChanged reloads the schedule in the system's new time zone, if it
// really changed.
func (d *daemon) zoneChanged(ctx context.Context) {
	loc := SystemZone(d.o.ZoneFile)
	d.mu.Lock()
	old := d.local
	same := sameZone(old, loc, d.o.Clock.Now())
	d.local = loc
	d.mu.Unlock()
	if same {
		return
	}
	d.log.Info("time zone changed", "from", old.String(), "to", loc.String())
	d.reload(ctx, "time zone changed")
}

// handle shows a due reminder, or records a missed or skipped one. What
// was handled is written to the state before the notification goes out, so
// a crash never makes a reminder show twice.
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
	if ev.Once {
		attrs = append(attrs, "again", true)
	}
	hist := state.Event{At: ev.At, Reminder: ev.Job, Scheduled: ev.Scheduled}
	if ev.Once {
		// A snooze or repeat counts for the firing it repeats.
		if last, ok := d.engine.Last(ev.Job); ok {
			hist.Scheduled = last
		}
	}
	var again time.Time // the next repeat of a repeat_until_done reminder
	if ev.Kind == scheduler.Fire && r.RepeatEvery > 0 {
		d.mu.Lock()
		if !ev.Once {
			d.repeats[r.Name] = 0
		} else {
			d.repeats[r.Name]++
		}
		if d.repeats[r.Name] < r.RepeatMax {
			again = ev.At.Add(r.RepeatEvery)
		}
		d.mu.Unlock()
	}
	d.update(func(st *state.State) {
		if !ev.Once {
			st.Last[ev.Job] = ev.Scheduled
		}
		if ev.Kind == scheduler.Skip && !ev.Paused {
			delete(st.Skips, ev.Job)
		}
		if ev.Once || ev.Kind == scheduler.Fire {
			delete(st.Snoozes, ev.Job) // done with, or replaced by this firing
		}
		if !again.IsZero() {
			st.Snoozes[ev.Job] = again
		}
	})
	if !again.IsZero() {
		d.engine.SetOnce(ev.Job, again)
	}
	switch ev.Kind {
	case scheduler.Miss:
		d.log.Warn("missed", append(attrs, "catch_up", r.CatchUp.String())...)
		hist.Kind, hist.Detail = state.Missed, "too late after "+config.FormatDuration(ev.Late().Round(time.Second))
		d.record(hist)
		return
	case scheduler.Skip:
		hist.Kind, hist.Detail = state.Skipped, "bedtime skip"
		if ev.Paused {
			hist.Detail = "paused"
		}
		d.log.Info("skipped", append(attrs, "why", hist.Detail)...)
		d.record(hist)
		return
	}
	routineTitle := ""
	if rt, ok := s.Routine(r.Routine); ok {
		routineTitle = rt.Title
	}
	t := d.texts.Text(r, ev.Scheduled, routineTitle)
	d.log.Info("fired", attrs...)
	hist.Kind = state.Fired
	if ev.Once {
		hist.Detail = "again"
	}
	d.record(hist)
	grace := max(r.CatchUp, 5*time.Minute)
	_, hasRoutine := s.Routine(r.Routine)
	d.send(ctx, notify.Message{Reminder: r.Name, Title: t.Title, Body: t.Body, Deadline: ev.At.Add(grace), Start: hasRoutine})
}

// update changes the state file, logging (not failing) on error: a
// reminder is still shown when the disk is full.
func (d *daemon) update(fn func(*state.State)) {
	if err := d.store.Update(func(st *state.State) error { fn(st); return nil }); err != nil {
		d.log.Error("cannot write the state", "err", err)
	}
}

// record appends ev to the history.
func (d *daemon) record(ev state.Event) {
	if err := d.store.Append(ev); err != nil {
		d.log.Error("cannot write the history", "err", err)
	}
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
	now := d.o.Clock.Now()
	ev := state.Event{At: now, Reminder: resp.Reminder}
	switch resp.Action {
	case notify.Done:
		d.engine.SetOnce(resp.Reminder, time.Time{})
		d.update(func(st *state.State) {
			st.Done[resp.Reminder] = now
			delete(st.Snoozes, resp.Reminder)
		})
		ev.Kind = state.Done
	case notify.Start:
		// Doing the routine is doing the reminder.
		d.engine.SetOnce(resp.Reminder, time.Time{})
		d.update(func(st *state.State) {
			st.Done[resp.Reminder] = now
			delete(st.Snoozes, resp.Reminder)
		})
		ev.Kind, ev.Detail = state.Done, "routine started"
		d.playRoutine(resp.Reminder)
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
		at := now.Add(snooze)
		d.engine.SetOnce(resp.Reminder, at)
		d.update(func(st *state.State) { st.Snoozes[resp.Reminder] = at })
		ev.Kind, ev.Detail = state.Snoozed, config.FormatDuration(snooze)
	case notify.Dismissed:
		ev.Kind = state.Dismissed
	case notify.Missed:
		ev.Kind, ev.Detail = state.Missed, "not shown: no notification server, or do not disturb, until too late"
	default: // Expired: shown and left unanswered, as the history already says
		d.log.Info(resp.Action.String(), "reminder", resp.Reminder)
		return
	}
	d.log.Info(resp.Action.String(), "reminder", resp.Reminder)
	if resp.Reminder != "bedtime-schedule" {
		d.record(ev)
	}
}

// playRoutine plays the guided routine of the named reminder, one
// notification per step, each replacing the one before.
func (d *daemon) playRoutine(name string) {
	d.mu.Lock()
	s := d.schedule
	ctx := d.ctx
	d.mu.Unlock()
	if s == nil || ctx == nil {
		return
	}
	r, ok := s.Reminder(name)
	if !ok {
		return
	}
	rt, ok := s.Routine(r.Routine)
	if !ok {
		return
	}
	rt.Name = name // replace the reminder's own notification
	p := &Player{Out: io.Discard, Warn: io.Discard, Notifier: d.notifier, Clock: d.o.RoutineClock}
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		d.log.Info("routine started", "reminder", name, "routine", r.Routine)
		if err := p.Play(ctx, rt); err == nil {
			d.log.Info("routine finished", "reminder", name)
		}
	}()
}

// syncControl applies what the control commands (pause, snooze, skip,
// done) wrote to the state file.
func (d *daemon) syncControl() {
	st, err := d.store.Load()
	if err != nil {
		d.log.Warn("cannot read the state", "err", err)
		return
	}
	d.applyControl(st)
}

func (d *daemon) applyControl(st state.State) {
	d.engine.PauseUntil(st.PausedUntil)
	names := map[string]bool{}
	for _, j := range d.engine.Jobs() {
		names[j.Name] = true
	}
	for name := range st.Snoozes {
		names[name] = true
	}
	for name := range names {
		d.engine.SkipAt(name, st.Skips[name])
		d.engine.SetOnce(name, st.Snoozes[name])
	}
	d.mu.Lock()
	changed := !d.paused.Equal(st.PausedUntil)
	d.paused = st.PausedUntil
	d.mu.Unlock()
	switch {
	case changed && st.PausedUntil.After(d.o.Clock.Now()):
		d.log.Info("paused", "until", st.PausedUntil.Format(time.RFC3339))
	case changed:
		d.log.Info("resumed")
	}
	if d.o.OnControl != nil {
		d.o.OnControl(st)
	}
}
