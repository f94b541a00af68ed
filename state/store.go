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
	"runtime"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/bedtime-app/bedtime/safefs"
)

// State is everything bedtime remembers between runs besides the history.
type State struct {
	// Last holds, per reminder, the last scheduled instant the daemon
	// handled (fired, missed or skipped), so that none is handled twice.
	Last map[string]time.Time `json:"last,omitempty"`
	// Open holds, per reminder, its instant that is due, held, shown or
	// snoozed and not yet finished. See Apply.
	Open map[string]Instant `json:"open,omitempty"`
	// Closed holds, per reminder, how its most recent finished instant
	// ended.
	Closed map[string]Outcome `json:"closed,omitempty"`
	// PausedUntil is when a pause ends; the zero Time means not paused.
	PausedUntil time.Time `json:"paused_until,omitzero"`
	// PauseGiven is when the pause or resume that set PausedUntil was
	// given, on this computer or another; zero when not known (a state of
	// an older bedtime). A pause or resume given earlier, read late from
	// another computer, does not undo it.
	PauseGiven time.Time `json:"pause_given,omitzero"`
	// Snoozes holds, per reminder, a time at which its open instant is
	// shown once more (a snooze, or a repeat of repeat_until_done).
	Snoozes map[string]time.Time `json:"snoozes,omitempty"`
	// Repeats holds, per reminder with repeat_until_done, how many times
	// its open instant was shown again by a repeat or a snooze since it
	// came due, so that repeat_max holds across a restart.
	Repeats map[string]int `json:"repeats,omitempty"`
	// Skips holds, per reminder, the scheduled instant to skip.
	Skips map[string]time.Time `json:"skips,omitempty"`
	// RoutineStop is when `bedtime routine --stop` last asked the daemon to
	// stop the guided routines it plays.
	RoutineStop time.Time `json:"routine_stop,omitzero"`
	// Problems holds the daemon's problems that are still true, by what
	// they are about (ProblemSchedule, ProblemNotifications): set when a
	// problem starts, removed when it ends.
	Problems map[string]string `json:"problems,omitempty"`
	// Presence is whether the person is at the computer, as the daemon
	// last saw it; nil when it does not know.
	Presence *Presence `json:"presence,omitempty"`
}

// Presence is the person's presence as the daemon last saw it.
type Presence struct {
	// State is "here", "away" or "locked".
	State string `json:"state"`
	// Since is when it began (for away, the last input).
	Since time.Time `json:"since"`
	// Source names how bedtime knows, such as "GNOME idle monitor".
	Source string `json:"source"`
}

// The keys of State.Problems.
const (
	// ProblemSchedule: the schedule file has errors (the first one).
	ProblemSchedule = "schedule"
	// ProblemNoSchedule: the daemon runs with no schedule, for the file
	// had errors when it started; with ProblemSchedule alone, it keeps the
	// schedule it loaded before the file broke.
	ProblemNoSchedule = "no-schedule"
	// ProblemPartialSchedule: the daemon runs only the reminders of the
	// file that have no error, for the file had errors when it started and
	// no schedule it loaded before was at hand.
	ProblemPartialSchedule = "partial-schedule"
	// ProblemNotifications: reminders cannot be shown (no session bus, no
	// notification server).
	ProblemNotifications = "notifications"
)

// Clone returns a copy of s that shares no map with it.
func (s State) Clone() State {
	c := s
	c.Last, c.Open, c.Closed = maps.Clone(s.Last), maps.Clone(s.Open), maps.Clone(s.Closed)
	c.Snoozes, c.Skips, c.Problems = maps.Clone(s.Snoozes), maps.Clone(s.Skips), maps.Clone(s.Problems)
	c.Repeats = maps.Clone(s.Repeats)
	c.fill()
	return c
}

// SetProblem records msg as the problem about key; an empty msg clears it.
// It reports whether anything changed.
func (s *State) SetProblem(key, msg string) bool {
	s.fill()
	if s.Problems[key] == msg {
		return false
	}
	if msg == "" {
		delete(s.Problems, key)
	} else {
		s.Problems[key] = msg
	}
	return true
}

// fill makes the maps non-nil.
func (s *State) fill() {
	if s.Last == nil {
		s.Last = map[string]time.Time{}
	}
	if s.Open == nil {
		s.Open = map[string]Instant{}
	}
	if s.Closed == nil {
		s.Closed = map[string]Outcome{}
	}
	if s.Snoozes == nil {
		s.Snoozes = map[string]time.Time{}
	}
	if s.Skips == nil {
		s.Skips = map[string]time.Time{}
	}
	if s.Repeats == nil {
		s.Repeats = map[string]int{}
	}
	if s.Problems == nil {
		s.Problems = map[string]string{}
	}
}

// Store is the state directory: state.json, history.jsonl and their lock
// files. Its methods are safe for concurrent use by goroutines and by
// processes.
type Store struct {
	dir      string
	logger   *slog.Logger
	lockWait time.Duration
}

// Options configure a Store opened with OpenWith.
type Options struct {
	// Logger gets the Store's warnings; nil means slog.Default().
	Logger *slog.Logger
	// LockWait is how long Load, Update and Append wait for a lock that
	// another process holds before they give up with an error naming it
	// (safefs.ErrLocked); zero means DefaultLockWait. The daemon waits
	// briefly and keeps what it could not write for later.
	LockWait time.Duration
}

// DefaultLockWait is how long a Store waits for a lock another process
// holds: long enough for any write, short enough that a hung process is
// reported instead of hanging the command.
const DefaultLockWait = 5 * time.Second

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
	s := &Store{dir: dir, logger: o.Logger, lockWait: o.LockWait}
	if err := s.ensureDir(); err != nil {
		return nil, err
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
// returns an error nothing is written and Update returns that error (nil
// for ErrUnchanged). fn may call Append. A lock another process holds
// past the LockWait is an error naming that process.
func (s *Store) Update(fn func(*State) error) error {
	return s.writeState(fn, s.lockWait)
}

// writeState applies fn to the state under the lock, waiting for it at
// most wait, and writes the result.
func (s *Store) writeState(fn func(*State) error, wait time.Duration) error {
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
	if err := fn(&st); err != nil {
		if errors.Is(err, ErrUnchanged) {
			return nil
		}
		return err
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

// ErrUnchanged, returned by the function given to Update, means it changed
// nothing: Update writes nothing and returns nil.
var ErrUnchanged = errors.New("state: unchanged")

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

// DefaultDir returns where bedtime keeps its state and history:
// $XDG_STATE_HOME/bedtime (default ~/.local/state/bedtime) on Linux and the
// BSDs, ~/Library/Application Support/bedtime on macOS, and
// %LocalAppData%\bedtime on Windows.
func DefaultDir() (string, error) {
	switch runtime.GOOS {
	case "darwin", "windows":
		dir, err := os.UserConfigDir()
		if runtime.GOOS == "windows" {
			dir, err = os.UserCacheDir() // %LocalAppData%
		}
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "bedtime"), nil
	}
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "bedtime"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "bedtime"), nil
}
