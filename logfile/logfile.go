// Package logfile is the daemon's own log file, for a bedtime that no
// journal keeps the log of (started by hand, or from the desktop's
// autostart): appended to, private (0600), and capped in size, the older
// half moved to NAME.1 when it grows past the cap.
package logfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/bedtime-app/bedtime/safefs"
)

// DefaultMax is the size past which the log is moved to NAME.1 and a new
// one begun: at most about twice this on disk.
const DefaultMax = 1 << 20

// Writer appends to a log file, moving it aside when it passes Max bytes.
// It is safe for concurrent use.
type Writer struct {
	path string
	max  int64

	mu   sync.Mutex
	f    *os.File
	size int64
}

// Open opens (creating, 0600) the log at path for appending; max zero
// means DefaultMax.
func Open(path string, max int64) (*Writer, error) {
	if max <= 0 {
		max = DefaultMax
	}
	w := &Writer{path: path, max: max}
	if err := w.open(); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *Writer) open() error {
	f, err := safefs.OpenPrivate(w.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("logfile: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("logfile: %w", err)
	}
	w.f, w.size = f, fi.Size()
	return nil
}

// Write appends p, first moving a full log to NAME.1.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return 0, errors.New("logfile: closed")
	}
	if w.size > 0 && w.size+int64(len(p)) > w.max {
		w.f.Close()
		w.f = nil
		if err := os.Rename(w.path, w.path+".1"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("logfile: %w", err)
		}
		if err := w.open(); err != nil {
			return 0, err
		}
	}
	n, err := w.f.Write(p)
	w.size += int64(n)
	return n, err
}

// Close closes the file.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	err := w.f.Close()
	w.f = nil
	return err
}

// Is reports whether f is the log file at path (as when the service
// started the daemon with its output there already).
func Is(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// Tail writes the last n lines of the log at path (continued from
// NAME.1 when the log holds fewer) to out.
func Tail(out io.Writer, path string, n int) error {
	var lines []string
	for _, p := range []string{path + ".1", path} {
		f, err := safefs.OpenPrivate(p, os.O_RDONLY, 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("logfile: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			lines = append(lines, sc.Text())
			if len(lines) > 2*n {
				lines = append(lines[:0], lines[len(lines)-n:]...)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("logfile: %s: %w", p, err)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(out, l); err != nil {
			return err
		}
	}
	return nil
}
