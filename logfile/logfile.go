// Package logfile is the daemon's own log file, for a bedtime that no
// journal keeps the log of (started by hand, or from the desktop's
// autostart): appended to, private (0600), and capped in size, the older
// log copied to NAME.1 and the log emptied when it grows past the cap.
package logfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/safefs"
)

// DefaultMax is the size past which the log is copied to NAME.1 and
// emptied: at most about twice this on disk.
const DefaultMax = 1 << 20

// Writer appends to a log file, setting it aside when it passes Max bytes.
// It is safe for concurrent use.
type Writer struct {
	path string
	max  int64

	mu     sync.Mutex
	f      *os.File // nil when it could not be opened again
	size   int64
	closed bool
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

// Write appends p, first setting a full log aside to NAME.1.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return 0, errors.New("logfile: closed")
	}
	if w.f == nil {
		if err := w.open(); err != nil {
			return 0, err
		}
	}
	if w.size > 0 && w.size+int64(len(p)) > w.max {
		w.rotate()
	}
	n, err := w.f.Write(p)
	w.size += int64(n)
	return n, err
}

// rotate copies the full log to NAME.1 and empties it. It is not moved:
// the daemon that install started has the log as its stderr too (where a
// crash's trace goes), and so may `bedtime logs -f`. On Windows a file held
// open so cannot be renamed, and the log grew past its cap for good; where
// it can, the daemon's stderr went with the moved file and, at the next
// move, nowhere. Emptied in place, the log stays the one they hold, and
// what they append lands at its new end. When setting it aside fails (a
// directory in the way of NAME.1, a full disk), the log is kept and grows
// until a later try works: a line past the cap is better than none, or
// than the lines before lost. The caller holds w.mu.
func (w *Writer) rotate() {
	w.f.Close()
	w.f = nil
	if err := copyAside(w.path, w.max); err == nil {
		if f, err := safefs.OpenPrivate(w.path, os.O_WRONLY|os.O_TRUNC, 0); err == nil {
			f.Close()
		}
	}
	_ = w.open() // when it fails, the next Write tries again
}

// copyAside writes the last keep bytes of the log at path, from a line's
// start, to NAME.1, atomically and private.
func copyAside(path string, keep int64) error {
	f, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	from := max(fi.Size()-keep, 0)
	data, err := io.ReadAll(io.NewSectionReader(f, from, fi.Size()-from))
	if err != nil {
		return err
	}
	if from > 0 {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	return safefs.WriteAtomic(path+".1", data)
}

// Close closes the file.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || w.f == nil {
		w.closed = true
		return nil
	}
	w.closed = true
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

// MaxLine is how much of one line Tail shows. A longer line (a runaway
// attribute, a corrupted log) is cut there, at a character's boundary,
// and the rest left out: the other lines still show.
const MaxLine = 4 << 10

// Tail writes the last n lines of the log at path (continued from
// NAME.1 when the log holds fewer) to out. A line longer than MaxLine is
// cut, and note, given how many bytes were left out, is appended to it.
func Tail(out io.Writer, path string, n int, note func(left int64) string) error {
	var lines []string
	for _, p := range []string{path + ".1", path} {
		f, err := safefs.OpenPrivate(p, os.O_RDONLY, 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("logfile: %w", err)
		}
		r := bufio.NewReaderSize(f, 64<<10)
		for {
			line, left, err := readLine(r)
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return fmt.Errorf("logfile: %s: %w", p, err)
			}
			if left > 0 {
				line += " " + note(left)
			}
			lines = append(lines, line)
			if len(lines) > 2*n {
				lines = append(lines[:0], lines[len(lines)-n:]...)
			}
		}
		f.Close()
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

// readLine reads one line from r, without its end (\n or \r\n), keeping
// at most MaxLine bytes of it; left is how many more it had. A last line
// without an end is a line; io.EOF means there are no more.
func readLine(r *bufio.Reader) (line string, left int64, err error) {
	var head []byte // the line's first bytes, one more than MaxLine at most
	var size int64  // the whole line's, its end included
	var prev, last byte
	ended := false
	for !ended {
		chunk, err := r.ReadSlice('\n')
		size += int64(len(chunk))
		for _, c := range chunk[max(len(chunk)-2, 0):] {
			prev, last = last, c
		}
		head = append(head, chunk[:min(len(chunk), max(MaxLine+1-len(head), 0))]...)
		switch {
		case err == nil:
			ended = true
		case err == bufio.ErrBufferFull:
		case err == io.EOF && size == 0:
			return "", 0, io.EOF
		case err == io.EOF:
			ended = true
		default:
			return "", 0, err
		}
	}
	if last == '\n' {
		size--
		if prev == '\r' && size > 0 {
			size--
		}
	}
	keep := int(min(size, MaxLine))
	if int64(keep) < size {
		for keep > 0 && !utf8.RuneStart(head[keep]) {
			keep--
		}
	}
	return string(head[:keep]), size - int64(keep), nil
}
