//go:build !windows && !darwin

package service

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bedtime-app/bedtime/safefs"
)

// trayEntryPath is $XDG_CONFIG_HOME/autostart/bedtime-tray.desktop.
func trayEntryPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the config directory for the autostart entry: %w", err)
	}
	return filepath.Join(dir, "autostart", TrayName+".desktop"), nil
}

// InstallTray makes the session start `bedtime tray` for spec at every
// login, and returns where it wrote that.
func InstallTray(spec Spec) (string, error) {
	if err := checkDesktopExecutable(spec.Executable); err != nil {
		return "", err
	}
	if err := checkPlainPath("schedule", spec.ConfigPath); err != nil {
		return "", err
	}
	path, err := trayEntryPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("cannot create the autostart directory: %w", err)
	}
	if err := safefs.WriteAtomic(path, []byte(trayDesktopEntry(spec))); err != nil {
		return "", fmt.Errorf("cannot write the tray's autostart entry: %w", err)
	}
	return path, nil
}

// UninstallTray removes the tray's autostart entry; it reports false when
// there was none.
func UninstallTray() (bool, error) {
	path, err := trayEntryPath()
	if err != nil {
		return false, err
	}
	err = os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot remove the tray's autostart entry: %w", err)
	}
	return true, nil
}

// TrayInstalled reports whether the tray's autostart entry exists.
func TrayInstalled() bool {
	path, err := trayEntryPath()
	if err != nil {
		return false
	}
	_, err = os.Stat(path)
	return err == nil
}
