package devices

// The reading and merging of the others' records as they were before
// they were made cheaper, kept as the reference that the differential
// tests compare the new ones with, line for line and event for event.

import (
	"bufio"
	"encoding/base64"
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

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

func (f *Folder) oldScan() ([]Record, error) {
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
			f.report(devicesDir, "holds more than %d devices; the others are ignored", MaxDevices)
			continue
		}
		recs := f.oldScanDevice(name, rel)
		out = append(out, recs...)
	}
	return out, nil
}

func (f *Folder) oldScanDevice(id, rel string) []Record {
	dir := filepath.Join(f.root, devicesDir, id)
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.report(rel, "cannot be read: %s", err.Error())
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
		out = append(out, f.oldScanFile(d, rel+"/"+name, filepath.Join(dir, name))...)
	}
	return out
}

func (f *Folder) oldScanFile(d *Device, rel, path string) []Record {
	m := f.marks[path]
	if m == nil {
		m = &mark{}
		f.marks[path] = m
	}
	fh, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		f.report(rel, "cannot be read: %s", err.Error())
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
		f.report(rel, "is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20)
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
		line, n, complete := oldReadLine(br)
		if !complete {
			if m.off+int64(n) >= MaxFile {
				m.off += int64(n)
				m.full = true
				f.report(rel, "is larger than %d MiB, which no device writes in a month; read no further", MaxFile>>20)
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
		plain, err := f.key.oldOpen(d.ID, line)
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

func oldReadLine(br *bufio.Reader) (line []byte, n int, complete bool) {
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
			b := oldTrimLine(buf)
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

func oldTrimLine(b []byte) []byte {
	return []byte(strings.TrimSpace(string(b)))
}

func (k Key) oldOpen(dev string, line []byte) ([]byte, error) {
	rest, ok := strings.CutPrefix(string(line), sealPrefix)
	if !ok {
		return nil, ErrGarbage
	}
	b, err := base64.RawStdEncoding.DecodeString(rest)
	aead, _ := chacha20poly1305.NewX(k[:])
	if err != nil || len(b) < aead.NonceSize()+aead.Overhead() {
		return nil, ErrGarbage
	}
	plain, err := aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], []byte(dev))
	if err != nil {
		return nil, ErrOtherKey
	}
	return plain, nil
}

func oldMerge(self string, local []state.Event, others []Record, since time.Time) (all []state.Event, byDevice map[string][]state.Event) {
	recs := make([]Record, 0, len(local)+len(others))
	for _, ev := range local {
		recs = append(recs, Record{Device: self, Event: ev})
	}
	for _, r := range others {
		if r.Event.Kind != "" && !r.Event.At.Before(since) { // history, not a skip, snooze or diary answer
			recs = append(recs, r)
		}
	}
	slices.SortStableFunc(recs, func(a, b Record) int {
		if c := a.Event.At.Compare(b.Event.At); c != 0 {
			return c
		}
		if a.Device < b.Device {
			return -1
		}
		if a.Device > b.Device {
			return 1
		}
		return 0
	})
	// A device writes Missed for an instant it never showed; when another
	// device showed it, the person saw it, and the Missed is that device's
	// own affair (kept in byDevice, left out of all).
	type key struct {
		reminder string
		at       int64
	}
	shownBy := map[key]string{}
	for _, r := range recs {
		if r.Event.Kind == state.Shown {
			k := key{r.Event.Reminder, r.Event.Scheduled.UnixNano()}
			if d, ok := shownBy[k]; !ok || d == r.Device {
				shownBy[k] = r.Device
			} else {
				shownBy[k] = "\x00several"
			}
		}
	}
	byDevice = map[string][]state.Event{}
	all = make([]state.Event, 0, len(recs))
	for _, r := range recs {
		if r.Event.Kind == state.Missed {
			if d, ok := shownBy[key{r.Event.Reminder, r.Event.Scheduled.UnixNano()}]; ok && d != r.Device {
				byDevice[r.Device] = append(byDevice[r.Device], r.Event)
				continue
			}
		}
		all = append(all, r.Event)
		byDevice[r.Device] = append(byDevice[r.Device], r.Event)
	}
	return all, byDevice
}
