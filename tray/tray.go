package tray

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// Shell is the status icon itself: the system's tray (systray.go) or a
// test's fake.
type Shell interface {
	// Run shows the icon, calls ready once it can be updated, and
	// blocks until Quit.
	Run(ready func())
	// Show makes the icon, tooltip and menu those of v; clicks on its
	// items go to the func given to the Shell's constructor.
	Show(v View)
	// Quit removes the icon and makes Run return.
	Quit()
}

// Options are what Run needs.
type Options struct {
	// Store is the state store the commands use.
	Store *state.Store
	// Schedule loads the schedule in use (the file, or the built-in
	// default when there is none).
	Schedule func() (*config.Schedule, error)
	// SchedulePath is the schedule file, watched for changes; empty for
	// none.
	SchedulePath string
	// Clock is the wall clock.
	Clock scheduler.Clock
	// Running returns the process id of the running bedtime daemon.
	Running func() (pid int, ok bool)
	// Launcher opens the editor, starts bedtime and opens the report.
	Launcher Launcher
	// Report says whether there is a report to open; nil means there is
	// never one (the menu has no item for it).
	Report func() bool
	// History returns the person's record from since on, for today's
	// list: with several computers, this computer's history merged with
	// the others' (as status shows it), so that an instant another
	// computer showed reads as shown here too. nil means Store.History,
	// this computer's alone.
	History func(since time.Time) ([]state.Event, error)
	// NewShell makes the shell; clicks are to be sent to click. nil means
	// the system's tray (NewSystray).
	NewShell func(click func(Action)) Shell
	// Logger gets the tray's warnings.
	Logger *slog.Logger
	// ProblemIn puts one of the daemon's problems in a person's language
	// (daemon.ProblemIn); nil shows them in English, as the state keeps
	// them.
	ProblemIn func(l *locale.Locale, text string) string
}

// ErrNotBuilt is returned by Run where the tray is not built (macOS,
// which needs cgo).
var ErrNotBuilt = errors.New("the tray is not built for this system")

// debounce gathers the burst of file events one change makes (a temporary
// file, a rename, the history's append) into one refresh.
const debounce = 20 * time.Millisecond

// Run shows the status icon until ctx ends or the person quits it from
// the menu. It watches the state directory and the schedule file, and
// shows each change at once; between changes it only wakes to keep the
// tooltip's "in 1 h 05 m" true (at each minute it would change) and when
// a pause ends.
func Run(ctx context.Context, o Options) error {
	if o.NewShell == nil {
		o.NewShell = NewSystray
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.NewShell == nil {
		return ErrNotBuilt
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch the state directory: %w", err)
	}
	defer w.Close()
	if err := w.Add(o.Store.Dir()); err != nil {
		return fmt.Errorf("cannot watch the state directory: %w", err)
	}
	// And the directory it is in, to see it made anew after it was
	// removed while bedtime runs (the daemon makes it again): its watch
	// goes with the old one, and loop adds it again.
	if err := w.Add(filepath.Dir(o.Store.Dir())); err != nil {
		o.Logger.Debug("cannot watch the state directory's parent", "path", filepath.Dir(o.Store.Dir()), "err", err)
	}
	if o.SchedulePath != "" {
		// The directory, not the file: editors and `bedtime edit` save
		// by renaming, and the file may not exist yet.
		if err := w.Add(filepath.Dir(o.SchedulePath)); err != nil {
			o.Logger.Warn("cannot watch the schedule's directory", "path", filepath.Dir(o.SchedulePath), "err", err)
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	clicks := make(chan Action, 8)
	shell := o.NewShell(func(a Action) {
		select {
		case clicks <- a:
		case <-ctx.Done():
		}
	})
	loopDone := make(chan error, 1)
	shell.Run(func() {
		go func() {
			err := loop(ctx, o, shell, w, clicks)
			shell.Quit()
			loopDone <- err
		}()
	})
	cancel()
	select {
	case err := <-loopDone:
		return err
	case <-time.After(time.Second):
		return nil
	}
}

// loop refreshes the view on every change until ctx ends or Quit is clicked.
func loop(ctx context.Context, o Options, shell Shell, w *fsnotify.Watcher, clicks <-chan Action) error {
	ctl := &Controller{Store: o.Store, Schedule: o.Schedule, Clock: o.Clock, Launcher: o.Launcher}
	var (
		last      View
		shown     bool
		lastErr   string
		exited    <-chan struct{}
		stopWatch = func() {}
		watchedID int
	)
	defer func() { stopWatch() }()
	stateDir, _ := os.Stat(o.Store.Dir()) // the directory watched
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	var settle <-chan time.Time // the debounce after a file event

	refresh := func() {
		// A state directory made anew is watched anew.
		if fi, err := os.Stat(o.Store.Dir()); err == nil && (stateDir == nil || !os.SameFile(fi, stateDir)) {
			_ = w.Remove(o.Store.Dir()) // the old one's watch, if still listed
			if err := w.Add(o.Store.Dir()); err != nil {
				o.Logger.Warn("cannot watch the state directory", "path", o.Store.Dir(), "err", err)
			} else {
				stateDir = fi
			}
		}
		in, wake := gather(o, lastErr)
		v := Build(in)
		if !shown || !v.Equal(last) {
			shell.Show(v)
			last, shown = v, true
		}
		// Follow the daemon's process, so that its end shows at once
		// even when it was killed and could not tidy up.
		pid, _ := o.Running()
		if in.Running && pid != watchedID {
			stopWatch()
			exited, stopWatch = watchExit(pid)
			watchedID = pid
		} else if !in.Running && watchedID != 0 {
			stopWatch()
			exited, stopWatch, watchedID = nil, func() {}, 0
		}
		timer.Reset(wake.Sub(o.Clock.Now()))
	}
	refresh()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if relevant(o, ev) && settle == nil {
				settle = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			o.Logger.Warn("watching for changes failed", "err", err)
			refresh()
		case <-settle:
			settle = nil
			refresh()
		case <-exited:
			stopWatch()
			exited, stopWatch, watchedID = nil, func() {}, 0
			refresh()
		case <-timer.C:
			refresh()
		case a := <-clicks:
			err := ctl.Do(a)
			if errors.Is(err, ErrQuit) {
				return nil
			}
			lastErr = ""
			if err != nil {
				o.Logger.Warn("menu action failed", "action", a.Kind, "reminder", a.Reminder, "err", err)
				lastErr = err.Error()
			}
			refresh()
		}
	}
}

// relevant reports whether a file event may change what the tray shows:
// the state, the history, the daemon's pid file, the cramp diary (there
// is a report to open), or the schedule.
func relevant(o Options, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Base(ev.Name)
	if filepath.Clean(ev.Name) == filepath.Clean(o.Store.Dir()) {
		return true // the directory itself: removed, or made anew
	}
	if filepath.Dir(ev.Name) == filepath.Clean(o.Store.Dir()) {
		switch name {
		case "state.json", "history.jsonl", "daemon.lock.pid", "daemon.lock", "diary.jsonl":
			return true
		}
		return false
	}
	return o.SchedulePath != "" && name == filepath.Base(o.SchedulePath)
}

// gather reads what the view is built from, and says when the view
// changes by the clock alone: the next minute the tooltip's countdown
// changes, the end of a pause, or the next firing.
func gather(o Options, lastErr string) (Input, time.Time) {
	now := o.Clock.Now()
	in := Input{Now: now, LastError: lastErr, ProblemIn: o.ProblemIn}
	_, in.Running = o.Running()
	if o.Report != nil {
		in.Report = o.Report()
	}
	s, err := o.Schedule()
	// The schedule's language:, else the environment's (s may be nil).
	in.Locale = s.Locale(os.Getenv)
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			in.Locale = es.Locale(os.Getenv) // the broken file's language: key, if readable
			in.ScheduleProblem = in.Locale.Sprintf("the schedule file has errors (`bedtime validate`)")
		} else {
			in.ScheduleProblem = in.Locale.Sprintf("cannot read the schedule: %s", err.Error())
		}
	} else {
		in.Schedule = s
	}
	loc := time.Local
	if s != nil {
		loc = s.Location
	}
	st, err := o.Store.Load()
	if err != nil {
		in.StateProblem = err.Error()
	}
	in.State = st
	t := now.In(loc)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	history := o.History
	if history == nil {
		history = o.Store.History
	}
	if in.Events, err = history(day.AddDate(0, 0, -1)); err != nil && in.StateProblem == "" {
		in.StateProblem = err.Error()
	}
	return in, wakeAt(in, loc)
}

// wakeAt is the next instant the view changes with no file changing: the
// next change of the tooltip's countdown to the next firing (by the
// minute, by the second in its last minute), the end of a pause, or
// midnight (today's list). With nothing to count down it is an hour away.
func wakeAt(in Input, loc *time.Location) time.Time {
	now := in.Now
	wake := now.Add(time.Hour)
	if in.Schedule != nil {
		if c := in.State.Next(in.Schedule.Jobs(), now, 1); len(c) > 0 {
			d, unit := c[0].At.Sub(now), time.Minute
			if d <= time.Minute {
				unit = time.Second
			}
			r := d % unit
			if r <= 0 {
				r = unit
			}
			wake = now.Add(r)
		}
	}
	if p := in.State.PausedUntil; p.After(now) && p.Before(wake) {
		wake = p
	}
	t := now.In(loc)
	// The next day's first instant: time.Date's midnight may be an hour
	// before it (and past) where the clocks jump at 00:00.
	if mid := scheduler.DayStart(t, 1); mid.Before(wake) {
		wake = mid
	}
	return wake
}
