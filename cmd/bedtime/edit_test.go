package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/editor"
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

// personEdits is how long each run of the editor takes on the test's
// clock in runEdit: a person's time, well past editorAtOnce.
const personEdits = 90 * time.Second

// runEdit runs `bedtime edit` on path with $EDITOR set to editor and the
// answers on stdin, each run of the editor taking a person's time.
func runEdit(t *testing.T, path, editor, stdin string) editResult {
	t.Helper()
	return runEditTaking(t, path, editor, strings.NewReader(stdin), personEdits)
}

// runEditTaking is runEdit with the answers read from stdin and each run
// of the editor taking takes on the test's clock. The private copy is
// made in a temporary directory of the test's.
func runEditTaking(t *testing.T, path, editorCmd string, stdin io.Reader, takes time.Duration) editResult {
	t.Helper()
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editorCmd)
	t.Setenv("TMPDIR", t.TempDir())
	var out, errb bytes.Buffer
	clock := scheduler.NewFakeClock(time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC))
	app := &App{Stdin: stdin, Stdout: &out, Stderr: &errb, Clock: clock,
		RunEditor: func(ed editor.Command, file string, stdin io.Reader, stdout, stderr io.Writer) error {
			defer clock.Advance(takes)
			return ed.Run(file, stdin, stdout, stderr)
		}}
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

// atTerminal is the person at the terminal while an editor's window has
// the private copy open: when bedtime first reads its input, they save
// window there (unless it is ""), then type answer.
type atTerminal struct {
	t      *testing.T
	ed     *fakeEditor
	window string
	answer io.Reader
}

func (a *atTerminal) Read(p []byte) (int, error) {
	if a.answer == nil {
		a.t.Fatal("read before the editor ran")
	}
	if a.window != "" {
		copyPath := strings.TrimSuffix(a.ed.record("args", 1), "\n")
		writeTestFile(a.t, copyPath, a.window)
		a.window = ""
	}
	return a.answer.Read(p)
}

// TestEditorThatReturnsAtOnce: an editor that hands the file to a window
// and returns at once (code without --wait, subl without -w, gedit into a
// running one) made edit say "No changes" and delete the copy the person
// was still editing in that window. Now edit says what happened and how
// to make the editor wait, and waits for Enter; the end of the input
// leaves the copy where it is.
func TestEditorThatReturnsAtOnce(t *testing.T) {
	const (
		said   = "returned at once, with no change: it opened the copy in a window and did not wait for you."
		fix    = `To have bedtime edit wait, set VISUAL to its waiting form: "code --wait", "subl -w", "gedit -s".`
		prompt = "Save and close the file in that window, then press Enter here (Ctrl+D gives up): "
	)
	tests := []struct {
		name    string
		step    editStep      // what the editor itself does
		takes   time.Duration // on the clock, from start to return
		window  string        // saved in the window while bedtime waits
		answer  string
		code    int
		asked   bool
		want    string // the schedule file afterwards; "" for as it was
		stdout  string // in stdout, PATH for the schedule's path
		kept    bool   // the copy is left
		keptSay string // in stderr, COPY for the copy's path
	}{
		{name: "saved in the window, then Enter", answer: "\n", window: editValid, asked: true, want: editValid,
			stdout: "Installed PATH: 2 reminders"},
		{name: "Enter with nothing saved", answer: "\n", asked: true, stdout: "No changes; PATH left as it was."},
		{name: "input ends: the copy stays", answer: "", code: 1, asked: true, kept: true,
			keptSay: "The copy stays at COPY with what you save there; PATH is left as it was."},
		{name: "just under two seconds", takes: editorAtOnce - time.Millisecond, answer: "", code: 1, asked: true, kept: true},
		{name: "changed at once: a batch editor", step: editStep{write: editValid}, want: editValid, stdout: "Installed PATH"},
		{name: "unchanged after two seconds: closed on purpose", takes: editorAtOnce, stdout: "No changes; PATH left as it was."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := existingSchedule(t)
			ed := newFakeEditor(t, tt.step)
			in := &atTerminal{t: t, ed: ed, window: tt.window, answer: strings.NewReader(tt.answer)}
			r := runEditTaking(t, path, ed.path, in, tt.takes)
			copyPath := strings.TrimSuffix(ed.record("args", 1), "\n")
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stdout %q, stderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			asked := strings.Contains(r.stderr, fmt.Sprintf("The editor (%s) %s\n%s\n%s", ed.path, said, fix, prompt))
			if asked != tt.asked {
				t.Errorf("said the editor returned at once: %v, want %v; stderr:\n%s", asked, tt.asked, r.stderr)
			}
			want := tt.want
			if want == "" {
				want = berlinSchedule
			}
			fileIs(t, path, want)
			if s := strings.ReplaceAll(tt.stdout, "PATH", path); !strings.Contains(r.stdout, s) {
				t.Errorf("stdout %q lacks %q", r.stdout, s)
			}
			if _, err := os.Stat(copyPath); (err == nil) != tt.kept {
				t.Errorf("the copy %s is there: %v, want %v", copyPath, err == nil, tt.kept)
			}
			if tt.kept {
				fileIs(t, copyPath, berlinSchedule)
			}
			if s := strings.NewReplacer("PATH", path, "COPY", copyPath).Replace(tt.keptSay); !strings.Contains(r.stderr, s) {
				t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
			}
		})
	}
}

// TestEditorThatReturnsAtOnceInEachLanguage: what edit says of such an
// editor, in the person's language.
func TestEditorThatReturnsAtOnceInEachLanguage(t *testing.T) {
	want := map[string][]string{
		"de": {"Der Editor (ED) kam sofort zurück, ohne Änderung: Er hat die Kopie in einem Fenster geöffnet und nicht auf dich gewartet.",
			`Damit bedtime edit wartet, setze VISUAL auf seine wartende Form: "code --wait", "subl -w", "gedit -s".`,
			"Speichere und schließe die Datei in jenem Fenster, dann drücke hier die Eingabetaste (Strg+D bricht ab): ",
			"Die Kopie bleibt unter COPY, mit dem, was du dort speicherst; PATH bleibt, wie es war."},
		"fr": {"L’éditeur (ED) est revenu aussitôt, sans changement\u00a0: il a ouvert la copie dans une fenêtre sans vous attendre.",
			"Pour que bedtime edit attende, donnez à VISUAL sa forme qui attend\u00a0: \"code --wait\", \"subl -w\", \"gedit -s\".",
			"Enregistrez et fermez le fichier dans cette fenêtre, puis appuyez ici sur Entrée (Ctrl+D abandonne)\u00a0: ",
			"La copie reste dans COPY avec ce que vous y enregistrez\u00a0; PATH reste tel quel."},
		"es": {"El editor (ED) volvió enseguida, sin cambios: abrió la copia en una ventana y no te esperó.",
			`Para que bedtime edit espere, pon en VISUAL su forma que espera: "code --wait", "subl -w", "gedit -s".`,
			"Guarda y cierra el archivo en esa ventana y luego pulsa Intro aquí (Ctrl+D abandona): ",
			"La copia queda en COPY con lo que guardes allí; PATH queda como estaba."},
	}
	for _, lang := range locale.Shipped[1:] {
		t.Run(lang, func(t *testing.T) {
			path := langSchedule(t, lang)
			ed := newFakeEditor(t, editStep{})
			r := runEditTaking(t, path, ed.path, strings.NewReader(""), 0)
			copyPath := strings.TrimSuffix(ed.record("args", 1), "\n")
			rp := strings.NewReplacer("ED", ed.path, "COPY", copyPath, "PATH", path)
			w := rp.Replace(strings.Join(want[lang][:3], "\n") + "\n" + want[lang][3] + "\n")
			if r.code != 1 || r.stderr != w {
				t.Fatalf("exit %d, stderr:\n%q\nwant:\n%q", r.code, r.stderr, w)
			}
		})
	}
}
