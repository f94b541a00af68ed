//go:build !windows && !darwin

package service

import (
	"context"
	"os"
	"testing"
)

type uninstalled struct{ Manager }

func (uninstalled) Uninstall(context.Context) (bool, error) { return false, nil }

// TestWithTrayUninstall: uninstall removes the tray's entry too, and says
// something was removed when only that was there.
func TestWithTrayUninstall(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path, err := InstallTray(Spec{Executable: "/usr/bin/bedtime", ConfigPath: "/home/a/schedule.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	removed, err := WithTray(uninstalled{}).Uninstall(context.Background())
	if err != nil || !removed {
		t.Fatalf("Uninstall = %v, %v; want true", removed, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the tray's entry is still there: %v", err)
	}
}
