// Package editor finds and runs the user's text editor, as crontab -e and
// git do: $VISUAL, else $EDITOR, else the system's default.
package editor

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Command is the editor to run: a program and its arguments, or a command
// line for the shell.
type Command struct {
	// Name is the editor as the user gave it, for messages.
	Name string
	// Argv is the program and its arguments, run directly with the file
	// appended; with Shell, Argv[0] is the whole command line.
	Argv []string
	// Shell runs Argv[0] with sh -c, the file as "$1".
	Shell bool
}

// Find returns the editor to use: $VISUAL, else $EDITOR, else the
// system's default (Debian's editor alternative, nano or vi; notepad on
// Windows).
func Find() (Command, error) {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return Parse(e, runtime.GOOS)
		}
	}
	fallbacks := []string{"editor", "nano", "vi"} // Debian's alternatives link first
	if runtime.GOOS == "windows" {
		fallbacks = []string{"notepad"}
	}
	for _, f := range fallbacks {
		if p, err := exec.LookPath(f); err == nil {
			return Command{Name: f, Argv: []string{p}}, nil
		}
	}
	return Command{}, &NotFoundError{Tried: fallbacks}
}

// NotFoundError says that no editor could be found: the one $VISUAL or
// $EDITOR names (Name; Shell when the shell said so), or none of the
// system's defaults (Tried).
type NotFoundError struct {
	Name  string
	Shell bool
	Tried []string
	Err   error // LookPath's error, when it said so
}

func (e *NotFoundError) Error() string {
	switch {
	case e.Name == "":
		return fmt.Sprintf("no editor found (tried %s); set $VISUAL or $EDITOR", strings.Join(e.Tried, ", "))
	case e.Shell:
		return fmt.Sprintf("editor %q not found (the shell said 127); set $VISUAL or $EDITOR", e.Name)
	default:
		return fmt.Sprintf("editor %q not found; set $VISUAL or $EDITOR", e.Name)
	}
}

func (e *NotFoundError) Unwrap() error { return e.Err }

// shellMeta are the characters after which a Unix editor value is handed
// to the shell, as git does: arguments, quotes, variables, ~.
const shellMeta = "|&;<>()$`\\\"' \t\n*?[#~=%"

// Parse turns an $EDITOR value into a command for the OS goos. On Unix a
// value with arguments or quotes runs through sh, so that "code --wait" and
// "'/opt/My Editor/ed' -f" mean what they mean at a prompt. On Windows it
// is split at spaces outside double quotes.
func Parse(v, goos string) (Command, error) {
	if goos != "windows" {
		if strings.ContainsAny(v, shellMeta) {
			return Command{Name: v, Argv: []string{v}, Shell: true}, nil
		}
		return Command{Name: v, Argv: []string{v}}, nil
	}
	argv := splitWindows(v)
	if len(argv) == 0 || argv[0] == "" {
		return Command{}, fmt.Errorf("editor %q is empty", v)
	}
	return Command{Name: v, Argv: argv}, nil
}

// splitWindows splits a command line at spaces and tabs outside double
// quotes, and drops the quotes: "C:\Program Files\ed.exe" -w gives two
// words.
func splitWindows(s string) []string {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			inWord = true
		case (r == ' ' || r == '\t') && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// Run opens file in the editor and waits for it to exit. The editor gets
// stdin only when it is a file (the terminal): answers to the caller's own
// questions, when they come from elsewhere (a pipe, a test), are not its
// to read.
func (e Command) Run(file string, stdin io.Reader, stdout, stderr io.Writer) error {
	var cmd *exec.Cmd
	if e.Shell {
		cmd = exec.Command("sh", "-c", e.Argv[0]+` "$@"`, e.Argv[0], file)
	} else {
		p, err := exec.LookPath(e.Argv[0])
		if err != nil {
			return &NotFoundError{Name: e.Name, Err: err}
		}
		cmd = exec.Command(p, append(e.Argv[1:len(e.Argv):len(e.Argv)], file)...)
	}
	if f, ok := stdin.(*os.File); ok {
		cmd.Stdin = f
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ee) && e.Shell && ee.ExitCode() == 127:
		return &NotFoundError{Name: e.Name, Shell: true, Err: err}
	case errors.As(err, &ee):
		return fmt.Errorf("editor %q failed (%v)", e.Name, ee)
	default:
		return fmt.Errorf("cannot run editor %q: %w", e.Name, err)
	}
}
