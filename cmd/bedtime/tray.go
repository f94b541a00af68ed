package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/report"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/service"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/tray"
	"github.com/bedtime-app/bedtime/userlock"
)

// exitTrayNotBuilt is the exit status of `bedtime tray` where the tray is
// not built (macOS).
const exitTrayNotBuilt = 2

func newTrayCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "tray",
		Short: "Show a status icon: what comes next, pause, and today's answers",
		Long: `tray shows bedtime's status icon in the panel's tray (a StatusNotifierItem on
Linux; the notification area on Windows) until you quit it from its menu. The
icon says whether bedtime runs, is paused or has a reminder waiting for an
answer; its tooltip says what comes next; its menu answers reminders (Done,
Snooze), pauses, resumes and skips as the commands of the same names do, lists
today's reminders, opens the schedule in your editor (through bedtime edit)
and starts bedtime when it is not running. It runs beside the daemon, as a
process of its own; "bedtime install --tray" starts it at every login.

On GNOME the tray needs the AppIndicator extension; "bedtime doctor" checks
for a tray host. macOS is not supported yet.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.tray(cmd.Context())
		},
	}
}

func (app *App) tray(ctx context.Context) error {
	if tray.NewSystray == nil {
		fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(nil).Sprintf("the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.", runtime.GOOS))
		return exitError{exitTrayNotBuilt}
	}
	store, err := app.openStore()
	if err != nil {
		return err
	}
	// One tray per user: a second one would show a second icon.
	lock, err := safefs.Lock(filepath.Join(store.Dir(), "tray.lock"), 0)
	if errors.Is(err, safefs.ErrLocked) {
		return app.errorf("the bedtime tray is already running")
	}
	if err != nil {
		return app.errorf("cannot lock the tray: %v", err)
	}
	defer lock.Unlock()
	path, err := app.schedulePath()
	if err != nil {
		return err
	}
	if err := tray.SessionBus(ctx); err != nil {
		return app.errorf("the tray needs your desktop session's bus (%v); run `bedtime tray` inside your desktop session", err)
	}
	// No panel to show the icon yet (at login the tray may start first):
	// it says so once, and the icon appears when one starts.
	if h := tray.ProbeHost(ctx, "", os.Getenv("XDG_CURRENT_DESKTOP")); !h.Found {
		fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(nil).Sprintf("no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one"))
	}
	return tray.Run(ctx, tray.Options{
		Store:        store,
		Schedule:     app.loadSchedule,
		SchedulePath: path,
		Clock:        app.clock(),
		Running: func() (int, bool) {
			pid, _, ok := userlock.Running(store.Dir())
			return pid, ok
		},
		Launcher: trayLauncher{app: app, ctx: ctx},
		Report:   app.trayReport(),
		History:  app.trayHistory(store),
		// The daemon's problems, in the person's language as status
		// says them.
		ProblemIn: daemon.ProblemIn,
	})
}

// trayHistory is the record the tray's today list is drawn from: this
// computer's history, merged with what the other computers wrote when
// sync is on, as status shows it; so an instant held here because another
// computer showed it reads as shown, not as waiting. The folder's problems
// are for status and doctor to say, not for the tray at every redraw; when
// the folder cannot be read, the tray shows this computer's record.
func (app *App) trayHistory(store *state.Store) func(since time.Time) ([]state.Event, error) {
	return func(since time.Time) ([]state.Event, error) {
		events, err := store.History(since)
		if err != nil {
			return events, err
		}
		link := app.syncLink(since)
		if link == nil || link.Folder == nil {
			return events, nil
		}
		recs, err := link.Folder.Scan()
		if err != nil {
			return events, nil
		}
		all, _ := mergeHistory(link, recs, events, since, false)
		return all, nil
	}
}

// trayReport says, for the tray's menu, whether there is a report to
// open: once the state directory has a cramp diary or a history, `bedtime
// report` has something to show. trayLauncher.Report writes and opens it.
func (app *App) trayReport() func() bool {
	return func() bool {
		dir, err := app.stateDir()
		if err != nil {
			return false
		}
		for _, name := range []string{diary.FileName, "history.jsonl"} {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Size() > 0 {
				return true
			}
		}
		return false
	}
}

// trayLauncher starts, for the tray's menu, what runs beside it.
type trayLauncher struct {
	app *App
	ctx context.Context
}

// command returns this bedtime with args, and the --config the tray runs with.
func (l trayLauncher) command(args ...string) (string, []string, error) {
	exe, err := l.app.executable()
	if err != nil {
		return "", nil, l.app.errorf("cannot find the bedtime binary: %v", err)
	}
	if l.app.ConfigPath != "" {
		args = append(args, "--config", l.app.ConfigPath)
	}
	return exe, args, nil
}

// Edit opens `bedtime edit` in a terminal window: the same edit as on the
// command line, which checks the schedule before it installs it.
func (l trayLauncher) Edit() error {
	exe, args, err := l.command("edit")
	if err != nil {
		return err
	}
	term, targs, err := terminal(l.app.locale(nil))
	if err != nil {
		return err
	}
	return detach(l.app.locale(nil), term, append(append(targs, exe), args...)...)
}

// Start starts bedtime: the installed service, or else `bedtime run` in
// the background.
func (l trayLauncher) Start() error {
	err := l.app.services().Start(l.ctx)
	if !errors.Is(err, service.ErrNotInstalled) {
		return err
	}
	exe, args, err := l.command("run")
	if err != nil {
		return err
	}
	return detach(l.app.locale(nil), exe, args...)
}

// Report writes the report of `bedtime report` (the default weeks) to a
// private file in the user's cache directory and opens it in the browser.
func (l trayLauncher) Report() error {
	r, err := l.app.buildReport(report.DefaultWeeks)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := report.WriteHTML(&b, r); err != nil {
		return err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return l.app.errorf("cannot find a place for the report: %v", err)
	}
	dir := filepath.Join(cache, "bedtime")
	if _, err := safefs.PrivateDir(dir); err != nil {
		return l.app.errorf("cannot write the report: %v", err)
	}
	path := filepath.Join(dir, defaultReportFile)
	if err := safefs.WriteAtomic(path, b.Bytes()); err != nil {
		return l.app.errorf("cannot write the report: %v", err)
	}
	if runtime.GOOS == "windows" {
		return detach(l.app.locale(nil), "cmd.exe", "/c", "start", "", path)
	}
	opener, err := exec.LookPath("xdg-open")
	if err != nil {
		return l.app.errorf("wrote %s, but found no xdg-open to open it (package xdg-utils)", path)
	}
	return detach(l.app.locale(nil), opener, path)
}

// terminal finds a terminal window to run a command in, and the
// arguments that come before the command; lc is the language of its error.
func terminal(lc *locale.Locale) (string, []string, error) {
	if runtime.GOOS == "windows" {
		return "cmd.exe", []string{"/c", "start", "bedtime edit"}, nil
	}
	for _, t := range []struct {
		name string
		args []string
	}{
		{"x-terminal-emulator", []string{"-e"}}, // Debian's choice of the user's terminal
		{"gnome-terminal", []string{"--"}},
		{"konsole", []string{"-e"}},
		{"xfce4-terminal", []string{"-x"}},
		{"xterm", []string{"-e"}},
	} {
		if p, err := exec.LookPath(t.name); err == nil {
			return p, t.args, nil
		}
	}
	return "", nil, errorIn(lc, "no terminal found to run `bedtime edit` in (install xterm, or run it in one)")
}

// detach starts name with args and does not wait for it (its end is
// reaped in the background); lc is the language of its error.
func detach(lc *locale.Locale, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	cmd.Env = os.Environ()
	if err := cmd.Start(); err != nil {
		return errorIn(lc, "cannot start %s: %v", filepath.Base(name), err)
	}
	go cmd.Wait()
	return nil
}

// checkTray is doctor's line about the tray: whether a tray host is on
// the session bus (on GNOME, that needs the AppIndicator extension). It
// fails only when the tray is installed to start at login.
func checkTray(ctx context.Context, app *App) checkResult {
	h := tray.ProbeHost(ctx, "", os.Getenv("XDG_CURRENT_DESKTOP"))
	return trayResult(app.locale(nil), h, service.TrayInstalled())
}

// trayResult is doctor's tray line for what tray.ProbeHost found, in l's
// language; what the system said (a D-Bus error) stays as it is.
func trayResult(l *locale.Locale, h tray.Host, installed bool) checkResult {
	r := checkResult{Name: "tray", OK: h.Found, Detail: l.Sprintf(h.Format, h.Args...)}
	if h.Fix != "" {
		r.Fix = l.Sprintf(h.Fix)
	}
	if !h.Found && !installed {
		r.OK = true
		r.Detail = l.Sprintf("%s; only bedtime tray needs one, and it is not installed", r.Detail)
	}
	return r
}
