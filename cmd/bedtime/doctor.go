package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
	"github.com/spf13/cobra"
)

// checkResult is one line of `bedtime doctor`.
type checkResult struct {
	// Name names what was checked, such as "session bus".
	Name string
	// OK reports whether the check passed.
	OK bool
	// Detail says what was found.
	Detail string
	// Fix says what to do about a failed check.
	Fix string
}

// doctorCheck is one check of `bedtime doctor`; it returns one result per
// line it prints (none when it has nothing to say).
type doctorCheck func(ctx context.Context, app *App) []checkResult

// allChecks are the checks of `bedtime doctor`, in the order printed.
func allChecks() []doctorCheck {
	return []doctorCheck{
		checkNotifications,
		one(checkSchedule),
		one(checkService),
		checkTimeZone,
		checkPresence,
		checkBusy,
		checkChannels,
		one(checkTray),
		checkSync,
		checkRecords,
	}
}

// one makes a check of one line a doctorCheck.
func one(f func(context.Context, *App) checkResult) doctorCheck {
	return func(ctx context.Context, app *App) []checkResult {
		return []checkResult{f(ctx, app)}
	}
}

// newDoctorCmd returns `bedtime doctor`: why a user sees no reminders.
func newDoctorCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check that reminders can reach you, and say how to fix what is wrong",
		Long: `doctor checks, one line each, what bedtime needs to show reminders: the
session bus, a notification server on it (with its name, version and whether
it shows Done and Snooze buttons), a test notification, the schedule file,
the background service, the time zone, how bedtime tells whether you are
at the computer (presence), each channel of the schedule (an ntfy server
gets a test message), with sync the folder and the other computers, and
any file bedtime moved aside from its records. Each failed check says how
to fix it. The exit status is 1 when any check fails.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			checks := app.Checks
			if checks == nil {
				checks = allChecks()
			}
			l := app.locale(nil)
			failed := 0
			for _, check := range checks {
				for _, r := range check(cmd.Context(), app) {
					if !r.OK {
						failed++
					}
					fmt.Fprintln(app.Stdout, r.lineIn(l))
				}
			}
			if failed > 0 {
				fmt.Fprintln(app.Stdout)
				fmt.Fprintln(app.Stdout, l.Sprintf("%d checks failed.", failed))
				return exitError{code: 1}
			}
			return nil
		},
	}
}

// line formats r as OK or FAIL, what was checked, what was found and, for a
// failure, the fix.
func (r checkResult) line() string { return r.lineIn(locale.English) }

// lineIn is line in l's language: the name of the check and the word
// "fix" are translated (what was found and the fix were written in it by
// the check); OK and FAIL stay as they are, for grep.
func (r checkResult) lineIn(l *locale.Locale) string {
	name := r.Name
	if slices.Contains(doctorCheckNames, name) {
		name = l.Sprintf(name)
	} else if rest, ok := strings.CutPrefix(name, "channel "); ok {
		name = l.Sprintf("channel %s", rest)
	} else if rest, ok := strings.CutPrefix(name, "device "); ok {
		name = l.Sprintf("device %s", rest)
	}
	if r.OK {
		return "OK   " + l.Sprintf("%s: %s", name, r.Detail)
	}
	return "FAIL " + l.Sprintf("%s: %s; fix: %s", name, r.Detail, r.Fix)
}

// doctorCheckNames are the names of doctor's checks, as catalog keys.
var doctorCheckNames = []string{checkBus, checkServer, checkTest, "schedule file", "service", "time zone",
	"presence", "busy", "tray", "sync folder", "sync key", "records"}

// Names of the notification checks.
const (
	checkBus    = "session bus"
	checkServer = "notification server"
	checkTest   = "test notification"
)

// checkNotifications checks the session bus and the notification server on
// it, and sends a test notification.
func checkNotifications(ctx context.Context, app *App) []checkResult {
	l := app.locale(nil)
	report, err := notify.Probe(ctx)
	noBus := []checkResult{
		{Name: checkServer, Detail: l.Sprintf("not checked without a session bus"), Fix: l.Sprintf("fix the session bus first")},
		{Name: checkTest, Detail: l.Sprintf("not sent without a session bus"), Fix: l.Sprintf("fix the session bus first")},
	}
	switch {
	case errors.Is(err, notify.ErrUnsupported):
		// macOS and Windows: beeep talks to the system notification centre.
		return []checkResult{
			{Name: checkServer, OK: true, Detail: l.Sprintf("the %s notification centre (no Done or Snooze buttons there: use `bedtime done` and `bedtime snooze`)", runtime.GOOS)},
			sendTest(ctx, l),
		}
	case errors.Is(err, notify.ErrNoSessionBus):
		return append([]checkResult{
			{Name: checkBus, Detail: notifyErrIn(l, err), Fix: l.Sprintf("run bedtime inside your desktop session; for a systemd user service run `systemctl --user import-environment DBUS_SESSION_BUS_ADDRESS` from the session, or set DBUS_SESSION_BUS_ADDRESS")},
		}, noBus...)
	}
	bus := checkResult{Name: checkBus, OK: true, Detail: l.Sprintf("%s (from %s)", report.Bus.Address, report.Bus.Source)}
	if errors.Is(err, notify.ErrBus) {
		bus.OK = false
		bus.Detail = l.Sprintf("%s (from %s) does not answer: %s", report.Bus.Address, report.Bus.Source, notifyErrIn(l, err))
		bus.Fix = l.Sprintf("log out and in again, or point DBUS_SESSION_BUS_ADDRESS at the bus of your desktop session")
		return append([]checkResult{bus}, noBus...)
	}
	if err != nil {
		fix := l.Sprintf("log in to a desktop that has one (GNOME, KDE, Xfce), or install and start one such as dunst or mako")
		if errors.Is(err, notify.ErrStartFailed) {
			fix = l.Sprintf("see why with `journalctl --user -b` (a server started outside your graphical session cannot open the display), or start one from your desktop session")
		}
		return []checkResult{
			bus,
			{Name: checkServer, Detail: notifyErrIn(l, err), Fix: fix},
			{Name: checkTest, Detail: l.Sprintf("not sent without a notification server"), Fix: l.Sprintf("start a notification server first")},
		}
	}
	s := report.Server
	actions := l.Sprintf("no (use `bedtime done` and `bedtime snooze`)")
	if report.Actions() {
		actions = l.Sprintf("yes")
	}
	detail := l.Sprintf("%s %s (%s), spec %s; Done/Snooze buttons: %s; capabilities: %s",
		s.Name, s.Version, s.Vendor, s.SpecVersion, actions, strings.Join(report.Capabilities, ", "))
	if report.Inhibited && report.ShowBannersKnown && !report.ShowBanners {
		detail = l.Sprintf("%s; do not disturb is on (GNOME's show-banners setting is off): reminders are held until it ends", detail)
	} else if report.Inhibited {
		detail = l.Sprintf("%s; do not disturb is on: reminders are held until it ends", detail)
	}
	return []checkResult{bus, {Name: checkServer, OK: true, Detail: detail}, sendTest(ctx, l)}
}

// notifyErrs are the notify errors whose words notifyErrIn translates.
var notifyErrs = []error{notify.ErrNoSessionBus, notify.ErrBus, notify.ErrNoServer, notify.ErrStartFailed,
	notify.ErrTimeout, notify.ErrInhibited}

// notifyErrIn returns err's text with the words of the notify errors it
// wraps in l's language (they are catalog keys); what the system said
// besides them (a path, D-Bus's own message) stays as it is.
func notifyErrIn(l *locale.Locale, err error) string {
	text := err.Error()
	nb := (*notify.NoBusError)(nil)
	noBus := errors.As(err, &nb)
	if noBus {
		text = strings.Replace(text, nb.Error(), l.Sprintf("%s: %s", l.Sprintf(notify.ErrNoSessionBus.Error()), l.Sprintf(nb.Why, nb.What)), 1)
	}
	for _, e := range notifyErrs {
		if !errors.Is(err, e) || noBus && e == notify.ErrNoSessionBus {
			continue
		}
		// "session bus connection failed: <cause>": the colon too is
		// said as the language says it (French puts a space before it).
		if before, cause, ok := strings.Cut(text, e.Error()+": "); ok {
			text = before + l.Sprintf("%s: %s", l.Sprintf(e.Error()), cause)
			continue
		}
		text = strings.Replace(text, e.Error(), l.Sprintf(e.Error()), 1)
	}
	return text
}

// sendTest sends one test notification, without retrying, in l's
// language.
func sendTest(ctx context.Context, l *locale.Locale) checkResult {
	r := checkResult{Name: checkTest}
	n, err := notify.New(notify.Options{RetryFor: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		r.Detail, r.Fix = notifyErrIn(l, err), l.Sprintf("report this as a bug")
		return r
	}
	defer n.Close()
	err = n.Notify(ctx, notify.Message{
		Reminder:  "bedtime-doctor",
		Title:     "bedtime doctor",
		Body:      l.Sprintf("Test notification: if you can read this, bedtime's reminders reach you."),
		Expire:    10 * time.Second,
		NoActions: true,
	})
	switch {
	case errors.Is(err, notify.ErrInhibited):
		r.Detail, r.Fix = l.Sprintf("held: do not disturb is on"), l.Sprintf("turn do not disturb off and run `bedtime doctor` again")
	case err != nil:
		r.Detail, r.Fix = notifyErrIn(l, err), notShownFix(l, runtime.GOOS)
		var ns *notify.NotShownError
		if errors.As(err, &ns) {
			// The whole chain: doctor is where the details belong.
			r.Detail = l.Sprintf("not shown: %s", ns.Detail())
		}
	default:
		r.OK, r.Detail = true, l.Sprintf(`sent: a "bedtime doctor" popup should be on screen now`)
	}
	return r
}

// notShownFix is what to do when the test notification was not shown, on
// the system goos: Windows and macOS keep no journal, and their
// notifications are switched in their settings (on macOS, beeep shows
// them through terminal-notifier if it is installed, else osascript,
// whose notifications are Script Editor's).
func notShownFix(l *locale.Locale, goos string) string {
	switch goos {
	case "windows":
		return l.Sprintf("in Settings, System, Notifications, turn notifications on and do not disturb off, then run `bedtime doctor` again")
	case "darwin":
		return l.Sprintf("in System Settings, Notifications, allow notifications for Script Editor (it shows bedtime's, through osascript) or for terminal-notifier if you installed it, turn Focus off, then run `bedtime doctor` again")
	}
	return l.Sprintf("check the notification server's own log (journalctl --user), or restart it")
}

// checkTimeZone reports the time zone reminders fire in.
func checkTimeZone(ctx context.Context, app *App) []checkResult {
	l := app.locale(nil)
	r := checkResult{Name: "time zone"}
	z := config.ReadSystemZone(app.zoneFile())
	name, source, loc := z.Name, z.Source, z.Loc
	if loc == nil {
		r.Detail = l.Sprintf("TZ is %q, which is not a time zone this system knows", os.Getenv("TZ"))
		r.Fix = l.Sprintf("unset TZ, or set it to a zone name such as Europe/Paris (the tzdata package provides them)")
		return []checkResult{r}
	}
	abbr, offset := app.now().In(loc).Zone()
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	r.OK = true
	r.Detail = l.Sprintf("%s (%s, UTC%c%02d:%02d, from %s): reminders fire at wall-clock times in this zone",
		name, abbr, sign, offset/3600, offset%3600/60, source)
	return []checkResult{r}
}

// checkChannels checks each channel of the schedule file besides the
// desktop, one line each: for ntfy, that the server answers, the token is
// valid, a test message can be published and answers can come back; for a
// command, that its program is found. A schedule that does not load is the
// schedule check's to report.
func checkChannels(ctx context.Context, app *App) []checkResult {
	path, err := app.schedulePath()
	if err != nil {
		return nil
	}
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil {
		return nil
	}
	l := app.locale(s)
	var out []checkResult
	for _, name := range s.ChannelNames() {
		c, ok := s.Channels[name]
		if !ok {
			continue
		}
		r := checkResult{Name: "channel " + name}
		var ch channel.Channel
		switch {
		case c.Ntfy != nil:
			n, err := ntfy.New(name, *c.Ntfy, ntfy.Options{Timeout: 10 * time.Second, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				r.Detail, r.Fix = err.Error(), l.Sprintf("token_file must name a plain file holding the token, readable only by you (chmod 600)")
				if fe := (*channel.FileError)(nil); errors.As(err, &fe) {
					r.Detail = "token_file: " + fe.In(l)
				}
				out = append(out, r)
				continue
			}
			ch = n
		case c.Command != nil:
			ch = channel.NewCommand(name, *c.Command)
		default:
			continue
		}
		res := ch.Check(ctx, l)
		r.OK, r.Detail, r.Fix = res.OK, res.Detail, res.Fix
		out = append(out, r)
	}
	return out
}

// checkSchedule is doctor's "schedule file" line.
func checkSchedule(ctx context.Context, app *App) checkResult {
	r := checkResult{Name: "schedule file"}
	l := app.locale(nil)
	path, err := app.schedulePath()
	if err != nil {
		r.Detail, r.Fix = err.Error(), l.Sprintf("set --config to the schedule file")
		return r
	}
	// Installed with --config, the service reads another file than the
	// default this check would look at, and would call fine.
	if app.ConfigPath == "" {
		if st, err := app.services().Status(ctx); err == nil && st.Installed && st.ConfigPath != "" && st.ConfigPath != path {
			r.Detail = l.Sprintf("the service reads %s, not the default %s, which this check looks at without --config", st.ConfigPath, path)
			r.Fix = l.Sprintf("run `bedtime doctor --config %s`", st.ConfigPath)
			return r
		}
	}
	s, err := config.LoadOrDefault(path, time.Local)
	switch {
	case err == nil && s.Path == "" && app.ConfigPath != "":
		r.Detail = l.Sprintf("no file at %s, which --config names", path)
		r.Fix = l.Sprintf("write one with `bedtime init --config %s`, or leave out --config", path)
	case err == nil && s.Path == "":
		r.OK = true
		r.Detail = l.Sprintf("none at %s; the built-in default is in use (%s)", path, summaryIn(l, s, app.now()))
	case err != nil:
		var es config.Errors
		r.Detail = err.Error()
		if errors.As(err, &es) {
			r.Detail = scheduleErrorsDetail(l, es)
		}
		r.Fix = l.Sprintf("run `bedtime validate` and correct the file; %s", meanwhile(app, l, path))
	default:
		r.OK = true
		r.Detail = l.Sprintf("%s: %s", path, summaryIn(l, s, app.now()))
	}
	return r
}

// meanwhile says what bedtime does while the schedule file at path is
// broken: a running daemon keeps the schedule it loaded before (or has
// none, when the file was broken as it started and it had no last good
// copy); `bedtime run` starts on the last good copy, or with no reminders,
// and takes the file up once it is fixed.
// lastGoodLoads reports whether the daemon's last good copy of the
// schedule file at path (daemon.LastGoodName) is there and loads, so that
// a daemon started now would run it.
func (app *App) lastGoodLoads(path string) bool {
	dir, err := app.stateDir()
	if err != nil {
		return false
	}
	src, err := safefs.ReadPrivate(filepath.Join(dir, daemon.LastGoodName))
	if err != nil {
		return false
	}
	_, err = config.ParseIn(path, src, time.Local)
	return err == nil
}

func meanwhile(app *App, l *locale.Locale, path string) string {
	if !app.daemonRunning() {
		if app.lastGoodLoads(path) {
			return l.Sprintf("bedtime is not running, and if started now it runs the schedule it last loaded until the file is fixed")
		}
		if s, err := config.LoadSalvage(path, time.Local); err == nil && s != nil {
			return l.Sprintf("bedtime is not running, and if started now it runs only the reminders without errors until the file is fixed")
		}
		return l.Sprintf("bedtime is not running, and if started now it shows no reminders until the file is fixed")
	}
	if store, err := app.openStore(); err == nil {
		if st, err := store.Load(); err == nil {
			switch {
			case st.Problems[state.ProblemNoSchedule] != "":
				return l.Sprintf("the running bedtime shows no reminders until then, for it started with the file broken")
			case st.Problems[state.ProblemPartialSchedule] != "":
				return l.Sprintf("the running bedtime runs only the reminders without errors until then, for it started with the file broken")
			}
		}
	}
	return l.Sprintf("the running bedtime keeps its previous schedule meanwhile")
}

// checkService is doctor's "service" line.
func checkService(ctx context.Context, app *App) checkResult {
	r := checkResult{Name: "service"}
	l := app.locale(nil)
	st, err := app.services().Status(ctx)
	pid, _, byHand := app.runningDaemon()
	switch {
	case err != nil:
		r.Detail, r.Fix = err.Error(), l.Sprintf("run `bedtime status` for the service manager's message")
	case st.Installed && st.Running:
		r.OK = true
		r.Detail = l.Sprintf("running, pid %s since %s (%s)", strconv.Itoa(st.PID), sinceIn(l, st.Since), managerIn(l, st.Manager))
		if st.UnitPath != "" {
			// Which unit: the package's, or one install wrote.
			r.Detail = l.Sprintf("running, pid %s since %s (%s %s)", strconv.Itoa(st.PID), sinceIn(l, st.Since), managerIn(l, st.Manager), st.UnitPath)
		}
	case st.Installed && byHand:
		// start would refuse: the service's daemon would find the lock held.
		r.Detail = l.Sprintf("installed (%s) but not running (%s); a bedtime started by hand runs instead (pid %s)", st.UnitPath, st.State, strconv.Itoa(pid))
		r.Fix = l.Sprintf("stop that one with `bedtime stop`, then run `bedtime start`")
	case st.Installed:
		r.Detail = l.Sprintf("installed (%s) but not running (%s)", st.UnitPath, st.State)
		r.Fix = l.Sprintf("run `bedtime start`, and `bedtime status` to see why it stopped")
	case byHand && st.Manager == "none":
		r.OK = true
		r.Detail = l.Sprintf("running, pid %s, started by hand (%s)", strconv.Itoa(pid), st.State)
	case byHand:
		r.OK = true
		r.Detail = l.Sprintf("running, pid %s, started by hand; not installed (%s)", strconv.Itoa(pid), managerIn(l, st.Manager))
	case st.Manager == "none":
		r.Detail, r.Fix = l.Sprintf("not running"), l.Sprintf("start `bedtime run` from your desktop session's autostart")
	default:
		r.Detail, r.Fix = l.Sprintf("not installed (%s)", managerIn(l, st.Manager)), l.Sprintf("run `bedtime install` (it starts bedtime now and at every login)")
	}
	return r
}
