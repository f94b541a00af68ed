package daemon

import (
	"context"
	"errors"
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
			defer d.o.OnReload(nil)
		}
		tell := d.badSince != first
		d.badSince = first
		d.mu.Unlock()
		keeping, keepingText := "running the previous schedule until it is fixed", "Running the previous schedule until it is fixed."
		if prev == nil {
			keeping, keepingText = "no reminders until it is fixed", "No reminders until it is fixed."
			// Status tells this from a daemon that keeps a schedule.
			d.setProblem(state.ProblemNoSchedule, noScheduleProblem)
		}
		d.log.Warn("schedule not loaded", "why", why, "keeping", keeping)
		if tell {
			// The state keeps it in English, as status --json gives it;
			// status says it in the person's language (ScheduleProblemIn).
			problem, title := first, l.Sprintf("Your bedtime schedule has an error")
			if more > 0 {
				problem = locale.English.Sprintf("%s (and %d more)", first, more)
				title = l.Sprintf("Your bedtime schedule has %d errors", more+1)
			}
			d.setProblem(state.ProblemSchedule, problem)
			body := tellFirst + "\n"
			if more > 0 {
				body += l.Sprintf("And %d more: run `bedtime validate` to see them all.", more) + "\n"
			}
			body += l.Sprintf(keepingText)
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
	d.setProblem(state.ProblemNoSchedule, "")
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
