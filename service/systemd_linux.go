//go:build linux

package service

// Linux: a systemd user unit, written by kardianos/service from our own
// template (its default one is for system units: WantedBy=multi-user.target
// never starts in the user manager, Restart=always, RestartSec=120,
// EnvironmentFile=/etc/sysconfig/...).
//
// kardianos writes the unit file and runs "systemctl enable" and
// "daemon-reload", but it refuses to overwrite an existing unit, does not
// start the service and drops systemctl's stderr. So around its Install we
// run systemctl ourselves (capturing stderr), make install idempotent and
// clean up after a failed step.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	kservice "github.com/kardianos/service"

	"github.com/bedtime-app/bedtime/safefs"
)

// systemdUnitTemplate is the unit, in kardianos/service's template syntax
// (keys from its systemd data map; cmdEscape and cmd quote for ExecStart).
// SIGTERM, systemd's default KillSignal, stops the daemon; "systemctl --user
// kill -s HUP bedtime" makes it reload the schedule. Output goes to the journal.
// A start that cannot succeed is not retried: the daemon then exits with
// ExitCannotStart, which RestartPreventExitStatus names; any other failure
// is retried every 5 s, and given up after 5 tries in 5 minutes
// (StartLimit*) instead of forever.
//
// Type=notify: the daemon sends READY=1 once it holds the per-user lock and
// has loaded its schedule (service.Ready), and "systemctl start" and
// "restart" wait for it, failing when the daemon exits first; with
// Type=simple they said done as soon as the process was forked, so install
// told the person bedtime runs while it had exited at once. A daemon that
// has not said so within TimeoutStartSec is stopped (and retried, as any
// failure): it takes well under a second.
var systemdUnitTemplate = `# Written by "bedtime install". Run it again to update this unit,
# "bedtime uninstall" to remove it.
[Unit]
Description={{Description}}
StartLimitIntervalSec=300
StartLimitBurst=5

[Service]
Type=notify
NotifyAccess=main
TimeoutStartSec=30s
ExecStart={{Path | cmdEscape}}{{range Arguments}} {{. | cmd}}{{end}}
Restart=on-failure
RestartSec=5s
RestartPreventExitStatus=` + strconv.Itoa(ExitCannotStart) + `
StandardOutput=journal
StandardError=journal

[Install]
WantedBy=default.target
`

// systemdUnitName is the unit's file name.
const systemdUnitName = Name + ".service"

// choose returns the systemd user manager when bedtime's unit is installed
// or a systemd user manager answers, else the XDG autostart entry, which
// then says why (Status.Why).
func choose(ctx context.Context, opts Options) Manager {
	x, xerr := newXDGManager(opts)
	if xerr == nil && x.installed() {
		return x
	}
	sd, err := newSystemdManager(opts)
	if err == nil {
		if unit, uerr := sd.unitPath(); uerr == nil {
			if _, serr := os.Stat(unit); serr == nil {
				return sd
			}
		}
		err = sd.reachable(ctx)
		if err == nil {
			return sd
		}
	}
	if xerr != nil {
		return Unsupported{Found: xerr.Error(), Opts: opts}
	}
	found := err.Error()
	var nm NoManagerError
	if errors.As(err, &nm) {
		found = nm.Found
	}
	x.why = "chosen because " + found + "; the desktop session starts bedtime at login, and nothing restarts it if it stops"
	return x
}

// newSystemdManager returns the systemd user unit manager; whether a user
// manager answers is checked by Install.
func newSystemdManager(opts Options) (*systemdManager, error) {
	sys, err := systemdSystem()
	if err != nil {
		return nil, err
	}
	return &systemdManager{system: sys, opts: opts}, nil
}

// systemdSystem returns kardianos/service's systemd backend whatever the
// machine runs: which manager to use is decided by asking systemctl.
func systemdSystem() (kservice.System, error) {
	for _, s := range kservice.AvailableSystems() {
		if s.String() == "linux-systemd" {
			return s, nil
		}
	}
	return nil, errors.New("kardianos/service has no linux-systemd backend")
}

// systemdManager installs bedtime as a systemd user unit.
type systemdManager struct {
	// system is kardianos/service's linux-systemd backend.
	system kservice.System
	opts   Options
	// vendorUnit is the package's unit; "" means VendorUnitPath (tests
	// set another).
	vendorUnit string
}

var _ Manager = (*systemdManager)(nil)

// unitPath is where kardianos/service writes user units: ~/.config/systemd/user.
func (m *systemdManager) unitPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home directory: %w", err)
	}
	return filepath.Join(home, ".config", "systemd", "user", systemdUnitName), nil
}

// systemctl runs "systemctl --user args..." and returns its stdout; its error
// carries systemctl's stderr.
func (m *systemdManager) systemctl(ctx context.Context, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "systemctl", append([]string{"--user"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			return stdout.String(), fmt.Errorf("systemctl --user %s: %w", strings.Join(args, " "), err)
		}
		return stdout.String(), fmt.Errorf("systemctl --user %s: %s: %w", strings.Join(args, " "), msg, err)
	}
	return stdout.String(), nil
}

// reachable checks that a systemd user manager answers.
func (m *systemdManager) reachable(ctx context.Context) error {
	if _, err := m.systemctl(ctx, "show-environment"); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) || errors.Is(err, exec.ErrNotFound) {
			return NoManagerError{Found: "no systemd user manager answers: " + err.Error()}
		}
		return err
	}
	return nil
}

// kardianosConfig is the kardianos/service configuration for spec. Paths are
// escaped for systemd first, as kardianos escapes only spaces (in the binary's
// path) and quotes (in arguments): "%" starts a specifier everywhere in
// ExecStart; "$" a variable and "\" an escape in the arguments.
func kardianosConfig(spec Spec) *kservice.Config {
	args := spec.Args()
	for i := range args {
		args[i] = systemdArgEscaper.Replace(args[i])
	}
	return &kservice.Config{
		Name:        Name,
		Description: Description,
		Executable:  strings.ReplaceAll(spec.Program(), "%", "%%"),
		Arguments:   args,
		Option: kservice.KeyValue{
			"UserService":   true,
			"SystemdScript": systemdUnitTemplate,
		},
	}
}

var systemdArgEscaper = strings.NewReplacer(`\`, `\\`, `%`, `%%`, `$`, `$$`)

// checkSystemdExecutable rejects binary paths systemd refuses to run
// ("Executable name contains special characters"): quotes, backslashes and
// control characters.
func checkSystemdExecutable(path string) error {
	if strings.ContainsAny(path, "\"'\\") || strings.IndexFunc(path, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0 {
		return fmt.Errorf("systemd cannot run a binary whose path contains quotes, backslashes or control characters (%q): move bedtime to a plainer path and install from there", path)
	}
	return nil
}

// noProgram is the service.Interface kardianos/service wants; bedtime's
// daemon is "bedtime run", not this process, so it is never called.
type noProgram struct{}

func (noProgram) Start(kservice.Service) error { return nil }
func (noProgram) Stop(kservice.Service) error  { return nil }

// Install writes the unit through kardianos/service (which also enables it
// and reloads systemd), then restarts the service so a re-install runs the
// new binary and options, and returns once the daemon has started. A failed
// step, the daemon's start included (a *StartError), restores what was
// there before: the previous unit, or no unit at all.
func (m *systemdManager) Install(ctx context.Context, spec Spec) (err error) {
	if err := checkSystemdExecutable(spec.Program()); err != nil {
		return err
	}
	if err := m.reachable(ctx); err != nil {
		return err
	}
	unit, err := m.unitPath()
	if err != nil {
		return err
	}
	if m.useVendor(ctx, spec) {
		return m.installVendor(ctx, unit)
	}
	previous, err := os.ReadFile(unit)
	hadPrevious := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the existing unit: %w", err)
	}
	if hadPrevious {
		// kardianos refuses to overwrite ("Init already exists").
		if err := os.Remove(unit); err != nil {
			return fmt.Errorf("cannot replace the existing unit: %w", err)
		}
	}
	defer func() {
		if err != nil {
			if cerr := m.undoInstall(ctx, unit, previous, hadPrevious); cerr != nil {
				err = fmt.Errorf("%w (and cleaning up failed: %v)", err, cerr)
			}
		}
	}()

	svc, err := m.system.New(noProgram{}, kardianosConfig(spec))
	if err != nil {
		return fmt.Errorf("cannot set up the unit: %w", err)
	}
	if err := svc.Install(); err != nil {
		return m.explainInstallError(ctx, err)
	}
	// A unit that failed, or hit its start limit, is refused a restart
	// until its failure is forgotten: the new unit starts afresh.
	_, _ = m.systemctl(ctx, "reset-failed", systemdUnitName)
	// It returns once the new daemon has said it started (Type=notify),
	// or with a *StartError; the unit put back is then left stopped.
	return m.start(ctx, "restart", true)
}

// explainInstallError turns kardianos/service's Install error into one that
// carries systemctl's message. kardianos discards systemctl's stderr, so when
// one of its two systemctl calls failed, they are run again to capture it.
func (m *systemdManager) explainInstallError(ctx context.Context, err error) error {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return fmt.Errorf("cannot write the unit: %w", err)
	}
	if _, rerr := m.systemctl(ctx, "enable", systemdUnitName); rerr != nil {
		return rerr
	}
	if _, rerr := m.systemctl(ctx, "daemon-reload"); rerr != nil {
		return rerr
	}
	return fmt.Errorf("systemctl failed while enabling the unit (%w) but not when tried again; run install again", err)
}

// undoInstall puts back the unit that was there before a failed install, or
// disables and removes the new one. systemctl errors here are not reported:
// the step that failed has already said what is wrong with systemd.
func (m *systemdManager) undoInstall(ctx context.Context, unit string, previous []byte, hadPrevious bool) error {
	if hadPrevious {
		if err := safefs.WriteAtomic(unit, previous); err != nil {
			return fmt.Errorf("cannot restore the previous unit %s: %w", unit, err)
		}
		_, _ = m.systemctl(ctx, "daemon-reload")
		return nil
	}
	if _, err := os.Stat(unit); err == nil {
		_, _ = m.systemctl(ctx, "disable", systemdUnitName)
	}
	if err := os.Remove(unit); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot remove the half-installed unit %s: %w", unit, err)
	}
	_, _ = m.systemctl(ctx, "daemon-reload")
	return nil
}

// Uninstall stops and disables the unit, then removes it. The package's
// unit is stopped and disabled, and its file left to the package.
func (m *systemdManager) Uninstall(ctx context.Context) (bool, error) {
	unit, err := m.unitPath()
	if err != nil {
		return false, err
	}
	if _, err := os.Stat(unit); errors.Is(err, fs.ErrNotExist) {
		enabled, err := m.vendorEnabled(ctx)
		if err != nil || !enabled {
			return false, err
		}
		if _, err := m.systemctl(ctx, "disable", "--now", systemdUnitName); err != nil {
			return false, err
		}
		_, _ = m.systemctl(ctx, "reset-failed", systemdUnitName)
		return true, m.stopByHand(ctx)
	}
	if _, err := m.systemctl(ctx, "disable", "--now", systemdUnitName); err != nil {
		return false, err
	}
	// Forget a "failed" state so the unit does not linger in "systemctl --user --failed".
	_, _ = m.systemctl(ctx, "reset-failed", systemdUnitName)
	if err := os.Remove(unit); err != nil {
		return false, fmt.Errorf("cannot remove the unit: %w", err)
	}
	if _, err := m.systemctl(ctx, "daemon-reload"); err != nil {
		return true, err
	}
	return true, m.stopByHand(ctx)
}

// stopByHand stops a daemon started by hand that holds the lock once the
// service is stopped: uninstall says bedtime is stopped, as the XDG
// manager's does. With none running it returns nil.
func (m *systemdManager) stopByHand(ctx context.Context) error {
	if _, err := m.opts.stopByLock(ctx); err != nil && !errors.Is(err, ErrNotRunning) {
		return err
	}
	return nil
}

func (m *systemdManager) control(ctx context.Context, verb string) error {
	unit, err := m.unitPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(unit); errors.Is(err, fs.ErrNotExist) {
		if enabled, err := m.vendorEnabled(ctx); err != nil || !enabled {
			if err != nil {
				return err
			}
			return ErrNotInstalled
		}
	}
	if verb != "stop" {
		// Asked by the user after fixing what failed: not refused because
		// of the start limit the failures hit.
		_, _ = m.systemctl(ctx, "reset-failed", systemdUnitName)
	}
	if verb == "stop" {
		_, err = m.systemctl(ctx, verb, systemdUnitName)
		return err
	}
	// Once the daemon has said it started, or a *StartError; systemd
	// retries a failure it may mend by itself, as at login.
	return m.start(ctx, verb, false)
}

// Start starts the service.
func (m *systemdManager) Start(ctx context.Context) error { return m.control(ctx, "start") }

// Stop stops the service until the next login or start, and then a daemon
// started by hand that still holds the lock: "bedtime stop" is what install
// and "bedtime run" tell the person to run to end one, installed or not.
// Without a unit and with nothing running it returns ErrNotRunning.
func (m *systemdManager) Stop(ctx context.Context) error {
	err := m.control(ctx, "stop")
	installed := !errors.Is(err, ErrNotInstalled)
	if installed && err != nil {
		return err
	}
	// "systemctl stop" returns once the service's own daemon has exited,
	// so a daemon holding the lock now was started by hand.
	if installed {
		return m.stopByHand(ctx)
	}
	_, err = m.opts.stopByLock(ctx)
	return err
}

// Restart restarts the service.
func (m *systemdManager) Restart(ctx context.Context) error { return m.control(ctx, "restart") }
