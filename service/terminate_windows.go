//go:build windows

package service

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

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

// childOf reports whether the process pid was started by parent. Windows
// cannot put another program in a running process, so bedtime-daemon hands
// what it does not do itself to "bedtime run" as a child of its own, and
// that child holds the daemon's lock.
func childOf(pid, parent int) bool {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(snap)
	e := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if e.ProcessID == uint32(pid) {
			return e.ParentProcessID == uint32(parent)
		}
	}
	return false
}
