package config

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
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

// writeAtomic writes a temporary file beside path, flushes it to disk and
// renames it over path, then flushes the directory. (renameio does the
// same, but only on Unix.)
func writeAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync() // not supported everywhere; the rename is done either way
		d.Close()
	}
	return nil
}

// Backup copies the file at path to a new file beside it named after the
// time, such as schedule.yaml.2026-11-25T220300.bak, and returns its path.
// It never overwrites an earlier backup.
func Backup(path string, now time.Time) (string, error) {
	data, err := os.ReadFile(path)
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
