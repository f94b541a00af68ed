package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// App holds what every subcommand shares: the streams and the global flags.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	// ConfigPath is the --config flag; empty means the default location.
	ConfigPath string
}

// exitError carries an exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Run runs the bedtime command line with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := &App{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintf(stderr, "bedtime: %v\n", err)
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
		newCrampCmd(app), newTipsCmd(app), newRoutineCmd(app),
		newInstallCmd(app), newUninstallCmd(app), newStartCmd(app), newStopCmd(app), newRestartCmd(app), newStatusCmd(app),
	)
	return root
}
