package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// WriteFile writes data to path atomically: readers see the old file or
// the new one, never a part, even after a crash. The file is private to
// the user (0600) and a missing directory is created private (0700).
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("config: cannot write %s: %w", path, err)
	}
	return nil
}

// WriteThrough is WriteFile for a path that may be a symbolic link, such
// as a schedule kept in a dotfiles repository: it writes the file the link
// points to (through every link of a chain), atomically, so the link stays
// a link. It returns the path it wrote.
func WriteThrough(path string, data []byte) (string, error) {
	chain, err := safefs.Links(path)
	if err != nil {
		return "", fmt.Errorf("config: cannot write %s: %w", path, err)
	}
	target := chain[len(chain)-1]
	return target, WriteFile(target, data)
}

// writeAtomic writes a temporary file beside path, flushes it to disk and
// renames it over path, then flushes the directory: safefs.WriteAtomic,
// bedtime's one atomic write.
func writeAtomic(path string, data []byte) error { return safefs.WriteAtomic(path, data) }

// ReadFile reads the schedule file at path as Load does: a regular file
// or a link to one, never a pipe or a device, at most MaxFileSize bytes
// (a larger file is an error).
func ReadFile(path string) ([]byte, error) {
	data, err := ReadAtMost(path, MaxFileSize+1)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("config: %s is larger than %d KiB; is it the right file?", path, MaxFileSize>>10)
	}
	return data, err
}

// ReadAtMost reads at most limit bytes of the schedule file at path as
// Load opens it: a regular file or a link to one, never a named pipe
// (which would block for good) or a device (which could be read for
// ever); anything else is a safefs.NotRegularError naming path.
func ReadAtMost(path string, limit int64) ([]byte, error) {
	f, err := safefs.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

// Backup copies the file at path to a new file beside it named after the
// time, such as schedule.yaml.2026-11-25T220300.bak, and returns its path.
// It never overwrites an earlier backup.
func Backup(path string, now time.Time) (string, error) {
	data, err := ReadAtMost(path, 1<<40) // all of it, whatever its size
	if err != nil {
		return "", fmt.Errorf("config: cannot back up: %w", err)
	}
	base := path + "." + now.Format("2006-01-02T150405")
	dst := base + ".bak"
	for i := 2; ; i++ {
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			dst = fmt.Sprintf("%s-%d.bak", base, i)
			continue
		}
		if err != nil {
			return "", fmt.Errorf("config: cannot back up: %w", err)
		}
		_, werr := f.Write(data)
		if err := f.Sync(); werr == nil {
			werr = err
		}
		if err := f.Close(); werr == nil {
			werr = err
		}
		if werr != nil {
			os.Remove(dst)
			return "", fmt.Errorf("config: cannot back up: %w", werr)
		}
		return dst, nil
	}
}
