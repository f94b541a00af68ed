//go:build linux

package service

// The schedule the package's unit reads. Its ExecStart has no --config,
// so "bedtime run" reads the default schedule of the environment the user
// manager gives it, which need not be the shell's: an XDG_CONFIG_HOME set
// in ~/.bashrc or ~/.profile does not reach a systemd user manager, which
// takes its environment from ~/.config/environment.d, "systemctl --user
// set-environment" and the unit's own Environment= lines.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bedtime-app/bedtime/config"
)

// serviceSchedule returns the default schedule file of the "bedtime run"
// the user manager runs for the package's unit: the one running as pid,
// read from its environment when pid is not 0 and can be read, else one
// the manager would start now.
func (m *systemdManager) serviceSchedule(ctx context.Context, pid int) (string, error) {
	if pid > 0 {
		if data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "environ")); err == nil {
			return defaultScheduleIn(lookup(strings.Split(string(data), "\x00")))
		}
	}
	out, err := m.systemctl(ctx, "show-environment")
	if err != nil {
		return "", err
	}
	env := strings.Split(out, "\n")
	// The unit's Environment= (a drop-in of "systemctl --user edit
	// bedtime") is set on top of the manager's.
	if props, err := m.systemctl(ctx, "show", "--property=Environment", systemdUnitName); err == nil {
		for _, line := range strings.Split(props, "\n") {
			if v, ok := strings.CutPrefix(line, "Environment="); ok {
				env = append(env, splitExecStart(v)...)
			}
		}
	}
	return defaultScheduleIn(lookup(env))
}

// lookup returns a getenv over KEY=VALUE pairs, the last of a key winning;
// a value as show-environment quotes it ($'...') is unquoted.
func lookup(pairs []string) func(string) string {
	env := map[string]string{}
	for _, p := range pairs {
		if k, v, ok := strings.Cut(p, "="); ok {
			if strings.HasPrefix(v, "$'") && strings.HasSuffix(v, "'") && len(v) >= 3 {
				if u, err := strconv.Unquote(`"` + strings.ReplaceAll(v[2:len(v)-1], `"`, `\"`) + `"`); err == nil {
					v = u
				}
			}
			env[k] = v
		}
	}
	return func(k string) string { return env[k] }
}

// defaultScheduleIn is config.DefaultPath in the environment getenv, as
// os.UserConfigDir reads it on Linux: $XDG_CONFIG_HOME, else
// $HOME/.config (this process's home when the environment has none: the
// user manager gives every service its user's).
func defaultScheduleIn(getenv func(string) string) (string, error) {
	dir := getenv("XDG_CONFIG_HOME")
	switch {
	case dir == "":
		home := getenv("HOME")
		if home == "" {
			var err error
			if home, err = os.UserHomeDir(); err != nil {
				return "", err
			}
		}
		dir = filepath.Join(home, ".config")
	case !filepath.IsAbs(dir):
		return "", errors.New("path in $XDG_CONFIG_HOME is relative")
	}
	return filepath.Join(dir, "bedtime", "schedule.yaml"), nil
}

// vendorSchedule is the schedule the package's unit reads, as far as it
// can be known: serviceSchedule, or this process's default.
func (m *systemdManager) vendorSchedule(ctx context.Context, pid int) string {
	if path, err := m.serviceSchedule(ctx, pid); err == nil {
		return path
	}
	path, _ := config.DefaultPath()
	return path
}
