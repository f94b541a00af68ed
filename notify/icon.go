package notify

import (
	"bytes"
	_ "embed"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// iconPNG is the bedtime icon, a crescent moon, 64×64.
//
//go:embed icon.png
var iconPNG []byte

// fallbackIcon is the themed icon used when the bedtime icon cannot be
// written; freedesktop icon themes all have it.
const fallbackIcon = "appointment-soon"

// installIcon writes the bedtime icon to dir (empty: the user's cache
// directory) unless it is there already, and returns its path. On failure it
// logs why and returns a themed icon name instead.
func installIcon(dir string, log *slog.Logger) string {
	path, err := writeIcon(dir)
	if err != nil {
		log.Warn("cannot install the notification icon; using a themed icon", "err", err, "icon", fallbackIcon)
		return fallbackIcon
	}
	return path
}

func writeIcon(dir string) (string, error) {
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(cache, "bedtime")
	}
	path := filepath.Join(dir, "icon.png")
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, iconPNG) {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// Write a private temporary file next to it and rename it into place,
	// so a reader never sees half an icon.
	f, err := os.CreateTemp(dir, ".icon-*.png")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	_, err = f.Write(iconPNG)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("cannot write icon %q: %w", path, err)
	}
	return path, nil
}
