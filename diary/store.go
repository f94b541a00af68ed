package diary

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// FileName is the diary's file in the state directory.
const FileName = "diary.jsonl"

// LockWait is how long Append waits for another writer.
const LockWait = 5 * time.Second

// maxLine is the longest line Read accepts; a longer one is skipped.
const maxLine = 64 << 10

// Store is the diary in one state directory.
type Store struct {
	dir    string
	logger *slog.Logger
}

// Open returns the diary in the state directory dir. Nothing is touched
// until the first Append or Read.
func Open(dir string, logger *slog.Logger) *Store {
	if logger == nil {
		logger = slog.Default()
	}
	return &Store{dir: dir, logger: logger}
}

// Path returns the diary file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, FileName) }

// Append adds e, which must pass Validate (the caller's clock decides what
// is in the future), to the end of the diary: one JSON line written with
// one write to a file opened O_APPEND (0600, never through a link),
// flushed to disk, under diary.lock. The directory is made (0700) or
// closed to others as the state's is.
func (s *Store) Append(e Entry) error {
	if err := check(e); err != nil {
		return fmt.Errorf("diary: %w", err)
	}
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("diary: %w", err)
	}
	line = append(line, '\n')
	if _, err := safefs.PrivateDir(s.dir); err != nil {
		return fmt.Errorf("diary: cannot use the state directory: %w", err)
	}
	fl, err := safefs.Lock(filepath.Join(s.dir, "diary.lock"), LockWait)
	if err != nil {
		return fmt.Errorf("diary: cannot lock the diary: %w", err)
	}
	defer fl.Unlock()
	f, err := safefs.OpenPrivate(s.Path(), os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("diary: cannot open the diary: %w", err)
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
			line = append([]byte{'\n'}, line...) // after a torn line
		}
	}
	_, werr := f.Write(line)
	if err := f.Sync(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("diary: cannot append to the diary: %w", werr)
	}
	return nil
}

// Read returns every entry of the diary in file order; a missing diary is
// empty. Lines that do not parse or fail the checks (see the package
// documentation) are skipped with one warning.
func (s *Store) Read() ([]Entry, error) {
	f, err := safefs.OpenPrivate(s.Path(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("diary: cannot read the diary: %w", err)
	}
	defer f.Close()
	entries, skipped, first, err := readEntries(f)
	if skipped > 0 {
		s.logger.Warn("skipped unreadable lines of the diary", "path", s.Path(), "lines", skipped, "first_line", first)
	}
	if err != nil {
		return entries, fmt.Errorf("diary: cannot read the diary: %w", err)
	}
	return entries, nil
}

// readEntries parses the JSON lines of r, skipping bad ones; it returns
// how many it skipped and the number of the first.
func readEntries(r io.Reader) (entries []Entry, skipped, first int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	skip := func(n int) {
		if skipped == 0 {
			first = n
		}
		skipped++
	}
	for n := 1; ; n++ {
		line, tooLong, rerr := readLine(br)
		if rerr != nil && rerr != io.EOF {
			return entries, skipped, first, rerr
		}
		if b := bytes.TrimSpace(line); tooLong {
			skip(n)
		} else if len(b) > 0 {
			var e Entry
			if json.Unmarshal(b, &e) != nil || check(e) != nil {
				skip(n)
			} else {
				entries = append(entries, e)
			}
		}
		if rerr == io.EOF {
			return entries, skipped, first, nil
		}
	}
}

// readLine reads one line of at most maxLine bytes; a longer one is read
// to its end and reported, not kept.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		part, isPrefix, err := br.ReadLine()
		if !tooLong {
			line = append(line, part...)
			if len(line) > maxLine {
				tooLong, line = true, nil
			}
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}
