//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// replace executes path with argv in this process (same PID, so a service
// manager that watches it, and systemd's notify socket, go on as before).
func replace(path string, argv []string) error {
	if err := syscall.Exec(path, argv, os.Environ()); err != nil {
		return fmt.Errorf("cannot run %s: %w", path, err)
	}
	return nil
}
