package runner

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/bedtime-app/bedtime/logfile"
	"github.com/bedtime-app/bedtime/state"
)

// LogFile is the daemon's own log in the state directory, the same file
// the service package sends a daemon it starts to.
const LogFile = "bedtime.log"

// Logger is the daemon's logger: stderr, and, unless the journal keeps
// the log (systemd sets JOURNAL_STREAM), the size-capped log in the state
// directory dir, so that a bedtime started by hand has a log to read
// later (`bedtime logs`). When stderr is that file already (install and
// start launch the daemon so), the log goes through the capped writer
// only: stderr alone would grow past any cap.
func Logger(dir string, stderr io.Writer) (*slog.Logger, func()) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	path := filepath.Join(dir, LogFile)
	if os.Getenv("JOURNAL_STREAM") != "" {
		return slog.New(slog.NewTextHandler(stderr, opts)), func() {}
	}
	also := stderr
	if f, ok := stderr.(*os.File); ok && logfile.Is(f, path) {
		also = io.Discard
	}
	var w *logfile.Writer
	_, err := state.Open(dir) // the private state directory, made if need be
	if err == nil {
		w, err = logfile.Open(path, 0)
	}
	if err != nil {
		l := slog.New(slog.NewTextHandler(stderr, opts))
		l.Warn("no log file; the log goes to stderr only", "err", err)
		return l, func() {}
	}
	// The file first: a write to stderr that fails (bedtime-daemon.exe,
	// a program without a console, has none) must not keep a line from it.
	return slog.New(slog.NewTextHandler(io.MultiWriter(w, also), opts)), func() { w.Close() }
}
