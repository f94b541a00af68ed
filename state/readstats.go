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
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// statsLookback is how many days before the first day summed up
// Store.Stats starts to read, and how far past a span it reads for the
// answers to the span's last instants: the events of an instant come at
// or after it (an answer the next morning), and a line of version 1
// belongs to an instant up to a day before it.
const statsLookback = 2

// Stats sums up the history over the last days days, as the function
// Stats does with the whole history, reading only the history's tail that
// the days need (History): its cost is that of the days asked for, not of
// the history's length. A streak that reaches back before them goes on
// with the streak checkpoint (streaks.go): the streaks as of a day at most
// streakRefresh+statsLookback days ago, kept in the state directory and
// made again from the history when it is missing or no longer fits it. So
// a long streak costs what a month of history costs, but the first time
// (or after the history changed) a whole read of the history.
//
// Unattributed counts the old lines (version 1) among those read.
func (s *Store) Stats(days int, now time.Time, loc *time.Location) ([]ReminderStats, error) {
	if loc == nil {
		loc = time.Local
	}
	days = max(days, 1)
	local := now.In(loc)
	today := dayStart(local, 0, loc)
	from := dayStart(today, -(days-1)-statsLookback, loc)
	out, marks, whole, bad, err := s.sumDays(from, days, now, loc)
	if err != nil {
		return nil, err
	}
	for _, dm := range marks {
		dm.trim(from)
		// A day without a mark neither lengthens nor breaks a streak:
		// one that reaches the first day read may go on before it,
		// however long the run of days without entries there.
		dm.first = from
	}
	if !whole {
		// A streak that reaches the first day read may go on before it:
		// what it adds there is the checkpoint's (streaks.go), with the
		// days between the checkpoint's day and the first day read.
		var open []int
		for i, rs := range out {
			if _, reached := streak(marks[rs.Reminder].marks, today, from); reached {
				open = append(open, i)
			}
		}
		if len(open) > 0 {
			ck, day, err := s.streaks(today, loc)
			if err != nil {
				return nil, err
			}
			if day.Before(from) {
				more := map[string]*dayMarks{}
				for _, i := range open {
					more[out[i].Reminder] = newDayMarks()
				}
				// The days summed up warn of unreadable lines, not these.
				if _, err := s.scanMarks(day, dayStart(from, statsLookback, loc), loc, more, new(int), false); err != nil {
					return nil, err
				}
				for _, i := range open {
					m := more[out[i].Reminder]
					m.trim(day)
					marks[out[i].Reminder].add(*m)
				}
			}
			for _, i := range open {
				n, reached := streak(marks[out[i].Reminder].marks, today, day)
				if reached {
					n += ck.Streaks[out[i].Reminder]
				}
				out[i].Streak = n
			}
		}
	}
	if bad > 0 {
		s.logger.Warn("skipped unreadable lines of the history", "path", s.HistoryPath(), "lines", bad)
	}
	return slices.Clip(out), nil
}

// sumDays reads the history from from on and sums it up over the days
// days up to now's day (sumUp): each line is folded into its instant as
// it is read, and each instant summed up as soon as it is over
// (streamFolder), so what is held is about a day of instants and the sums
// of the days. A history that does not let instants be summed up early
// (see streamFolder) is read again and folded whole, every instant held
// until the end, as Instants does. whole reports whether the history was
// read from its start, bad counts its unreadable lines.
func (s *Store) sumDays(from time.Time, days int, now time.Time, loc *time.Location) (out []ReminderStats, marks map[string]*dayMarks, whole bool, bad int, err error) {
	intern := interner()
	event := func(ln scannedLine) Event {
		return Event{At: ln.at, Reminder: intern(ln.reminder), Kind: Kind(intern(ln.kind)), Scheduled: ln.scheduled}
	}
	sf := newStreamFolder(newSummer(days, now, loc))
	whole, err = s.scan(from, time.Time{}, &bad, func(ln scannedLine) bool { return sf.add(event(ln)) })
	if err != nil {
		return nil, nil, false, 0, err
	}
	if out, marks, ok := sf.result(); ok {
		return out, marks, whole, bad, nil
	}
	sf = nil
	f := newFolder()
	bad = 0
	whole, err = s.scan(from, time.Time{}, &bad, func(ln scannedLine) bool { f.add(event(ln)); return true })
	if err != nil {
		return nil, nil, false, 0, err
	}
	instants, unattributed := f.result()
	out, marks = sumUp(instants, unattributed, days, now, loc)
	return out, marks, whole, bad, nil
}

// interner returns a function that turns bytes into a string, the same
// string for the same bytes (up to 4096 of them): the few names and kinds
// of a history, shared by all its events.
func interner() func([]byte) string {
	names := map[string]string{}
	return func(b []byte) string {
		if v, ok := names[string(b)]; ok {
			return v
		}
		v := string(b)
		if len(names) < 4096 {
			names[v] = v
		}
		return v
	}
}

// scanAllMarks is scanMarks of every reminder, the unreadable lines not
// counted.
func (s *Store) scanAllMarks(since, until time.Time, loc *time.Location, marks map[string]*dayMarks) (whole bool, err error) {
	return s.scanMarks(since, until, loc, marks, new(int), true)
}

// scanMarks adds to marks, for each reminder it names (all: each one), the mark of each
// day (in loc) of the events from since to until, keeping no events: a day
// with a Done is done, else one with a Missed is missed, else one shown
// (or held, snoozed, dismissed, expired) is fired, else one skipped is
// skipped. That is the better mark of the day's instants, as Stats gives
// it, since an instant's Done wins and Missed and Skipped end an instant
// that was never shown. A line of version 1 without a scheduled instant
// counts on the day it was written. whole reports whether the history was
// read from its start.
func (s *Store) scanMarks(since, until time.Time, loc *time.Location, marks map[string]*dayMarks, bad *int, all bool) (whole bool, err error) {
	// The day of the last line, which the next line is most likely on.
	var start, dayEnd time.Time
	var day int32
	return s.scan(since, until, bad, func(ln scannedLine) bool {
		// Neither the lookup nor the conversion copies the bytes.
		mark := dayMarkOf(Kind(ln.kind))
		if mark == MarkNone || len(ln.reminder) == 0 {
			return true
		}
		dm := marks[string(ln.reminder)]
		if dm == nil {
			if !all || len(marks) >= streaksMaxNames {
				return true
			}
			dm = newDayMarks()
			marks[string(ln.reminder)] = dm
		}
		t := ln.scheduled
		if t.IsZero() {
			t = ln.at
		}
		if t.Before(start) || !t.Before(dayEnd) {
			local := t.In(loc)
			start = dayStart(local, 0, loc)
			dayEnd = dayStart(local, 1, loc)
			day = dayNumber(start)
		}
		dm.set(day, mark)
		if dm.first.IsZero() || start.Before(dm.first) {
			dm.first = start
		}
		return true
	})
}

// scan calls fn with each history line at or after since and, when until
// is set, before it, read without decoding whole lines (scanLine); like
// History it reads only the history's tail; it counts the unreadable lines
// in bad. It stops early when fn returns false. whole reports whether it
// read the history from its start.
func (s *Store) scan(since, until time.Time, bad *int, fn func(scannedLine) bool) (whole bool, err error) {
	f, err := safefs.OpenPrivate(s.HistoryPath(), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("state: cannot read the history: %w", err)
	}
	defer f.Close()
	off, err := tailOffset(f, since.Add(-HistorySlack))
	if err == nil {
		_, err = f.Seek(off, io.SeekStart)
	}
	if err != nil {
		return false, fmt.Errorf("state: cannot read the history: %w", err)
	}
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, rerr := br.ReadSlice('\n')
		for rerr == bufio.ErrBufferFull { // no line of ours: passed over
			_, rerr = br.ReadSlice('\n')
			line = nil
		}
		if rerr != nil && rerr != io.EOF {
			return false, fmt.Errorf("state: cannot read the history: %w", rerr)
		}
		if b := bytes.TrimSpace(line); len(b) > 0 {
			ln, ok := scanLine(b)
			if !ok {
				*bad++
			} else if !until.IsZero() && ln.at.After(until.Add(HistorySlack)) {
				break
			} else if !ln.at.Before(since) && (until.IsZero() || ln.at.Before(until)) && !fn(ln) {
				break
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	return off == 0, nil
}

// dayMarkOf is the mark one event gives its day; MarkNone for an event
// that is no news about an instant (sent, due, paused, resumed).
func dayMarkOf(k Kind) string {
	switch k {
	case Done:
		return MarkDone
	case Missed:
		return MarkMissed
	case Skipped:
		return MarkSkipped
	case Shown, Fired, Held, Snoozed, Dismissed, Expired:
		return MarkShown
	}
	return MarkNone
}

// scannedLine is what scanMarks needs of a history line; the byte slices
// point into the line.
type scannedLine struct {
	at, scheduled  time.Time
	reminder, kind []byte
}

// scanLine reads the time, reminder, kind and scheduled instant of a
// history line as Append writes it ({"at":..,"reminder":..,"kind":..,
// "scheduled":..}) without allocating; any other line is decoded whole.
// It reports false for a line that is no event.
func scanLine(line []byte) (scannedLine, bool) {
	if len(line) == 0 {
		return scannedLine{}, false
	}
	var ln scannedLine
	rest := line
	field := func(prefix string) ([]byte, bool) {
		if !bytes.HasPrefix(rest, []byte(prefix)) {
			return nil, false
		}
		v := rest[len(prefix):]
		end := bytes.IndexByte(v, '"')
		if end < 0 || bytes.IndexByte(v[:end], '\\') >= 0 {
			return nil, false
		}
		rest = v[end+1:]
		if len(rest) > 0 && rest[0] == ',' {
			rest = rest[1:]
		}
		return v[:end], true
	}
	fast := func() bool {
		at, ok := field(`{"at":"`)
		if !ok || ln.at.UnmarshalText(at) != nil {
			return false
		}
		ln.reminder, _ = field(`"reminder":"`)
		if ln.kind, ok = field(`"kind":"`); !ok {
			return false
		}
		if sched, ok := field(`"scheduled":"`); ok && ln.scheduled.UnmarshalText(sched) != nil {
			return false
		}
		return true
	}
	if fast() {
		return ln, true
	}
	var ev Event
	if json.Unmarshal(line, &ev) != nil || ev.Kind == "" || ev.At.IsZero() {
		return scannedLine{}, false
	}
	return scannedLine{at: ev.At, scheduled: ev.Scheduled, reminder: []byte(ev.Reminder), kind: []byte(ev.Kind)}, true
}
