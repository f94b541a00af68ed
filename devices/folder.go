package devices

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// Limits on what a device reads of the others' files. A real device writes
// well under a megabyte a month; anything past these is a fault of the
// folder, read no further and reported.
const (
	// MaxFile is how much of one events file is read at most.
	MaxFile = 32 << 20
	// MaxLine is the longest line read; a longer one is skipped.
	MaxLine = 16 << 10
	// MaxPresence is the largest presence file read.
	MaxPresence = 16 << 10
	// MaxDevices is how many other devices are read at most; a folder
	// with more holds something else than one person's computers.
	MaxDevices = 64
	// maxProblems is how many different problems are kept at most.
	maxProblems = 256
	// SkewReported is how far ahead of this device's clock another
	// device's may be before it is reported.
	SkewReported = 5 * time.Minute
)

// The names of the files in a device's directory.
const (
	devicesDir   = "devices"
	presenceFile = "presence.b1"
)

var eventsName = regexp.MustCompile(`^events-(\d{4})-(\d{2})\.jsonl$`)

// Presence is what a device says about itself and the person at it. It is
// the device's presence file, rewritten whole.
type Presence struct {
	// Device is the device's id, Name its name (sync: name, or the host
	// name).
	Device string `json:"device"`
	Name   string `json:"name,omitempty"`
	// Instance is random for each run of bedtime: two runs at once under
	// one id (a state directory copied to another computer) tell
	// themselves apart by it.
	Instance string `json:"instance"`
	// Written is when the device wrote the file, by its clock.
	Written time.Time `json:"written"`
	// State is where the person is as this device sees it: "here",
	// "away", "locked", or "" when it cannot tell.
	State string `json:"state,omitempty"`
	// Since is when State began; Input is the person's last input here.
	Since time.Time `json:"since,omitzero"`
	Input time.Time `json:"input,omitzero"`
}

// Record is one event another device wrote: a history event, or (Skip
// set, Event's Kind empty, its At when it was made) an instant the person
// asked that device to skip (`bedtime skip`), or (Snooze set, likewise)
// an instant snoozed there, which are state, not history; or (Diary set,
// Event's At when it was said) an answer of the cramp diary.
type Record struct {
	Device string
	Event  state.Event
	Skip   *state.Mark
	Snooze *Snooze
	Diary  *diary.Entry
}

// Snooze is an instant snoozed on a device: the reminder's instant
// Scheduled shows again at Until.
type Snooze struct {
	Reminder  string    `json:"reminder"`
	Scheduled time.Time `json:"scheduled"`
	Until     time.Time `json:"until"`
}

// record is a sealed line's content.
type record struct {
	Event  state.Event  `json:"e"`
	Skip   *state.Mark  `json:"skip,omitempty"`
	Snooze *Snooze      `json:"snooze,omitempty"`
	Diary  *diary.Entry `json:"diary,omitempty"`
}

// valid reports whether r is one of the four kinds of record, complete.
func (r record) valid() bool {
	kinds := 0
	if r.Event.Kind != "" {
		kinds++
	}
	if r.Skip != nil {
		kinds++
		if r.Skip.Reminder == "" || r.Skip.At.IsZero() {
			return false
		}
	}
	if r.Snooze != nil {
		kinds++
		if r.Snooze.Reminder == "" || r.Snooze.Scheduled.IsZero() || r.Snooze.Until.IsZero() {
			return false
		}
	}
	if r.Diary != nil {
		kinds++
		if diary.Check(*r.Diary) != nil {
			return false
		}
	}
	return kinds == 1 && !r.Event.At.IsZero()
}

// Device is what this device knows of another one (or of itself).
type Device struct {
	ID string
	// Presence is its presence file as last read; zero if none was read.
	Presence Presence
	// Heard is when this device last read something new of it, by this
	// device's clock (so a clock that is off elsewhere does not matter).
	Heard time.Time
	// Last is the time of its latest event read, by its clock.
	Last time.Time
	// Events counts the events read; OtherKey and Garbage the lines that
	// did not open.
	Events, OtherKey, Garbage int
}

// Problem is something wrong in the folder, reported once.
type Problem struct {
	// Path is the file or directory, relative to the folder.
	Path string
	// What says what is wrong and what bedtime does about it.
	What string
}

func (p Problem) String() string { return p.Path + ": " + p.What }

// Options configure a Folder.
type Options struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Since: events files of months before it are not read.
	Since time.Time
	// Instance is this run's random token (see Presence); made when empty.
	Instance string
}

// mark is how far a file has been read.
type mark struct {
	off  int64 // bytes consumed (whole lines)
	size int64 // size when last read
	full bool  // MaxFile reached: read no more
}

// Folder is the synced folder as one device sees it: it writes that
// device's files and reads the others', remembering how far it read each
// so nothing is read twice. A Folder is not safe for concurrent use.
type Folder struct {
	root     string
	self     string
	key      Key
	o        Options
	marks    map[string]*mark
	devices  map[string]*Device
	reported map[string]bool
	problems []Problem
	start    time.Time
}

// Open checks the folder root and returns the Folder of device self. The
// folder must exist and be a directory (a mounted network share or a
// synced folder that is not there yet gives an error: the device works
// alone). One that anyone may write to (mode o+w without the sticky bit)
// is refused, since another user could replace this device's files; one
// that is a symbolic link is followed and reported. Open makes the
// device's own directory (0700).
func Open(root, self string, key Key, o Options) (*Folder, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Instance == "" {
		o.Instance, _ = newID()
	}
	if !ValidID(self) {
		return nil, fmt.Errorf("devices: %q is not a device id", self)
	}
	f := &Folder{self: self, key: key, o: o, marks: map[string]*mark{}, devices: map[string]*Device{}, reported: map[string]bool{}, start: o.Now()}
	li, err := os.Lstat(root)
	if err != nil {
		return nil, fmt.Errorf("devices: the sync folder: %w", err)
	}
	if li.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, fmt.Errorf("devices: the sync folder %s is a symbolic link that leads nowhere: %w", root, err)
		}
		f.report(".", "is a symbolic link to "+target+"; bedtime uses "+target)
		root = target
	}
	fi, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("devices: the sync folder: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("devices: the sync folder %s is not a directory", root)
	}
	if err := worldWritable(root, fi); err != nil {
		return nil, err
	}
	f.root = root
	if err := os.MkdirAll(filepath.Join(root, devicesDir, self), 0o700); err != nil {
		return nil, fmt.Errorf("devices: cannot make this device's directory: %w", err)
	}
	if err := worldWritable(filepath.Join(root, devicesDir), nil); err != nil {
		return nil, err
	}
	return f, nil
}

// worldWritable refuses a directory anyone may write to.
func worldWritable(dir string, fi fs.FileInfo) error {
	if fi == nil {
		var err error
		if fi, err = os.Lstat(dir); err != nil {
			return fmt.Errorf("devices: %w", err)
		}
		if !fi.IsDir() {
			return fmt.Errorf("devices: %s is not a directory", dir)
		}
	}
	if m := fi.Mode(); m.Perm()&0o002 != 0 && m&fs.ModeSticky == 0 {
		return fmt.Errorf("devices: the sync folder %s may be written by anyone (mode %s); make it yours alone (chmod o-w %s)", dir, safefs.Describe(m), dir)
	}
	return nil
}

// Root returns the folder's path (a link resolved); Self this device's id.
func (f *Folder) Root() string { return f.root }

// Self returns this device's id.
func (f *Folder) Self() string { return f.self }

// Instance returns this run's token.
func (f *Folder) Instance() string { return f.o.Instance }

func (f *Folder) ownDir() string { return filepath.Join(f.root, devicesDir, f.self) }

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

// report records a problem once per key.
func (f *Folder) report(path, what string) {
	if f.reported[path+"\x00"+what] {
		return
	}
	if len(f.reported) >= maxProblems {
		if !f.reported["\x00too many"] {
			f.reported["\x00too many"] = true
			f.problems = append(f.problems, Problem{Path: ".", What: fmt.Sprintf("more than %d problems; the rest are not reported", maxProblems)})
		}
		return
	}
	f.reported[path+"\x00"+what] = true
	f.problems = append(f.problems, Problem{Path: path, What: what})
}

// Problems returns the problems found since the last call, each once for
// the Folder's life.
func (f *Folder) Problems() []Problem {
	p := f.problems
	f.problems = nil
	return p
}

// Devices returns what is known of the devices seen, this one included,
// sorted by id.
func (f *Folder) Devices() []Device {
	var out []Device
	for _, d := range f.devices {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (f *Folder) device(id string) *Device {
	d := f.devices[id]
	if d == nil {
		d = &Device{ID: id}
		f.devices[id] = d
	}
	return d
}

// Scan reads what the other devices wrote since the last Scan and returns
// their new events, oldest file first. Nothing in the folder is trusted:
// a sync tool's temporary or conflict file, an entry that is no device,
// a link, a torn or garbled line, a line sealed with another key, a file
// past MaxFile, a device whose clock is ahead, another run of bedtime
// under this device's id: each is skipped and reported once (Problems),
// never an error. An error means the folder itself cannot be read.
func (f *Folder) Scan() ([]Record, error) {
	dir := filepath.Join(f.root, devicesDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("devices: cannot read the sync folder: %w", err)
	}
	var out []Record
	for _, e := range entries {
		name := e.Name()
		rel := devicesDir + "/" + name
		switch {
		case !ValidID(name):
			if !isSyncTemp(name) {
				f.report(rel, "is no device of bedtime's; ignored")
			}
			continue
		case e.Type()&fs.ModeSymlink != 0 || !e.IsDir():
			f.report(rel, "is not a directory (a link?); ignored")
			continue
		}
		if name == f.self {
			f.checkSelf(rel)
			continue
		}
		if _, known := f.devices[name]; !known && len(f.devices) >= MaxDevices {
			f.report(devicesDir, fmt.Sprintf("holds more than %d devices; the others are ignored", MaxDevices))
			continue
		}
		recs := f.scanDevice(name, rel)
		out = append(out, recs...)
	}
	return out, nil
}

// isSyncTemp reports whether name is a sync tool's temporary file, which
// is ignored without a word.
func isSyncTemp(name string) bool {
	return (strings.HasPrefix(name, ".syncthing.") && strings.HasSuffix(name, ".tmp")) ||
		strings.HasPrefix(name, "~syncthing~") ||
		(strings.HasPrefix(name, "."+presenceFile+".tmp")) ||
		strings.HasSuffix(name, ".partial") || strings.HasPrefix(name, ".~") ||
		strings.HasPrefix(name, ".dropbox") || strings.HasSuffix(name, ".icloud")
}

// isConflict reports whether name is a sync tool's conflict copy.
func isConflict(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, ".sync-conflict-") || strings.Contains(l, "conflicted copy") ||
		strings.Contains(l, "(conflict") || strings.Contains(l, "-conflict-")
}

// checkSelf looks in this device's own directory for signs that another
// computer writes it too.
func (f *Folder) checkSelf(rel string) {
	dir := filepath.Join(f.root, devicesDir, f.self)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if isConflict(e.Name()) {
			f.report(rel, "another computer uses this device's id too (a state directory copied?): its files conflict; on one of them remove the file "+IDFile+" in the state directory and run bedtime sync join again")
			return
		}
	}
	p, ok := f.readPresence(f.self, rel+"/"+presenceFile)
	if ok && p.Instance != f.o.Instance && p.Written.After(f.start) {
		f.report(rel, "another computer uses this device's id too (a state directory copied?); on one of them remove the file "+IDFile+" in the state directory and run bedtime sync join again")
	}
}

// scanDevice reads one other device's directory.
func (f *Folder) scanDevice(id, rel string) []Record {
	dir := filepath.Join(f.root, devicesDir, id)
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.report(rel, "cannot be read: "+err.Error())
		return nil
	}
	d := f.device(id)
	var files []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == presenceFile:
			if p, ok := f.readPresence(id, rel+"/"+name); ok && !samePresence(p, d.Presence) {
				d.Presence = p
				f.heard(d)
			}
		case eventsName.MatchString(name):
			m := eventsName.FindStringSubmatch(name)
			if !f.o.Since.IsZero() && m[1]+"-"+m[2] < f.o.Since.UTC().Format("2006-01") {
				continue
			}
			if m[1]+"-"+m[2] > f.o.Now().AddDate(0, 1, 0).UTC().Format("2006-01") {
				f.report(rel+"/"+name, "is of a month to come (a clock far ahead?); ignored")
				continue
			}
			files = append(files, name)
		case isSyncTemp(name):
		case isConflict(name):
			f.report(rel+"/"+name, "is a sync tool's conflict copy; only one device writes each file, so it is ignored")
		default:
			f.report(rel+"/"+name, "is no file of bedtime's; ignored")
		}
	}
	slices.Sort(files)
	var out []Record
	for _, name := range files {
		out = append(out, f.scanFile(d, rel+"/"+name, filepath.Join(dir, name))...)
	}
	return out
}

func (f *Folder) heard(d *Device) {
	if now := f.o.Now(); now.After(d.Heard) {
		d.Heard = now
	}
}

// readPresence reads and opens a presence file.
func (f *Folder) readPresence(id, rel string) (Presence, bool) {
	var p Presence
	fh, err := safefs.OpenPrivate(filepath.Join(f.root, filepath.FromSlash(rel)), os.O_RDONLY, 0)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			f.report(rel, "cannot be read: "+err.Error())
		}
		return p, false
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, MaxPresence+1))
	if err != nil || len(b) > MaxPresence {
		f.report(rel, "is too large or unreadable; ignored")
		return p, false
	}
	plain, err := f.key.open(id, trimLine(b))
	if err != nil {
		f.sealProblem(rel, err)
		return p, false
	}
	if json.Unmarshal(plain, &p) != nil || p.Device != id {
		f.report(rel, "holds no presence of this device; ignored")
		return p, false
	}
	if ahead := p.Written.Sub(f.o.Now()); ahead > SkewReported {
		f.report(devicesDir+"/"+id, fmt.Sprintf("its clock is %s ahead of this one; its times are shown as it wrote them", ahead.Round(time.Minute)))
	}
	return p, true
}

func (f *Folder) sealProblem(rel string, err error) {
	if errors.Is(err, ErrOtherKey) {
		f.report(rel, "is sealed with another key: that device joined with another key (compare bedtime doctor on both); its lines are ignored")
	} else {
		f.report(rel, "holds lines that are not bedtime's sealed lines (torn or damaged); they are ignored")
	}
}

func trimLine(b []byte) []byte {
	return []byte(strings.TrimSpace(string(b)))
}

// scanFile reads the new whole lines of one events file.
func (f *Folder) scanFile(d *Device, rel, path string) []Record {
	m := f.marks[path]
	if m == nil {
		m = &mark{}
		f.marks[path] = m
	}
	fh, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		f.report(rel, "cannot be read: "+err.Error())
		return nil
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil
	}
	size := fi.Size()
	if size < m.size {
		// Replaced by a shorter file: read it again from the start. What
		// it holds again is merged again, and merging is idempotent.
		*m = mark{}
	}
	m.size = size
	if m.full || size == m.off {
		return nil
	}
	if m.off >= MaxFile {
		m.full = true
		f.report(rel, fmt.Sprintf("is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20))
		return nil
	}
	if _, err := fh.Seek(m.off, io.SeekStart); err != nil {
		return nil
	}
	limit := min(size, MaxFile) - m.off
	br := bufio.NewReaderSize(io.LimitReader(fh, limit), 4096)
	var out []Record
	var otherKey, garbage int
	for {
		line, n, complete := readLine(br)
		if !complete {
			if m.off+int64(n) >= MaxFile {
				m.off += int64(n)
				m.full = true
				f.report(rel, fmt.Sprintf("is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20))
			}
			break // a last line still being written: read it next time
		}
		m.off += int64(n)
		if line == nil {
			if n > 1 {
				garbage++ // too long
			}
			continue
		}
		plain, err := f.key.open(d.ID, line)
		if err != nil {
			if errors.Is(err, ErrOtherKey) {
				otherKey++
			} else {
				garbage++
			}
			continue
		}
		var r record
		if json.Unmarshal(plain, &r) != nil || !r.valid() {
			garbage++
			continue
		}
		d.Events++
		if r.Event.At.After(d.Last) {
			d.Last = r.Event.At
		}
		out = append(out, Record{Device: d.ID, Event: r.Event, Skip: r.Skip, Snooze: r.Snooze, Diary: r.Diary})
	}
	d.OtherKey += otherKey
	d.Garbage += garbage
	if otherKey > 0 {
		f.sealProblem(rel, ErrOtherKey)
	}
	if garbage > 0 {
		f.sealProblem(rel, ErrGarbage)
	}
	if len(out) > 0 {
		f.heard(d)
	}
	return out
}

// readLine reads one line from br. It returns the line without its
// newline (nil for an empty line or one longer than MaxLine, which is
// skipped without being kept), the bytes consumed, and whether the line
// ended with a newline.
func readLine(br *bufio.Reader) (line []byte, n int, complete bool) {
	var buf []byte
	long := false
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if !long {
			if len(buf)+len(chunk) > MaxLine+1 {
				long, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil:
			if long {
				return nil, n, true
			}
			b := trimLine(buf)
			if len(b) == 0 {
				return nil, n, true
			}
			return b, n, true
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return nil, n, false
		}
	}
}

// samePresence reports whether two presence files say the same.
func samePresence(a, b Presence) bool {
	return a.Device == b.Device && a.Name == b.Name && a.Instance == b.Instance && a.State == b.State &&
		a.Written.Equal(b.Written) && a.Since.Equal(b.Since) && a.Input.Equal(b.Input)
}
