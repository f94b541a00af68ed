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
	if err := Tail(&out, path, 12, leftOut); err != nil {
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

// leftOut is the note Tail's tests append to a cut line.
func leftOut(n int64) string { return fmt.Sprintf("[%d more bytes left out]", n) }

// TestTailLongLine: one line over the scanner's old 1 MiB bound made
// `bedtime logs` fail until the log was moved aside; now the other lines
// show, and the long one is cut at MaxLine, at a character's boundary,
// with a note of how much was left out.
func TestTailLongLine(t *testing.T) {
	huge := strings.Repeat("x", 2<<20)
	at := strings.Repeat("a", MaxLine-1) + "é" + "tail" // é straddles the cut
	tests := []struct {
		name string
		log  string
		n    int
		want []string
	}{
		{"huge line among others", "before\n" + huge + "\nafter\n", 3,
			[]string{"before", strings.Repeat("x", MaxLine) + " [2093056 more bytes left out]", "after"}},
		{"huge last line without an end", "before\n" + huge, 2,
			[]string{"before", strings.Repeat("x", MaxLine) + " [2093056 more bytes left out]"}},
		{"cut at a character's start", at + "\n", 1,
			[]string{strings.Repeat("a", MaxLine-1) + " [6 more bytes left out]"}},
		{"exactly MaxLine, with CRLF", strings.Repeat("b", MaxLine) + "\r\nnext\r\n", 2,
			[]string{strings.Repeat("b", MaxLine), "next"}},
		{"one over MaxLine", strings.Repeat("c", MaxLine+1) + "\n", 1,
			[]string{strings.Repeat("c", MaxLine) + " [1 more bytes left out]"}},
		{"empty lines kept", "a\n\n\r\nb\n", 4, []string{"a", "", "", "b"}},
		{"only the last n", "1\n2\n" + huge + "\n3\n", 1, []string{"3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bedtime.log")
			if err := os.WriteFile(path, []byte(tt.log), 0o600); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := Tail(&out, path, tt.n, leftOut); err != nil {
				t.Fatalf("Tail: %v", err)
			}
			if want := strings.Join(tt.want, "\n") + "\n"; out.String() != want {
				t.Errorf("Tail gave %d bytes:\n%.300q\nwant %d bytes:\n%.300q", out.Len(), out.String(), len(want), want)
			}
		})
	}
}

// TestCappedWhileHeldOpen: the daemon that install, start and restart
// launch (on Windows, and from the XDG autostart) has the log file as its
// stderr, where a crash's trace goes, and `bedtime logs -f` holds it open
// too. On Windows a file held open so cannot be renamed: the log was never
// moved to NAME.1 and grew past its cap without end (under Wine, 7031
// bytes of a 400-byte cap here). Elsewhere the rename worked, and stderr
// went with the moved file, then, at the next move, to a deleted one: a
// crash's trace was lost. Now the log is copied aside and emptied in
// place: both files stay within the cap, and stderr's line is the log's
// last.
func TestCappedWhileHeldOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime.log")
	stderr, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	const max = 400
	w, err := Open(path, max)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := range 200 {
		if _, err := fmt.Fprintf(w, "line %03d of the log, which is full\n", i); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
	}
	if _, err := fmt.Fprintf(stderr, "panic: the daemon's last words\n"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + ".1"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() > max+64 {
			t.Errorf("%s is %d bytes, past the cap of %d", filepath.Base(p), fi.Size(), max)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(b), "line 199 of the log, which is full\npanic: the daemon's last words\n") {
		t.Errorf("the log does not end with the last line, then stderr's:\n%s", b)
	}
	var first int
	if _, err := fmt.Sscanf(string(b), "line %d ", &first); err != nil {
		t.Fatalf("the log does not begin with a whole line: %v\n%s", err, b)
	}
	before := fmt.Sprintf("line %03d of the log, which is full\n", first-1)
	if b, err := os.ReadFile(path + ".1"); err != nil || !strings.HasPrefix(string(b), "line ") || !strings.HasSuffix(string(b), before) {
		t.Errorf("%s.1 = %q (%v), want whole lines ending with the one before the log's first, %q", filepath.Base(path), b, err, before)
	}
}

// TestSetAsideFromALineStart: a log far past the cap (one an older
// bedtime let grow on Windows) is set aside as its last lines only, the
// first of them whole.
func TestSetAsideFromALineStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bedtime.log")
	var old strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&old, "old line %04d\n", i)
	}
	if err := os.WriteFile(path, []byte(old.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := fmt.Fprintln(w, "new line"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "new line\n" {
		t.Errorf("the log = %q (%v), want only the new line", b, err)
	}
	want := ""
	for i := 993; i < 1000; i++ { // the whole lines of 14 bytes in the last 100
		want += fmt.Sprintf("old line %04d\n", i)
	}
	if b, err := os.ReadFile(path + ".1"); err != nil || string(b) != want {
		t.Errorf("%s.1 = %q (%v), want %q", filepath.Base(path), b, err, want)
	}
}
