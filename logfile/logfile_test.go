package logfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCappedAndTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime.log")
	w, err := Open(path, 200)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		fmt.Fprintf(w, "line %02d of the log\n", i)
	}
	w.Close()
	for _, p := range []string{path, path + ".1"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() > 200 {
			t.Errorf("%s is %d bytes, past the cap of 200", filepath.Base(p), fi.Size())
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	var out bytes.Buffer
	if err := Tail(&out, path, 12); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 12 || lines[0] != "line 18 of the log" || lines[11] != "line 29 of the log" {
		t.Fatalf("tail = %q, want lines 18 to 29, across the moved-aside file", lines)
	}
}

func TestIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime.log")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !Is(f, path) || Is(os.Stderr, path) {
		t.Fatal("Is does not tell the log file from stderr")
	}
}
