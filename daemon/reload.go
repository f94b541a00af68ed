package daemon

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// reload loads the schedule file and hands it to the engine. An invalid
// file never replaces a working schedule: the previous one stays, the
// errors are logged and, once the file holds still, the user is told
// once (settleBad).
func (d *daemon) reload(ctx context.Context, why string) {
	var s *config.Schedule
	var src []byte // the file as read, kept as the last good copy
	var err error
	missing := d.builtin
	d.mu.Lock()
	local := d.local
	d.mu.Unlock()
	if d.builtin {
		s = config.DefaultIn(local)
	} else {
		s, src, err = config.LoadSourceOrDefault(d.path, local)
		missing = err == nil && s.Path == ""
	}
	d.mu.Lock()
	prev := d.schedule
	if err != nil {
		// At start, a file with errors would leave no reminders at all:
		// the last good copy stands in (lastgood.go); without one that
		// loads, the file's reminders that have no error (config.SalvageIn).
		var good *config.Schedule
		salvaged := false
		if prev == nil && !d.builtin {
			if good = d.lastGood(local); good == nil {
				good, salvaged = d.salvage(local), true
			}
			if good != nil {
				d.schedule = good
			}
		}
		var es config.Errors
		first, more := err.Error(), 0
		l := speaks(prev)
		tellFirst := first
		if errors.As(err, &es) && len(es) > 0 {
			first, more = es[0].Error(), len(es)-1
			l = speaksErrors(es, prev)
			tellFirst = es[0].In(l)
			for _, e := range es {
				d.log.Error("schedule error", "error", e.Error())
			}
		} else {
			d.log.Error("cannot load the schedule", "error", err)
		}
		if d.o.OnReload != nil {
			defer d.o.OnReload(good)
		}
		// The notice waits until the file has been still for badSettle
		// (settleBad): a save read half-way (truncated, then written)
		// would otherwise tell of an error the save did not have.
		n := &badNotice{key: first, l: l, first: tellFirst, more: more}
		if len(es) > 0 {
			placeless := *es[0]
			placeless.Line, placeless.Column = 0, 0
			n.key = placeless.Error()
		}
		n.problem, n.title = first, l.Sprintf("Your bedtime schedule has an error")
		if more > 0 {
			n.problem = locale.English.Sprintf("%s (and %d more)", first, more)
			n.title = l.Sprintf("Your bedtime schedule has %d errors", more+1)
		}
		n.keeping = "Running the previous schedule until it is fixed."
		switch {
		case prev == nil && good == nil:
			n.keeping = "No reminders until it is fixed."
		case good != nil && salvaged:
			n.keeping = "Running its other reminders until it is fixed."
		}
		d.badNotice = n
		d.mu.Unlock()
		select {
		case d.badRead <- struct{}{}:
		default: // settleBad has one to take already
		}
		keeping := "running the previous schedule until it is fixed"
		switch {
		case good != nil && salvaged:
			keeping = "running the reminders without errors until it is fixed"
			d.setProblem(state.ProblemNoSchedule, "")
			d.setProblem(state.ProblemPartialSchedule, partialScheduleProblem)
		case good != nil:
			keeping = "running the last good copy until it is fixed"
			d.setProblem(state.ProblemNoSchedule, "")
		case prev == nil:
			keeping = "no reminders until it is fixed"
			// Status tells this from a daemon that keeps a schedule.
			d.setProblem(state.ProblemNoSchedule, noScheduleProblem)
		}
		// The state keeps it in English, as status --json gives it;
		// status says it in the person's language (ScheduleProblemIn).
		d.setProblem(state.ProblemSchedule, n.problem)
		d.log.Warn("schedule not loaded", "why", why, "keeping", keeping)
		if good != nil {
			d.engine.SetJobs(good.Jobs())
			d.openPresence(ctx, good.AwayAfter)
			d.useChannels(ctx, good)
			if salvaged {
				d.log.Info("schedule loaded", "why", why, "from", "reminders without errors", "path", d.path, "reminders", len(good.Enabled()))
			} else {
				d.log.Info("schedule loaded", "why", why, "from", "last good copy", "path", filepath.Join(d.o.StateDir, LastGoodName), "reminders", len(good.Enabled()))
			}
		}
		return
	}
	d.schedule = s
	if d.o.OnReload != nil {
		defer d.o.OnReload(s)
	}
	wasBad := d.badSince != ""
	d.badSince, d.badNotice = "", nil
	d.mu.Unlock()
	d.setProblem(state.ProblemSchedule, "")
	d.setProblem(state.ProblemNoSchedule, "")
	d.setProblem(state.ProblemPartialSchedule, "")
	if src != nil {
		d.keepGood(src)
	}
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
		l := speaks(s)
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: l.Sprintf("Your bedtime schedule is fixed"),
			Body: l.Sprintf("The new schedule is in use."), NoActions: true, Urgency: notify.UrgencyLow})
	case missing && !d.builtin && prev != nil && prev.Path != "":
		// In the language of the file that was there: the default has none.
		l := speaks(prev)
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: l.Sprintf("Your bedtime schedule file is gone"),
			Body: l.Sprintf("Using the built-in default schedule until %s is back.", d.path), NoActions: true, Urgency: notify.UrgencyLow})
	}
}

// badSettle is how long the schedule file must stay as it is before the
// daemon tells of its errors. An editor's save is a burst of events that
// the watcher folds into one reload once it has been quiet for the
// debounce; a save whose truncation and writing are further apart (a
// loaded machine, an editor that writes twice) is read half-way, and its
// errors (an empty file, YAML cut short) are not the save's.
const badSettle = 2 * time.Second

// badNotice is what the daemon tells of an invalid schedule file.
type badNotice struct {
	key            string // the first error without its place: told once
	l              *locale.Locale
	first          string // the first error in l's language
	more           int    // how many others
	problem, title string
	keeping        string // catalog key: what the daemon does meanwhile
}

// settleBad tells of the invalid file last read once no other read has
// come for badSettle: one notice for one bad save, however many reads it
// took, and none for a file made valid within that time. A later save
// with the same first error, wherever in the file, tells nothing new; a
// save with another does.
func (d *daemon) settleBad(ctx context.Context) {
	defer d.bg.Done()
	t := time.NewTimer(badSettle)
	t.Stop()
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.badRead:
			t.Reset(badSettle)
			continue
		case <-t.C:
		}
		d.mu.Lock()
		n := d.badNotice
		tell := n != nil && d.badSince != n.key
		if tell {
			d.badSince = n.key
		}
		d.badNotice = nil
		d.mu.Unlock()
		if !tell {
			continue
		}
		body := n.first + "\n"
		if n.more > 0 {
			body += n.l.Sprintf("And %d more: run `bedtime validate` to see them all.", n.more) + "\n"
		}
		body += n.l.Sprintf(n.keeping)
		d.send(ctx, notify.Message{Reminder: "bedtime-schedule", Title: n.title, Body: body, NoActions: true})
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

// setProblem records msg as the daemon's problem about key, or clears it
// when msg is empty; the file is written only when that changes anything
// (or with other changes).
func (d *daemon) setProblem(key, msg string) {
	d.w.change(func(tx *state.Tx) { tx.SetProblem(key, msg) })
}
