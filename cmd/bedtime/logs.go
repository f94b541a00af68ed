package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/logfile"
	"github.com/bedtime-app/bedtime/runner"
)

// logFileName is the daemon's own log in the state directory.
const logFileName = runner.LogFile

// daemonLogger is the daemon's logger (runner.Logger) on app's stderr.
func (app *App) daemonLogger(dir string) (*slog.Logger, func()) {
	return runner.Logger(dir, app.Stderr)
}

func newLogsCmd(app *App) *cobra.Command {
	var lines int
	var follow bool
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Show what the daemon logged: the journal under systemd, its log file otherwise",
		Long: `logs shows the daemon's log: one line per event (started, fired, done,
schedule loaded or rejected, problems). Under systemd it is the journal
(journalctl --user -u bedtime.service); a bedtime started by hand or from the
desktop's autostart writes a log file of at most about 2 MiB in the state
directory, which logs shows instead.`,
		Example: "  bedtime logs\n  bedtime logs -n 200\n  bedtime logs -f",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if lines < 1 || lines > 100000 {
				return errors.New(app.locale(nil).Sprintf("-n %s: want 1 to 100000 lines", strconv.Itoa(lines)))
			}
			dir, err := app.stateDir()
			if err != nil {
				return err
			}
			path := filepath.Join(dir, logFileName)
			systemd, installed := app.underSystemd(cmd.Context())
			if installed {
				return app.journal(cmd.Context(), lines, follow)
			}
			if _, err := os.Stat(path); err != nil {
				if systemd {
					// No file, and no unit now: a unit uninstalled
					// or not yet installed logged to the journal.
					return app.journal(cmd.Context(), lines, follow)
				}
				return errors.New(app.locale(nil).Sprintf("no log yet at %s: bedtime writes it when it runs (`bedtime install`, or `bedtime run` in a terminal)", path))
			}
			l := app.locale(nil)
			leftOut := func(n int64) string {
				return l.Sprintf("[… %s more bytes of this line left out]", strconv.FormatInt(n, 10))
			}
			if err := logfile.Tail(app.Stdout, path, lines, leftOut); err != nil {
				return err
			}
			if follow {
				return followFile(cmd.Context(), app.Stdout, path)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&lines, "lines", "n", 50, "how many of the last lines to show")
	cmd.Flags().BoolVarP(&follow, "follow", "f", false, "keep showing new lines as they come (Ctrl+C stops)")
	return cmd
}

// underSystemd reports whether the service manager is systemd, whose
// services log to the journal, and whether bedtime is installed as one.
func (app *App) underSystemd(ctx context.Context) (systemd, installed bool) {
	st, err := app.services().Status(ctx)
	systemd = err == nil && strings.Contains(st.Manager, "systemd")
	return systemd, systemd && st.Installed
}

// journal shows the service's journal.
func (app *App) journal(ctx context.Context, lines int, follow bool) error {
	args := []string{"--user", "-u", "bedtime.service", "-n", strconv.Itoa(lines), "--no-pager"}
	if follow {
		args = append(args, "-f")
	}
	c := exec.CommandContext(ctx, "journalctl", args...)
	c.Stdout, c.Stderr = app.Stdout, app.Stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("journalctl %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

// followFile shows what is appended to path until ctx is done. It reads
// twice a second while it runs; the daemon itself is not involved.
func followFile(ctx context.Context, out io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	off, _ := f.Seek(0, io.SeekEnd)
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		if fi, err := os.Stat(path); err == nil && fi.Size() < off {
			// Moved aside and begun again.
			f.Close()
			if f, err = os.Open(path); err != nil {
				return err
			}
			off = 0
		}
		n, err := io.Copy(out, f)
		off += n
		if err != nil {
			return err
		}
	}
}
