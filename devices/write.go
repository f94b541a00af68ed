package devices

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// Append seals events and appends them, one line each, to this device's
// events file of the month (UTC) of each event, with one write per file
// and a flush to disk. Only this device ever writes its files, so no sync
// tool ever sees two writers of one file.
func (f *Folder) Append(events []state.Event) error {
	recs := make([]record, len(events))
	for i, ev := range events {
		recs[i] = record{Event: ev}
	}
	return f.append(recs)
}

// AppendSkip appends a skip the person asked for on this device at at
// (the reminder's instant skip.At), so the others skip it too (Follow).
func (f *Folder) AppendSkip(skip state.Mark, at time.Time) error {
	return f.append([]record{{Event: state.Event{At: at}, Skip: &skip}})
}

// AppendSnooze appends a snooze made on this device at at, so the others
// move the instant too (Follow).
func (f *Folder) AppendSnooze(s Snooze, at time.Time) error {
	return f.append([]record{{Event: state.Event{At: at}, Snooze: &s}})
}

// AppendDiary appends answers of the cramp diary given on this device, so
// the others read the person's one diary (MergeDiary). Each is filed by
// when it was said.
func (f *Folder) AppendDiary(entries []diary.Entry) error {
	recs := make([]record, 0, len(entries))
	for _, e := range entries {
		recs = append(recs, record{Event: state.Event{At: e.At}, Diary: &e})
	}
	return f.append(recs)
}

func (f *Folder) append(recs []record) error {
	byFile := map[string][]byte{}
	var names []string
	for _, r := range recs {
		ev := r.Event
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("devices: %w", err)
		}
		name := "events-" + ev.At.UTC().Format("2006-01") + ".jsonl"
		if _, ok := byFile[name]; !ok {
			names = append(names, name)
		}
		byFile[name] = append(append(byFile[name], f.key.seal(f.self, b)...), '\n')
	}
	for _, name := range names {
		if err := appendFile(filepath.Join(f.ownDir(), name), byFile[name]); err != nil {
			return err
		}
	}
	return nil
}

func appendFile(path string, lines []byte) error {
	fh, err := safefs.OpenPrivate(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("devices: cannot append to %s: %w", path, err)
	}
	if fi, err := fh.Stat(); err == nil && fi.Size() > 0 {
		last := make([]byte, 1)
		if _, err := fh.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
			lines = append([]byte{'\n'}, lines...) // after a torn line, start a new one
		}
	}
	_, werr := fh.Write(lines)
	if err := fh.Sync(); werr == nil {
		werr = err
	}
	if err := fh.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		return fmt.Errorf("devices: cannot append to %s: %w", path, werr)
	}
	return nil
}

// WritePresence seals p (its Device, Instance and Written filled in) and
// writes it as this device's presence file, atomically.
func (f *Folder) WritePresence(p Presence) error {
	p.Device, p.Instance, p.Written = f.self, f.o.Instance, f.o.Now()
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("devices: %w", err)
	}
	if err := safefs.WriteAtomic(filepath.Join(f.ownDir(), presenceFile), []byte(f.key.seal(f.self, b)+"\n")); err != nil {
		return fmt.Errorf("devices: cannot write the presence file: %w", err)
	}
	return nil
}
