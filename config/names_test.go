package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// routinesFile is a schedule with two routines of its own, in which each
// case of TestNames makes one slip.
const routinesFile = `timezone: Europe/Berlin
reminders:
  magnesium:
    at: "20:30"
    routine: desk-stretch
routines:
  desk-stretch:
    title: Desk stretch
    steps:
      - {text: "Stand up", hold: 30s}
  # a comment between them
  neck-rolls:
    steps:
      - text: Roll your neck
        hold: 20s
`

// TestNames: the names of the routines and reminders a schedule file
// defines are read while the file has errors, YAML's own included.
func TestNames(t *testing.T) {
	t.Parallel()
	both := []string{"desk-stretch", "neck-rolls"}
	for _, tt := range []struct {
		name, src, section string
		want               []string
	}{
		{"valid", routinesFile, SectionRoutines, both},
		{"reminders", routinesFile, SectionReminders, []string{"magnesium"}},
		{"a tab in a step", strings.Replace(routinesFile, "        hold: 20s", "\thold: 20s", 1), SectionRoutines, both},
		{"a key without its colon", strings.Replace(routinesFile, "    title: Desk stretch", "    title Desk stretch\n    done", 1), SectionRoutines, both},
		{"a quote left open", strings.Replace(routinesFile, `"Stand up"`, `"Stand up`, 1), SectionRoutines, both},
		{"a reminder's error", strings.Replace(routinesFile, `"20:30"`, `"25:99"`, 1), SectionRoutines, both},
		{"a line indented unlike the others", strings.Replace(routinesFile, "  neck-rolls:", "   neck-rolls:\n  shoulders:", 1), SectionRoutines, []string{"desk-stretch", "shoulders"}},
		{"flow style", "routines: {a-b: {steps: []}, c: {}}\nreminders: {x: {at: \"9:00\"}}\n", SectionRoutines, []string{"a-b", "c"}},
		{"crlf and a byte order mark", "\ufeff" + strings.ReplaceAll(strings.Replace(routinesFile, "\t", "", 1), "\n", "\r\n") + "\tbroken", SectionRoutines, both},
		{"names a schedule refuses", "routines:\n  Desk:\n    steps: []\n  ok-one:\n    steps: []\n  \"quoted two\": {}\n", SectionRoutines, []string{"ok-one"}},
		{"no such section", "reminders:\n  x:\n    at: \"9:00\"\n\tbad\n", SectionRoutines, nil},
		{"section after a broken one", "reminders:\n\tx: 1\nroutines: # mine\n    a:\n      steps: []\n    b: {}\n", SectionRoutines, []string{"a", "b"}},
		{"empty", "", SectionRoutines, nil},
	} {
		if got := Names([]byte(tt.src), tt.section); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Names = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestNamesIn reads the file, and gives none for a file that is not
// there or not a regular file.
func TestNamesIn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	if err := os.WriteFile(path, []byte("routines:\n  a:\n\tsteps: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := NamesIn(path, SectionRoutines); !slices.Equal(got, []string{"a"}) {
		t.Errorf("NamesIn = %q, want [a]", got)
	}
	for _, p := range []string{filepath.Join(dir, "missing.yaml"), dir} {
		if got := NamesIn(p, SectionRoutines); got != nil {
			t.Errorf("NamesIn(%s) = %q, want none", p, got)
		}
	}
}

// FuzzNames: no input makes Names panic, and each name it returns is one
// a schedule accepts and is written in the input.
func FuzzNames(f *testing.F) {
	f.Add([]byte(routinesFile))
	f.Add(Template())
	f.Add([]byte("routines:\n  a:\n\tb\nroutines: {c: d}\n"))
	f.Add([]byte("routines: &x\n  a: *x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, section := range []string{SectionRoutines, SectionReminders} {
			for _, name := range Names(src, section) {
				if !nameRE().MatchString(name) || !strings.Contains(string(src), name) {
					t.Fatalf("Names(%q) gave %q", src, name)
				}
			}
		}
	})
}
