package gendocs

import "github.com/spf13/cobra"

// Daemon is the command that bedtime-daemon(1) describes: the program the
// per-user service runs (cmd/bedtime-daemon), which has no cobra tree of
// its own, so its page is written from this one (see Write). It only
// describes: it runs nothing.
func Daemon() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bedtime-daemon run --config FILE [--or-builtin]",
		Short: "bedtime's daemon alone: the program the per-user service runs",
		Long: `bedtime-daemon is what the per-user service runs: the systemd user unit that
"bedtime install" writes or enables (the package's unit too), the
LaunchAgent on macOS, the XDG autostart entry and the Windows logon entry.
It runs the reminders as "bedtime run" does, and takes the same arguments:
"run --config FILE", with --or-builtin for the default schedule file, which
need not exist yet, or "run --builtin".

There are two programs so that the service links only what the daemon
needs, and so holds fewer of its pages in memory at rest. What
bedtime-daemon does not do itself (a phone channel) it hands to "bedtime
run", the bedtime in its own directory, with the same arguments, so the two
are always installed side by side. Where there is no bedtime-daemon beside
bedtime (a "go install" of cmd/bedtime alone), the service runs "bedtime
run" itself.

It is not meant to be run by hand: "bedtime run" runs the daemon in the
foreground, and "bedtime install", "bedtime start", "bedtime stop" and
"bedtime status" control the service. See bedtime-run(1) for the daemon
and its flags, and bedtime-install(1).`,
		DisableFlagsInUseLine: true,
		DisableAutoGenTag:     true,
	}
	cmd.Flags().String("config", "", "the schedule file")
	cmd.Flags().Bool("or-builtin", false, "while the schedule file does not exist, use the built-in default; take the file when it appears")
	cmd.Flags().Bool("builtin", false, "use the built-in default schedule and ignore any schedule file")
	// No -h on the page: bedtime-daemon has no help of its own.
	cmd.Flags().BoolP("help", "h", false, "")
	_ = cmd.Flags().MarkHidden("help")
	return cmd
}
