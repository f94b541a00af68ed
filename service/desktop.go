package service

// The XDG autostart entry (a .desktop file). It is rendered and read here,
// in a file built on every OS, so that its tests run everywhere; xdg.go
// installs it on Linux without systemd and on the BSDs.

import (
	"fmt"
	"strings"
)

// desktopEntry returns the autostart entry that runs spec. Every argument
// of Exec is quoted as the Desktop Entry Specification says: inside double
// quotes, `"`, "`", "$" and "\" are escaped with a backslash, "%" is doubled
// (it starts a field code), and then the value as a whole escapes each
// backslash again (so one backslash in a path is written as four).
func desktopEntry(spec Spec) string {
	return `# Written by "bedtime install". Run it again to update this entry,
# "bedtime uninstall" to remove it.
[Desktop Entry]
Type=Application
Name=bedtime
Comment=` + Description + `
Exec=` + desktopExec(append([]string{spec.Program()}, spec.Args()...)) + `
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
`
}

var (
	desktopQuote   = strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`, `%`, `%%`)
	desktopValue   = strings.NewReplacer(`\`, `\\`)
	desktopUnvalue = strings.NewReplacer(`\\`, `\`, `\s`, " ", `\n`, "\n", `\t`, "\t", `\r`, "\r")
)

// desktopExec quotes args into an Exec value.
func desktopExec(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = `"` + desktopQuote.Replace(a) + `"`
	}
	return desktopValue.Replace(strings.Join(quoted, " "))
}

// checkDesktopExecutable rejects binary paths that desktop sessions cannot
// start from an autostart entry: GLib (GNOME, and most sessions' autostart)
// looks the program up before it expands "%%" to "%", so a "%" anywhere in
// the path makes it refuse the entry; control characters cannot be written.
func checkDesktopExecutable(path string) error {
	if err := checkPlainPath("binary", path); err != nil {
		return err
	}
	if strings.Contains(path, "%") {
		return fmt.Errorf("desktop sessions cannot start a binary whose path contains a percent sign (%q) from an autostart entry: move bedtime to a plainer path and install from there", path)
	}
	return nil
}

// desktopExecArgs returns the arguments of the Exec line in entry, undoing
// desktopExec (and accepting unquoted words), or an error when there is no
// Exec line or its quotes do not close.
func desktopExecArgs(entry string) ([]string, error) {
	var value string
	found := false
	for _, line := range strings.Split(entry, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "Exec="); ok {
			value, found = v, true
			break
		}
	}
	if !found {
		return nil, fmt.Errorf("no Exec line")
	}
	s := desktopUnvalue.Replace(value)
	var args []string
	var w strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
		case c == '"':
			quoted = !quoted
			inWord = true
		case c == '%' && i+1 < len(s) && s[i+1] == '%':
			w.WriteByte('%')
			i++
			inWord = true
		case c == ' ' && !quoted:
			if inWord {
				args = append(args, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote in Exec=%s", value)
	}
	if inWord {
		args = append(args, w.String())
	}
	return args, nil
}
