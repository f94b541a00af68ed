package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// StampedProgram builds at out a small Go program stamped as make stamps
// bedtime (-X main.version=version -X main.commit=commit): a binary whose
// build record (debug/buildinfo) is what a bedtime of that version has. go
// test puts its own go first on PATH.
func StampedProgram(t testing.TB, out, version, commit string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "stamped")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"go.mod":  "module example.com/stamped\n\ngo 1.26\n",
		"main.go": "package main\n\nvar version, commit string\n\nfunc main() { println(version, commit) }\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "build", "-buildvcs=false", "-ldflags", "-s -w -X main.version="+version+" -X main.commit="+commit, "-o", out, ".")
	cmd.Dir = src
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of a program stamped %s: %v\n%s", version, err, b)
	}
}
