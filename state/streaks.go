package state

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// The streak checkpoint (streaks.json in the state directory) keeps, as
// of a day, how long each reminder's streak was on the day before: what
// a streak that reaches back past that day adds, so that Store.Stats
// never reads the years a long streak spans. It is a cache of the history
// and never trusted over it: it names the history it was made from (its
// size then and a hash of its first and last bytes then; the history only
// grows, so a history moved aside, begun anew or cut short no longer
// matches), the zone its days are in, and is made again from the history
// when it is missing, unreadable, of another history or zone, implausible,
// or more than streakRefresh days old.
const (
	streaksName    = "streaks.json"
	streaksVersion = 2 // 2: a day never shown (missed) no longer breaks a streak
	// streakRefresh is how old (in days) a checkpoint grows before it is
	// moved forward: Store.Stats then reads at most that many days more.
	streakRefresh = 30
	// streaksMax bounds what is read of the file and how many reminders
	// it may name.
	streaksMax      = 1 << 20
	streaksMaxNames = 4096
	// printBytes is how many bytes at each end of the history the
	// checkpoint's hashes cover.
	printBytes = 4096
)

// streakCheckpoint is the file's content.
type streakCheckpoint struct {
	Version int `json:"version"`
	// Zone is the name of the location the days are in, Midnight the Unix
	// time of Day's start there.
	Zone     string `json:"zone"`
	Day      string `json:"day"` // the first day not covered, 2006-01-02
	Midnight int64  `json:"midnight"`
	// Size is the history's size when the checkpoint was made, Head and
	// Tail the SHA-256 of its first and last printBytes bytes then.
	Size int64  `json:"size"`
	Head string `json:"head"`
	Tail string `json:"tail"`
	// Streaks is each reminder's streak on the day before Day (a day
	// fired and not done breaks it there); reminders without one are left
	// out.
	Streaks map[string]int `json:"streaks"`
}

func (s *Store) streaksPath() string { return filepath.Join(s.dir, streaksName) }

// historyPrint returns the hashes of the first and last printBytes bytes
// of the history's first size bytes.
func historyPrint(f *os.File, size int64) (head, tail string, err error) {
	hash := func(off, n int64) (string, error) {
		buf := make([]byte, n)
		if _, err := f.ReadAt(buf, off); err != nil {
			return "", err
		}
		sum := sha256.Sum256(buf)
		return hex.EncodeToString(sum[:]), nil
	}
	n := min(size, printBytes)
	if head, err = hash(0, n); err != nil {
		return "", "", err
	}
	if tail, err = hash(size-n, n); err != nil {
		return "", "", err
	}
	return head, tail, nil
}

// decodeCheckpoint decodes the checkpoint file at path, private and of at
// most max bytes, into ck.
func decodeCheckpoint(path string, max int, ck any) error {
	f, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	f.Close()
	if err != nil {
		return err
	}
	if len(data) > max {
		return errors.New("too large")
	}
	return json.Unmarshal(data, ck)
}

// loadStreaks returns the checkpoint and its day (midnight in loc) if it
// is one of this history in loc, covering no day after today.
func (s *Store) loadStreaks(today time.Time, loc *time.Location) (*streakCheckpoint, time.Time, error) {
	var ck streakCheckpoint
	if err := decodeCheckpoint(s.streaksPath(), streaksMax, &ck); err != nil {
		return nil, time.Time{}, err
	}
	if ck.Version != streaksVersion || ck.Zone != loc.String() || len(ck.Streaks) > streaksMaxNames {
		return nil, time.Time{}, errors.New("of another version, zone, or too many reminders")
	}
	day, err := dateStart(ck.Day, loc)
	if err != nil || day.Unix() != ck.Midnight || day.After(today) {
		return nil, time.Time{}, errors.New("of another day or zone")
	}
	h, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer h.Close()
	fi, err := h.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if ck.Size <= 0 || ck.Size > fi.Size() {
		return nil, time.Time{}, errors.New("of another history")
	}
	head, tail, err := historyPrint(h, ck.Size)
	if err != nil {
		return nil, time.Time{}, err
	}
	if head != ck.Head || tail != ck.Tail {
		return nil, time.Time{}, errors.New("of another history")
	}
	// No streak is longer than the history before the day.
	at, ok := firstAt(h)
	if !ok {
		return nil, time.Time{}, errors.New("of another history")
	}
	most := int(day.Sub(at).Hours()/24) + 2
	for _, n := range ck.Streaks {
		if n < 0 || n > most {
			return nil, time.Time{}, errors.New("a streak longer than the history")
		}
	}
	return &ck, day, nil
}

// buildStreaks makes the checkpoint for day cut (midnight in loc): from
// base, a checkpoint for day since, and the history's days from since on,
// or, base nil, from the whole history. The days before cut must be over
// for good: the history must hold the lines of statsLookback days after
// them.
func (s *Store) buildStreaks(base *streakCheckpoint, since, cut time.Time, loc *time.Location) (*streakCheckpoint, error) {
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("state: cannot read the history: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("state: cannot read the history: %w", err)
	}
	ck := &streakCheckpoint{Version: streaksVersion, Zone: loc.String(), Day: cut.Format(time.DateOnly), Midnight: cut.Unix(), Size: fi.Size(), Streaks: map[string]int{}}
	if ck.Size > 0 {
		if ck.Head, ck.Tail, err = historyPrint(f, ck.Size); err != nil {
			return nil, fmt.Errorf("state: cannot read the history: %w", err)
		}
	}
	if base == nil {
		since = time.Time{}
	}
	marks := map[string]*dayMarks{}
	if _, err := s.scanAllMarks(since, dayStart(cut, statsLookback, loc), loc, marks); err != nil {
		return nil, err
	}
	last := dayStart(cut, -1, loc)
	for name, dm := range marks {
		first := dm.first
		if base != nil {
			dm.trim(since)
			first = since
		}
		n, reached := streakUntil(dm.marks, last, first)
		if reached && base != nil {
			n += base.Streaks[name]
		}
		if n > 0 {
			ck.Streaks[name] = n
		}
	}
	if base != nil { // reminders without an instant since
		for name, n := range base.Streaks {
			if _, ok := marks[name]; !ok && n > 0 {
				ck.Streaks[name] = n
			}
		}
	}
	return ck, nil
}

// streaks returns a checkpoint of this history in loc for a day no later
// than today and at most streakRefresh+statsLookback days before it, with
// that day: the file's if it is one, else one made (from the file's if it
// is older, else from the whole history) and written; one that cannot be
// written is still used.
func (s *Store) streaks(today time.Time, loc *time.Location) (*streakCheckpoint, time.Time, error) {
	ck, day, err := s.loadStreaks(today, loc)
	cut := dayStart(today, -statsLookback, loc)
	if err == nil && !day.Before(dayStart(cut, -streakRefresh, loc)) {
		return ck, day, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.logger.Info("making the streak checkpoint again", "path", s.streaksPath(), "err", err.Error())
		ck = nil
	}
	if day.After(cut) {
		ck = nil
	}
	ck, err = s.buildStreaks(ck, day, cut, loc)
	if err != nil {
		return nil, time.Time{}, err
	}
	data, err := json.Marshal(ck)
	if err == nil {
		err = safefs.WriteAtomic(s.streaksPath(), data)
	}
	if err != nil {
		s.logger.Warn("cannot write the streak checkpoint", "path", s.streaksPath(), "err", err.Error())
	}
	return ck, cut, nil
}

// firstAt returns the time of the history's first line that begins with
// one, looking at its first 2*maxTailLine bytes.
func firstAt(f *os.File) (time.Time, bool) {
	b := make([]byte, 2*maxTailLine)
	n, err := f.ReadAt(b, 0)
	if err != nil && err != io.EOF {
		return time.Time{}, false
	}
	for _, line := range bytes.Split(b[:n], []byte("\n")) {
		if at, ok := leadingAt(line); ok {
			return at, true
		}
	}
	return time.Time{}, false
}

// streakUntil counts the done days back from last to first, a day shown
// and not done breaking the count (one never shown does not); it reports
// whether it reached first.
func streakUntil(marks map[int32]uint8, last, first time.Time) (n int, reachedFirst bool) {
	for d := last; !d.Before(first); d = dayStart(d, -1, last.Location()) {
		switch rankedMarks[marks[dayNumber(d)]] {
		case MarkDone:
			n++
		case MarkShown:
			return n, false
		}
	}
	return n, true
}
