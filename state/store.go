package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/bedtime-app/bedtime/config"
)

// MaxErrors is how many of the daemon's most recent problems State keeps.
const MaxErrors = 10

// State is everything bedtime remembers between runs besides the history.
type State struct {
	// Last holds, per reminder, the last scheduled instant handled (fired
	// or missed).
	Last map[string]time.Time `json:"last,omitempty"`
	// PausedUntil is when a pause ends; the zero Time means not paused.
	PausedUntil time.Time `json:"paused_until,omitzero"`
	// Snoozes holds, per reminder, a time at which it fires once more.
	Snoozes map[string]time.Time `json:"snoozes,omitempty"`
	// Skips holds, per reminder, the scheduled instant to skip.
	Skips map[string]time.Time `json:"skips,omitempty"`
	// Done holds, per reminder, when it was last marked done.
	Done map[string]time.Time `json:"done,omitempty"`
	// Errors holds the daemon's most recent problems (schedule errors,
	// delivery failures), newest last, at most MaxErrors.
	Errors []string `json:"errors,omitempty"`
}

// AddError appends msg to s.Errors, dropping the oldest beyond MaxErrors.
func (s *State) AddError(msg string) {
	s.Errors = append(s.Errors, msg)
	if n := len(s.Errors); n > MaxErrors {
		s.Errors = append([]string(nil), s.Errors[n-MaxErrors:]...)
	}
}

// fill makes the maps non-nil.
func (s *State) fill() {
	if s.Last == nil {
		s.Last = map[string]time.Time{}
	}
	if s.Snoozes == nil {
		s.Snoozes = map[string]time.Time{}
	}
	if s.Skips == nil {
		s.Skips = map[string]time.Time{}
	}
	if s.Done == nil {
		s.Done = map[string]time.Time{}
	}
}

// Store is the state directory: state.json, history.jsonl and their lock
// files. Its methods are safe for concurrent use by goroutines and by
// processes.
type Store struct {
	dir    string
	logger *slog.Logger
}

// Open returns the Store in dir, creating dir (0700) if needed.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("state: no directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("state: cannot create %s: %w", dir, err)
	}
	return &Store{dir: dir, logger: slog.Default()}, nil
}

// SetLogger makes the Store log its warnings (a corrupt state file moved
// aside, a garbled history line skipped) to l instead of slog.Default().
func (s *Store) SetLogger(l *slog.Logger) { s.logger = l }

// Dir returns the state directory.
func (s *Store) Dir() string { return s.dir }

// StatePath returns the path of state.json.
func (s *Store) StatePath() string { return filepath.Join(s.dir, "state.json") }

// HistoryPath returns the path of history.jsonl.
func (s *Store) HistoryPath() string { return filepath.Join(s.dir, "history.jsonl") }

func (s *Store) lockPath() string { return filepath.Join(s.dir, "state.lock") }

// Load reads the state. A missing file is an empty State, not an error. A
// file that does not parse is moved aside to state.json.corrupt-<time>,
// with a warning logged, and Load returns an empty State. The maps of the
// returned State are never nil.
func (s *Store) Load() (State, error) {
	st, bad, err := s.read()
	if err != nil || bad == nil {
		return st, err
	}
	// Move the bad file aside under the lock, so that a good file written
	// meanwhile by another process is not mistaken for it.
	fl, err := s.lock()
	if err != nil {
		return State{}, err
	}
	defer fl.Unlock()
	st, bad, err = s.read()
	if err != nil || bad == nil {
		return st, err
	}
	if err := s.moveAside(bad); err != nil {
		return State{}, err
	}
	return st, nil
}

// badFile is a state file that does not parse.
type badFile struct {
	data []byte
	err  error
}

// read reads and parses state.json. When the file does not parse it
// returns an empty State and the bad file.
func (s *Store) read() (State, *badFile, error) {
	var st State
	data, err := os.ReadFile(s.StatePath())
	if errors.Is(err, fs.ErrNotExist) {
		st.fill()
		return st, nil, nil
	}
	if err != nil {
		return State{}, nil, fmt.Errorf("state: cannot read: %w", err)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		st = State{}
		st.fill()
		return st, &badFile{data, err}, nil
	}
	st.fill()
	return st, nil, nil
}

// moveAside renames the unparsable state file to state.json.corrupt-<time>
// and logs a warning. The caller holds the lock.
func (s *Store) moveAside(bad *badFile) error {
	base := s.StatePath() + ".corrupt-" + time.Now().Format("20060102T150405")
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(s.StatePath(), dst); err != nil {
		return fmt.Errorf("state: %s does not parse (%v) and cannot be moved aside: %w", s.StatePath(), bad.err, err)
	}
	s.logger.Warn("state file does not parse; moved it aside and started from an empty state",
		"path", s.StatePath(), "moved_to", dst, "err", bad.err.Error(), "bytes", len(bad.data))
	return nil
}

// lock takes the exclusive lock on state.lock, waiting for it.
func (s *Store) lock() (*flock.Flock, error) {
	fl := flock.New(s.lockPath(), flock.SetPermissions(0o600))
	if err := fl.Lock(); err != nil {
		fl.Close()
		return nil, fmt.Errorf("state: cannot lock %s: %w", s.lockPath(), err)
	}
	return fl, nil
}

// Update changes the state under an exclusive lock that holds across
// processes: it loads the state, calls fn, and, if fn returns nil, writes
// the result atomically (a temporary file, fsync, rename; 0600). When fn
// returns an error nothing is written and Update returns that error.
// Errors is trimmed to its newest MaxErrors entries. fn may call Append.
func (s *Store) Update(fn func(*State) error) error {
	fl, err := s.lock()
	if err != nil {
		return err
	}
	defer fl.Unlock()
	s.removeStaleTemps()
	st, bad, err := s.read()
	if err != nil {
		return err
	}
	if bad != nil {
		if err := s.moveAside(bad); err != nil {
			return err
		}
	}
	if err := fn(&st); err != nil {
		return err
	}
	if n := len(st.Errors); n > MaxErrors {
		st.Errors = append([]string(nil), st.Errors[n-MaxErrors:]...)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("state: %w", err)
	}
	if err := config.WriteFile(s.StatePath(), append(data, '\n')); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	return nil
}

// tempPrefix starts the names of the temporary files config.WriteFile
// writes beside state.json.
const tempPrefix = ".state.json.tmp"

// removeStaleTemps removes temporary files left by a writer that was
// killed before its rename. The caller holds the lock, so no write is in
// progress.
func (s *Store) removeStaleTemps() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.Remove(filepath.Join(s.dir, e.Name()))
		}
	}
}
