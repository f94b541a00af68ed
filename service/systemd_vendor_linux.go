//go:build linux

package service

// The package's unit. A distribution package (make dist) puts bedtime and
// bedtime-daemon in /usr/bin and its systemd user unit, which runs
// bedtime-daemon, in /usr/lib/systemd/user, where every user's manager
// finds it. Install then enables that unit instead of writing
// a copy into the home directory, and Uninstall disables it and leaves the
// file, which belongs to the package.
//
// The package's unit is rendered from systemdUnitTemplate, the template
// install hands kardianos/service, so the two cannot drift apart: the
// renderer below is a small copy of kardianos/service's template engine for
// what the template uses, and a test checks that it writes what kardianos
// writes.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/bedtime-app/bedtime/safefs"
)

const (
	// VendorUnitPath is where a distribution package puts bedtime's systemd
	// user unit.
	VendorUnitPath = "/usr/lib/systemd/user/" + systemdUnitName
	// VendorExecutable is the package's bedtime.
	VendorExecutable = "/usr/bin/bedtime"
	// VendorDaemon is the program the package's unit runs: the package's
	// bedtime-daemon, beside VendorExecutable.
	VendorDaemon = "/usr/bin/" + DaemonName
	// vendorManager is the Status.Manager of the package's unit.
	vendorManager = "systemd user unit from the package"
)

// vendorUnitHeader replaces the comment at the top of the template, which
// speaks of a unit that install wrote.
const vendorUnitHeader = `# Installed by the bedtime package. Each user enables it with "bedtime install"
# (or "systemctl --user enable --now bedtime"); "bedtime uninstall" disables it.
`

// VendorUnit returns the systemd user unit a distribution package installs
// at VendorUnitPath: the unit install writes, running VendorDaemon with
// "run" and no --config (the user's default schedule), under a header of its
// own.
func VendorUnit() (string, error) {
	return vendorUnitRunning(VendorDaemon)
}

// vendorUnitRunning is the package's unit, running program. (Before there
// was a bedtime-daemon, the package's unit ran /usr/bin/bedtime.)
func vendorUnitRunning(program string) (string, error) {
	body, err := renderUnit(systemdUnitTemplate, program, []string{"run"})
	if err != nil {
		return "", err
	}
	for strings.HasPrefix(body, "#") {
		_, body, _ = strings.Cut(body, "\n")
	}
	return vendorUnitHeader + body, nil
}

// renderUnit renders tmpl as kardianos/service's systemd backend does, for
// the keys and functions systemdUnitTemplate uses: {{Key}}, {{Key | fn}},
// {{range Arguments}}...{{end}} with {{.}} and {{. | fn}} inside.
func renderUnit(tmpl, exe string, args []string) (string, error) {
	values := map[string]string{"Description": Description, "Path": exe, "Name": Name}
	funcs := map[string]func(string) string{
		"cmd":       func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` },
		"cmdEscape": func(s string) string { return strings.ReplaceAll(s, " ", `\x20`) },
	}
	var out strings.Builder
	var expand func(s string, dot *string) error
	expand = func(s string, dot *string) error {
		for {
			i := strings.Index(s, "{{")
			if i < 0 {
				out.WriteString(s)
				return nil
			}
			out.WriteString(s[:i])
			j := strings.Index(s[i:], "}}")
			if j < 0 {
				return errors.New("unit template: {{ without }}")
			}
			action := strings.TrimSpace(s[i+2 : i+j])
			s = s[i+j+2:]
			if action == "range Arguments" {
				end := strings.Index(s, "{{end}}")
				if end < 0 {
					return errors.New("unit template: range without end")
				}
				for _, a := range args {
					if err := expand(s[:end], &a); err != nil {
						return err
					}
				}
				s = s[end+len("{{end}}"):]
				continue
			}
			name, fn, piped := strings.Cut(action, "|")
			name, fn = strings.TrimSpace(name), strings.TrimSpace(fn)
			var v string
			switch {
			case name == "." && dot != nil:
				v = *dot
			default:
				var ok bool
				if v, ok = values[name]; !ok {
					return fmt.Errorf("unit template: %q is not a key the package's unit knows", name)
				}
			}
			if piped {
				f, ok := funcs[fn]
				if !ok {
					return fmt.Errorf("unit template: unknown function %q", fn)
				}
				v = f(v)
			}
			out.WriteString(v)
		}
	}
	if err := expand(tmpl, nil); err != nil {
		return "", err
	}
	return out.String(), nil
}

// vendorPath is the package's unit this manager looks for.
func (m *systemdManager) vendorPath() string {
	if m.vendorUnit != "" {
		return m.vendorUnit
	}
	return VendorUnitPath
}

// useVendor reports whether Install should enable the package's unit for
// spec: the unit exists, it runs the program spec runs (the package's
// bedtime-daemon, or its bedtime in a package from before there was one),
// and spec's schedule is the one the package's unit reads, the default of
// the user manager's environment. A shell whose XDG_CONFIG_HOME the manager
// lacks gets a unit of its own, with its schedule as --config; so does a
// bedtime elsewhere, or one without the bedtime-daemon the unit runs.
func (m *systemdManager) useVendor(ctx context.Context, spec Spec) bool {
	unit, err := os.ReadFile(m.vendorPath())
	if err != nil {
		return false
	}
	return programFromUnit(string(unit)) == spec.Program() && spec.ConfigPath == m.vendorSchedule(ctx, 0)
}

// vendorEnabled reports whether the package's unit exists and the user
// manager has it enabled.
func (m *systemdManager) vendorEnabled(ctx context.Context) (bool, error) {
	if _, err := os.Stat(m.vendorPath()); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	out, err := m.systemctl(ctx, "show", "--property=UnitFileState", systemdUnitName)
	if err != nil {
		return false, err
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimSpace(line) == "UnitFileState=enabled" {
			return true, nil
		}
	}
	return false, nil
}

// installVendor enables and (re)starts the package's unit. A unit install
// wrote into the home directory before would hide the package's, so it is
// removed first, and put back if a step fails.
func (m *systemdManager) installVendor(ctx context.Context, own string) (err error) {
	previous, rerr := os.ReadFile(own)
	hadPrevious := rerr == nil
	if rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
		return fmt.Errorf("cannot read the existing unit: %w", rerr)
	}
	if hadPrevious {
		if err := os.Remove(own); err != nil {
			return fmt.Errorf("cannot remove the unit %s, which would hide the package's: %w", own, err)
		}
	}
	defer func() {
		if err == nil {
			return
		}
		_, _ = m.systemctl(ctx, "disable", systemdUnitName)
		if hadPrevious {
			if cerr := safefs.WriteAtomic(own, previous); cerr != nil {
				err = fmt.Errorf("%w (and cannot restore the previous unit %s: %v)", err, own, cerr)
			}
		}
		_, _ = m.systemctl(ctx, "daemon-reload")
	}()
	if _, err := m.systemctl(ctx, "daemon-reload"); err != nil {
		return err
	}
	if _, err := m.systemctl(ctx, "enable", systemdUnitName); err != nil {
		return err
	}
	return m.start(ctx, "restart", true)
}
