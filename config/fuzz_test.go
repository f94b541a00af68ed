package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse checks that no input makes the loader panic, and that every
// error it reports names the file and a position inside it. Inputs the
// fuzzer found are kept in testdata/fuzz/FuzzParse and run with go test.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add(Template())
	f.Add([]byte("reminders: {x: {cron: \"CRON_TZ=UTC\"}}"))
	f.Add([]byte("reminders: {x: {cron: \"TZ=Europe/Berlin\", title: t}}"))
	f.Add([]byte("a: &a [*a]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("fuzz.yaml", src)
		if err == nil {
			if s == nil {
				t.Fatal("no schedule and no error")
			}
			for _, r := range s.Enabled() {
				if r.Schedule == nil {
					t.Fatalf("reminder %q has no schedule", r.Name)
				}
			}
			return
		}
		es, ok := err.(Errors)
		if !ok || len(es) == 0 {
			t.Fatalf("error %T %v, want Errors", err, err)
		}
		// YAML breaks lines at \n, \r\n and a lone \r.
		lines := strings.Count(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") + strings.Count(string(src), "\r") + 1
		for _, e := range es {
			if e.File != "fuzz.yaml" || e.Line > lines+1 || e.Line < 0 {
				t.Fatalf("bad position in %q", e.Error())
			}
		}
		// What SalvageIn keeps of it: no reminder an error names, each
		// with a schedule; nothing when an error is outside them.
		part := SalvageIn("fuzz.yaml", src, time.Local)
		if part == nil {
			return
		}
		for _, e := range es {
			if e.Reminder == "" {
				t.Fatalf("salvaged in spite of %q, outside any reminder", e.Error())
			}
			for _, r := range part.Reminders {
				if r.Name == e.Reminder {
					t.Fatalf("salvaged reminder %q, which has the error %q", r.Name, e.Error())
				}
			}
		}
		for _, r := range part.Enabled() {
			if r.Schedule == nil {
				t.Fatalf("salvaged reminder %q has no schedule", r.Name)
			}
		}
	})
}
