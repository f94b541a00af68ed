package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// replace runs path with argv and exits with its status: Windows cannot
// put another program in a running process. bedtime-daemon.exe is a
// program without a console (-H windowsgui), so that logging on opens no
// window; bedtime.exe has one, and gets none here either
// (CREATE_NO_WINDOW): its output goes where this program's goes.
func replace(path string, argv []string) error {
	cmd := exec.Command(path, argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: windows.CREATE_NO_WINDOW}
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
