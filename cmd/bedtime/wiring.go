package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"

	"time"
)

// checkSchedule is doctor's "schedule file" line.
func checkSchedule(ctx context.Context, app *App) checkResult {
	r := checkResult{Name: "schedule file"}
	path, err := app.schedulePath()
	if err != nil {
		r.Detail, r.Fix = err.Error(), "set --config to the schedule file"
		return r
	}
	s, err := config.LoadOrDefault(path, time.Local)
	switch {
	case err == nil && s.Path == "" && app.ConfigPath != "":
		r.Detail = fmt.Sprintf("no file at %s, which --config names", path)
		r.Fix = fmt.Sprintf("write one with `bedtime init --config %s`, or leave out --config", path)
	case err == nil && s.Path == "":
		r.OK = true
		r.Detail = fmt.Sprintf("none at %s; the built-in default is in use (%s)", path, summary(s, app.now()))
	case err != nil:
		var es config.Errors
		r.Detail = err.Error()
		if errors.As(err, &es) {
			r.Detail = fmt.Sprintf("%d %s, first: %s", len(es), plural(len(es), "error", "errors"), es[0])
		}
		r.Fix = "run `bedtime validate` and correct the file; the daemon keeps its previous schedule meanwhile"
	default:
		r.OK = true
		r.Detail = fmt.Sprintf("%s: %s", path, summary(s, app.now()))
	}
	return r
}

// checkService is doctor's "service" line.
func checkService(ctx context.Context, app *App) checkResult {
	r := checkResult{Name: "service"}
	st, err := app.services().Status(ctx)
	pid, _, byHand := app.runningDaemon()
	switch {
	case err != nil:
		r.Detail, r.Fix = err.Error(), "run `bedtime status` for the service manager's message"
	case st.Installed && st.Running:
		r.OK = true
		r.Detail = fmt.Sprintf("running, pid %d since %s (%s)", st.PID, st.Since, st.Manager)
	case st.Installed:
		r.Detail = fmt.Sprintf("installed (%s) but not running (%s)", st.UnitPath, st.State)
		r.Fix = "run `bedtime start`, and `bedtime status` to see why it stopped"
	case byHand && st.Manager == "none":
		r.OK = true
		r.Detail = fmt.Sprintf("running, pid %d, started by hand (%s)", pid, st.State)
	case byHand:
		r.OK = true
		r.Detail = fmt.Sprintf("running, pid %d, started by hand; not installed (%s)", pid, st.Manager)
	case st.Manager == "none":
		r.Detail, r.Fix = "not running", "start `bedtime run` from your desktop session's autostart"
	default:
		r.Detail, r.Fix = "not installed ("+st.Manager+")", "run `bedtime install` (it starts bedtime now and at every login)"
	}
	return r
}

// describeNext is status's "next" line: "magnesium at Wed 25 Nov 20:30 (in 2h 05m)".
func describeNext(ctx context.Context, configPath string, now time.Time) (string, error) {
	s, err := config.LoadOrDefault(configPath, time.Local)
	if err != nil {
		return "", errors.New("the schedule file has errors; run `bedtime validate`")
	}
	due := scheduler.Upcoming(s.Jobs(), now, 1)
	if len(due) == 0 {
		return "none (every reminder is disabled)", nil
	}
	at := due[0].At.In(s.Location)
	return fmt.Sprintf("%s at %s (in %s)", due[0].Job, at.Format("Mon 02 Jan 15:04"), humanDuration(at.Sub(now))), nil
}

// routineNotifier shows routine steps on the desktop, once each: a step
// that cannot be shown now is not worth holding.
func (app *App) routineNotifier() notify.Notifier {
	log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	n, _, err := app.notifier()(log, nil)
	if err != nil {
		return notify.Log{Logger: log}
	}
	return n
}

// notifier returns the factory of the notifier `bedtime notify` and
// `bedtime routine` show with.
func (app *App) notifier() NotifierFactory {
	if app.Notifier != nil {
		return app.Notifier
	}
	return sendNow
}

// sendNow is the desktop notifier `bedtime notify` and `bedtime routine`
// send with: one attempt, no holding, failures as errors.
func sendNow(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error) {
	d, err := notify.New(notify.Options{Logger: log, RetryFor: -1, OnResponse: onResponse})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}

// scheduleRoutines returns the built-in routines and the schedule file's
// own, which win on a name clash.
func scheduleRoutines(app *App) (map[string]content.Routine, error) {
	all := content.Routines()
	path, err := app.schedulePath()
	if err != nil {
		return nil, err
	}
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil {
		return nil, fmt.Errorf("the schedule file has errors, so its routines are unknown; run `bedtime validate`")
	}
	if s.Path == "" {
		return all, app.checkConfigExists(path)
	}
	maps.Copy(all, s.Routines)
	return all, nil
}
