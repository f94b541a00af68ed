package state

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// The synced streak checkpoint (synced-streaks.json in the state
// directory) is to the person's merged record what streaks.json is to
// this computer's history: each reminder's streak, and each device's, on
// the day before a day, so that MergedStats reads the days asked for and
// those since that day, never the years a long streak spans.
//
// It covers the events before the start of a UTC month (the month the
// others' events files are named by): those of this computer's history
// and those in the other devices' files of the months before. Its day is
// statsLookback days before that month's start, so that the answers to
// the days it covers, which come up to statsLookback days later, are in
// those files too. The month is the latest one begun at least
// syncedSettle days ago: a file of a month just over may still grow with
// what a computer that was off or behind sends late.
//
// It is a cache of the record and never trusted over it: it names what it
// was made from (this computer's history as streaks.json does, the
// folder, the key's fingerprint, this device's id, and each of the other
// devices' files of the months it covers with their sizes and a hash of
// their last bytes), and anything else (a device that wrote late into one
// of those months, a file gone, a device new there, another key or
// folder) makes it be made again from the whole record.
const (
	syncedStreaksName    = "synced-streaks.json"
	syncedStreaksVersion = 3 // 3: a day never shown (missed) no longer breaks a streak
	// syncedSettle is how many days a month is left to settle before the
	// checkpoint covers it; the checkpoint's day is then between
	// syncedSettle+statsLookback days and a month more old.
	syncedSettle = 7
	// syncedMax bounds what is read of the file, syncedMaxDevices and
	// syncedMaxFiles what it may name (64 devices of a hundred years).
	syncedMax        = 4 << 20
	syncedMaxDevices = 128
	syncedMaxFiles   = 64 * 12 * 100
)

// MonthFile is one of another device's monthly events files in the sync
// folder, as the synced checkpoint names it.
type MonthFile struct {
	Device string `json:"device"`
	// Month is the month the file is named by, 2006-01 (UTC).
	Month string `json:"month"`
	// Size is its size in bytes; -1 for what is no regular file.
	Size int64 `json:"size"`
	// Tail is a hash of its last bytes.
	Tail string `json:"tail,omitempty"`
}

// SyncSource names where the other devices' part of the merged record is
// read from, as the caller sees it before reading: the synced checkpoint
// is of this source or made again.
type SyncSource struct {
	// Folder is the sync folder's path, Key the key's fingerprint, Self
	// this device's id.
	Folder, Key, Self string
	// Files are the other devices' events files, every month.
	Files []MonthFile
}

// MergedRead reads the person's merged record from since on (since zero:
// all of it): every device's events merged into one record (all) and each
// device's own (byDevice, by device id, made only when split asks for it:
// it holds every event a second time), each in time order.
type MergedRead func(since time.Time, split bool) (all []Event, byDevice map[string][]Event, err error)

// syncedCheckpoint is the file's content.
type syncedCheckpoint struct {
	Version int    `json:"version"`
	Zone    string `json:"zone"`
	// Month is the month (2006-01, UTC) at whose start the events covered
	// end; Day the first day not covered (2006-01-02 in Zone), Midnight
	// its start's Unix time.
	Month    string `json:"month"`
	Day      string `json:"day"`
	Midnight int64  `json:"midnight"`
	// History is this computer's history when the checkpoint was made.
	History historyMark `json:"history"`
	// Folder, Key, Self and Files are the SyncSource it was made from,
	// Files only those of the months before Month, sorted.
	Folder string      `json:"folder"`
	Key    string      `json:"key"`
	Self   string      `json:"self"`
	Files  []MonthFile `json:"files"`
	// Streaks is each reminder's streak in the merged record on the day
	// before Day, Devices each device's streaks in what it recorded;
	// reminders without one are left out.
	Streaks map[string]int            `json:"streaks"`
	Devices map[string]map[string]int `json:"devices"`
}

// historyMark names the history as it was: its size and the SHA-256 of
// its first and last printBytes bytes (historyPrint); all zero for an
// empty or missing history.
type historyMark struct {
	Size int64  `json:"size"`
	Head string `json:"head,omitempty"`
	Tail string `json:"tail,omitempty"`
}

func (s *Store) syncedStreaksPath() string { return filepath.Join(s.dir, syncedStreaksName) }

// markHistory returns the history's mark as it is now.
func (s *Store) markHistory() (historyMark, error) {
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return historyMark{}, nil
	}
	if err != nil {
		return historyMark{}, fmt.Errorf("state: cannot read the history: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return historyMark{}, fmt.Errorf("state: cannot read the history: %w", err)
	}
	m := historyMark{Size: fi.Size()}
	if m.Size > 0 {
		if m.Head, m.Tail, err = historyPrint(f, m.Size); err != nil {
			return historyMark{}, fmt.Errorf("state: cannot read the history: %w", err)
		}
	}
	return m, nil
}

// grownFrom checks that the history is the one m names, grown or not
// (the history only grows), and returns the time of its first line (zero
// when it has none).
func (s *Store) grownFrom(m historyMark) (first time.Time, err error) {
	if m.Size < 0 {
		return time.Time{}, errors.New("of another history")
	}
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) && m.Size == 0 {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return time.Time{}, err
	}
	if m.Size > fi.Size() {
		return time.Time{}, errors.New("of another history")
	}
	if m.Size > 0 {
		head, tail, err := historyPrint(f, m.Size)
		if err != nil {
			return time.Time{}, err
		}
		if head != m.Head || tail != m.Tail {
			return time.Time{}, errors.New("of another history")
		}
	}
	first, _ = firstAt(f)
	return first, nil
}

// syncedCut returns the month the checkpoint for now covers the events
// before (2006-01), that month's start (end) and the checkpoint's day
// (midnight in loc).
func syncedCut(now time.Time, loc *time.Location) (month string, end, day time.Time) {
	t := now.UTC().AddDate(0, 0, -syncedSettle)
	end = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return end.Format("2006-01"), end, syncedDay(end, loc)
}

// syncedDay is the checkpoint's day for a month beginning at end: the
// midnight in loc statsLookback days before end's day there, so that
// statsLookback whole days after the days it covers lie before end.
func syncedDay(end time.Time, loc *time.Location) time.Time {
	return dayStart(end, -statsLookback, loc)
}

// loadSynced returns the checkpoint and its day if it is one of src and
// this history in loc, for month or an earlier one.
func (s *Store) loadSynced(src SyncSource, month string, loc *time.Location) (*syncedCheckpoint, time.Time, error) {
	var ck syncedCheckpoint
	if err := decodeCheckpoint(s.syncedStreaksPath(), syncedMax, &ck); err != nil {
		return nil, time.Time{}, err
	}
	if ck.Version != syncedStreaksVersion || ck.Zone != loc.String() {
		return nil, time.Time{}, errors.New("of another version or zone")
	}
	end, err := time.Parse("2006-01", ck.Month)
	if err != nil || ck.Month > month {
		return nil, time.Time{}, errors.New("of another month")
	}
	day := syncedDay(end, loc)
	if ck.Day != day.Format(time.DateOnly) || ck.Midnight != day.Unix() {
		return nil, time.Time{}, errors.New("of another day or zone")
	}
	if ck.Folder != src.Folder || ck.Key != src.Key || ck.Self != src.Self {
		return nil, time.Time{}, errors.New("of another folder, key or device")
	}
	if len(ck.Files) > syncedMaxFiles || len(ck.Devices) > syncedMaxDevices || len(ck.Streaks) > streaksMaxNames {
		return nil, time.Time{}, errors.New("naming too many files, devices or reminders")
	}
	if !slices.Equal(ck.Files, filesBefore(src.Files, ck.Month)) {
		return nil, time.Time{}, errors.New("of other files in the folder (a device wrote into a month it covers, or one came or went)")
	}
	first, err := s.grownFrom(ck.History)
	if err != nil {
		return nil, time.Time{}, err
	}
	// No streak is longer than the record before the day: the earliest
	// of this history's first line and the other devices' first month.
	for _, mf := range ck.Files {
		if t, err := time.Parse("2006-01", mf.Month); err == nil && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	most := 0
	if !first.IsZero() {
		most = int(day.Sub(first).Hours()/24) + 2
	}
	plausible := func(streaks map[string]int) bool {
		if len(streaks) > streaksMaxNames {
			return false
		}
		for _, n := range streaks {
			if n < 0 || n > most {
				return false
			}
		}
		return true
	}
	if !plausible(ck.Streaks) {
		return nil, time.Time{}, errors.New("a streak longer than the record")
	}
	for _, streaks := range ck.Devices {
		if !plausible(streaks) {
			return nil, time.Time{}, errors.New("a streak longer than the record")
		}
	}
	return &ck, day, nil
}

// filesBefore returns the files of months before month, sorted by device
// and month.
func filesBefore(files []MonthFile, month string) []MonthFile {
	out := []MonthFile{}
	for _, mf := range files {
		if mf.Month < month {
			out = append(out, mf)
		}
	}
	slices.SortFunc(out, func(a, b MonthFile) int {
		return cmp.Or(cmp.Compare(a.Device, b.Device), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Size, b.Size), cmp.Compare(a.Tail, b.Tail))
	})
	return out
}

// MergedStats sums up the person's merged record over the last days days,
// as Stats does with the whole record, and, with byDevice, each device's
// part of it (by device id), reading (read) only the days the sums need
// and those since the synced checkpoint's day: what Store.Stats does with
// this computer's history alone. src names the other devices' files as
// they are before read is called.
//
// As Store.Stats, it lists the reminders with an instant in the days it
// sums up or the statsLookback days before them, not every reminder the
// record ever named, and a device with events in those days; this
// computer's is the caller's to add. events must be in time order
// (devices.Merge gives them so).
//
// The first time, or when the checkpoint no longer fits the record, read
// is asked for the whole record, and the checkpoint made from it.
func (s *Store) MergedStats(days int, now time.Time, loc *time.Location, src SyncSource, byDevice bool, read MergedRead) (all []ReminderStats, devs map[string][]ReminderStats, err error) {
	if loc == nil {
		loc = time.Local
	}
	days = max(days, 1)
	_, from := window(days, now, loc)
	month, end, day := syncedCut(now, loc)
	// The checkpoint names the record as it was before it was read: what
	// is added while it is read is then found new the next time, never
	// taken for read.
	hist, err := s.markHistory()
	if err != nil {
		return nil, nil, err
	}
	ck, ckDay, lerr := s.loadSynced(src, month, loc)
	var since time.Time
	switch {
	case lerr == nil:
		since = from
		if ckDay.Before(from) {
			since = ckDay
		}
	case !errors.Is(lerr, fs.ErrNotExist):
		s.logger.Info("making the synced streak checkpoint again", "path", s.syncedStreaksPath(), "err", lerr.Error())
	}
	// Each device's part is needed to make the checkpoint (it keeps
	// each device's streaks) and for byDevice, not otherwise.
	build := lerr != nil || ck.Month != month
	events, byDev, err := read(since, build || byDevice)
	if err != nil {
		return nil, nil, err
	}
	inOrder(events)
	for _, evs := range byDev {
		inOrder(evs)
	}
	if build {
		var base *syncedCheckpoint
		if lerr == nil {
			base = ck
		}
		ck = buildSynced(base, ckDay, events, byDev, end, day, loc)
		ck.History, ck.Folder, ck.Key, ck.Self = hist, src.Folder, src.Key, src.Self
		ck.Files = filesBefore(src.Files, month)
		ckDay = day
		s.writeSynced(ck)
	}
	all = sumMerged(events, days, now, loc, ck.Streaks, ckDay)
	if byDevice {
		devs = map[string][]ReminderStats{}
		for id, evs := range byDev {
			if len(evs) > 0 && !evs[len(evs)-1].At.Before(from) {
				devs[id] = sumMerged(evs, days, now, loc, ck.Devices[id], ckDay)
			}
		}
	}
	return all, devs, nil
}

// writeSynced writes the checkpoint; one that cannot be written (a full
// disk, a read-only state directory) is still used, and made again the
// next time.
func (s *Store) writeSynced(ck *syncedCheckpoint) {
	data, err := json.Marshal(ck)
	if err == nil && len(data) > syncedMax {
		err = errors.New("too large")
	}
	if err == nil {
		err = safefs.WriteAtomic(s.syncedStreaksPath(), data)
	}
	if err != nil {
		s.logger.Warn("cannot write the synced streak checkpoint", "path", s.syncedStreaksPath(), "err", err.Error())
	}
}
