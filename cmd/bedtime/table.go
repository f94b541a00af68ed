package main

import (
	"io"
	"text/tabwriter"
)

// newTable returns a tabwriter for a command's table, with padding spaces
// between columns, whose lines end without trailing blanks: tabwriter pads
// every cell a tab ends, empty or not, so a row whose last columns are
// empty (a night with no answer in the diary) would end in spaces.
// Flush it as any tabwriter.
func newTable(w io.Writer, padding int) *tabwriter.Writer {
	return tabwriter.NewWriter(&trimRight{w: w}, 0, 0, padding, ' ', 0)
}

// trimRight writes what it is given without the spaces and tabs that end
// a line. Blanks are held until what follows them shows whether they end
// a line; those at the very end, never followed, are dropped.
type trimRight struct {
	w       io.Writer
	pending []byte // blanks not yet written
	buf     []byte
}

func (t *trimRight) Write(p []byte) (int, error) {
	t.buf = t.buf[:0]
	for _, c := range p {
		switch c {
		case ' ', '\t':
			t.pending = append(t.pending, c)
		case '\n':
			t.pending = t.pending[:0]
			t.buf = append(t.buf, c)
		default:
			t.buf = append(t.buf, t.pending...)
			t.pending = t.pending[:0]
			t.buf = append(t.buf, c)
		}
	}
	if _, err := t.w.Write(t.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}
