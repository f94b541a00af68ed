package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// stateDir returns app.StateDir, or the user's state directory.
func (app *App) stateDir() (string, error) {
	if app.StateDir != "" {
		return app.StateDir, nil
	}
	return userStateDir()
}

// userStateDir returns where bedtime keeps its state and history:
// $XDG_STATE_HOME/bedtime (default ~/.local/state/bedtime) on Linux and the
// BSDs, ~/Library/Application Support/bedtime on macOS, and
// %LocalAppData%\bedtime on Windows.
func userStateDir() (string, error) {
	switch runtime.GOOS {
	case "darwin", "windows":
		dir, err := os.UserConfigDir()
		if runtime.GOOS == "windows" {
			dir, err = os.UserCacheDir() // %LocalAppData%
		}
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "bedtime"), nil
	}
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "bedtime"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "bedtime"), nil
}
