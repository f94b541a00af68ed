package devices

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// tailBytes is how many bytes at the end of an events file Months hashes.
const tailBytes = 4096

// Months lists the other devices' monthly events files, each with its
// size and a hash of its last bytes, without reading what they hold: what
// a cache of the record (the synced streak checkpoint, state.SyncSource)
// needs to tell whether a device wrote into a month since, a file came or
// went. It sees the devices Scan reads (an id's directory, not a link, at
// most MaxDevices of them, this device's left out) and their files named
// events-YYYY-MM.jsonl; one that is no regular file is listed with size
// -1. An error means the folder itself cannot be read.
func (f *Folder) Months() ([]state.MonthFile, error) {
	entries, err := os.ReadDir(filepath.Join(f.root, devicesDir))
	if err != nil {
		return nil, fmt.Errorf("devices: cannot read the sync folder: %w", err)
	}
	var out []state.MonthFile
	n := 0
	for _, e := range entries {
		id := e.Name()
		if !ValidID(id) || id == f.self || e.Type()&fs.ModeSymlink != 0 || !e.IsDir() {
			continue
		}
		if n++; n > MaxDevices {
			break
		}
		dir := filepath.Join(f.root, devicesDir, id)
		files, err := os.ReadDir(dir)
		if err != nil {
			continue // Scan cannot read it either
		}
		for _, fe := range files {
			m := eventsName.FindStringSubmatch(fe.Name())
			if m == nil {
				continue
			}
			out = append(out, monthFile(id, m[1]+"-"+m[2], filepath.Join(dir, fe.Name()), fe))
		}
	}
	return out, nil
}

// monthFile names one events file by its size and the SHA-256 of its last
// tailBytes bytes.
func monthFile(id, month, path string, e fs.DirEntry) state.MonthFile {
	mf := state.MonthFile{Device: id, Month: month, Size: -1}
	if !e.Type().IsRegular() {
		return mf
	}
	fh, err := safefs.OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		return mf
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return mf
	}
	n := min(fi.Size(), tailBytes)
	buf := make([]byte, n)
	if _, err := fh.ReadAt(buf, fi.Size()-n); err != nil {
		return mf
	}
	sum := sha256.Sum256(buf)
	mf.Size, mf.Tail = fi.Size(), hex.EncodeToString(sum[:16])
	return mf
}
