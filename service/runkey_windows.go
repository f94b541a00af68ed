//go:build windows

package service

// Windows: no Windows service. A service runs in session 0, where no toast
// can ever be shown, so bedtime is registered as a per-user autostart instead:
// a value in HKCU\Software\Microsoft\Windows\CurrentVersion\Run, which Windows
// runs at every logon of this user, in the user's session. kardianos/service
// only knows Windows services, so it is not used here.
//
// Limits, honestly: nothing restarts bedtime if it exits (so a start that
// cannot succeed is never retried in a loop either: install reports that it
// exited at once, with its log); start launches a
// detached process (its output goes to the log file in the state
// directory), and stop terminates the process that holds the daemon's lock
// (Windows has no SIGTERM for it).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

const runKeyPath = `Software\Microsoft\Windows\CurrentVersion\Run`

// choose returns the logon-autostart manager for the current user.
func choose(_ context.Context, opts Options) Manager {
	return &autostartManager{opts: opts}
}

// autostartManager registers bedtime in the user's Run key.
type autostartManager struct {
	opts Options
}

var _ Manager = (*autostartManager)(nil)

func (m *autostartManager) unitPath() string {
	return `HKCU\` + runKeyPath + `\` + Name
}

// commandLine is the Run value for spec.
func commandLine(spec Spec) string {
	parts := []string{syscall.EscapeArg(spec.Program())}
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
	v, _, err := k.GetStringValue(Name)
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
	if err := k.SetStringValue(Name, v); err != nil {
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
	if err := k.DeleteValue(Name); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf("cannot delete %s: %w", m.unitPath(), err)
	}
	return nil
}

// Install writes the Run value and (re)starts bedtime now. A failed start
// puts the previous value back, or removes the new one.
func (m *autostartManager) Install(ctx context.Context, spec Spec) (err error) {
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
	if err := m.stop(ctx); err != nil {
		return err
	}
	return m.launch(ctx, spec)
}

// stop stops the daemon holding the lock, if one does.
func (m *autostartManager) stop(ctx context.Context) error {
	if _, err := m.opts.stopByLock(ctx); err != nil && !errors.Is(err, ErrNotRunning) {
		return err
	}
	return nil
}

// Uninstall stops bedtime and removes the Run value.
func (m *autostartManager) Uninstall(ctx context.Context) (bool, error) {
	_, ok, err := m.readValue()
	if err != nil || !ok {
		return false, err
	}
	if err := m.stop(ctx); err != nil {
		return false, err
	}
	return true, m.deleteValue()
}

func (m *autostartManager) installedSpec() (Spec, error) {
	v, ok, err := m.readValue()
	if err != nil {
		return Spec{}, err
	}
	if !ok {
		return Spec{}, ErrNotInstalled
	}
	args, err := windows.DecomposeCommandLine(v)
	spec, ok := specFromArgs(args)
	if err != nil || !ok {
		return Spec{}, fmt.Errorf("%s holds %q, not a bedtime command line: run \"bedtime install\" again", m.unitPath(), v)
	}
	return spec, nil
}

// launch starts spec detached from this console, as the logon would, with
// its output in the log file, and waits until it holds the daemon's lock.
func (m *autostartManager) launch(ctx context.Context, spec Spec) error {
	cmd := exec.Command(spec.Program(), spec.Args()...)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		HideWindow:    true,
		CreationFlags: windows.CREATE_NEW_PROCESS_GROUP | windows.DETACHED_PROCESS,
	}
	if m.opts.StateDir != "" {
		if err := os.MkdirAll(m.opts.StateDir, 0o700); err != nil {
			return fmt.Errorf("cannot create the state directory: %w", err)
		}
		logf, err := os.OpenFile(m.opts.LogFile(), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("cannot open the log file: %w", err)
		}
		defer logf.Close()
		cmd.Stdout, cmd.Stderr = logf, logf
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot start %s: %w", spec.Program(), err)
	}
	if m.opts.StateDir == "" {
		return cmd.Process.Release()
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := m.opts.waitLocked(ctx, cmd.Process.Pid, exited, 0); err != nil {
		_ = cmd.Process.Kill()
		return fmt.Errorf("%w; see %s", err, m.opts.LogFile())
	}
	return nil
}

// Start starts bedtime unless it runs already.
func (m *autostartManager) Start(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if _, _, ok := m.opts.running(); ok {
		return nil
	}
	return m.launch(ctx, spec)
}

// Stop terminates the daemon holding the lock, installed or started by hand.
func (m *autostartManager) Stop(ctx context.Context) error {
	_, err := m.opts.stopByLock(ctx)
	return err
}

// Restart stops and starts bedtime.
func (m *autostartManager) Restart(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if err := m.stop(ctx); err != nil {
		return err
	}
	return m.launch(ctx, spec)
}

// Status reads the Run value and the daemon's lock.
func (m *autostartManager) Status(ctx context.Context) (Status, error) {
	st := Status{Manager: "logon autostart", UnitPath: m.unitPath()}
	spec, err := m.installedSpec()
	switch {
	case errors.Is(err, ErrNotInstalled):
		st.State = "not installed"
		return st, nil
	case err != nil:
		return st, err
	}
	st.Installed, st.ConfigPath, st.Enabled = true, spec.ConfigPath, "starts at logon"
	if pid, since, ok := m.opts.running(); ok {
		st.Running, st.PID, st.Since, st.Started = true, pid, sinceText(since), since
	} else {
		st.State = "not running"
	}
	return st, nil
}
