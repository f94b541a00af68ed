//go:build windows

package service

import "golang.org/x/sys/windows"

// terminate ends the process pid. Windows has no SIGTERM for a process
// without a console window, so it is terminated; bedtime's state file is
// written atomically, so nothing is lost.
func terminate(pid int) error {
	h, err := windows.OpenProcess(windows.PROCESS_TERMINATE, false, uint32(pid))
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	return windows.TerminateProcess(h, 0)
}
