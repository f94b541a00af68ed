package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/editor"
	"github.com/bedtime-app/bedtime/locale"
)

func newEditCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "edit",
		Short: "Edit the schedule file safely, like crontab -e",
		Long: `Open a private copy of the schedule file in your editor ($VISUAL, else
$EDITOR, else nano or vi; notepad on Windows). When the editor exits, the
copy is checked: a valid schedule is installed at once (the previous file is
kept as a dated .bak beside it; the last 10 are kept) and a running bedtime
picks it up. If it has errors, they are listed and you choose: edit again,
keep the file as it was, or save it anyway. With no schedule file yet, you start from the commented
default and the file is created when you save.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.edit()
		},
	}
}

// edit runs one `bedtime edit` session.
func (app *App) edit() error {
	path, err := app.schedulePath()
	if err != nil {
		return err
	}
	l := app.locale(nil)
	ed, err := editor.Find()
	if err != nil {
		return editorErrIn(l, err)
	}
	orig, err := config.ReadFile(path) // never blocks on a pipe
	exists := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return errorIn(l, "cannot read the schedule: %v", err)
	}
	if !exists {
		orig = config.TemplateIn(l)
	}

	// The copy lives in a private directory of its own, under the file's
	// own name, so the editor highlights YAML and may save by renaming.
	dir, err := os.MkdirTemp("", "bedtime-edit-")
	if err != nil {
		return errorIn(l, "cannot make a private copy: %v", err)
	}
	keep := false // the copy may still be open in an editor's window
	defer func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}()
	tmp := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(tmp, orig, 0o600); err != nil {
		return errorIn(l, "cannot make a private copy: %v", err)
	}

	last := orig // what the copy held when the editor opened it
	for {
		start := app.now()
		if err := app.runEditor(ed, tmp); err != nil {
			return errorIn(l, "%v; %s not changed", editorErrIn(l, err), path)
		}
		data, err := readEdited(tmp)
		if err != nil {
			return errorIn(l, "cannot read the edited copy: %v; %s not changed", err, path)
		}
		if bytes.Equal(data, last) && app.now().Sub(start) < editorAtOnce {
			if !app.waitForWindow(l, ed) {
				keep = true
				fmt.Fprintln(app.Stderr, l.Sprintf("The copy stays at %s with what you save there; %s is left as it was.", tmp, path))
				return exitError{1}
			}
			if data, err = readEdited(tmp); err != nil {
				return errorIn(l, "cannot read the edited copy: %v; %s not changed", err, path)
			}
		}
		last = data
		if bytes.Equal(data, orig) {
			if exists {
				fmt.Fprintln(app.Stdout, l.Sprintf("No changes; %s left as it was.", path))
			} else {
				fmt.Fprintln(app.Stdout, l.Sprintf("No changes; no schedule file written (the built-in default stays in use)."))
			}
			return nil
		}
		s, err := config.Parse(path, data)
		if err == nil {
			return app.install(path, data, exists, func() {
				fmt.Fprintln(app.Stdout, l.Sprintf("Installed %s: %s.", path, summary(s, app.now())))
			})
		}
		var es config.Errors
		if !errors.As(err, &es) {
			return err
		}
		l := app.errorsLocale(es)
		for _, e := range es {
			fmt.Fprintln(app.Stderr, e.In(l))
		}
		// A file over the size cap is refused by everything that reads
		// it, the daemon included: it cannot be saved, even anyway.
		switch app.askAfterErrors(l, len(es), len(data) <= config.MaxFileSize) {
		case 'e':
			continue
		case 's':
			return app.install(path, data, exists, func() {
				fmt.Fprintln(app.Stdout, l.Sprintf("Saved %s with %d errors; a running bedtime keeps its previous schedule until the file is fixed.",
					path, len(es)))
			})
		default:
			fmt.Fprintln(app.Stderr, l.Sprintf("Kept %s as it was; the edit was discarded.", path))
			return exitError{1}
		}
	}
}

// editorAtOnce is how soon an editor that returns with no change is taken
// to have handed the file to a window and not waited for it (code without
// --wait, subl without -w, gedit into a running one): no person opens a
// file, reads it and closes it quite so fast.
const editorAtOnce = 2 * time.Second

// runEditor runs ed on file, with the command's own input and output.
func (app *App) runEditor(ed editor.Command, file string) error {
	if app.RunEditor != nil {
		return app.RunEditor(ed, file, app.Stdin, app.Stdout, app.Stderr)
	}
	return ed.Run(file, app.Stdin, app.Stdout, app.Stderr)
}

// waitForWindow says that the editor ed returned at once with no change,
// and how to make it wait, then waits for the person to press Enter once
// done in the window it opened. It reports false when the input ends
// first (Ctrl+D, or no terminal): the copy is still open there.
func (app *App) waitForWindow(l *locale.Locale, ed editor.Command) bool {
	fmt.Fprintln(app.Stderr, l.Sprintf("The editor (%s) returned at once, with no change: it opened the copy in a window and did not wait for you.", ed.Name))
	fmt.Fprintln(app.Stderr, l.Sprintf("To have bedtime edit wait, set VISUAL to its waiting form: \"code --wait\", \"subl -w\", \"gedit -s\"."))
	fmt.Fprint(app.Stderr, l.Sprintf("Save and close the file in that window, then press Enter here (Ctrl+D gives up):")+" ")
	if _, err := readLine(app.Stdin); err != nil {
		fmt.Fprintln(app.Stderr)
		return false
	}
	return true
}

// askAfterErrors asks what to do with an edit that has n errors and
// returns 'e' (edit again), 'k' (keep the file as it was) or, if canSave,
// 's' (save anyway), in l's language; the answers are e, k and s in
// every language. The end of the input means keep.
func (app *App) askAfterErrors(l *locale.Locale, n int, canSave bool) byte {
	for {
		if canSave {
			fmt.Fprint(app.Stderr, l.Sprintf("The edit has %d errors. [e]dit again, [k]eep the file as it was, or [s]ave anyway?", n)+" ")
		} else {
			fmt.Fprint(app.Stderr, l.Sprintf("The edit has %d errors and is too large to save. [e]dit again or [k]eep the file as it was?", n)+" ")
		}
		answer, err := readLine(app.Stdin)
		switch strings.ToLower(strings.TrimSpace(answer)) {
		case "e", "edit":
			return 'e'
		case "k", "keep":
			return 'k'
		case "s", "save":
			if canSave {
				return 's'
			}
			fmt.Fprintln(app.Stderr, l.Sprintf("A file over %s KiB cannot be saved: bedtime would not read it.", strconv.Itoa(config.MaxFileSize>>10)))
			continue
		}
		if err != nil {
			fmt.Fprintln(app.Stderr)
			return 'k'
		}
		if strings.TrimSpace(answer) == "" {
			continue
		}
		if canSave {
			fmt.Fprintln(app.Stderr, l.Sprintf("Please answer e, k or s."))
		} else {
			fmt.Fprintln(app.Stderr, l.Sprintf("Please answer e or k."))
		}
	}
}

// readEdited reads the edited copy, but no more than one byte over the
// size cap: the editor may have written anything.
func readEdited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, config.MaxFileSize+1))
}

// readLine reads one line from r a byte at a time, so that nothing meant
// for the next editor run is read ahead.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	var c [1]byte
	for {
		n, err := r.Read(c[:])
		if n == 1 {
			if c[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(c[0])
		}
		if err != nil {
			return b.String(), err
		}
	}
}

// install writes data to path atomically, backing up the file there first.
// When path is a symbolic link (a schedule kept in a dotfiles repository)
// it writes the link's target and the link stays.
func (app *App) install(path string, data []byte, existed bool, done func()) error {
	if _, err := os.Stat(path); err == nil {
		bak, err := app.backup(path)
		if err != nil {
			return err
		}
		app.sayln(app.Stdout, "Backed up the previous schedule to %s", bak)
	} else if existed {
		fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(nil).Sprintf("%s was removed while you edited; writing it anew", path))
	}
	if _, err := config.WriteThrough(path, data); err != nil {
		return err
	}
	done()
	return nil
}

// editorErrIn is err, from editor.Find or Command.Run, in l's language
// when it says that no editor could be found, and as it is otherwise.
func editorErrIn(l *locale.Locale, err error) error {
	var nf *editor.NotFoundError
	switch {
	case !errors.As(err, &nf):
		return err
	case nf.Name == "":
		return wrapIn(l, err, "no editor found (tried %s); set $VISUAL or $EDITOR", strings.Join(nf.Tried, ", "))
	case nf.Shell:
		return wrapIn(l, err, "editor %q not found (the shell said 127); set $VISUAL or $EDITOR", nf.Name)
	default:
		return wrapIn(l, err, "editor %q not found; set $VISUAL or $EDITOR", nf.Name)
	}
}
