package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/gendocs"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestCompleteReminderNames asks the shell completion, as a shell does
// through cobra's __complete, for the first argument of each command that
// takes a reminder.
func TestCompleteReminderNames(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	names := "calf-stretch\ncramp-diary\nhydration\nmagnesium\nmorning-stretch\nmovement\n:4\n" // :4 = no file names
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"done", ""}, names},
		{[]string{"snooze", ""}, names},
		{[]string{"skip", ""}, names},
		{[]string{"notify", ""}, names},
		{[]string{"snooze", "magnesium", ""}, ":4\n"},
		{[]string{"done", "magnesium", ""}, ":4\n"},
	} {
		args := append([]string{"__complete", "--config", path}, tt.args...)
		code, out, _ := runAt(t, time.Now(), args...)
		if code != 0 || out != tt.want {
			t.Errorf("%v: exit %d, completions %q, want %q", tt.args, code, out, tt.want)
		}
	}
}

// TestCompleteWhileTheFileIsBroken: mid-edit, with a YAML slip in the
// schedule file, `bedtime routine <TAB>` still offers the built-in
// routines and those the file names, and the reminder commands the
// file's reminders; a file with no name left to read offers the
// built-in routines alone, and nothing crashes.
func TestCompleteWhileTheFileIsBroken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tab := write("tab.yaml", `reminders:
  magnesium:
    at: "20:30"
  evening-walk:
	at: "19:00"
routines:
  desk-stretch:
    steps:
      - {text: Stand up, hold: 30s}
  neck-rolls:
    steps: [{text: Roll, hold: 20s}]
`)
	garbage := write("garbage.yaml", "\x00\xff: [\n\t{{")
	at := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		path string
		args []string
		want string
	}{
		{tab, []string{"routine", ""}, "calf-stretch\ndesk-stretch\nmorning-stretch\nneck-rolls\n:4\n"},
		{tab, []string{"done", ""}, "evening-walk\nmagnesium\n:4\n"},
		{tab, []string{"snooze", ""}, "evening-walk\nmagnesium\n:4\n"},
		{tab, []string{"routine", "neck-rolls", ""}, ":4\n"},
		{garbage, []string{"routine", ""}, "calf-stretch\nmorning-stretch\n:4\n"},
		{garbage, []string{"skip", ""}, ":4\n"},
		{dir, []string{"routine", ""}, "calf-stretch\nmorning-stretch\n:4\n"},
	} {
		args := append([]string{"__complete", "--config", tt.path}, tt.args...)
		code, out, _ := runAt(t, at, args...)
		if code != 0 || out != tt.want {
			t.Errorf("%s %v: exit %d, completions %q, want %q", filepath.Base(tt.path), tt.args, code, out, tt.want)
		}
	}
}

// TestGenDocs writes, from bedtime's command tree, the completions and man
// pages `make docs` ships (bedtime gen-docs, in a build with -tags gendocs),
// bedtime-daemon's page among them, and checks them with the tools that
// read them: bash loads the completion, groff formats the man pages
// without a warning.
func TestGenDocs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC))}
	if err := gendocs.Write(newRootCmd(app), dir, "bedtime test", gendocs.Daemon()); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"completions/bedtime.bash", "completions/_bedtime", "completions/bedtime.fish", "completions/bedtime.ps1"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !bytes.Contains(data, []byte("bedtime")) {
			t.Errorf("%s: %v, %d bytes", f, err, len(data))
		}
	}

	bash := filepath.Join(dir, "completions", "bedtime.bash")
	out, err := exec.Command("bash", "-c", `source "$1" && complete -p bedtime`, "bash", bash).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "__start_bedtime") {
		t.Errorf("bash cannot load %s: %v\n%s", bash, err, out)
	}

	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Fatal("groff is missing: apt-get install groff-base")
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "man", "man1", "*.1"))
	want := map[string]bool{"bedtime.1": false, "bedtime-export.1": false, "bedtime-done.1": false, "bedtime-daemon.1": false, "bedtime-gen-docs.1": false}
	for _, p := range pages {
		if _, ok := want[filepath.Base(p)]; ok {
			want[filepath.Base(p)] = true
		}
	}
	for page, found := range want {
		if found != (page != "bedtime-gen-docs.1") {
			t.Errorf("man page %s written: %v", page, found)
		}
	}
	for _, page := range []string{"bedtime.1", "bedtime-export.1", "bedtime-daemon.1"} {
		cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", filepath.Join(dir, "man", "man1", page))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		text, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("groff %s: %v\n%s", page, err, stderr.Bytes())
		}
		if !bytes.Contains(text, []byte("bedtime")) {
			t.Errorf("%s formats to no text about bedtime", page)
		}
	}
}

// TestProductBinaryLinksNoDocGenerator: the binary users run does not link
// cobra/doc and its Markdown engine (their package initialisation costs
// the daemon resident memory), nor the testing package; only a build with
// -tags gendocs has `bedtime gen-docs`.
func TestProductBinaryLinksNoDocGenerator(t *testing.T) {
	t.Parallel()
	deps := func(tags string) string {
		out, err := exec.Command("go", "list", "-tags", tags, "-deps", ".").Output()
		if err != nil {
			t.Fatalf("go list -tags %q -deps: %v", tags, err)
		}
		return string(out)
	}
	for _, tt := range []struct {
		tags string
		pkg  string
		want bool
	}{
		{"", "github.com/spf13/cobra/doc", false},
		{"", "github.com/russross/blackfriday/v2", false},
		{"", "github.com/bedtime-app/bedtime/internal/gendocs", false},
		{"gendocs", "github.com/bedtime-app/bedtime/internal/gendocs", true},
		// A library's helper for its own tests (github.com/jezek/xgb before
		// v1.3.1) must not bring the testing package into the binary.
		{"", "testing", false},
	} {
		if got := strings.Contains("\n"+deps(tt.tags), "\n"+tt.pkg+"\n"); got != tt.want {
			t.Errorf("go list -tags %q: links %s = %v, want %v", tt.tags, tt.pkg, got, tt.want)
		}
	}
}
