package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// helpApp is an App whose environment asks for lang and whose schedule
// file does not exist.
func helpApp(t *testing.T, lang string) *App {
	t.Helper()
	return &App{
		ConfigPath: filepath.Join(t.TempDir(), "schedule.yaml"),
		Getenv: func(k string) string {
			if k == "LC_ALL" {
				return lang
			}
			return ""
		},
	}
}

// helpGoldens are the help pages kept as golden files, by name.
var helpGoldens = map[string][]string{
	"root":  {"--help"},
	"done":  {"done", "--help"},
	"stats": {"stats", "--help"},
}

// TestHelpInEachLanguage: the help of bedtime and of two commands in
// English, each shipped language and the pseudo-locale, as goldens.
func TestHelpInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range helpLangs {
		for name, args := range helpGoldens {
			t.Run(lang+"/"+name, func(t *testing.T) {
				t.Parallel()
				code, out, errOut := runApp(helpApp(t, lang), args...)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				testutil.Golden(t, "help/"+lang+"-"+name+".golden", []byte(out))
			})
		}
	}
}

var helpLangs = []string{"en"}

var _ = strings.Contains
