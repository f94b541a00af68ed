package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// editStep is what one run of the fake editor does.
type editStep struct {
	write  string // new contents of the file; "" leaves it alone
	rename bool   // save like vim: a new file renamed over the old one
	exit   int    // the editor's exit status
}

// fakeEditor is a shell script that stands in for the user's editor. Its
// n-th run does steps[n-1] and records, in its directory, its arguments
// (args.N), what the file held when it opened (seen.N) and `ls -ld` of the
// file and its directory (ls.N).
type fakeEditor struct {
	t    *testing.T
	dir  string
	path string // the script
}

func newFakeEditor(t *testing.T, steps ...editStep) *fakeEditor {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake editor is a shell script")
	}
	dir := t.TempDir()
	for i, s := range steps {
		n := i + 1
		if s.write != "" {
			writeTestFile(t, filepath.Join(dir, fmt.Sprint("content.", n)), s.write)
		}
		if s.rename {
			writeTestFile(t, filepath.Join(dir, fmt.Sprint("rename.", n)), "")
		}
		writeTestFile(t, filepath.Join(dir, fmt.Sprint("exit.", n)), fmt.Sprint(s.exit))
	}
	script := `#!/bin/sh
d='` + dir + `'
n=$(cat "$d/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$d/count"
for f; do :; done
printf '%s\n' "$@" > "$d/args.$n"
cp "$f" "$d/seen.$n"
ls -ld "$f" "$(dirname "$f")" > "$d/ls.$n"
if [ -f "$d/content.$n" ]; then
	if [ -f "$d/rename.$n" ]; then
		cp "$d/content.$n" "$f.new" && mv "$f.new" "$f"
	else
		cat "$d/content.$n" > "$f"
	fi
fi
exit $(cat "$d/exit.$n" 2>/dev/null || echo 99)
`
	path := filepath.Join(dir, "fake-editor")
	if err := os.WriteFile(path, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return &fakeEditor{t: t, dir: dir, path: path}
}

// runs returns how many times the editor ran.
func (e *fakeEditor) runs() int {
	b, err := os.ReadFile(filepath.Join(e.dir, "count"))
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		e.t.Fatal(err)
	}
	var n int
	fmt.Sscan(string(b), &n)
	return n
}

// record returns what the editor recorded on its n-th run.
func (e *fakeEditor) record(kind string, n int) string {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join(e.dir, fmt.Sprint(kind, ".", n)))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

func writeTestFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// editResult is the outcome of one `bedtime edit`.
type editResult struct {
	code           int
	stdout, stderr string
}

// runEdit runs `bedtime edit` on path with $EDITOR set to editor and the
// answers on stdin.
func runEdit(t *testing.T, path, editor, stdin string) editResult {
	t.Helper()
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	var out, errb bytes.Buffer
	app := &App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Clock: scheduler.NewFakeClock(time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC))}
	code := app.Run(context.Background(), []string{"edit", "--config", path})
	return editResult{code, out.String(), errb.String()}
}

// backups returns the backups beside path.
func backups(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(path + ".*.bak")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func fileIs(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("%s holds:\n%s\nwant:\n%s", path, got, want)
	}
}

func modeIs(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Fatalf("mode of %s = %v, want %v", path, got, want)
	}
}

var (
	editValid   = strings.Replace(berlinSchedule, `"20:30"`, `"21:15"`, 1)
	editInvalid = strings.Replace(berlinSchedule, `"20:30"`, `"25:00"`, 1)
)

// existingSchedule writes berlinSchedule to a schedule file and returns
// its path.
func existingSchedule(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bedtime", "schedule.yaml")
	if err := config.WriteFile(path, []byte(berlinSchedule)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEditValidInstalledWithBackup(t *testing.T) {
	for _, rename := range []bool{false, true} {
		t.Run(map[bool]string{false: "in place", true: "rename"}[rename], func(t *testing.T) {
			path := existingSchedule(t)
			ed := newFakeEditor(t, editStep{write: editValid, rename: rename})
			r := runEdit(t, path, ed.path, "")
			if r.code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
			}
			if got := ed.record("seen", 1); got != berlinSchedule {
				t.Fatalf("the editor opened:\n%s\nwant the schedule file", got)
			}
			fileIs(t, path, editValid)
			modeIs(t, path, 0o600)
			bak := backups(t, path)
			if len(bak) != 1 {
				t.Fatalf("backups = %v, want one", bak)
			}
			fileIs(t, bak[0], berlinSchedule)
			modeIs(t, bak[0], 0o600)
			if want := "Backed up the previous schedule to " + bak[0] + "\nInstalled " + path + ": 2 reminders, next: hydration"; !strings.HasPrefix(r.stdout, want) {
				t.Errorf("stdout = %q, want it to start %q", r.stdout, want)
			}
		})
	}
}

func TestEditInvalid(t *testing.T) {
	fixed := strings.Replace(berlinSchedule, `"20:30"`, `"22:00"`, 1)
	tests := []struct {
		name     string
		steps    []editStep
		answers  string
		code     int
		want     string // the file afterwards
		backups  int
		runs     int
		asked    int
		contains string // in stdout+stderr
	}{
		{name: "keep", steps: []editStep{{write: editInvalid}}, answers: "k\n", code: 1, want: berlinSchedule, runs: 1, asked: 1,
			contains: "Kept PATH as it was; the edit was discarded."},
		{name: "keep spelt out", steps: []editStep{{write: editInvalid}}, answers: "Keep\n", code: 1, want: berlinSchedule, runs: 1, asked: 1},
		{name: "end of input keeps", steps: []editStep{{write: editInvalid}}, answers: "", code: 1, want: berlinSchedule, runs: 1, asked: 1},
		{name: "unknown answer asks again", steps: []editStep{{write: editInvalid}}, answers: "x\n\nk\n", code: 1, want: berlinSchedule, runs: 1, asked: 3},
		{name: "edit again then fix", steps: []editStep{{write: editInvalid}, {write: fixed}}, answers: "e\n", want: fixed, backups: 1, runs: 2, asked: 1,
			contains: "Installed PATH: 2 reminders"},
		{name: "edit again, still bad, keep", steps: []editStep{{write: editInvalid}, {exit: 0}}, answers: "e\nk\n", code: 1, want: berlinSchedule, runs: 2, asked: 2},
		{name: "save anyway", steps: []editStep{{write: editInvalid}}, answers: "s\n", want: editInvalid, backups: 1, runs: 1, asked: 1,
			contains: "Saved PATH with 1 error; a running bedtime keeps its previous schedule until the file is fixed."},
		{name: "edit again back to the original", steps: []editStep{{write: editInvalid}, {write: berlinSchedule}}, answers: "e\n", want: berlinSchedule, runs: 2, asked: 1,
			contains: "No changes; PATH left as it was."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := existingSchedule(t)
			ed := newFakeEditor(t, tt.steps...)
			r := runEdit(t, path, ed.path, tt.answers)
			all := r.stdout + r.stderr
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; output:\n%s", r.code, tt.code, all)
			}
			fileIs(t, path, tt.want)
			modeIs(t, path, 0o600)
			if got := len(backups(t, path)); got != tt.backups {
				t.Errorf("%d backups, want %d", got, tt.backups)
			}
			if got := ed.runs(); got != tt.runs {
				t.Errorf("editor ran %d times, want %d", got, tt.runs)
			}
			if got := strings.Count(r.stderr, "[e]dit again, [k]eep the file as it was, or [s]ave anyway?"); got != tt.asked {
				t.Errorf("asked %d times, want %d; stderr:\n%s", got, tt.asked, r.stderr)
			}
			// Errors name the schedule file, never the private copy.
			if want := path + `:3:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`; !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
			if strings.Contains(all, "bedtime-edit-") {
				t.Errorf("output names the private copy:\n%s", all)
			}
			if c := strings.ReplaceAll(tt.contains, "PATH", path); !strings.Contains(all, c) {
				t.Errorf("output lacks %q:\n%s", c, all)
			}
			// Editing again reopens the edit, not the original.
			if tt.runs > 1 {
				if got := ed.record("seen", 2); got != editInvalid {
					t.Errorf("second run opened:\n%s\nwant the invalid edit", got)
				}
			}
		})
	}
}

// TestEditInvalidTranscript pins what the user sees after an invalid edit.
func TestEditInvalidTranscript(t *testing.T) {
	path := existingSchedule(t)
	ed := newFakeEditor(t, editStep{write: editInvalid + "  stretch: {before_bedtim: 15m}\n"})
	r := runEdit(t, path, ed.path, "x\nk\n")
	out := strings.ReplaceAll(r.stdout+r.stderr, path, "/home/me/.config/bedtime/schedule.yaml")
	testutil.Golden(t, "edit/invalid-keep.golden", []byte(out))
}

func TestEditUnchanged(t *testing.T) {
	path := existingSchedule(t)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ed := newFakeEditor(t, editStep{})
	r := runEdit(t, path, ed.path, "")
	if r.code != 0 || r.stdout != "No changes; "+path+" left as it was.\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("the file was rewritten")
	}
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("backups %v for no change", b)
	}
}

func TestEditorFailureChangesNothing(t *testing.T) {
	path := existingSchedule(t)
	ed := newFakeEditor(t, editStep{write: editValid, exit: 3})
	r := runEdit(t, path, ed.path, "s\n")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	if want := fmt.Sprintf("bedtime: editor %q failed (exit status 3); %s not changed\n", ed.path, path); r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
	fileIs(t, path, berlinSchedule)
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("backups %v after a failed edit", b)
	}
}

func TestEditorNotFound(t *testing.T) {
	path := existingSchedule(t)
	for _, editor := range []string{"/nonexistent/editor", "/nonexistent/editor --wait"} {
		t.Run(editor, func(t *testing.T) {
			if runtime.GOOS == "windows" {
				t.Skip("Unix paths")
			}
			r := runEdit(t, path, editor, "")
			if r.code != 1 || !strings.Contains(r.stderr, fmt.Sprintf("editor %q not found", editor)) {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			fileIs(t, path, berlinSchedule)
		})
	}
}

func TestEditCreatesMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "bedtime", "schedule.yaml")
	ed := newFakeEditor(t, editStep{write: editValid})
	r := runEdit(t, path, ed.path, "")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	if got := ed.record("seen", 1); got != string(config.Template()) {
		t.Errorf("the editor opened:\n%s\nwant the default template", got)
	}
	fileIs(t, path, editValid)
	modeIs(t, path, 0o600)
	modeIs(t, filepath.Dir(path), 0o700)
	if b := backups(t, path); len(b) != 0 {
		t.Errorf("backups %v of a file that did not exist", b)
	}
	if strings.Contains(r.stdout, "Backed up") {
		t.Errorf("stdout speaks of a backup: %q", r.stdout)
	}
}

func TestEditMissingFileUnchangedWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime", "schedule.yaml")
	ed := newFakeEditor(t, editStep{})
	r := runEdit(t, path, ed.path, "")
	if r.code != 0 || !strings.Contains(r.stdout, "No changes; no schedule file written") {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("file written for no change: %v", err)
	}
}

func TestEditorWithArguments(t *testing.T) {
	path := existingSchedule(t)
	ed := newFakeEditor(t, editStep{write: editValid})
	r := runEdit(t, path, "'"+ed.path+"' --wait  -n", "")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	args := strings.Split(strings.TrimSuffix(ed.record("args", 1), "\n"), "\n")
	if len(args) != 3 || args[0] != "--wait" || args[1] != "-n" || filepath.Base(args[2]) != "schedule.yaml" {
		t.Fatalf("editor arguments = %q, want --wait -n and the copy", args)
	}
	fileIs(t, path, editValid)
}

func TestEditVisualBeforeEditor(t *testing.T) {
	path := existingSchedule(t)
	ed := newFakeEditor(t, editStep{write: editValid})
	t.Setenv("VISUAL", ed.path)
	t.Setenv("EDITOR", "/nonexistent/editor")
	var out bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out}
	if code := app.Run(context.Background(), []string{"edit", "--config", path}); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	fileIs(t, path, editValid)
}

// TestEditCopyIsPrivate checks that the copy the editor opens is readable
// by the user alone, in a directory of the user's alone, under the file's
// own name.
func TestEditCopyIsPrivate(t *testing.T) {
	path := existingSchedule(t)
	ed := newFakeEditor(t, editStep{})
	if r := runEdit(t, path, ed.path, ""); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(ed.record("ls", 1)), "\n")
	var file, dir bool // ls sorts its arguments
	for _, l := range lines {
		file = file || strings.HasPrefix(l, "-rw------- ") && strings.HasSuffix(l, "/schedule.yaml")
		dir = dir || strings.HasPrefix(l, "drwx------ ")
	}
	if len(lines) != 2 || !file || !dir {
		t.Fatalf("ls -ld of the copy and its dir:\n%s", strings.Join(lines, "\n"))
	}
	copyPath := strings.TrimSuffix(ed.record("args", 1), "\n")
	if filepath.Base(copyPath) != "schedule.yaml" {
		t.Errorf("copy named %q, want schedule.yaml", copyPath)
	}
	if _, err := os.Stat(copyPath); !os.IsNotExist(err) {
		t.Errorf("the private copy %s is left behind (%v)", copyPath, err)
	}
}

// TestEditNoEditorInEachLanguage: an editor that cannot be found is said
// in the schedule's language, with the file left as it was.
func TestEditNoEditorInEachLanguage(t *testing.T) {
	want := map[string]string{
		"de": `bedtime: Editor "/nonexistent/editor" nicht gefunden; setze $VISUAL oder $EDITOR; `,
		"fr": "bedtime: éditeur \"/nonexistent/editor\" introuvable\u00a0; définissez $VISUAL ou $EDITOR\u00a0; ",
		"es": `bedtime: no se encontró el editor "/nonexistent/editor"; define $VISUAL o $EDITOR; `,
	}
	for _, lang := range locale.Shipped[1:] {
		t.Run(lang, func(t *testing.T) {
			path := langSchedule(t, lang)
			r := runEdit(t, path, "/nonexistent/editor", "")
			if r.code != 1 || !strings.HasPrefix(r.stderr, want[lang]) || strings.Contains(r.stderr, "not found") {
				t.Fatalf("exit %d, stderr %q, want it to start %q", r.code, r.stderr, want[lang])
			}
		})
	}
}
