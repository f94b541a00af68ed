package channel

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/safefs"
)

// OutboxFile is the name of the outbox in the state directory.
const OutboxFile = "outbox.json"

// entry is one reminder instant on one channel.
type entry struct {
	Reminder  string    `json:"reminder"`
	Scheduled time.Time `json:"scheduled"`
	Deadline  time.Time `json:"deadline"`
	Channel   string    `json:"channel"`
	Message   Message   `json:"message"`
	State     State     `json:"state"`
	Attempts  int       `json:"attempts,omitempty"`
	First     time.Time `json:"first,omitzero"`
	Next      time.Time `json:"next,omitzero"`
	Done      time.Time `json:"done,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	Answered  bool      `json:"answered,omitempty"`
}

// key names the entry's showing of its instant on its channel: what is
// queued once.
func (e *entry) key() string {
	k := e.Reminder + "\x00" + instant(e.Scheduled) + "\x00" + e.Channel
	if !e.Message.Showing.IsZero() {
		k += "\x00" + instant(e.Message.Showing)
	}
	return k
}

// outbox is the file.
type outbox struct {
	Entries []*entry `json:"entries"`
	// Cursors holds, per channel, the id of the last reply read.
	Cursors map[string]string `json:"cursors,omitempty"`
}

func (d *Dispatcher) path() string { return filepath.Join(d.o.Dir, OutboxFile) }

func (d *Dispatcher) load() error {
	d.box = outbox{}
	// Like every file of the state directory: never through a link,
	// never blocking on a pipe.
	b, err := safefs.ReadPrivate(d.path())
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case safefs.IsNotRegular(err):
		// Never lose what is there: move it aside and start empty.
		aside, rerr := safefs.MoveAside(d.path(), ".unusable-")
		if rerr != nil {
			return fmt.Errorf("channel: %w (and cannot move it aside: %w)", err, rerr)
		}
		d.log.Warn("outbox is not a regular file; moved it aside and started from an empty one", "path", d.path(), "moved_to", aside, "err", err)
	case err != nil:
		return fmt.Errorf("channel: %w", err)
	default:
		if err := json.Unmarshal(b, &d.box); err != nil {
			d.box = outbox{}
			aside, rerr := safefs.MoveAside(d.path(), ".corrupt-")
			if rerr != nil {
				return fmt.Errorf("channel: %s does not parse (%v) and cannot be moved aside: %w", d.path(), err, rerr)
			}
			d.log.Warn("outbox does not parse; moved it aside and started from an empty one", "path", d.path(), "moved_to", aside, "err", err)
		}
	}
	// A hand-edited outbox may hold null entries: nothing to deliver.
	d.box.Entries = slices.DeleteFunc(d.box.Entries, func(e *entry) bool { return e == nil })
	if d.box.Cursors == nil {
		d.box.Cursors = map[string]string{}
	}
	return nil
}

// save writes the outbox atomically; the caller holds d.mu.
func (d *Dispatcher) save() error {
	now := d.o.Clock.Now()
	d.box.Entries = slices.DeleteFunc(d.box.Entries, func(e *entry) bool {
		return e.State != StatePending && now.Sub(e.Scheduled) > d.o.Retain
	})
	b, err := json.MarshalIndent(d.box, "", "  ")
	if err != nil {
		return err
	}
	if err := config.WriteFile(d.path(), append(b, '\n')); err != nil {
		if d.saveErr == nil {
			d.log.Error("cannot write the outbox", "err", err)
		}
		d.saveErr = err
		return err
	}
	d.saveErr = nil
	d.cursorMoved = false
	return nil
}

// String describes the outbox, for debugging.
func (d *Dispatcher) String() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var b strings.Builder
	for _, e := range d.box.Entries {
		fmt.Fprintf(&b, "%s %s %s %s attempts=%d\n", e.Reminder, instant(e.Scheduled), e.Channel, e.State, e.Attempts)
	}
	return b.String()
}
