package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/texts"
	"github.com/bedtime-app/bedtime/userlock"
)

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
	badSince string // the first error of the invalid file last told of, without its place
	// badNotice is the notice of the invalid file last read, held until
	// the file has been still for badSettle; nil when there is none.
	badNotice *badNotice
	badRead   chan struct{} // an invalid file was read: badSettle starts again
	// routines stop the guided routines playing, by reminder.
	routines map[string]*playing
	// away is the person's presence and the reminders held for them.
	away *away
	// busy says whether the person is in a call or watching fullscreen.
	busy Busy
	// disp delivers to the schedule's other channels (the phone); nil
	// while the schedule has none.
	disp  *channel.Dispatcher
	local *time.Location // the system's zone, for a schedule without timezone
	ctx   context.Context

	// w writes every change to the state and the history, and holds the
	// daemon's view of the state.
	w *writer

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
		store: store, local: SystemZone(o.ZoneFile), routines: map[string]*playing{}, badRead: make(chan struct{}, 1)}
	// What was handled before a restart is not handled again; what came
	// due while bedtime was not running fires once if within its grace.
	st, err := store.Load()
	if err != nil {
		log.Warn("cannot read the state; starting afresh", "err", err)
	}
	d.w = newWriter(store, log, o.WriteRetry, o.OnRecord, st)
	// The engine asks the state what was handled; the writer pokes it when
	// the state changed.
	d.engine = scheduler.NewEngineWith(nil, stateBook{d.w})
	d.engine.SetLogger(log)
	d.w.onChange = d.engine.Poke
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
	d.openBusy(ctx)
	defer d.busy.Close()
	d.reload(ctx, "start")
	d.bg.Add(1)
	go d.settleBad(ctx)
	d.applyControl(startView(st), st)
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
	for path, fn := range o.AlsoWatch {
		watched[filepath.Clean(path)] = fn
	}
	watch := o.Watch
	if watch == nil {
		watch = d.watch
	}
	if err := watch(ctx, watched); err != nil {
		log.Warn("cannot watch the schedule and state files; reload with SIGHUP", "err", err)
	}

	from := d.path
	if d.builtin {
		from = "built-in default"
	}
	log.Info("bedtime started", "version", o.Version, "pid", os.Getpid(), "config", from)
	if o.Ready != nil {
		o.Ready()
	}
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
	if left := d.w.stop(); left > 0 {
		log.Error("stopping with changes that could not be written", "changes", left)
	}
	log.Info("bedtime stopped")
	return keep.stopped()
}

// firing is the daemon's plan for one event of the engine.
type firing struct {
	ev    scheduler.Event
	r     config.Reminder
	attrs []any
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
		s = &config.Schedule{}
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
	var gone []scheduler.Event // of reminders a reload just removed
	for _, ev := range events {
		r, ok := lookup(ev.Job)
		if !ok {
			gone = append(gone, ev)
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
		plans = append(plans, f)
	}
	// The decisions (show it? which instant?) are made once, on the
	// state; what they change is written, or kept and written later.
	// Every event is recorded, so that the engine, which asks the state,
	// does not hand it over again.
	d.w.change(func(tx *state.Tx) {
		for _, f := range plans {
			d.step(tx, f)
		}
		for _, ev := range gone {
			record(tx, ev)
		}
	})
	for _, f := range plans {
		d.fire(ctx, s, f)
	}
}

// step decides what one event of the engine changes in the state.
func (d *daemon) step(tx *state.Tx, f *firing) {
	ev := f.ev
	apply := func(step state.Step) bool {
		step.Reminder, step.At = ev.Job, ev.At
		if _, err := tx.Step(step); err != nil {
			d.log.Info("not shown again", "reminder", ev.Job, "why", err.Error())
			return false
		}
		return true
	}
	f.show = false
	// A snooze or a repeat shows the open instant again only while the
	// state still asks for it: a scheduled instant handed over in the same
	// batch (it came due with the snooze, or the computer slept past
	// both) ended the snoozed instant and opened its own, which is not
	// shown twice; an answer meanwhile took the snooze off.
	asked := tx.Snooze(ev.Job).Equal(ev.Scheduled)
	record(tx, ev)
	if ev.Once {
		if !asked {
			f.instant = time.Time{} // ended meanwhile: nothing to show
			return
		}
		c, closed := tx.Closed(ev.Job)
		if in, ok := tx.Open(ev.Job); ok {
			f.instant = in.Scheduled
		} else if closed && (c.Kind == state.Dismissed || c.Kind == state.Expired) && f.r.RepeatEvery > 0 {
			f.instant = c.Scheduled // repeat until done, though dismissed
		} else if !closed {
			// A snooze of version one, which kept no instants: it showed
			// the last one it handled again, or, with none, one of its own.
			if f.instant = tx.Last(ev.Job); f.instant.IsZero() {
				f.instant = ev.Scheduled
			}
		} else {
			f.instant = time.Time{} // done meanwhile: nothing to show
			return
		}
	} else {
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
		if f.show && f.r.RepeatEvery > 0 {
			// repeat_until_done: the count of repeats is the state's, so
			// that repeat_max holds across a restart.
			n := 0
			if ev.Once {
				n = tx.Repeats(ev.Job) + 1
			}
			tx.SetRepeats(ev.Job, n)
			if n < f.r.RepeatMax {
				tx.SetSnooze(ev.Job, ev.At.Add(f.r.RepeatEvery))
			}
		}
	}
}

// record records in the state what the engine needs to know of an event
// it handed over: the instant handled, a skip that passed, a snooze shown
// or replaced by this instant. A snooze handed over is taken off only if
// it is still the one in the state: one moved meanwhile (bedtime snooze,
// another computer) stays.
func record(tx *state.Tx, ev scheduler.Event) {
	if ev.Once {
		if tx.Snooze(ev.Job).Equal(ev.Scheduled) {
			tx.SetSnooze(ev.Job, time.Time{})
		}
		return
	}
	tx.SetSnooze(ev.Job, time.Time{})
	tx.SetLast(ev.Job, ev.Scheduled)
	if skip := tx.Skip(ev.Job); !skip.IsZero() && !ev.Scheduled.Before(skip) {
		tx.SetSkip(ev.Job, time.Time{})
	}
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
	routineTitle := ""
	rt, hasRoutine := s.RoutineIn(speaks(s).Lang, r.Routine)
	if hasRoutine {
		routineTitle = rt.Title
	}
	lang := speaks(s)
	t := d.texts.TextIn(lang.Lang, r, f.instant, routineTitle)
	d.log.Info("fired", f.attrs...)
	grace := max(r.CatchUp, 5*time.Minute)
	m := notify.Message{Reminder: r.Name, Title: t.Title, Body: t.Body, Deadline: ev.At.Add(grace), Start: hasRoutine,
		Scheduled: f.instant, Expire: expireOf(r.Stay), Sound: r.Sound, Choices: questionChoices(r)}
	localize(&m, lang)
	others, desktop := otherChannels(r)
	phone := d.o.Devices == nil || d.o.Devices.SendsToPhone()
	if phone {
		d.sendChannels(f, lang, t.Title, t.Body, others)
	}
	if !desktop {
		return // only elsewhere: the channels say when it is shown
	}
	if d.electedElsewhere(ctx, f, m) {
		return
	}
	if !d.awayDecision(ctx, f, m) {
		if r.WhenAway == config.WhenAwayPhone && !f.busy && phone {
			// Held on the desktop; on the phone now (not in a call).
			d.sendChannels(f, lang, t.Title, t.Body, slices.DeleteFunc(phoneChannels(s, r), func(c string) bool { return slices.Contains(others, c) }))
		}
		return // held until the person is back, or skipped
	}
	d.send(ctx, m)
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
		d.w.change(func(tx *state.Tx) {
			tx.SetProblem(state.ProblemNotifications, fmt.Sprintf(cannotShowProblem, why))
			tx.Step(state.Step{Reminder: m.Reminder, Scheduled: m.Scheduled, Kind: state.Missed, At: d.o.Clock.Now(),
				Detail: "never shown: " + why})
		})
	}()
}

// notShownReason says in a few words why the notifier could show nothing.
func notShownReason(err error) string {
	switch {
	case errors.Is(err, notify.ErrNoSessionBus):
		return reasonNoBus
	case errors.Is(err, notify.ErrNoServer):
		return reasonNoServer
	case errors.Is(err, notify.ErrInhibited):
		return "do not disturb"
	}
	return reasonNoAnswer
}
