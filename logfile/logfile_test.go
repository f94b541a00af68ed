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

// TestRotationThatFailsKeepsLogging: when the full log cannot be moved to
// NAME.1 (on Windows, while `bedtime logs` or the daemon's own stderr has
// it open; here, a directory in the way), the lines still go to the log,
// and the log is moved once it can be. Before, the failed move closed the
// log for good: the daemon logged nothing more until it was restarted.
func TestRotationThatFailsKeepsLogging(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime.log")
	if err := os.MkdirAll(filepath.Join(path+".1", "in the way"), 0o700); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	line := func(i int) {
		t.Helper()
		if _, err := fmt.Fprintf(w, "line %02d of the log, which is full\n", i); err != nil {
			t.Errorf("line %d: %v", i, err)
		}
	}
	for i := range 6 {
		line(i)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "line 05 ") {
		t.Errorf("the log lacks the last line:\n%s", b)
	}
	if err := os.RemoveAll(path + ".1"); err != nil {
		t.Fatal(err)
	}
	line(6)
	if b, err := os.ReadFile(path); err != nil || string(b) != "line 06 of the log, which is full\n" {
		t.Errorf("after the way is clear, the log is %q (%v), want only the last line", b, err)
	}
	if b, err := os.ReadFile(path + ".1"); err != nil || !strings.Contains(string(b), "line 05 ") {
		t.Errorf("%s.1 = %q (%v), want the lines before", path, b, err)
	}
}
