package daemon

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/routine"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/texts"
	"github.com/bedtime-app/bedtime/userlock"
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
	// Probe asks the desktop's notification server what it is, for the
	// start-up line that says whether reminders can be shown; nil means
	// notify.Probe with the default Notifier, and no probe with another.
	Probe func(context.Context) (notify.Report, error)
	// Presence opens the watch on whether the person is at the computer;
	// nil means presence.Open.
	Presence func(context.Context, presence.Options) (presence.Monitor, presence.Report)
	// Busy opens what says whether the person is busy (in a call, or with
	// a fullscreen window); nil means busy.Open on this machine.
	Busy func(context.Context) (Busy, busy.Report)
	// busyEvery, when not zero, replaces busyRecheck (for tests).
	busyEvery time.Duration
	// WriteRetry is how often changes that could not be written (a full
	// disk) are tried again; zero means DefaultWriteRetry.
	WriteRetry time.Duration
	// OnRecord, when set, is called with the history events of each change
	// the daemon records, after they are written. (For tests.)
	OnRecord func([]state.Event)
}

// DefaultWriteRetry is how often changes that could not be written are
// tried again.
const DefaultWriteRetry = 30 * time.Second

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
		if o.Probe == nil {
			o.Probe = notify.Probe
		}
	}
	if o.ZoneFile == "" {
		o.ZoneFile = "/etc/localtime"
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.WriteRetry <= 0 {
		o.WriteRetry = DefaultWriteRetry
	}
	if o.Presence == nil {
		o.Presence = presence.Open
	}
	if o.Busy == nil {
		o.Busy = func(ctx context.Context) (Busy, busy.Report) { return busy.Open(ctx, busy.Options{}) }
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
	texts    *texts.Chooser

	store *state.Store // state and history

	mu       sync.Mutex
	schedule *config.Schedule
	badSince string         // the first error of the invalid file last seen, to notify once
	repeats  map[string]int // repeat_until_done: repeats shown since the last scheduled firing
	paused   time.Time      // the pause last applied, to log changes once
	// outcomes are the finished firings as the daemon last wrote or read
	// them, to tell an answer made elsewhere (`bedtime done`).
	outcomes map[string]state.Outcome
	// opens are the open firings as the daemon last wrote or read them,
	// to tell a snooze made elsewhere (`bedtime snooze`).
	opens map[string]state.Instant
	// routines stop the guided routines playing, by reminder; routineStop
	// is the last `bedtime routine --stop` applied.
	routines    map[string]*playing
	routineStop time.Time
	// away is the person's presence and the reminders held for them.
	away *away
	// busy says whether the person is in a call or watching fullscreen.
	busy Busy
	// disp delivers to the schedule's other channels (the phone); nil
	// while the schedule has none.
	disp  *channel.Dispatcher
	local *time.Location // the system's zone, for a schedule without timezone
	ctx   context.Context

	// The writer (see submit). qmu guards queue, writing, retryNow and
	// retry; backlog and unrecorded, the changes and history lines not yet
	// written (a full disk), belong to the one goroutine writing.
	qmu        sync.Mutex
	queue      []change
	writing    bool
	retryNow   bool
	retry      *time.Timer
	backlog    []func(*state.State) []state.Event
	unrecorded []state.Event
	// mirror is the state as the daemon knows it: as last written, with
	// the backlog applied. Changes are decided on it when the state
	// cannot be read.
	mirror state.State

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
	lock, err := userlock.Take(o.StateDir)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	if lock.WasOpen() != 0 {
		log.Warn("the state directory was open to other users; made it private (0700)", "path", o.StateDir, "mode_was", lock.WasOpen().String())
	}

	// Another process holding the state's lock, or a full disk, never
	// stops the reminders: the daemon waits for the lock briefly, and a
	// change it cannot write is kept and written later (see submit).
	store, err := state.OpenWith(o.StateDir, state.Options{Logger: log, LockWait: stateLockWait})
	if err != nil {
		return err
	}
	d := &daemon{o: o, log: log, path: o.SchedulePath, builtin: o.Builtin, texts: texts.NewChooser(),
		engine: scheduler.NewEngine(nil), store: store, repeats: map[string]int{}, local: SystemZone(o.ZoneFile), routines: map[string]*playing{}}
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
	d.mirror = st.Clone()
	d.routineStop = st.RoutineStop // a stop asked for before this start is done with
	d.openBusy(ctx)
	defer d.busy.Close()
	d.reload(ctx, "start")
	d.applyControl(st)
	d.adoptPopups(ctx, st)
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
		lock.Path():                       func() { keep.ensure("the lock file changed") },
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
	d.sayWhatComes(ctx)
	d.engine.RunBatch(ctx, o.Clock, func(evs []scheduler.Event) {
		if keep.ensure("a reminder is due") { // never two daemons firing
			d.handle(ctx, evs)
		}
	})
	d.bg.Wait()
	d.mu.Lock()
	a := d.away
	d.mu.Unlock()
	if a != nil {
		a.close()
	}
	d.mu.Lock()
	disp := d.disp
	d.mu.Unlock()
	if disp != nil {
		if err := disp.Close(); err != nil {
			log.Error("cannot close the channels", "err", err)
		}
	}
	d.sends.Wait()
	d.qmu.Lock()
	if d.retry != nil {
		d.retry.Stop()
		d.retry = nil
	}
	d.retryNow = true // the last try for what a full disk held back
	d.qmu.Unlock()
	left, done := 0, make(chan struct{})
	d.submit(nil, func() { left = len(d.backlog) + len(d.unrecorded); close(done) }) // on the writer
	<-done
	if left > 0 {
		log.Error("stopping with changes that could not be written", "changes", left)
	}
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
	if d.builtin {
		s = config.DefaultIn(local)
	} else {
		s, err = config.LoadOrDefault(d.path, local)
		missing = err == nil && s.Path == ""
	}
	d.mu.Lock()
	prev := d.schedule
	if err != nil {
		var es config.Errors
		first, more := err.Error(), 0
		if errors.As(err, &es) && len(es) > 0 {
			first, more = es[0].Error(), len(es)-1
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
			problem, title := first, "Your bedtime schedule has an error"
			if more > 0 {
				problem = fmt.Sprintf("%s (and %d more)", first, more)
				title = fmt.Sprintf("Your bedtime schedule has %d errors", more+1)
			}
			d.setProblem(state.ProblemSchedule, problem)
			body := first + "\n"
			if more > 0 {
				body += fmt.Sprintf("And %d more: run `bedtime validate` to see them all.\n", more)
			}
			body += strings.ToUpper(keeping[:1]) + keeping[1:] + "."
			d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: title, Body: body, NoActions: true})
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
	d.setProblem(state.ProblemSchedule, "")
	d.engine.SetJobs(s.Jobs())
	d.openPresence(ctx, s.AwayAfter)
	d.useChannels(ctx, s)
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

// firing is the daemon's plan for one event of the engine.
type firing struct {
	ev    scheduler.Event
	r     config.Reminder
	attrs []any
	// again is the next repeat of a repeat_until_done reminder.
	again time.Time
	// instant is the scheduled instant the event is about: its own, or,
	// for a snooze or a repeat, the one it shows again.
	instant time.Time
	show    bool
	// busy is set when the reminder is held because the person is busy.
	busy bool
}

// handle shows due reminders, and records missed and skipped ones. What
// was handled is written to the state, in one write for all the events
// that came due together, before the notifications go out, so a crash
// never makes a reminder show twice.
func (d *daemon) handle(ctx context.Context, events []scheduler.Event) {
	d.mu.Lock()
	s := d.schedule
	d.mu.Unlock()
	if s == nil {
		return
	}
	lookup := s.Reminder
	if len(events) > 8 {
		// Many at once: index the schedule once rather than scan it for
		// each.
		byName := make(map[string]int, len(s.Reminders))
		for i, r := range s.Reminders {
			byName[r.Name] = i
		}
		lookup = func(name string) (config.Reminder, bool) {
			i, ok := byName[name]
			if !ok {
				return config.Reminder{}, false
			}
			return s.Reminders[i], true
		}
	}
	var plans []*firing
	for _, ev := range events {
		r, ok := lookup(ev.Job)
		if !ok {
			continue
		}
		f := &firing{ev: ev, r: r, instant: ev.Scheduled}
		f.attrs = []any{"reminder", ev.Job, "scheduled", ev.Scheduled.In(r.Location).Format(time.RFC3339)}
		if late := ev.Late().Round(time.Second); late > 0 {
			f.attrs = append(f.attrs, "late", late.String())
		}
		if ev.Superseded > 0 {
			f.attrs = append(f.attrs, "folded", ev.Superseded)
		}
		if ev.Once {
			f.attrs = append(f.attrs, "again", true)
		}
		if ev.Kind == scheduler.Fire && r.RepeatEvery > 0 {
			d.mu.Lock()
			if !ev.Once {
				d.repeats[r.Name] = 0
			} else {
				d.repeats[r.Name]++
			}
			if d.repeats[r.Name] < r.RepeatMax {
				f.again = ev.At.Add(r.RepeatEvery)
			}
			d.mu.Unlock()
		}
		plans = append(plans, f)
	}
	// The decisions (show it? which instant?) are those of the first
	// run: a change kept for later (a full disk) runs again on the
	// writer, and must not touch the plans then.
	var once sync.Once
	d.change(func(st *state.State) []state.Event {
		var evs []state.Event
		decided := make([]firing, len(plans))
		for i, f := range plans {
			decided[i] = *f
			evs = append(evs, d.step(st, &decided[i])...)
		}
		once.Do(func() {
			for i, f := range plans {
				f.show, f.instant = decided[i].show, decided[i].instant
			}
		})
		return evs
	})
	for _, f := range plans {
		d.fire(ctx, s, f)
	}
}

// step applies one event of the engine to the state and returns the
// history events it makes.
func (d *daemon) step(st *state.State, f *firing) []state.Event {
	ev := f.ev
	var evs []state.Event
	apply := func(step state.Step) bool {
		step.Reminder, step.At = ev.Job, ev.At
		out, err := st.Apply(step)
		if err != nil {
			d.log.Info("not shown again", "reminder", ev.Job, "why", err.Error())
			return false
		}
		evs = append(evs, out...)
		return true
	}
	f.show = false
	if ev.Once {
		delete(st.Snoozes, ev.Job)
		if in, ok := st.Open[ev.Job]; ok {
			f.instant = in.Scheduled
		} else if c, ok := st.Closed[ev.Job]; ok && (c.Kind == state.Dismissed || c.Kind == state.Expired) && f.r.RepeatEvery > 0 {
			f.instant = c.Scheduled // repeat until done, though dismissed
		} else {
			f.instant = time.Time{} // done meanwhile: nothing to show
			return nil
		}
	} else {
		st.Last[ev.Job] = ev.Scheduled
		if ev.Kind == scheduler.Skip && !ev.Paused {
			delete(st.Skips, ev.Job)
		}
		delete(st.Snoozes, ev.Job) // replaced by this instant
		for _, t := range ev.Folded {
			apply(state.Step{Scheduled: t, Kind: state.Missed, Detail: "the computer was asleep or bedtime was not running"})
		}
	}
	switch ev.Kind {
	case scheduler.Miss:
		detail := "too late after " + durfmt.Format(ev.Late().Round(time.Second))
		if ev.Once {
			detail = "snoozed, then " + detail
		}
		apply(state.Step{Scheduled: f.instant, Kind: state.Missed, Detail: detail})
	case scheduler.Skip:
		detail := "bedtime skip"
		if ev.Paused {
			detail = "paused"
		}
		apply(state.Step{Scheduled: f.instant, Kind: state.Skipped, Detail: detail})
	default:
		f.show = apply(state.Step{Scheduled: f.instant, Kind: state.Due})
		if f.show && !f.again.IsZero() {
			st.Snoozes[ev.Job] = f.again
		}
	}
	return evs
}

// fire logs one event of the engine and shows its reminder if it is due.
func (d *daemon) fire(ctx context.Context, s *config.Schedule, f *firing) {
	r, ev := f.r, f.ev
	if ev.Once && !f.instant.IsZero() {
		// A snooze or a repeat: scheduled is the instant it shows again
		// (attrs[3]), due_again when it came due this time.
		f.attrs[3] = f.instant.In(r.Location).Format(time.RFC3339)
		f.attrs = append(f.attrs, "due_again", ev.Scheduled.In(r.Location).Format(time.RFC3339))
	}
	switch ev.Kind {
	case scheduler.Miss:
		d.log.Warn("missed", append(f.attrs, "catch_up", r.CatchUp.String())...)
		return
	case scheduler.Skip:
		d.log.Info("skipped", f.attrs...)
		return
	}
	if !f.show {
		return
	}
	if !f.again.IsZero() {
		d.engine.SetOnce(ev.Job, f.again)
	}
	routineTitle := ""
	rt, hasRoutine := s.Routine(r.Routine)
	if hasRoutine {
		routineTitle = rt.Title
	}
	t := d.texts.Text(r, f.instant, routineTitle)
	d.log.Info("fired", f.attrs...)
	grace := max(r.CatchUp, 5*time.Minute)
	m := notify.Message{Reminder: r.Name, Title: t.Title, Body: t.Body, Deadline: ev.At.Add(grace), Start: hasRoutine,
		Scheduled: f.instant, Expire: expireOf(r.Stay), Sound: r.Sound, Choices: questionChoices(r)}
	others, desktop := otherChannels(r)
	d.sendChannels(f, t.Title, t.Body, others)
	if !desktop {
		return // only elsewhere: the channels say when it is shown
	}
	if !d.awayDecision(ctx, f, m) {
		if r.WhenAway == config.WhenAwayPhone && !f.busy {
			// Held on the desktop; on the phone now (not in a call).
			d.sendChannels(f, t.Title, t.Body, slices.DeleteFunc(phoneChannels(s, r), func(c string) bool { return slices.Contains(others, c) }))
		}
		return // held until the person is back, or skipped
	}
	d.send(ctx, m)
}

// sayWhatComes logs, at start, whether reminders can be shown (the
// notification server, or why not) and which one comes next, so that a
// problem shows now rather than with the first reminder, hours later.
func (d *daemon) sayWhatComes(ctx context.Context) {
	if d.o.Probe != nil {
		pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		rep, err := d.o.Probe(pctx)
		cancel()
		switch {
		case errors.Is(err, notify.ErrUnsupported):
		case errors.Is(err, notify.ErrNoSessionBus):
			d.log.Warn("no session bus: reminders reach only this log, and are recorded missed, until bedtime runs inside your desktop session (bedtime doctor says how to fix it)")
		case err != nil:
			d.log.Warn("reminders cannot be shown on the desktop now; they are held until a notification server appears (bedtime doctor says how to fix it)",
				"why", strings.TrimSuffix(notShownReason(err), " (only the log has it)"))
		default:
			d.log.Info("notification server", "name", rep.Server.Name, "version", rep.Server.Version, "buttons", rep.Has("actions"))
		}
	}
	d.mu.Lock()
	s := d.schedule
	d.mu.Unlock()
	if s == nil {
		return
	}
	now := d.o.Clock.Now()
	if next := scheduler.Upcoming(s.Jobs(), now, 1); len(next) > 0 {
		d.log.Info("next", "reminder", next[0].Job, "at", next[0].At.In(s.Location).Format(time.RFC3339), "in", next[0].At.Sub(now).Round(time.Minute).String())
	} else {
		d.log.Info("next", "reminder", "none: no reminder is enabled")
	}
}

// expireOf turns a reminder's stay into how long its notification stays
// on screen: until answered (the default), the server's own timeout
// (stay: false), or the duration given.
func expireOf(stay time.Duration) time.Duration {
	switch {
	case stay == 0:
		return notify.ServerDefault
	case stay < 0:
		return notify.UntilAnswered
	}
	return stay
}

// change changes the state through fn, which returns the history events
// of the change, records them, and returns when that is done (or failed).
func (d *daemon) change(fn func(*state.State) []state.Event) {
	done := make(chan struct{})
	d.submit(fn, func() { close(done) })
	<-done
}

// submit queues a change to the state: fn returns the history events of
// the change; after, if not nil, is called once when fn has run and the
// write is done (or failed). Changes queued while a write is under way are
// written together in the next one, so a burst of firings and answers
// costs a few writes, not one each. A change that cannot be written (a
// full disk) is logged once, kept in memory and written, before anything
// newer, with the next write that succeeds, or by a retry every
// WriteRetry: the reminder is still shown meanwhile, and nothing is lost
// or fired twice.
func (d *daemon) submit(fn func(*state.State) []state.Event, after func()) {
	d.qmu.Lock()
	d.queue = append(d.queue, change{fn: fn, after: after})
	writing := d.writing
	d.writing = true
	d.qmu.Unlock()
	if !writing {
		d.write()
	}
}

// change is one queued change to the state.
type change struct {
	fn    func(*state.State) []state.Event
	after func()
}

// write writes the queued changes, batch after batch, until the queue is
// empty. Only one goroutine writes at a time: the one that found no write
// under way.
func (d *daemon) write() {
	for {
		d.qmu.Lock()
		batch := d.queue
		d.queue = nil
		if len(batch) == 0 && !d.retryNow {
			d.writing = false
			d.qmu.Unlock()
			return
		}
		d.retryNow = false
		d.qmu.Unlock()
		d.writeBatch(batch)
	}
}

func (d *daemon) writeBatch(batch []change) {
	defer func() {
		for _, c := range batch {
			if c.after != nil {
				c.after()
			}
		}
	}()
	fns := d.backlog
	for _, c := range batch {
		if c.fn != nil {
			fns = append(fns, c.fn)
		}
	}
	kept := len(d.backlog) + len(d.unrecorded)
	if len(fns) == 0 && kept == 0 {
		return
	}
	ran := false
	evs, err := d.store.Record(func(st *state.State) ([]state.Event, error) {
		ran = true
		all := append([]state.Event(nil), d.unrecorded...)
		for _, f := range fns {
			all = append(all, f(st)...)
		}
		d.mirror = st.Clone()
		d.mu.Lock()
		d.outcomes = maps.Clone(st.Closed)
		d.opens = maps.Clone(st.Open)
		d.mu.Unlock()
		return all, nil
	})
	if !ran {
		// The state could not even be read (its lock held elsewhere): the
		// new changes are decided on what the daemon knows, the state as
		// last written with what is kept in memory, so that the reminders
		// still show; they are written, in order, when the state can be.
		for _, c := range batch {
			if c.fn != nil {
				c.fn(&d.mirror) // its events come when it is written
			}
		}
		fns = fns[len(d.backlog):]
		d.backlog = append(d.backlog, fns...)
		d.retryLater(err, kept)
		return
	}
	var unrecorded *state.UnrecordedError
	switch {
	case err == nil:
		d.backlog, d.unrecorded = nil, nil
		if kept > 0 {
			d.log.Info("wrote the changes kept in memory", "changes", kept)
		}
		if d.o.OnRecord != nil && len(evs) > 0 {
			d.o.OnRecord(evs)
		}
		return
	case errors.As(err, &unrecorded):
		d.backlog, d.unrecorded = nil, unrecorded.Events
	default:
		d.backlog = fns
	}
	d.retryLater(err, kept)
}

// retryLater logs a failed write (once, while kept changes wait) and
// makes sure a retry comes.
func (d *daemon) retryLater(err error, kept int) {
	if kept == 0 {
		d.log.Error("cannot write the state or the history; keeping the changes in memory and retrying", "err", err)
	}
	d.qmu.Lock()
	defer d.qmu.Unlock()
	if d.retry == nil {
		d.retry = time.AfterFunc(d.o.WriteRetry, func() {
			d.qmu.Lock()
			d.retry = nil
			if d.writing {
				// The goroutine writing now tries what is kept with its
				// batch, and arms the next retry if that fails.
				d.qmu.Unlock()
				return
			}
			d.retryNow = true
			d.writing = true
			d.qmu.Unlock()
			d.write()
		})
	}
}

// setProblem records msg as the daemon's problem about key, or clears it
// when msg is empty; the file is written only when that changes anything.
func (d *daemon) setProblem(key, msg string) {
	err := d.store.Update(func(st *state.State) error {
		if !st.SetProblem(key, msg) {
			return state.ErrUnchanged
		}
		return nil
	})
	if err != nil {
		d.log.Error("cannot write the state", "err", err)
	}
}

// send delivers m without blocking the engine. A message about an instant
// that no way could show (no session bus: only the log has it) is recorded
// as missed; one held or shown is recorded when the notifier says so.
func (d *daemon) send(ctx context.Context, m notify.Message) {
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		err := d.notifier.Notify(ctx, m)
		if err == nil || ctx.Err() != nil {
			return
		}
		// The notifier logs each kind of failure once; no line per reminder.
		d.log.Debug("notification not shown", "reminder", m.Reminder, "err", err)
		if m.Scheduled.IsZero() || m.Step != 0 {
			return
		}
		why := notShownReason(err)
		d.change(func(st *state.State) []state.Event {
			st.SetProblem(state.ProblemNotifications, "reminders cannot be shown: "+why)
			evs, _ := st.Apply(state.Step{Reminder: m.Reminder, Scheduled: m.Scheduled, Kind: state.Missed, At: d.o.Clock.Now(),
				Detail: "never shown: " + why})
			return evs
		})
	}()
}

// notShownReason says in a few words why the notifier could show nothing.
func notShownReason(err error) string {
	switch {
	case errors.Is(err, notify.ErrNoSessionBus):
		return "no session bus (only the log has it)"
	case errors.Is(err, notify.ErrNoServer):
		return "no notification server (only the log has it)"
	case errors.Is(err, notify.ErrInhibited):
		return "do not disturb"
	}
	return "no notification server answered (only the log has it)"
}

// respond acts on the notifier's news of a message (shown, held, missed)
// and on the user's answers to it, through the lifecycle of the instant
// the message is about. News of a routine's steps is not news of the
// reminder.
func (d *daemon) respond(resp notify.Response) { d.respondFrom(resp, "button") }

// respondFrom is respond for an answer from source: "button" (the
// desktop), or the name of the channel it came through (the phone).
func (d *daemon) respondFrom(resp notify.Response, source string) {
	if resp.Scheduled.IsZero() {
		return // a message about bedtime itself, such as a schedule error
	}
	now := d.o.Clock.Now()
	name := resp.Reminder
	if resp.Step != 0 {
		switch resp.Action {
		case notify.Missed:
			d.log.Info("a routine step was not shown", "reminder", name, "step", resp.Step)
		case notify.Stop:
			d.stopRoutines(name)
		}
		return
	}
	step := state.Step{Reminder: name, Scheduled: resp.Scheduled, At: now}
	var snoozeAt time.Time
	var answer diary.Entry
	var answered bool
	extra := func(*state.State) {}
	switch resp.Action {
	case notify.Shown:
		step.Kind, step.Via, step.Popup = state.Shown, resp.Via, resp.Popup
		extra = func(st *state.State) { st.SetProblem(state.ProblemNotifications, "") }
	case notify.Held:
		step.Kind, step.Detail = state.Held, resp.Detail
		if resp.Detail != "do not disturb" {
			extra = func(st *state.State) {
				st.SetProblem(state.ProblemNotifications, "reminders are held: "+resp.Detail)
			}
		}
	case notify.Missed:
		step.Kind, step.Detail = state.Missed, resp.Detail
	case notify.Done:
		step.Kind, step.Source = state.Done, source
	case notify.Start:
		// Doing the routine is doing the reminder.
		step.Kind, step.Source = state.Done, "routine started"
	case notify.Snooze:
		d.mu.Lock()
		s := d.schedule
		d.mu.Unlock()
		snooze := config.DefaultSnooze
		if s != nil {
			if r, ok := s.Reminder(name); ok {
				snooze = r.Snooze
			}
		}
		snoozeAt = now.Add(snooze)
		step.Kind, step.Source, step.Detail = state.Snoozed, source, durfmt.Format(snooze)
		extra = func(st *state.State) { st.Snoozes[name] = snoozeAt }
	case notify.Dismissed:
		step.Kind = state.Dismissed
	case notify.Expired:
		step.Kind = state.Expired
	default:
		i, ok := resp.Action.Choice()
		if !ok {
			return
		}
		d.mu.Lock()
		s := d.schedule
		d.mu.Unlock()
		var r config.Reminder
		if s != nil {
			r, _ = s.Reminder(name)
		}
		if answer, answered = diaryAnswer(r, resp.Scheduled, now, i, source); !answered {
			d.log.Info("an answer to no question", "reminder", name, "action", resp.Action.String())
			return
		}
		// Answering the question is doing the reminder.
		step.Kind, step.Source = state.Done, source
	}
	if answered {
		// The diary first, whether or not the instant is still open: a
		// second answer (the phone after the desktop) is a correction.
		d.recordAnswer(answer)
	}
	// The notifier's dispatcher is not held up by the write: answers that
	// come while one is under way are written together after it.
	var applied bool
	var once sync.Once
	d.submit(func(st *state.State) []state.Event {
		evs, err := st.Apply(step)
		once.Do(func() { applied = err == nil }) // the first run decides
		if err != nil {
			d.log.Info("answer not applied", "reminder", name, "action", resp.Action.String(), "why", err.Error())
			return nil
		}
		extra(st)
		return evs
	}, func() {
		if !applied {
			return
		}
		if answered {
			d.engine.SetOnce(name, time.Time{})
		}
		switch resp.Action {
		case notify.Shown, notify.Held:
			d.log.Debug(resp.Action.String(), "reminder", name, "via", resp.Via, "why", resp.Detail)
			return
		case notify.Done:
			d.engine.SetOnce(name, time.Time{})
		case notify.Start:
			d.engine.SetOnce(name, time.Time{})
			d.playRoutine(name, resp.Scheduled)
		case notify.Snooze:
			d.engine.SetOnce(name, snoozeAt)
		}
		d.log.Info(resp.Action.String(), "reminder", name, "scheduled", resp.Scheduled.Format(time.RFC3339))
	})
}

// playRoutine plays the guided routine of the named reminder, one
// notification per step, each replacing the one before, with a Stop
// button. A routine of the same reminder already playing is stopped first.
func (d *daemon) playRoutine(name string, scheduled time.Time) {
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
	p := &routine.Player{Out: io.Discard, Warn: io.Discard, Notifier: d.notifier, Clock: d.o.Clock, Scheduled: scheduled, Sound: r.Sound}
	ctx, cancel := context.WithCancel(ctx)
	me := &playing{stop: cancel}
	d.mu.Lock()
	if other := d.routines[name]; other != nil {
		other.stop()
	}
	d.routines[name] = me
	d.mu.Unlock()
	d.sends.Add(1)
	go func() {
		defer d.sends.Done()
		defer cancel()
		d.log.Info("routine started", "reminder", name, "routine", r.Routine)
		err := p.Play(ctx, rt)
		d.mu.Lock()
		if d.routines[name] == me {
			delete(d.routines, name)
		}
		d.mu.Unlock()
		switch {
		case err == nil:
			d.log.Info("routine finished", "reminder", name)
		case d.ctx.Err() == nil:
			d.log.Info("routine stopped", "reminder", name)
		}
	}()
}

// playing is a guided routine the daemon plays.
type playing struct{ stop context.CancelFunc }

// stopRoutines stops the routines playing, those of name or, with an empty
// name, all. It reports how many it stopped.
func (d *daemon) stopRoutines(name string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for r, p := range d.routines {
		if name == "" || r == name {
			p.stop()
			delete(d.routines, r)
			n++
		}
	}
	return n
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
	// An instant marked done before it fired (`bedtime done` within its
	// grace) is not fired after.
	for name, t := range st.Last {
		if last, ok := d.engine.Last(name); ok && t.After(last) {
			d.engine.SetLast(name, t)
		}
	}
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
	stopRoutines := st.RoutineStop.After(d.routineStop)
	d.routineStop = st.RoutineStop
	var answered []string // answered elsewhere since the daemon last looked
	if d.outcomes != nil {
		for name, o := range st.Closed {
			if prev, ok := d.outcomes[name]; o.Kind == state.Done && (!ok || !prev.At.Equal(o.At) || prev.Kind != o.Kind) {
				answered = append(answered, name)
			}
		}
	}
	d.outcomes = maps.Clone(st.Closed)
	var snoozed []string // snoozed elsewhere: off the screen until it comes again
	if d.opens != nil {
		for name, in := range st.Open {
			if prev, ok := d.opens[name]; in.Status == state.Snoozed && (!ok || prev.Status != in.Status || !prev.Since.Equal(in.Since)) {
				snoozed = append(snoozed, name)
			}
		}
	}
	d.opens = maps.Clone(st.Open)
	d.mu.Unlock()
	for _, name := range snoozed {
		d.log.Info("snooze", "reminder", name, "scheduled", st.Open[name].Scheduled.Format(time.RFC3339), "from", "command line")
		d.withdraw(name)
	}
	if stopRoutines {
		d.log.Info("routines stopped", "count", d.stopRoutines(""), "from", "command line")
	}
	for _, name := range answered {
		o := st.Closed[name]
		d.log.Info("done", "reminder", name, "scheduled", o.Scheduled.Format(time.RFC3339), "from", "command line")
		d.engine.SetOnce(name, time.Time{})
		d.withdraw(name)
	}
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

// withdraw takes the named reminder's notification off the screen.
func (d *daemon) withdraw(name string) {
	if w, ok := d.notifier.(notify.Withdrawer); ok && d.ctx != nil {
		if err := w.Withdraw(d.ctx, name); err != nil {
			d.log.Debug("cannot close the notification", "reminder", name, "err", err)
		}
	}
}

// adoptPopups hands the notifier the popups an earlier process showed and
// left unanswered, so that a done closes them and their buttons answer.
func (d *daemon) adoptPopups(ctx context.Context, st state.State) {
	a, ok := d.notifier.(notify.Adopter)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second) // a hung bus does not hold up the start
	defer cancel()
	for name, in := range st.Open {
		if in.Status != state.Shown || in.Popup == "" {
			continue
		}
		if a.Adopt(ctx, name, in.Scheduled, in.Popup) {
			d.log.Info("popup taken back", "reminder", name, "scheduled", in.Scheduled.Format(time.RFC3339))
		}
	}
}
