package devices

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// PublishedFile keeps, in the state directory, how much of the local
// history has been copied to the folder.
const PublishedFile = "sync-published.json"

// publishLock serialises Publish between the daemon and the commands.
const publishLock = "sync.lock"

// maxPublish is how much of the history is read at once; Publish goes on
// chunk after chunk until it copied all.
var maxPublish = 4 << 20 // a variable for tests

type published struct {
	Folder string `json:"folder"`
	Device string `json:"device"`
	Offset int64  `json:"offset"`
}

// Publish copies to the folder the lines of the local history (the
// state.Store's history.jsonl in stateDir) written since the last
// Publish, so the history stays the one record this device keeps and the
// folder a sealed copy of it. It returns how many events it copied. It is
// safe to call from several processes (a lock in stateDir). A history
// that was moved aside or cut short is copied again from its start:
// merging is idempotent, so nothing counts twice.
func Publish(f *Folder, stateDir string) (int, error) {
	return publishFile(f, stateDir, historySource)
}

// PublishDiary copies to the folder the answers of the cramp diary
// (diary.jsonl in stateDir) written since the last PublishDiary, as
// Publish does the history: the others read them (MergeDiary).
func PublishDiary(f *Folder, stateDir string) (int, error) {
	return publishFile(f, stateDir, diarySource)
}

// source is a file of the state directory that is copied to the folder
// line by line.
type source struct {
	file, mark string
	// parse turns a line into what is written to the folder; ok is false
	// for a line the file's own reader skips.
	parse func(line []byte) (r record, ok bool)
}

var (
	historySource = source{file: "history.jsonl", mark: PublishedFile, parse: func(line []byte) (record, bool) {
		var ev state.Event
		if json.Unmarshal(line, &ev) != nil || ev.Kind == "" || ev.At.IsZero() {
			return record{}, false
		}
		return record{Event: ev}, true
	}}
	diarySource = source{file: diary.FileName, mark: DiaryPublishedFile, parse: func(line []byte) (record, bool) {
		var e diary.Entry
		if json.Unmarshal(line, &e) != nil || diary.Check(e) != nil {
			return record{}, false
		}
		return record{Event: state.Event{At: e.At}, Diary: &e}, true
	}}
)

// DiaryPublishedFile keeps, in the state directory, how much of the
// diary has been copied to the folder.
const DiaryPublishedFile = "sync-diary-published.json"

func publishFile(f *Folder, stateDir string, src source) (int, error) {
	fl, err := safefs.Lock(filepath.Join(stateDir, publishLock), 2*time.Second)
	if err != nil {
		return 0, fmt.Errorf("devices: %w", err)
	}
	defer fl.Unlock()
	total := 0
	for {
		n, more, err := publishChunk(f, stateDir, src)
		total += n
		if err != nil || !more {
			return total, err
		}
	}
}

// publishChunk copies at most maxPublish bytes of src and says whether
// more is left.
func publishChunk(f *Folder, stateDir string, src source) (n int, more bool, err error) {
	markPath := filepath.Join(stateDir, src.mark)
	var p published
	if b, err := safefs.ReadPrivate(markPath); err == nil {
		json.Unmarshal(b, &p) // a damaged mark copies the history again
	}
	if p.Folder != f.root || p.Device != f.self {
		p = published{Folder: f.root, Device: f.self}
	}
	h, err := safefs.OpenPrivate(filepath.Join(stateDir, src.file), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("devices: cannot read %s: %w", src.file, err)
	}
	defer h.Close()
	fi, err := h.Stat()
	if err != nil {
		return 0, false, fmt.Errorf("devices: %w", err)
	}
	if fi.Size() < p.Offset {
		p.Offset = 0
	}
	if fi.Size() == p.Offset {
		return 0, false, nil
	}
	if _, err := h.Seek(p.Offset, io.SeekStart); err != nil {
		return 0, false, fmt.Errorf("devices: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(h, int64(maxPublish)))
	if err != nil {
		return 0, false, fmt.Errorf("devices: cannot read %s: %w", src.file, err)
	}
	var recs []record
	consumed := 0
	for consumed < len(data) {
		i := indexByte(data[consumed:], '\n')
		if i < 0 {
			break // a line being written
		}
		line := trimLine(data[consumed : consumed+i])
		consumed += i + 1
		if len(line) == 0 {
			continue
		}
		if r, ok := src.parse(line); ok {
			recs = append(recs, r) // what the file's reader skips is not copied
		}
	}
	if consumed == 0 && len(data) == maxPublish {
		consumed = len(data) // one line longer than maxPublish: garbage
	}
	if err := f.append(recs); err != nil {
		return 0, false, err
	}
	p.Offset += int64(consumed)
	b, _ := json.Marshal(p)
	if err := safefs.WriteAtomic(markPath, b); err != nil {
		return len(recs), false, fmt.Errorf("devices: cannot keep how much was copied: %w", err)
	}
	return len(recs), consumed > 0 && p.Offset < fi.Size(), nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
