//go:build darwin

package service

// macOS: a LaunchAgent in ~/Library/LaunchAgents, loaded into the user's GUI
// domain (gui/UID) with launchctl bootstrap, so it starts at every login and
// its notifications reach the user's session.
//
// kardianos/service is not used here: its darwin backend finds the home
// directory with os/user (ignoring $HOME, so it cannot be tested without
// touching the real ~/Library), refuses to overwrite an existing plist and
// uses the deprecated "launchctl load". The plist is rendered in
// launchd.go.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bedtime-app/bedtime/safefs"
)

// choose returns the launchd manager for the current user.
func choose(_ context.Context, opts Options) Manager {
	home, err := os.UserHomeDir()
	if err != nil {
		return Unsupported{Found: "cannot find the home directory: " + err.Error(), Opts: opts}
	}
	if _, err := exec.LookPath("launchctl"); err != nil {
		return Unsupported{Found: "launchctl is missing", Opts: opts}
	}
	return &launchdManager{home: home, uid: os.Getuid(), opts: opts}
}

// launchdManager installs bedtime as a LaunchAgent.
type launchdManager struct {
	home string
	uid  int
	opts Options
}

var _ Manager = (*launchdManager)(nil)

func (m *launchdManager) domain() string    { return "gui/" + strconv.Itoa(m.uid) }
func (m *launchdManager) target() string    { return m.domain() + "/" + launchdLabel }
func (m *launchdManager) plistPath() string { return launchdPlistPath(m.home) }

// launchctl runs launchctl args... and returns its stdout; its error carries
// launchctl's stderr.
func (m *launchdManager) launchctl(ctx context.Context, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "launchctl", args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String() + " " + stdout.String())
		return stdout.String(), fmt.Errorf("launchctl %s: %s: %w", strings.Join(args, " "), msg, err)
	}
	return stdout.String(), nil
}

func (m *launchdManager) loaded(ctx context.Context) bool {
	_, err := m.launchctl(ctx, "print", m.target())
	return err == nil
}

// Install writes the plist, unloads a previous version and loads the new one,
// which starts it (RunAtLoad). A failed step puts the previous plist back, or
// removes the new one.
func (m *launchdManager) Install(ctx context.Context, spec Spec) (err error) {
	plist, err := renderLaunchdPlist(spec, m.home)
	if err != nil {
		return fmt.Errorf("cannot render the plist: %w", err)
	}
	path := m.plistPath()
	previous, rerr := os.ReadFile(path)
	hadPrevious := rerr == nil
	if err := os.MkdirAll(launchdLogDir(m.home), 0o700); err != nil {
		return fmt.Errorf("cannot create the log directory: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot create ~/Library/LaunchAgents: %w", err)
	}
	if m.loaded(ctx) {
		if _, err := m.launchctl(ctx, "bootout", m.target()); err != nil {
			return err
		}
	}
	defer func() {
		if err == nil {
			return
		}
		if hadPrevious {
			if werr := safefs.WriteAtomic(path, previous); werr != nil {
				err = fmt.Errorf("%w (and restoring the previous plist failed: %v)", err, werr)
				return
			}
			_, _ = m.launchctl(ctx, "bootstrap", m.domain(), path)
			return
		}
		if rmErr := os.Remove(path); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			err = fmt.Errorf("%w (and removing the plist failed: %v)", err, rmErr)
		}
	}()
	if err := safefs.WriteAtomic(path, plist); err != nil {
		return fmt.Errorf("cannot write the plist: %w", err)
	}
	if _, err := m.launchctl(ctx, "bootstrap", m.domain(), path); err != nil {
		return err
	}
	return nil
}

// Uninstall unloads the agent (stopping it) and removes its plist. The logs stay.
func (m *launchdManager) Uninstall(ctx context.Context) (bool, error) {
	path := m.plistPath()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if m.loaded(ctx) {
		if _, err := m.launchctl(ctx, "bootout", m.target()); err != nil {
			return false, err
		}
	}
	if err := os.Remove(path); err != nil {
		return false, fmt.Errorf("cannot remove the plist: %w", err)
	}
	return true, nil
}

func (m *launchdManager) installed() error {
	if _, err := os.Stat(m.plistPath()); errors.Is(err, fs.ErrNotExist) {
		return ErrNotInstalled
	}
	return nil
}

// Start loads the agent if it is not loaded, else starts it.
func (m *launchdManager) Start(ctx context.Context) error {
	if err := m.installed(); err != nil {
		return err
	}
	if !m.loaded(ctx) {
		_, err := m.launchctl(ctx, "bootstrap", m.domain(), m.plistPath())
		return err
	}
	_, err := m.launchctl(ctx, "kickstart", m.target())
	return err
}

// Stop sends SIGTERM; the clean exit keeps launchd from restarting it until
// the next login or start. Without a plist it stops a daemon started by hand.
func (m *launchdManager) Stop(ctx context.Context) error {
	if err := m.installed(); err != nil {
		_, err = m.opts.stopByLock(ctx)
		return err
	}
	_, err := m.launchctl(ctx, "kill", "SIGTERM", m.target())
	return err
}

// Restart kills and restarts the agent.
func (m *launchdManager) Restart(ctx context.Context) error {
	if err := m.installed(); err != nil {
		return err
	}
	if !m.loaded(ctx) {
		_, err := m.launchctl(ctx, "bootstrap", m.domain(), m.plistPath())
		return err
	}
	_, err := m.launchctl(ctx, "kickstart", "-k", m.target())
	return err
}

var (
	launchdPIDRe   = regexp.MustCompile(`(?m)^\s*pid = (\d+)\s*$`)
	launchdStateRe = regexp.MustCompile(`(?m)^\s*state = (.+?)\s*$`)
)

// Status asks launchd about the agent and ps about its start time.
func (m *launchdManager) Status(ctx context.Context) (Status, error) {
	st := Status{Manager: "LaunchAgent", UnitPath: m.plistPath()}
	if _, err := os.Stat(st.UnitPath); err == nil {
		st.Installed = true
		st.ConfigPath = launchdConfigFromPlist(st.UnitPath)
	}
	out, err := m.launchctl(ctx, "print", m.target())
	if err != nil {
		st.State = "not loaded"
		return st, nil
	}
	st.Enabled = "loaded"
	if mm := launchdStateRe.FindStringSubmatch(out); mm != nil {
		st.State = mm[1]
	}
	if mm := launchdPIDRe.FindStringSubmatch(out); mm != nil {
		st.PID, _ = strconv.Atoi(mm[1])
		st.Running = st.PID != 0
	}
	if st.Running {
		if since, err := exec.CommandContext(ctx, "ps", "-o", "lstart=", "-p", strconv.Itoa(st.PID)).Output(); err == nil {
			st.Since = strings.TrimSpace(string(since))
			st.Started = startedAt(st.Since)
		}
	}
	return st, nil
}

// launchdConfigFromPlist returns the --config argument in the plist at path.
func launchdConfigFromPlist(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	args := launchdProgramArguments(data)
	for i, a := range args {
		if a == "--config" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
