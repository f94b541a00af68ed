package devices

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
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

// Stopped is the presence a device writes as bedtime stops on it (the
// service stopped, the person logged out): it takes no part in the
// election, and nothing is held for it, until it writes again.
const Stopped = "stopped"

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
	// "away", "locked", or "" when it cannot tell; Stopped when bedtime
	// stopped on it.
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
	// What says what is wrong and what bedtime does about it, in English
	// (for the log).
	What string
	// Format and Args are What as a message of the locale catalog and its
	// arguments, for In.
	Format string
	Args   []any
}

// String says the problem in English, safe to print: a character of the
// path (or of an error's text) that is no printable one, such as a
// terminal's escape sequence in a name another computer made, is escaped
// as Go quotes it (printable).
func (p Problem) String() string { return printable(p.Path + ": " + p.What) }

// In is String in l's language (the path stays as it is).
func (p Problem) In(l *locale.Locale) string {
	if p.Format == "" {
		return p.String()
	}
	return printable(p.Path + ": " + l.Sprintf(p.Format, p.Args...))
}

// printable returns s with every rune that is not graphic (a control
// character, a mark that reorders text, a byte that is no UTF-8) escaped
// as strconv.Quote escapes it: \x1b, \r, \u202e.
func printable(s string) string {
	plain := func(r rune, size int) bool { return unicode.IsGraphic(r) && (r != utf8.RuneError || size > 1) }
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !plain(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if plain(r, size) {
			b.WriteString(s[i : i+size])
		} else {
			q := strconv.Quote(s[i : i+size])
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// Options configure a Folder.
type Options struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Since: events files of months before it are not read.
	Since time.Time
	// Instance is this run's random token (see Presence); made when empty.
	Instance string
	// ReadOnly opens the folder to read it (a command, the tray): this
	// device's directory is not made, and a folder without a devices
	// directory (an empty mount point, a share not mounted, a folder not
	// synced yet) is refused, so that what only reads never makes an
	// empty directory look like the folder. The daemon opens it to write.
	ReadOnly bool
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
		f.report(".", "is a symbolic link to %s; bedtime uses %s", target, target)
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
	if o.ReadOnly {
		if !f.present() {
			return nil, fmt.Errorf("devices: the sync folder %s has no %s directory: no computer has written to it", root, devicesDir)
		}
	} else if err := os.MkdirAll(filepath.Join(root, devicesDir, self), 0o700); err != nil {
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

// report records a problem once per key: what is wrong with path, as a
// catalog message (format) and its arguments.
func (f *Folder) report(path, format string, args ...any) {
	what := fmt.Sprintf(format, args...)
	if f.reported[path+"\x00"+what] {
		return
	}
	if len(f.reported) >= maxProblems {
		if !f.reported["\x00too many"] {
			f.reported["\x00too many"] = true
			const tooMany = "more than %d problems; the rest are not reported"
			f.problems = append(f.problems, Problem{Path: ".", What: fmt.Sprintf(tooMany, maxProblems), Format: tooMany, Args: []any{maxProblems}})
		}
		return
	}
	f.reported[path+"\x00"+what] = true
	f.problems = append(f.problems, Problem{Path: path, What: what, Format: format, Args: args})
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
