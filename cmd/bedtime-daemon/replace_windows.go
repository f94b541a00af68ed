package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// replace runs path with argv and exits with its status: Windows cannot
// put another program in a running process.
func replace(path string, argv []string) error {
	cmd := exec.Command(path, argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		os.Exit(exit.ExitCode())
	}
	if err != nil {
		return fmt.Errorf("cannot run %s: %w", path, err)
	}
	os.Exit(0)
	return nil
}
