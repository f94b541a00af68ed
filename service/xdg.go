//go:build !windows && !darwin

package service

// Without a systemd user manager (OpenRC, runit, a container) and on the
// BSDs: an XDG autostart entry, which every freedesktop session (GNOME, KDE,
// Xfce, LXQt, and window managers through dex or similar) runs at login. As
// nothing supervises the daemon, install and start launch it themselves,
// detached: in a session of its own, with stdin on /dev/null and its output
// in a log file in the state directory, so a terminal or a pipe that ran
// install is not held open. Stop and status find it by its lock. Nothing
// restarts it when it exits, so a start that cannot succeed is never
// retried in a loop: install and start report that it exited at once, with
// the end of its log.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// xdgManager installs bedtime as an XDG autostart entry.
type xdgManager struct {
	// path is $XDG_CONFIG_HOME/autostart/bedtime.desktop.
	path string
	opts Options
	// startTimeout bounds how long install waits for a launched daemon to
	// take its lock; zero means 10 seconds.
	startTimeout time.Duration
	// why is why the entry was chosen over a systemd user unit (Status.Why).
	why string
}

var _ Manager = (*xdgManager)(nil)

// newXDGManager returns the autostart manager for the user's config
// directory ($XDG_CONFIG_HOME, default ~/.config).
func newXDGManager(opts Options) (*xdgManager, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("cannot find the config directory for the autostart entry: %w", err)
	}
	return &xdgManager{path: filepath.Join(dir, "autostart", Name+".desktop"), opts: opts}, nil
}

func (m *xdgManager) installed() bool {
	_, err := os.Stat(m.path)
	return err == nil
}

// installedSpec reads the entry back.
func (m *xdgManager) installedSpec() (Spec, error) {
	data, err := os.ReadFile(m.path)
	if errors.Is(err, fs.ErrNotExist) {
		return Spec{}, ErrNotInstalled
	}
	if err != nil {
		return Spec{}, fmt.Errorf("cannot read the autostart entry: %w", err)
	}
	args, err := desktopExecArgs(string(data))
	spec, ok := specFromArgs(args)
	if err != nil || !ok {
		return Spec{}, fmt.Errorf("%s does not run bedtime (%v): run \"bedtime install\" again", m.path, err)
	}
	return spec, nil
}

// Install writes the entry atomically (0600), stops a daemon that runs and
// starts the new one. A failed start puts the previous entry back, or
// removes the new one.
func (m *xdgManager) Install(ctx context.Context, spec Spec) (err error) {
	if err := checkDesktopExecutable(spec.Program()); err != nil {
		return err
	}
	if err := checkPlainPath("schedule", spec.ConfigPath); err != nil {
		return err
	}
	previous, rerr := os.ReadFile(m.path)
	hadPrevious := rerr == nil
	if rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the existing autostart entry: %w", rerr)
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o700); err != nil {
		return fmt.Errorf("cannot create the autostart directory: %w", err)
	}
	if err := safefs.WriteAtomic(m.path, []byte(desktopEntry(spec))); err != nil {
		return fmt.Errorf("cannot write the autostart entry: %w", err)
	}
	defer func() {
		if err == nil {
			return
		}
		var cerr error
		if hadPrevious {
			cerr = safefs.WriteAtomic(m.path, previous)
		} else {
			cerr = os.Remove(m.path)
		}
		if cerr != nil {
			err = fmt.Errorf("%w (and cleaning up the autostart entry failed: %v)", err, cerr)
		}
	}()
	if _, err := m.opts.stopByLock(ctx); err != nil && !errors.Is(err, ErrNotRunning) {
		return err
	}
	return m.launch(ctx, spec)
}

// launch starts spec detached and waits until it holds the daemon's lock.
func (m *xdgManager) launch(ctx context.Context, spec Spec) error {
	if m.opts.StateDir == "" {
		return errors.New("cannot start bedtime: its state directory is unknown")
	}
	if err := os.MkdirAll(m.opts.StateDir, 0o700); err != nil {
		return fmt.Errorf("cannot create the state directory: %w", err)
	}
	logPath := m.opts.LogFile()
	rotateLog(logPath)
	logf, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("cannot open the log file: %w", err)
	}
	defer logf.Close()
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		return err
	}
	defer devnull.Close()
	offset, _ := logf.Seek(0, io.SeekEnd)

	cmd := exec.Command(spec.Program(), spec.Args()...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = devnull, logf, logf
	cmd.Dir = "/"
	// A session of its own: no controlling terminal, and neither the
	// terminal's hangup nor its Ctrl+C reach it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot start %s: %w", spec.Program(), err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	if err := m.opts.waitLocked(ctx, cmd.Process.Pid, exited, m.startTimeout); err != nil {
		_ = cmd.Process.Kill()
		return fmt.Errorf("%w: %s", err, logTail(logPath, offset))
	}
	return nil
}

// maxLog is the size beyond which the log is moved aside (to .1, replacing
// the previous one) when a daemon is launched.
const maxLog = 1 << 20

func rotateLog(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLog {
		_ = os.Rename(path, path+".1")
	}
}

// logTail returns what the log got after offset, for an error message.
func logTail(path string, offset int64) string {
	data, err := os.ReadFile(path)
	if err != nil || int64(len(data)) <= offset {
		return "see " + path
	}
	tail := data[offset:]
	if len(tail) > 2000 {
		tail = tail[len(tail)-2000:]
	}
	return string(tail)
}

// Uninstall stops the daemon and removes the entry.
func (m *xdgManager) Uninstall(ctx context.Context) (bool, error) {
	if !m.installed() {
		return false, nil
	}
	if _, err := m.opts.stopByLock(ctx); err != nil && !errors.Is(err, ErrNotRunning) {
		return false, err
	}
	if err := os.Remove(m.path); err != nil {
		return false, fmt.Errorf("cannot remove the autostart entry: %w", err)
	}
	return true, nil
}

// Start starts bedtime as the entry says, unless it runs already.
func (m *xdgManager) Start(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if _, _, ok := m.opts.running(); ok {
		return nil
	}
	return m.launch(ctx, spec)
}

// Stop stops the daemon holding the lock, whoever started it.
func (m *xdgManager) Stop(ctx context.Context) error {
	_, err := m.opts.stopByLock(ctx)
	return err
}

// Restart stops the daemon and starts it again.
func (m *xdgManager) Restart(ctx context.Context) error {
	spec, err := m.installedSpec()
	if err != nil {
		return err
	}
	if _, err := m.opts.stopByLock(ctx); err != nil && !errors.Is(err, ErrNotRunning) {
		return err
	}
	return m.launch(ctx, spec)
}

// Status reads the entry and the lock. Without an entry, a running daemon
// is left for the caller to report as started by hand.
func (m *xdgManager) Status(ctx context.Context) (Status, error) {
	st := Status{Manager: "XDG autostart entry", UnitPath: m.path, Why: m.why}
	spec, err := m.installedSpec()
	switch {
	case errors.Is(err, ErrNotInstalled):
		st.State = "not installed"
		return st, nil
	case err != nil:
		return st, err
	}
	st.Installed, st.ConfigPath, st.Enabled = true, spec.ConfigPath, "starts at login"
	if pid, since, ok := m.opts.running(); ok {
		st.Running, st.PID, st.Since, st.Started = true, pid, sinceText(since), since
	} else {
		st.State = "not running"
	}
	return st, nil
}
