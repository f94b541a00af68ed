package devices

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
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

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
	r := newReader(f.key)
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
			f.report(devicesDir, "holds more than %d devices; the others are ignored", MaxDevices)
			continue
		}
		f.scanDevice(r, name, rel)
	}
	return r.records(), nil
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
			f.report(rel, "another computer uses this device's id too (a state directory copied?): its files conflict; on one of them remove the file %s in the state directory and run bedtime sync join again", IDFile)
			return
		}
	}
	p, ok := f.readPresence(f.self, rel+"/"+presenceFile)
	if ok && p.Instance != f.o.Instance && p.Written.After(f.start) {
		f.report(rel, "another computer uses this device's id too (a state directory copied?); on one of them remove the file %s in the state directory and run bedtime sync join again", IDFile)
	}
}

// scanDevice reads one other device's directory, adding its records to
// r's.
func (f *Folder) scanDevice(r *reader, id, rel string) {
	dir := filepath.Join(f.root, devicesDir, id)
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.report(rel, "cannot be read: %s", err.Error())
		return
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
	left := make([]int64, len(files)+1) // the bytes to read from each file on
	for i := len(files) - 1; i >= 0; i-- {
		left[i] = left[i+1] + f.unread(filepath.Join(dir, files[i]))
	}
	for i, name := range files {
		r.reserve(left[i])
		f.scanFile(r, d, rel+"/"+name, filepath.Join(dir, name))
	}
}

// unread is about how many bytes of the events file path are still to be
// read, as scanFile will read them; 0 when it cannot tell.
func (f *Folder) unread(path string) int64 {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	var off int64
	if m := f.marks[path]; m != nil && fi.Size() >= m.size { // else read again
		if m.full {
			return 0
		}
		off = m.off
	}
	return max(0, min(fi.Size(), MaxFile)-off)
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
			f.report(rel, "cannot be read: %s", err.Error())
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
		f.report(devicesDir+"/"+id, "its clock is %s ahead of this one; its times are shown as it wrote them", ahead.Round(time.Minute))
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
	return bytes.TrimSpace(b)
}

// scanFile reads the new whole lines of one events file, adding their
// records to r's.
func (f *Folder) scanFile(r *reader, d *Device, rel, path string) {
	m := f.marks[path]
	if m == nil {
		m = &mark{}
		f.marks[path] = m
	}
	fh, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		f.report(rel, "cannot be read: %s", err.Error())
		return
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return
	}
	size := fi.Size()
	if size < m.size {
		// Replaced by a shorter file: read it again from the start. What
		// it holds again is merged again, and merging is idempotent.
		*m = mark{}
	}
	m.size = size
	if m.full || size == m.off {
		return
	}
	if m.off >= MaxFile {
		m.full = true
		f.report(rel, "is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20)
		return
	}
	if _, err := fh.Seek(m.off, io.SeekStart); err != nil {
		return
	}
	limit := min(size, MaxFile) - m.off
	if r.br == nil {
		r.br = bufio.NewReaderSize(io.LimitReader(fh, limit), 4096)
	} else {
		r.br.Reset(io.LimitReader(fh, limit))
	}
	first := len(r.out)
	var otherKey, garbage int
	for {
		line, n, complete := r.readLine()
		if !complete {
			if m.off+int64(n) >= MaxFile {
				m.off += int64(n)
				m.full = true
				f.report(rel, "is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20)
			}
			break // a last line still being written: read it next time
		}
		m.off += int64(n)
		r.bytes += int64(n)
		if line == nil {
			if n > 1 {
				garbage++ // too long
			}
			continue
		}
		plain, err := r.open(d.ID, line)
		if err != nil {
			if errors.Is(err, ErrOtherKey) {
				otherKey++
			} else {
				garbage++
			}
			continue
		}
		rec, ok := r.decode(plain)
		if !ok {
			garbage++
			continue
		}
		d.Events++
		if rec.Event.At.After(d.Last) {
			d.Last = rec.Event.At
		}
		r.add(Record{Device: d.ID, Event: rec.Event, Skip: rec.Skip, Snooze: rec.Snooze, Diary: rec.Diary})
	}
	d.OtherKey += otherKey
	d.Garbage += garbage
	if otherKey > 0 {
		f.sealProblem(rel, ErrOtherKey)
	}
	if garbage > 0 {
		f.sealProblem(rel, ErrGarbage)
	}
	if len(r.out) > first {
		f.heard(d)
	}
	return
}

// samePresence reports whether two presence files say the same.
func samePresence(a, b Presence) bool {
	return a.Device == b.Device && a.Name == b.Name && a.Instance == b.Instance && a.State == b.State &&
		a.Written.Equal(b.Written) && a.Since.Equal(b.Since) && a.Input.Equal(b.Input)
}
