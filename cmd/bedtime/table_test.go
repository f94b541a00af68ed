package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTableLinesEndWithoutBlanks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty last cells", "a\tb\tc\nlong one\t\t\n", "a         b  c\nlong one\n"},
		{"empty middle cell", "a\t\tc\nbb\tx\ty\n", "a      c\nbb  x  y\n"},
		{"indent kept", "  x\ty\n  long\tz\n", "  x     y\n  long  z\n"},
		{"blank line", "a\tb\n\nc\td\n", "a  b\n\nc  d\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			tw := newTable(&out, 2)
			// One byte at a time: blanks held across writes.
			for i := range len(tt.in) {
				fmt.Fprint(tw, tt.in[i:i+1])
			}
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGoldenOutputsEndLinesWithoutBlanks: no line of a command's output,
// as its golden files keep it, ends in spaces or tabs, which an editor
// strips from a pasted transcript and a diff shows as noise. A countdown
// redrawn in place (\r) may end in the blanks that cover the longer text
// it overwrites on a terminal, and no further.
func TestGoldenOutputsEndLinesWithoutBlanks(t *testing.T) {
	n := 0
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".golden") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSuffix(line, "\r") // iCalendar's CRLF
			segs := strings.Split(line, "\r")
			last := segs[len(segs)-1]
			if strings.TrimRight(last, " \t") == last {
				continue
			}
			if len(segs) > 1 && len(last) <= len(segs[len(segs)-2]) {
				continue // covers the redrawn text, no more
			}
			t.Errorf("%s:%d ends in blanks: %q", path, i+1, last)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("read %d golden files, want the commands' (over 50)", n)
	}
}
