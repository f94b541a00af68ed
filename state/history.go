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
func (s *Store) History(since time.Time) ([]Event, error) {
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state: cannot read the history: %w", err)
	}
	defer f.Close()
	events, skipped, first, err := readEvents(f, since)
	if err != nil {
		return events, fmt.Errorf("state: cannot read the history: %w", err)
	}
	if skipped > 0 {
		s.logger.Warn("skipped unreadable lines of the history", "path", s.HistoryPath(), "lines", skipped, "first_line", first)
	}
	return events, nil
}

// readEvents parses JSON lines from r, keeping events at or after since. It
// returns how many lines it skipped and the number of the first.
func readEvents(r io.Reader, since time.Time) (events []Event, skipped, first int, err error) {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, rerr := br.ReadBytes('\n')
		if rerr != nil && rerr != io.EOF {
			return events, skipped, first, rerr
		}
		if b := bytes.TrimSpace(line); len(b) > 0 {
			var ev Event
			if json.Unmarshal(b, &ev) != nil || ev.Kind == "" || ev.At.IsZero() {
				if skipped == 0 {
					first = n
				}
				skipped++
			} else if !ev.At.Before(since) {
				events = append(events, ev)
			}
		}
		if rerr == io.EOF {
			return events, skipped, first, nil
		}
	}
}
