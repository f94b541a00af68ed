package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/service"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// App holds what every subcommand shares: the streams and the global flags.
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

	saidDefault bool // the note about the missing schedule file was printed
	builtin     bool // run --builtin
}

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
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintf(app.Stderr, "bedtime: %v\n", err)
	return 1
}

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "bedtime",
		Short: "Reminders that prevent night leg cramps",
		Long: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening and the calf stretch before bed.

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
		newStatsCmd(app), newExportCmd(app), newLogsCmd(app),
		newPauseCmd(app), newResumeCmd(app), newSnoozeCmd(app), newSkipCmd(app), newDoneCmd(app),
		newGenDocsCmd(app),
	)
	completeReminderArgs(app, root)
	explainArgs(root)
	return root
}
