//go:build linux

package service

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Status reads the unit's state from the user manager and the schedule path
// from the unit file.
func (m *systemdManager) Status(ctx context.Context) (Status, error) {
	unit, err := m.unitPath()
	if err != nil {
		return Status{}, err
	}
	st := Status{Manager: "systemd user unit", UnitPath: unit}
	text, err := os.ReadFile(unit)
	switch {
	case err == nil:
		st.Installed = true
		st.ConfigPath = configFromUnit(string(text))
	case !errors.Is(err, fs.ErrNotExist):
		return st, fmt.Errorf("cannot read the unit: %w", err)
	default:
		if _, verr := os.Stat(m.vendorPath()); verr == nil {
			// No unit of the user's own: the package's is the one in use.
			st.Manager, st.UnitPath = vendorManager, m.vendorPath()
		}
	}
	out, err := m.systemctl(ctx, "show", "--property=UnitFileState,ActiveState,SubState,MainPID,ActiveEnterTimestamp", systemdUnitName)
	if err != nil {
		return st, err
	}
	props := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			props[k] = v
		}
	}
	st.Enabled = props["UnitFileState"]
	st.PID, _ = strconv.Atoi(props["MainPID"])
	if st.Manager == vendorManager && st.Enabled == "enabled" {
		st.Installed = true
		// The file the service reads, which the shell's
		// XDG_CONFIG_HOME need not name.
		st.ConfigPath = m.vendorSchedule(ctx, st.PID)
	}
	st.Running = props["ActiveState"] == "active" && st.PID != 0
	st.State = props["ActiveState"]
	if sub := props["SubState"]; sub != "" && sub != st.State {
		st.State += ", " + sub
	}
	if st.Running {
		st.Since = props["ActiveEnterTimestamp"]
		st.Started = startedAt(st.Since)
	}
	return st, nil
}

// configFromUnit returns the --config path in a unit's ExecStart line as
// written by systemdUnitTemplate, or "" when there is none.
func configFromUnit(unit string) string {
	words := execStart(unit)
	for i, w := range words {
		if w == "--config" && i+1 < len(words) {
			return words[i+1]
		}
	}
	return ""
}

// programFromUnit returns the program a unit's ExecStart line runs (bedtime
// or bedtime-daemon), or "" when it has none.
func programFromUnit(unit string) string {
	if words := execStart(unit); len(words) > 0 {
		return words[0]
	}
	return ""
}

// execStart returns the words of a unit's first ExecStart line, or nil.
func execStart(unit string) []string {
	for _, line := range strings.Split(unit, "\n") {
		if rest, ok := strings.CutPrefix(line, "ExecStart="); ok {
			return splitExecStart(rest)
		}
	}
	return nil
}

// splitExecStart splits an ExecStart value into words, undoing the quoting
// and escaping that kardianosConfig and kardianos's cmd/cmdEscape apply.
func splitExecStart(s string) []string {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case 'x':
				if i+2 < len(s) {
					if b, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
						w.WriteByte(byte(b))
						i += 2
						break
					}
				}
				w.WriteByte('x')
			default:
				w.WriteByte(s[i])
			}
			inWord = true
		case c == '"':
			quoted = !quoted
			inWord = true
		case (c == '%' || c == '$') && i+1 < len(s) && s[i+1] == c:
			w.WriteByte(c)
			i++
			inWord = true
		case c == ' ' && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}
