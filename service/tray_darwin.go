package service

// InstallTray fails on macOS, where the tray is not built.
func InstallTray(spec Spec) (string, error) { return "", ErrTrayNotBuilt }

// UninstallTray has nothing to remove on macOS.
func UninstallTray() (bool, error) { return false, nil }

// TrayInstalled is false on macOS.
func TrayInstalled() bool { return false }
