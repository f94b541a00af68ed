package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/bedtime-app/bedtime/safefs"
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
	dir        string
	logger     *slog.Logger
	lockWait   time.Duration
	background bool
	changes    *later[func(*State) error] // Background: state changes not yet written
	events     *later[Event]              // Background: history events not yet written
}

// Options configure a Store opened with OpenWith.
type Options struct {
	// Logger gets the Store's warnings; nil means slog.Default().
	Logger *slog.Logger
	// LockWait is how long Load, Update and Append wait for a lock that
	// another process holds before they give up with an error naming it
	// (safefs.ErrLocked); zero means DefaultLockWait.
	LockWait time.Duration
	// Background is for the daemon, which must never stop for a lock or a
	// failed write: a change that cannot be written (another process holds
	// the lock, the disk is full) is kept in memory, in order, and written
	// as soon as it can be (retried with a backoff up to a minute, never
	// polled at rest). Update and Append then return an error matching
	// ErrPending; Load returns the state with the kept changes applied;
	// Close makes a last attempt. In this mode an Update's fn must not
	// call Append, and a fn that returns an error changes nothing.
	Background bool
}

// DefaultLockWait is how long a Store waits for a lock another process
// holds: long enough for any write, short enough that a hung process is
// reported instead of hanging the command.
const DefaultLockWait = 5 * time.Second

// ErrPending is matched (errors.Is) by the error of an Update or Append of
// a Background Store that could not write yet and keeps the change to
// write it later.
var ErrPending = errors.New("kept in memory to be written later")

// Open returns the Store in dir, creating dir (0700) if needed, with the
// default Options.
func Open(dir string) (*Store, error) { return OpenWith(dir, Options{}) }

// OpenWith returns the Store in dir, creating dir (0700) if needed. The
// directory must be the user's own and not a symbolic link: one open to
// others is made 0700 (with a warning); one that belongs to another user
// is refused with an error naming it, its owner and mode.
func OpenWith(dir string, o Options) (*Store, error) {
	if dir == "" {
		return nil, errors.New("state: no directory given")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.LockWait <= 0 {
		o.LockWait = DefaultLockWait
	}
	s := &Store{dir: dir, logger: o.Logger, lockWait: o.LockWait, background: o.Background}
	if err := s.ensureDir(); err != nil {
		return nil, err
	}
	if o.Background {
		s.changes = &later[func(*State) error]{store: s, what: "state changes", write: s.writeState}
		s.events = &later[Event]{store: s, what: "history events", write: s.writeHistory}
	}
	return s, nil
}

// ensureDir makes sure the state directory exists and is private. It runs
// before every write, so a directory removed or opened up while the
// daemon runs is re-created or closed again.
func (s *Store) ensureDir() error {
	was, err := safefs.PrivateDir(s.dir)
	if err != nil {
		return fmt.Errorf("state: cannot use the state directory: %w", err)
	}
	if was != 0 {
		s.logger.Warn("the state directory was open to other users; made it private (0700)", "path", s.dir, "mode_was", was.String())
	}
	return nil
}

// Close writes what a Background Store still keeps in memory, waiting for
// the locks at most the LockWait, and stops retrying. It returns an error
// naming what could not be written. The Store may be used after Close,
// without retries.
func (s *Store) Close() error {
	if !s.background {
		return nil
	}
	return errors.Join(s.changes.close(s.lockWait), s.events.close(s.lockWait))
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
func (s *Store) Load() (st State, err error) {
	if s.background {
		defer func() {
			if err == nil {
				s.changes.each(func(fn func(*State) error) { apply(&st, fn) })
			}
		}()
	}
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
// returns an empty State and the bad file. A state.json that is not a
// regular file (a named pipe, a symbolic link) is a bad file too: it is
// never read or followed.
func (s *Store) read() (State, *badFile, error) {
	var st State
	data, err := safefs.ReadPrivate(s.StatePath())
	if errors.Is(err, fs.ErrNotExist) {
		st.fill()
		return st, nil, nil
	}
	if safefs.IsNotRegular(err) {
		st.fill()
		return st, &badFile{nil, err}, nil
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
	what, suffix := "does not parse", ".corrupt-"
	if safefs.IsNotRegular(bad.err) {
		what, suffix = "is not a regular file", ".unusable-"
	}
	dst, err := safefs.MoveAside(s.StatePath(), suffix)
	if err != nil {
		return fmt.Errorf("state: %s %s (%v) and cannot be moved aside: %w", s.StatePath(), what, bad.err, err)
	}
	s.logger.Warn("state file "+what+"; moved it aside and started from an empty state",
		"path", s.StatePath(), "moved_to", dst, "err", bad.err.Error(), "bytes", len(bad.data))
	return nil
}

// lock takes the exclusive lock on state.lock, waiting for it at most
// the LockWait.
func (s *Store) lock() (*flock.Flock, error) {
	return s.lockWithin(s.lockWait)
}

func (s *Store) lockWithin(wait time.Duration) (*flock.Flock, error) {
	fl, err := s.lockFile(s.lockPath(), wait)
	if err != nil {
		return nil, fmt.Errorf("state: cannot lock the state: %w", err)
	}
	return fl, nil
}

// lockFile takes the lock on path, waiting at most wait. A link, pipe or
// device there (planted while the directory was open to others) is no
// lock of ours: it is moved aside, with a warning, and a new lock file
// made.
func (s *Store) lockFile(path string, wait time.Duration) (*flock.Flock, error) {
	fl, err := safefs.Lock(path, wait)
	if !safefs.IsNotRegular(err) {
		return fl, err
	}
	dst, merr := safefs.MoveAside(path, ".unusable-")
	if merr != nil {
		return nil, fmt.Errorf("%w (and cannot move it aside: %v)", err, merr)
	}
	s.logger.Warn("a lock file is not a regular file; moved it aside", "path", path, "moved_to", dst, "err", err.Error())
	return safefs.Lock(path, wait)
}

// Update changes the state under an exclusive lock that holds across
// processes: it loads the state, calls fn, and, if fn returns nil, writes
// the result atomically (a temporary file, fsync, rename; 0600). When fn
// returns an error nothing is written and Update returns that error.
// Errors is trimmed to its newest MaxErrors entries. fn may call Append.
// A lock another process holds past the LockWait is an error naming that
// process (see Options.Background for the daemon's way).
func (s *Store) Update(fn func(*State) error) error {
	if s.background {
		return s.changes.add(fn, s.lockWait)
	}
	return s.writeState([]func(*State) error{fn}, s.lockWait)
}

// writeState applies fns to the state under the lock, waiting for it at
// most wait, and writes the result. With one fn (not Background) an error
// of fn is returned and nothing written; in a Background Store a fn that
// fails is logged and left out.
func (s *Store) writeState(fns []func(*State) error, wait time.Duration) error {
	if err := s.ensureDir(); err != nil {
		return err
	}
	fl, err := s.lockWithin(wait)
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
	for _, fn := range fns {
		if err := apply(&st, fn); err != nil {
			if !s.background {
				return err
			}
			s.logger.Error("a change of the state failed; left it out", "err", err)
		}
	}
	if n := len(st.Errors); n > MaxErrors {
		st.Errors = append([]string(nil), st.Errors[n-MaxErrors:]...)
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("state: %w", err)
	}
	if err := safefs.WriteAtomic(s.StatePath(), append(data, '\n')); err != nil {
		return fmt.Errorf("state: cannot write %s: %w", s.StatePath(), err)
	}
	return nil
}

// apply calls fn on st; when fn fails, st is left as it was.
func apply(st *State, fn func(*State) error) error {
	before := st.clone()
	if err := fn(st); err != nil {
		*st = before
		return err
	}
	return nil
}

// clone returns a copy of s that shares no map or slice with it.
func (s State) clone() State {
	c := s
	c.Last, c.Snoozes, c.Skips, c.Done = maps.Clone(s.Last), maps.Clone(s.Snoozes), maps.Clone(s.Skips), maps.Clone(s.Done)
	c.Errors = slices.Clone(s.Errors)
	return c
}

// tempPrefix starts the names of the temporary files safefs.WriteAtomic
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
