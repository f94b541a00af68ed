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
	fl, err := safefs.Lock(filepath.Join(stateDir, publishLock), 2*time.Second)
	if err != nil {
		return 0, fmt.Errorf("devices: %w", err)
	}
	defer fl.Unlock()
	total := 0
	for {
		n, more, err := publishChunk(f, stateDir)
		total += n
		if err != nil || !more {
			return total, err
		}
	}
}

// publishChunk copies at most maxPublish bytes of the history and says
// whether more is left.
func publishChunk(f *Folder, stateDir string) (n int, more bool, err error) {
	markPath := filepath.Join(stateDir, PublishedFile)
	var p published
	if b, err := safefs.ReadPrivate(markPath); err == nil {
		json.Unmarshal(b, &p) // a damaged mark copies the history again
	}
	if p.Folder != f.root || p.Device != f.self {
		p = published{Folder: f.root, Device: f.self}
	}
	h, err := safefs.OpenPrivate(filepath.Join(stateDir, "history.jsonl"), os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("devices: cannot read the history: %w", err)
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
		return 0, false, fmt.Errorf("devices: cannot read the history: %w", err)
	}
	var events []state.Event
	consumed := 0
	for consumed < len(data) {
		i := indexByte(data[consumed:], '\n')
		if i < 0 {
			break // a line being written
		}
		line := trimLine(data[consumed : consumed+i])
		consumed += i + 1
		var ev state.Event
		if len(line) == 0 || json.Unmarshal(line, &ev) != nil || ev.Kind == "" || ev.At.IsZero() {
			continue // the history's reader skips these too
		}
		events = append(events, ev)
	}
	if consumed == 0 && len(data) == maxPublish {
		consumed = len(data) // one line longer than maxPublish: garbage
	}
	if err := f.Append(events); err != nil {
		return 0, false, err
	}
	p.Offset += int64(consumed)
	b, _ := json.Marshal(p)
	if err := safefs.WriteAtomic(markPath, b); err != nil {
		return len(events), false, fmt.Errorf("devices: cannot keep how much was copied: %w", err)
	}
	return len(events), consumed > 0 && p.Offset < fi.Size(), nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
