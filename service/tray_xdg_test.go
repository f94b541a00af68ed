//go:build !windows && !darwin

package service

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestInstallTray writes the tray's autostart entry, reads its Exec back
// as a session does, and removes it again. The tray is bedtime's, also
// where the service runs bedtime-daemon.
func TestInstallTray(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	spec := Spec{Executable: "/opt/my bedtime/bedtime", Daemon: "/opt/my bedtime/bedtime-daemon", ConfigPath: "/home/a/.config/bedtime/schedule.yaml"}
	path, err := InstallTray(spec)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cfg, "autostart", "bedtime-tray.desktop"); path != want {
		t.Fatalf("InstallTray wrote %s, want %s", path, want)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	args, err := desktopExecArgs(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{spec.Executable, "tray", "--config", spec.ConfigPath}; !slices.Equal(args, want) {
		t.Fatalf("Exec = %q, want %q", args, want)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	for i, want := range []bool{true, false} {
		removed, err := UninstallTray()
		if err != nil || removed != want {
			t.Fatalf("UninstallTray #%d = %v, %v; want %v", i+1, removed, err, want)
		}
	}
}
