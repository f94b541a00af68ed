package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// statusNotRunning is the exit status of "bedtime status" when bedtime does
// not run (as "systemctl status" does for an inactive unit).
const statusNotRunning = 3

func newStatusCmd(app *App) *cobra.Command {
	var asJSON, ascii bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Say whether bedtime is running, what comes next and how today went",
		Long: `status says whether bedtime is installed as a service and running (with its
process id and since when), which service manager it uses and where the
service is defined, which schedule it uses, whether it is paused, the next
five reminders, a picture of today with a mark per reminder (done, shown,
missed, skipped, still due) and the daemon's last errors. It exits with
status 3 when bedtime is not running.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := app.services().Status(cmd.Context())
			if err != nil {
				return app.errorf("cannot read the bedtime service's status: %v", err)
			}
			// A bedtime started by hand (or by a session's autostart)
			// is found by its lock.
			byHand := false
			if pid, since, ok := app.runningDaemon(); ok && (!st.Running || st.PID == pid) {
				// An installed service that does not run: this one was
				// started by hand, and the service's state is said too.
				byHand = st.Installed && !st.Running
				st.Running, st.PID = true, pid
				if st.Since == "" && !since.IsZero() {
					st.Since = since.In(time.Local).Format("Mon 2006-01-02 15:04:05 MST")
				}
				// When the manager's words for it cannot be read, the
				// lock tells when the daemon took it: as good for --json.
				if st.Started.IsZero() {
					st.Started = since
				}
			}
			if st.ConfigPath == "" {
				if spec, err := resolveServiceSpec(app); err == nil {
					st.ConfigPath = spec.ConfigPath
				} else if path, err := app.schedulePath(); err == nil {
					st.ConfigPath = path
				}
			}
			now := app.now()
			info := gatherStatus(app, st.ConfigPath, now)
			if !st.Running {
				// Where the person is was the daemon's to see: what it
				// last saw is not now.
				info.Presence = nil
			}
			if asJSON {
				// For programs: English, and the next firing as data.
				if err := writeStatusJSON(app.Stdout, st, info); err != nil {
					return err
				}
				if !st.Running {
					return exitError{statusNotRunning}
				}
				return nil
			}
			l := info.Locale
			next := l.Sprintf("unknown")
			nextReminder := app.NextReminder
			if nextReminder == nil {
				nextReminder = func(ctx context.Context, configPath string, now time.Time) (string, error) {
					var plan state.State // skips, pauses and snoozes; none when unreadable
					if store, err := app.openStore(); err == nil {
						plan, _ = store.Load()
					}
					return describeNextIn(ctx, l, configPath, plan, now)
				}
			}
			switch {
			case info.ScheduleBroken && st.Running && info.Partial:
				// It started with the file broken and runs the reminders
				// without errors.
				next = l.Sprintf("unknown: the running bedtime runs only the reminders without errors until the schedule file is fixed")
			case info.ScheduleBroken && st.Running && info.NoSchedule:
				// It started with the file broken: it has none.
				next = l.Sprintf("none: the running bedtime shows no reminders until the schedule file is fixed")
			case info.ScheduleBroken && st.Running:
				// It runs what it had; the state does not say what that
				// holds, and a guess from the broken file would not be it.
				next = l.Sprintf("unknown: the running bedtime keeps its previous schedule until the file is fixed, and status cannot read it")
			case st.ConfigPath != "":
				if n, err := nextReminder(cmd.Context(), st.ConfigPath, now); err != nil {
					next = l.Sprintf("unknown: %s", err.Error())
				} else {
					next = n
				}
			}
			// The shell's default may not be the service's file: a unit
			// installed with --config, or the package's unit, which reads
			// the default of the user manager's environment.
			shell := ""
			if app.ConfigPath == "" && st.ConfigPath != "" {
				if p, err := app.schedulePath(); err == nil && p != st.ConfigPath {
					shell = p
				}
			}
			writeStatus(app.Stdout, l, st, byHand, next, shell)
			writeStatusInfo(app.Stdout, info, markSet(ascii))
			if !st.Running {
				return exitError{statusNotRunning}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	cmd.Flags().BoolVar(&ascii, "ascii", false, "draw today's strip with ASCII characters only")
	return cmd
}

// writeStatus prints st for people, next being the next reminder's
// description, and shell the schedule file commands read here without
// --config when it is not the service's ("" when it is); writeStatusInfo
// (stats.go) prints the rest. byHand says
// that the bedtime running was started by hand while the installed
// service does not run (st.State says how it stands). The "service"
// line says which mechanism is in use, installed or not, so that "not
// installed" is never followed by "install is impossible here".
func writeStatus(w io.Writer, l *locale.Locale, st serviceStatus, byHand bool, next, shell string) {
	lb := statusLabels(l)
	l = lb.l
	unknown := func(s string) string {
		if s == "" {
			return l.Sprintf("unknown")
		}
		return s
	}
	pid := strconv.Itoa(st.PID)
	none := st.Manager == "none"
	switch {
	case st.Installed && st.Running && byHand:
		fmt.Fprintln(w, l.Sprintf("bedtime: running (pid %s since %s), started by hand; the installed service does not run (%s)", pid, unknown(sinceIn(l, st.Since)), unknown(st.State)))
	case st.Installed && st.Running:
		fmt.Fprintln(w, l.Sprintf("bedtime: installed, running (pid %s since %s)", pid, unknown(sinceIn(l, st.Since))))
	case st.Installed && (st.State == "" || st.State == "not running"):
		// The autostart entry and the Run key have no state but this.
		fmt.Fprintln(w, l.Sprintf("bedtime: installed, not running"))
	case st.Installed:
		fmt.Fprintln(w, l.Sprintf("bedtime: installed, not running (%s)", unknown(st.State)))
	case st.Running && none:
		fmt.Fprintln(w, l.Sprintf("bedtime: running (pid %s since %s), started by hand", pid, unknown(sinceIn(l, st.Since))))
	case st.Running:
		fmt.Fprintln(w, l.Sprintf("bedtime: running (pid %s since %s), but not installed as a service", pid, unknown(sinceIn(l, st.Since))))
	case none:
		fmt.Fprintln(w, l.Sprintf("bedtime: not running"))
	default:
		fmt.Fprintln(w, l.Sprintf(`bedtime: not installed as a service (run "bedtime install")`))
	}
	switch {
	case none:
		fmt.Fprintf(w, "%s%s\n", lb.of("service:"), st.State)
	case st.Installed:
		what := managerIn(l, st.Manager)
		if st.Enabled != "" {
			what += ", " + managerIn(l, st.Enabled)
		}
		fmt.Fprintf(w, "%s%s (%s)\n", lb.of("unit:"), st.UnitPath, what)
	case st.Manager == vendorManager:
		// The package's file is there: install enables it and writes none.
		fmt.Fprintf(w, "%s%s\n", lb.of("service:"), l.Sprintf("%s; install enables %s", managerIn(l, st.Manager), st.UnitPath))
	default:
		fmt.Fprintf(w, "%s%s\n", lb.of("service:"), l.Sprintf("%s; install writes %s", managerIn(l, st.Manager), st.UnitPath))
	}
	fmt.Fprintf(w, "%s%s\n", lb.of("schedule:"), unknown(st.ConfigPath))
	if shell != "" {
		fmt.Fprintf(w, "%s%s\n", lb.cont(), l.Sprintf("the service reads this file; without --config, commands here read %s", shell))
	}
	fmt.Fprintf(w, "%s%s\n", lb.of("next:"), next)
}

// describeNext is status's "next" line: "magnesium at Wed 25 Nov 20:30
// (in 2h 05m)", the first firing that will be shown after now as plan's
// skips, pause and snoozes say. It is English, as in status --json;
// describeNextIn says it in a language.
func describeNext(ctx context.Context, configPath string, plan state.State, now time.Time) (string, error) {
	return describeNextIn(ctx, locale.English, configPath, plan, now)
}

// describeNextIn is describeNext in l's language.
func describeNextIn(ctx context.Context, l *locale.Locale, configPath string, plan state.State, now time.Time) (string, error) {
	s, err := config.LoadOrDefault(configPath, time.Local)
	if err != nil {
		return "", errors.New(l.Sprintf("the schedule file has errors; run `bedtime validate`"))
	}
	next, ok := plan.NextShown(s.Jobs(), now)
	if !ok {
		return l.Sprintf("none (every reminder is disabled)"), nil
	}
	at := next.At.In(s.Location)
	line := l.Sprintf("%s at %s (in %s)", next.Reminder, l.ShortDateTime(at), humanDurationIn(l, at.Sub(now)))
	if next.Note != "" {
		line += ", " + l.Sprintf(next.Note)
	}
	return line, nil
}
