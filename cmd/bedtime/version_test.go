package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionCmd(t *testing.T) {
	oldVersion, oldCommit := version, commit
	version, commit = "1.2.3", "0123456789abcdef0123456789abcdef01234567"
	defer func() { version, commit = oldVersion, oldCommit }()
	code, out, errOut := run(t, "version")
	if code != 0 {
		t.Fatalf("version: exit %d, stderr %q", code, errOut)
	}
	want := "bedtime 1.2.3\ncommit  0123456789abcdef0123456789abcdef01234567\ngo      " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	if out != want {
		t.Errorf("version printed %q, want %q", out, want)
	}
}

// TestVersionFlagSpeaks: the line of `bedtime --version` (cobra's flag,
// printed from its template) comes in the person's language, a --config
// file's language: key included.
func TestVersionFlagSpeaks(t *testing.T) {
	oldVersion := version
	version = "1.2.3"
	defer func() { version = oldVersion }()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	spanish := filepath.Join(dir, "es.yaml")
	if err := os.WriteFile(spanish, []byte("language: es\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		args []string
		want string
	}{
		{"C", []string{"--version"}, "bedtime version 1.2.3\n"},
		{"de_DE.UTF-8", []string{"--version"}, "bedtime Version 1.2.3\n"},
		{"de_DE.UTF-8", []string{"-v"}, "bedtime Version 1.2.3\n"},
		{"de_DE.UTF-8", []string{"--config", spanish, "--version"}, "bedtime versión 1.2.3\n"},
	} {
		t.Run(tc.lang+" "+strings.Join(tc.args, " "), func(t *testing.T) {
			env := map[string]string{"LANG": tc.lang, "XDG_CONFIG_HOME": dir}
			app := &App{Getenv: func(k string) string { return env[k] }}
			code, out, errOut := runApp(app, tc.args...)
			if code != 0 || out != tc.want {
				t.Fatalf("bedtime %v: exit %d, stdout %q, stderr %q; want 0 and %q", tc.args, code, out, errOut, tc.want)
			}
		})
	}
}
