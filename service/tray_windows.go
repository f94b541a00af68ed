package service

import (
	"errors"
	"fmt"
	"syscall"

	"golang.org/x/sys/windows/registry"
)

// InstallTray makes Windows start `bedtime tray` for spec at every logon
// (a value of its own in the user's Run key), and returns its name.
func InstallTray(spec Spec) (string, error) {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKeyPath, registry.SET_VALUE)
	if err != nil {
		return "", fmt.Errorf("cannot open the Run key: %w", err)
	}
	defer k.Close()
	line := syscall.EscapeArg(spec.Executable)
	for _, a := range spec.TrayArgs() {
		line += " " + syscall.EscapeArg(a)
	}
	if err := k.SetStringValue(TrayName, line); err != nil {
		return "", fmt.Errorf("cannot write the tray's Run value: %w", err)
	}
	return `HKCU\` + runKeyPath + `\` + TrayName, nil
}

// UninstallTray removes the tray's Run value; it reports false when there
// was none.
func UninstallTray() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKeyPath, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot open the Run key: %w", err)
	}
	defer k.Close()
	err = k.DeleteValue(TrayName)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot remove the tray's Run value: %w", err)
	}
	return true, nil
}

// TrayInstalled reports whether the tray's Run value exists.
func TrayInstalled() bool {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKeyPath, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	defer k.Close()
	_, _, err = k.GetStringValue(TrayName)
	return err == nil
}
