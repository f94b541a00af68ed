//go:build windows

package main

// Windows: no Windows service. A service runs in session 0, where no toast
// can ever be shown, so bedtime is registered as a per-user autostart instead:
// a value in HKCU\Software\Microsoft\Windows\CurrentVersion\Run, which Windows
// runs at every logon of this user, in the user's session. kardianos/service
// only knows Windows services, so it is not used here.
//
// Limits, honestly: nothing restarts bedtime if it exits; start launches a
// detached process and stop terminates the processes running this binary
// (Windows has no SIGTERM); its log output is discarded.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

const runKeyPath = `Software\Microsoft\Windows\CurrentVersion\Run`

// newServiceManager returns the logon-autostart manager for the current user.
func newServiceManager() (serviceManager, error) {
	return &autostartManager{}, nil
}

// autostartManager registers bedtime in the user's Run key.
type autostartManager struct{}

var _ serviceManager = (*autostartManager)(nil)

func (m *autostartManager) unitPath() string {
	return `HKCU\` + runKeyPath + `\` + serviceName
}

// commandLine is the Run value for spec.
func commandLine(spec serviceSpec) string {
	parts := []string{syscall.EscapeArg(spec.Executable)}
	for _, a := range spec.Args() {
		parts = append(parts, syscall.EscapeArg(a))
	}
	return strings.Join(parts, " ")
}

// readValue returns the Run value, or "" and false when there is none.
func (m *autostartManager) readValue() (string, bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKeyPath, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("cannot open %s: %w", runKeyPath, err)
	}
	defer k.Close()
	v, _, err := k.GetStringValue(serviceName)
	if errors.Is(err, registry.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("cannot read %s: %w", m.unitPath(), err)
	}
	return v, true, nil
}

func (m *autostartManager) writeValue(v string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKeyPath, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", runKeyPath, err)
	}
	defer k.Close()
	if err := k.SetStringValue(serviceName, v); err != nil {
		return fmt.Errorf("cannot write %s: %w", m.unitPath(), err)
	}
	return nil
}

func (m *autostartManager) deleteValue() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKeyPath, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", runKeyPath, err)
	}
	defer k.Close()
	if err := k.DeleteValue(serviceName); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf("cannot delete %s: %w", m.unitPath(), err)
	}
	return nil
}

// Install writes the Run value and (re)starts bedtime now. A failed start
// puts the previous value back, or removes the new one.
func (m *autostartManager) Install(ctx context.Context, spec serviceSpec) (err error) {
	previous, hadPrevious, err := m.readValue()
	if err != nil {
		return err
	}
	if err := m.writeValue(commandLine(spec)); err != nil {
		return err
	}
	defer func() {
		if err == nil {
			return
		}
		var cerr error
		if hadPrevious {
			cerr = m.writeValue(previous)
		} else {
			cerr = m.deleteValue()
		}
		if cerr != nil {
			err = fmt.Errorf("%w (and cleaning up failed: %v)", err, cerr)
		}
	}()
	if err := m.stopAll(spec.Executable); err != nil {
		return err
	}
	return m.launch(spec)
}

// Uninstall stops bedtime and removes the Run value.
func (m *autostartManager) Uninstall(ctx context.Context) (bool, error) {
	v, ok, err := m.readValue()
	if err != nil || !ok {
		return false, err
	}
	if exe := m.executableOf(v); exe != "" {
		if err := m.stopAll(exe); err != nil {
			return false, err
		}
	}
	return true, m.deleteValue()
}

// executableOf returns the binary in a Run value, or "".
func (m *autostartManager) executableOf(v string) string {
	args, err := windows.DecomposeCommandLine(v)
	if err != nil || len(args) == 0 {
		return ""
	}
	return args[0]
}

func (m *autostartManager) installedSpec() (serviceSpec, error) {
	v, ok, err := m.readValue()
	if err != nil {
		return serviceSpec{}, err
	}
	if !ok {
		return serviceSpec{}, errNotInstalled
	}
	args, err := windows.DecomposeCommandLine(v)
	if err != nil || len(args) < 4 || args[1] != "run" || args[2] != "--config" {
		return serviceSpec{}, fmt.Errorf("%s holds %q, not a bedtime command line: run \"bedtime install\" again", m.unitPath(), v)
	}
	return serviceSpec{Executable: args[0], ConfigPath: args[3]}, nil
}

// launch starts spec detached from this console, as the logon would.
func (m *autostartManager) launch(spec serviceSpec) error {
	cmd := exec.Command(spec.Executable, spec.Args()...)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		HideWindow:    true,
		CreationFlags: windows.CREATE_NEW_PROCESS_GROUP | windows.DETACHED_PROCESS,
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot start %s: %w", spec.Executable, err)
	}
	return cmd.Process.Release()
}

// Start starts bedtime unless it runs already.
func (m *autostartManager) Start(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if pids, _ := processesOf(spec.Executable); len(pids) > 0 {
		return nil
	}
	return m.launch(spec)
}

// Stop terminates the processes running the installed binary.
func (m *autostartManager) Stop(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	return m.stopAll(spec.Executable)
}

// Restart stops and starts bedtime.
func (m *autostartManager) Restart(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if err := m.stopAll(spec.Executable); err != nil {
		return err
	}
	return m.launch(spec)
}

// Status reads the Run value and looks for a process running its binary.
func (m *autostartManager) Status(ctx context.Context) (serviceStatus, error) {
	st := serviceStatus{Manager: "logon autostart", UnitPath: m.unitPath()}
	spec, err := m.installedSpec()
	switch {
	case errors.Is(err, errNotInstalled):
		exe, xerr := executablePath()
		if xerr != nil {
			return st, nil
		}
		spec.Executable = exe
	case err != nil:
		return st, err
	default:
		st.Installed = true
		st.ConfigPath = spec.ConfigPath
	}
	pids, err := processesOf(spec.Executable)
	if err != nil {
		return st, err
	}
	if len(pids) == 0 {
		st.State = "not running"
		return st, nil
	}
	st.Running, st.PID = true, int(pids[0])
	if h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pids[0]); err == nil {
		var created, exited, kernel, user windows.Filetime
		if windows.GetProcessTimes(h, &created, &exited, &kernel, &user) == nil {
			st.Since = time.Unix(0, created.Nanoseconds()).Format("Mon 2006-01-02 15:04:05 MST")
		}
		windows.CloseHandle(h)
	}
	return st, nil
}

// stopAll terminates every other process running exe.
func (m *autostartManager) stopAll(exe string) error {
	pids, err := processesOf(exe)
	if err != nil {
		return err
	}
	for _, pid := range pids {
		h, err := windows.OpenProcess(windows.PROCESS_TERMINATE|windows.SYNCHRONIZE, false, pid)
		if err != nil {
			return fmt.Errorf("cannot stop bedtime (pid %d): %w", pid, err)
		}
		err = windows.TerminateProcess(h, 0)
		if err == nil {
			_, err = windows.WaitForSingleObject(h, 5000)
		}
		windows.CloseHandle(h)
		if err != nil {
			return fmt.Errorf("cannot stop bedtime (pid %d): %w", pid, err)
		}
	}
	return nil
}

// processesOf returns the ids of the processes other than this one whose
// image is exe.
func processesOf(exe string) ([]uint32, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot list processes: %w", err)
	}
	defer windows.CloseHandle(snap)
	self := uint32(os.Getpid())
	var pids []uint32
	var e windows.ProcessEntry32
	e.Size = uint32(unsafe.Sizeof(e))
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if e.ProcessID == self {
			continue
		}
		if image, ok := imageOf(e.ProcessID); ok && strings.EqualFold(image, exe) {
			pids = append(pids, e.ProcessID)
		}
	}
	return pids, nil
}

func imageOf(pid uint32) (string, bool) {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return "", false
	}
	defer windows.CloseHandle(h)
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n := uint32(len(buf))
	if err := windows.QueryFullProcessImageName(h, 0, &buf[0], &n); err != nil {
		return "", false
	}
	return windows.UTF16ToString(buf[:n]), true
}
