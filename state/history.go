package state

import (
	"bufio"
	"bytes"
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

// Kind says what happened to a reminder.
type Kind string

// The kinds of history events. Every kind but Paused and Resumed is about
// one scheduled instant of one reminder (see Apply for the lifecycle).
const (
	// Due: the instant came due and the daemon is showing it. It is a
	// status of an open instant, not written to the history.
	Due Kind = "due"
	// Held: it could not be shown yet (no notification server, do not
	// disturb, the person away); Detail says why.
	Held Kind = "held"
	// Shown: a notification server accepted it (Via says which), or a
	// fallback really delivered it. Detail is "again" for a snooze or a
	// repeat of the same instant.
	Shown Kind = "shown"
	// Done: the user answered it with Done (button, `bedtime done`, the
	// phone, or a routine started from it).
	Done Kind = "done"
	// Snoozed: the user asked to see it again later.
	Snoozed Kind = "snoozed"
	// Dismissed: the user closed it without an answer.
	Dismissed Kind = "dismissed"
	// Expired: it was shown and never answered (the server took it down,
	// or the next instant replaced it).
	Expired Kind = "expired"
	// Skipped: not shown on purpose (bedtime skip, a pause, the person
	// away); Detail says why.
	Skipped Kind = "skipped"
	// Missed: it was due but never shown (the machine slept or bedtime was
	// not running past its catch-up grace, or no notification server came
	// up in time); Detail says why.
	Missed Kind = "missed"
	// Sent: it was delivered to another channel than the desktop (Via
	// names the channel; Detail has a command's exit status). It is no
	// outcome: the instant goes on.
	Sent Kind = "sent"
	// Paused: reminders were paused; Detail says until when.
	Paused Kind = "paused"
	// Resumed: a pause ended.
	Resumed Kind = "resumed"
	// Fired is what version 1 wrote when it sent a notification, whether
	// or not anyone saw it. It is read, never written: Stats counts it as
	// Shown.
	Fired Kind = "fired"
)

// Event is one line of the history.
type Event struct {
	// At is when it happened.
	At time.Time `json:"at"`
	// Reminder names the reminder; empty for events about all of them
	// (Paused, Resumed).
	Reminder string `json:"reminder,omitempty"`
	Kind     Kind   `json:"kind"`
	// Scheduled is the scheduled instant the event is about, if any. A
	// reminder shown again (a repeat or a snooze) keeps the instant it was
	// first due, so that it counts once.
	Scheduled time.Time `json:"scheduled,omitzero"`
	// Via names what showed the reminder (Shown events), such as
	// "d-bus: dunst".
	Via string `json:"via,omitempty"`
	// Detail is free text, such as the pause's end or a failure.
	Detail string `json:"detail,omitempty"`
}

func (s *Store) historyLockPath() string { return filepath.Join(s.dir, "history.lock") }

// Append adds ev to the end of the history as one JSON line, written with
// one write to a file opened O_APPEND (0600) and flushed to disk, under a
// lock of its own (history.lock), so that it is safe across processes and
// may be called inside Update. If the file ends in a torn line (a writer
// killed mid-line), the new event starts on a line of its own. A history
// that is not a regular file (a named pipe, a symbolic link) is moved
// aside, never written through.
func (s *Store) Append(ev Event) error { return s.AppendAll([]Event{ev}) }

// AppendAll adds events to the end of the history like Append, all in one
// write and one flush to disk.
func (s *Store) AppendAll(events []Event) error {
	if len(events) == 0 {
		return nil
	}
	return s.writeHistory(events, s.lockWait)
}

// writeHistory appends evs to the history under its lock, waiting for it
// at most wait.
func (s *Store) writeHistory(evs []Event, wait time.Duration) error {
	var lines []byte
	for _, ev := range evs {
		line, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("state: %w", err)
		}
		lines = append(append(lines, line...), '\n')
	}
	if err := s.ensureDir(); err != nil {
		return err
	}
	fl, err := s.lockFile(s.historyLockPath(), wait)
	if err != nil {
		return fmt.Errorf("state: cannot lock the history: %w", err)
	}
	defer fl.Unlock()
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if safefs.IsNotRegular(err) {
		dst, merr := safefs.MoveAside(s.HistoryPath(), ".unusable-")
		if merr != nil {
			return fmt.Errorf("state: cannot open the history: %w (and cannot move it aside: %v)", err, merr)
		}
		s.logger.Warn("the history is not a regular file; moved it aside and started a new one", "path", s.HistoryPath(), "moved_to", dst, "err", err.Error())
		f, err = safefs.OpenPrivate(s.HistoryPath(), os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	}
	if err != nil {
		return fmt.Errorf("state: cannot open the history: %w", err)
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
			lines = append([]byte{'\n'}, lines...)
		}
	}
	_, werr := f.Write(lines)
	if err := f.Sync(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("state: cannot append to the history: %w", werr)
	}
	return nil
}

// History returns the events that happened at or after since, in file
// order. A missing history is empty. A torn or garbled line (a writer
// killed mid-line, a disk error) is skipped, with one warning per call,
// never an error.
//
// With since set, it reads only the history's tail: the history is
// written in time order, so it looks back from the end for the first line
// older than since by more than HistorySlack (reading only each line's
// leading timestamp) and decodes from there on. Its cost is that of the
// lines it returns, not of the history's length. A line out of time order
// by more than HistorySlack (a clock set back by days) is found only by a
// whole read, with since zero.
func (s *Store) History(since time.Time) ([]Event, error) {
	events, _, err := s.history(since, time.Time{})
	return events, err
}

// history is History, up to until when it is set: the events at or after
// since and before until. whole reports whether it read the file from its
// start.
func (s *Store) history(since, until time.Time) (events []Event, whole bool, err error) {
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("state: cannot read the history: %w", err)
	}
	defer f.Close()
	var off int64
	if !since.IsZero() {
		if off, err = tailOffset(f, since.Add(-HistorySlack)); err != nil {
			return nil, false, fmt.Errorf("state: cannot read the history: %w", err)
		}
		if _, err := f.Seek(off, io.SeekStart); err != nil {
			return nil, false, fmt.Errorf("state: cannot read the history: %w", err)
		}
	}
	events, skipped, first, err := readEvents(f, since, until)
	if err != nil {
		return events, off == 0, fmt.Errorf("state: cannot read the history: %w", err)
	}
	if skipped > 0 {
		where := []any{"first_line", first}
		if off > 0 { // the line numbers count from there
			where = []any{"from_byte", off, "first_line_after", first}
		}
		s.logger.Warn("skipped unreadable lines of the history", append([]any{"path", s.HistoryPath(), "lines", skipped}, where...)...)
	}
	return events, off == 0, nil
}

// readEvents parses JSON lines from r, keeping events at or after since
// and, when until is set, before until; it stops at the first line later
// than until by more than HistorySlack. It returns how many lines it
// skipped and the number of the first. The
// strings every line repeats (reminder, kind, via) are shared between the
// events, so a year of history costs little more memory than its events.
func readEvents(r io.Reader, since, until time.Time) (events []Event, skipped, first int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	names := map[string]string{}
	intern := func(s string) string {
		if s == "" {
			return s
		}
		if v, ok := names[s]; ok {
			return v
		}
		if len(names) < 4096 {
			names[s] = s
		}
		return s
	}
	for n := 1; ; n++ {
		line, rerr := br.ReadSlice('\n')
		if rerr == bufio.ErrBufferFull { // a line longer than the buffer
			long := append([]byte(nil), line...)
			for rerr == bufio.ErrBufferFull {
				line, rerr = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if rerr != nil && rerr != io.EOF {
			return events, skipped, first, rerr
		}
		if b := bytes.TrimSpace(line); len(b) > 0 {
			if at, ok := leadingAt(b); ok {
				if at.Before(since) {
					continue // older than asked: not decoded
				}
				if !until.IsZero() && at.After(until.Add(HistorySlack)) {
					return events, skipped, first, nil
				}
			}
			var ev Event
			if json.Unmarshal(b, &ev) != nil || ev.Kind == "" || ev.At.IsZero() {
				if skipped == 0 {
					first = n
				}
				skipped++
			} else if !ev.At.Before(since) && (until.IsZero() || ev.At.Before(until)) {
				ev.Reminder, ev.Kind, ev.Via = intern(ev.Reminder), Kind(intern(string(ev.Kind))), intern(ev.Via)
				events = append(events, ev)
			}
		}
		if rerr == io.EOF {
			return events, skipped, first, nil
		}
	}
}

// HistorySlack is how far out of time order a line of the history may be
// and still be found by History(since): the events of one change are
// written together, at the instant they happened, so lines come in time
// order except across a clock set back.
const HistorySlack = 24 * time.Hour

// leadingAt reads the time a history line starts with, as Append writes
// it ({"at":"<RFC 3339>",...), without decoding the rest. It reports false
// for a line that starts otherwise.
func leadingAt(line []byte) (time.Time, bool) {
	const prefix = `{"at":"`
	if !bytes.HasPrefix(line, []byte(prefix)) {
		return time.Time{}, false
	}
	rest := line[len(prefix):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 || end > 64 {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, string(rest[:end]))
	return t, err == nil
}

// maxTailLine is the longest line tailOffset reads the time of; a longer
// one is passed over.
const maxTailLine = 16 << 10

// tailBlock is how much of the history tailOffset reads at a time (a
// variable for the tests).
var tailBlock = 64 << 10

// tailOffset returns the offset in f just after the last line that starts
// with a time before cutoff; 0 when there is none. Lines that do not start
// with a time (torn, garbled) are passed over. It first narrows down where
// that line is by probing single lines, a block's length before the end,
// then two, four, ... blocks before it, and halving the span found; then
// it reads backwards a block at a time from a line found newer: a few
// blocks for any length of history.
func tailOffset(f *os.File, cutoff time.Time) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	size := fi.Size()
	// hi is the start of a line newer than cutoff (or the end); the line
	// after lo is older (or lo is 0).
	lo, hi := int64(0), size
	for step := int64(max(tailBlock, 2*maxTailLine)); ; step *= 2 {
		p := size - step
		if p <= 0 {
			break
		}
		at, start, ok, err := lineAfter(f, p)
		if err != nil {
			return 0, err
		}
		if ok && at.Before(cutoff) {
			lo = p
			break
		}
		if ok {
			hi = start
		}
	}
	for hi-lo > int64(max(tailBlock, 2*maxTailLine)) {
		mid := lo + (hi-lo)/2
		at, start, ok, err := lineAfter(f, mid)
		if err != nil {
			return 0, err
		}
		if !ok || start >= hi { // nothing readable after mid: read back from hi
			break
		}
		if at.Before(cutoff) {
			lo = mid
		} else {
			hi = start
		}
	}
	return scanBack(f, hi, cutoff)
}

// lineAfter returns the time and the start of the first line starting
// after offset p that begins with a time, looking 2*maxTailLine ahead; ok
// is false when there is none.
func lineAfter(f *os.File, p int64) (at time.Time, start int64, ok bool, err error) {
	b := make([]byte, 2*maxTailLine)
	n, err := f.ReadAt(b, p)
	if err != nil && err != io.EOF {
		return time.Time{}, 0, false, err
	}
	b = b[:n]
	i := bytes.IndexByte(b, '\n')
	for i >= 0 {
		line := b[i+1:]
		end := bytes.IndexByte(line, '\n')
		if end < 0 {
			break // the rest of the block is no whole line
		}
		if at, ok := leadingAt(line[:end]); ok {
			return at, p + int64(i) + 1, true, nil
		}
		i += 1 + end
	}
	return time.Time{}, 0, false, nil
}

// scanBack returns the offset just after the last line that starts with
// a time before cutoff, reading f backwards a block at a time from size
// (the end of the file or the start of a line); 0 when there is none.
func scanBack(f *os.File, size int64, cutoff time.Time) (int64, error) {
	after := func(lineEnd int64) int64 { return min(lineEnd+1, size) }
	buf := make([]byte, tailBlock)
	// The line being read ends at lineEnd (its newline, or the end of
	// the file); carry is its part read from later blocks. A line longer
	// than maxTailLine is not kept (it is no line of ours): long.
	lineEnd := size
	var carry []byte
	long := false
	older := func(head []byte) bool {
		if long || len(head)+len(carry) > maxTailLine {
			return false
		}
		line := head
		if len(carry) > 0 {
			line = append(head[:len(head):len(head)], carry...)
		}
		at, ok := leadingAt(line)
		return ok && at.Before(cutoff)
	}
	for end := size; end > 0; {
		start := max(0, end-int64(tailBlock))
		b := buf[:end-start]
		if _, err := f.ReadAt(b, start); err != nil && err != io.EOF {
			return 0, err
		}
		j := len(b)
		for {
			i := bytes.LastIndexByte(b[:j], '\n')
			if i < 0 {
				break
			}
			if older(b[i+1 : j]) {
				return after(lineEnd), nil
			}
			lineEnd, carry, long = start+int64(i), carry[:0], false
			j = i
		}
		if long || len(carry)+j > maxTailLine {
			carry, long = carry[:0], true
		} else {
			carry = append(append([]byte(nil), b[:j]...), carry...)
		}
		end = start
	}
	// The file's first line.
	if older(nil) {
		return after(lineEnd), nil
	}
	return 0, nil
}
