package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/editor"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// App holds what every subcommand shares: the streams, the global flags
// and the parts the commands are built with. main leaves the parts empty,
// which means this machine's real ones; tests set fakes. There are no
// package-level seams.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	// ConfigPath is the --config flag; empty means the default location.
	ConfigPath string

	// Clock is the wall clock; nil means the system's. Tests set a fake.
	Clock scheduler.Clock

	// Service installs and controls the per-user service; nil means this
	// machine's (service.Detect). Tests set a fake.
	Service service.Manager
	// Executable is the bedtime binary the service runs; empty means this one.
	Executable string

	// StateDir is where the state and history live; empty means the
	// user's (see userStateDir). Tests set a directory of their own.
	StateDir string
	// ZoneFile is the system's time zone setting, which the daemon watches
	// so that reminders follow a change of zone; empty means
	// /etc/localtime.
	ZoneFile string
	// Notifier builds the desktop notifier `bedtime notify` and `bedtime
	// routine` show with: one attempt, no holding, the user's answers to
	// onResponse. nil means the desktop's (notify.New). Tests set a fake.
	Notifier NotifierFactory
	// Getenv reads the environment, for the person's language (LC_ALL,
	// LC_MESSAGES, LANG); nil means os.Getenv. Tests set their own.
	Getenv func(string) string
	// Terminal reports whether w is a terminal, where the routine's
	// countdown is redrawn in place, and how wide it is (0 when unknown);
	// nil means the real probe.
	Terminal func(w io.Writer) (ok bool, width int)
	// Routines returns the routines `bedtime routine` can play, by name;
	// nil means the built-in ones and the schedule file's.
	Routines func() (map[string]content.Routine, error)
	// RunDaemon runs the daemon for `bedtime run` with the options run
	// built; nil means daemon.Run. A test sees or adjusts the options
	// there (hooks, a fake notifier) and may pass them on to daemon.Run.
	RunDaemon func(context.Context, daemon.Options) error
	// Checks are the checks of `bedtime doctor`, in the order printed; nil
	// means all of them (allChecks).
	Checks []doctorCheck
	// NextReminder describes status's next reminder of the schedule at
	// configPath after now; nil means describeNext.
	NextReminder func(ctx context.Context, configPath string, now time.Time) (string, error)
	// StatusSchedule loads the schedule status shows the next firings and
	// today's picture of; nil means the file or the built-in default. A
	// nil schedule without an error leaves those lines out.
	StatusSchedule func(configPath string) (*config.Schedule, error)
	// RunEditor runs the editor of `bedtime edit` on file; nil means
	// ed.Run. Tests wrap it to move their clock on by the time a person
	// takes to edit.
	RunEditor func(ed editor.Command, file string, stdin io.Reader, stdout, stderr io.Writer) error

	saidDefault bool // the note about the missing schedule file was printed
	builtin     bool // run --builtin
	orBuiltin   bool // run --or-builtin
}

// NotifierFactory builds a notifier that logs to log and passes the user's
// answers to onResponse; the func it returns closes the notifier.
type NotifierFactory func(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error)

// now returns the current wall-clock time.
func (app *App) now() time.Time { return app.clock().Now() }

func (app *App) clock() scheduler.Clock {
	if app.Clock == nil {
		return scheduler.SystemClock{}
	}
	return app.Clock
}

// exitError carries an exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Run runs the bedtime command line with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &App{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	return app.Run(ctx, args)
}

// Run runs the command line with args on app and returns the exit code.
func (app *App) Run(ctx context.Context, args []string) int {
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(app.Stdin)
	root.SetOut(app.Stdout)
	root.SetErr(app.Stderr)
	err := root.ExecuteContext(context.WithValue(ctx, appKey{}, app))
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	err = app.cobraError(root, err)
	fmt.Fprintf(app.Stderr, "bedtime: %v\n", err)
	var cs cannotStart
	if errors.As(err, &cs) {
		return cs.code()
	}
	return 1
}

// buildTimeCommands are the commands that only a build with a tag has
// (gen-docs: gendocs.go).
var buildTimeCommands []func(*App) *cobra.Command

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "bedtime",
		Short: "Reminders that prevent night leg cramps",
		Long: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening (ask a doctor first, especially with
kidney problems) and the calf stretch before bed.

Not medical advice: if cramps are severe or frequent, see a doctor.`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&app.ConfigPath, "config", "", "schedule file (default: the user's config dir)/bedtime/schedule.yaml")
	// Subcommands register here, one line each.
	root.AddCommand(
		newRunCmd(app), newNextCmd(app), newValidateCmd(app), newInitCmd(app), newEditCmd(app), newNotifyCmd(app),
		newCrampCmd(app), newTipsCmd(app), newRoutineCmd(app), newDoctorCmd(app),
		newInstallCmd(app), newUninstallCmd(app), newStartCmd(app), newStopCmd(app), newRestartCmd(app), newStatusCmd(app),
		newStatsCmd(app), newExportCmd(app), newLogsCmd(app), newDiaryCmd(app), newReportCmd(app),
		newPauseCmd(app), newResumeCmd(app), newSnoozeCmd(app), newSkipCmd(app), newDoneCmd(app),
		newTrayCmd(app), newVersionCmd(app), newSyncCmd(app),
	)
	for _, c := range buildTimeCommands {
		root.AddCommand(c(app))
	}
	root.SetVersionTemplate(versionTemplate)
	completeReminderArgs(app, root)
	explainArgs(app, root)
	root.SetFlagErrorFunc(app.flagError)
	speakHelp(app, root)
	return root
}
