package state

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestTailOffsetAgreesWithAForwardScan: tailOffset, which reads backwards
// a block at a time, finds the line a plain forward scan finds, whatever
// the block size against the lines (torn, garbled, long, a first line
// without a newline before it).
func TestTailOffsetAgreesWithAForwardScan(t *testing.T) {
	defer func(b int) { tailBlock = b }(tailBlock)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	rnd := rand.New(rand.NewPCG(1, 2))
	for round := range 230 {
		var file bytes.Buffer
		n := rnd.IntN(30)
		blocks := []int{1, 7, 64, 1 << 16}
		if round >= 200 { // long enough for the probes and the halving
			n, blocks = 2000+rnd.IntN(8000), []int{4096, 1 << 16}
		}
		for i := range n {
			switch rnd.IntN(10) {
			case 0:
				file.WriteString("\x00garbled\n")
			case 1:
				file.WriteString(`{"at":"2026-11-` + "\n") // torn
			case 2:
				fmt.Fprintf(&file, `{"at":"%s","kind":"shown","detail":"%s"}`+"\n", base.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), bytes.Repeat([]byte("x"), rnd.IntN(300)))
			default:
				fmt.Fprintf(&file, `{"at":"%s","kind":"shown"}`+"\n", base.Add(time.Duration(i)*time.Hour).Format(time.RFC3339))
			}
		}
		if rnd.IntN(3) == 0 { // a torn last line, in time order
			fmt.Fprintf(&file, `{"at":"%s","kin`, base.Add(time.Duration(n)*time.Hour).Format(time.RFC3339))
		}
		path := filepath.Join(t.TempDir(), "h")
		os.WriteFile(path, file.Bytes(), 0o600)
		cutoff := base.Add(time.Duration(rnd.IntN(n+2)) * time.Hour)
		// The forward scan: the end of the last line older than cutoff.
		var want int64
		off := int64(0)
		for _, line := range bytes.SplitAfter(file.Bytes(), []byte("\n")) {
			off += int64(len(line))
			if at, ok := leadingAt(bytes.TrimSuffix(line, []byte("\n"))); ok && at.Before(cutoff) {
				want = off
			}
		}
		for _, block := range blocks {
			// A line longer than maxTailLine is passed over, and found by
			// the forward read after it; lines here are shorter.
			tailBlock = block
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tailOffset(f, cutoff)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("round %d, block %d, cutoff %s: tailOffset = %d, want %d\n%q", round, block, cutoff.Format(time.RFC3339), got, want, file.String())
			}
		}
	}
}
