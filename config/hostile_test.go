package config

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostile returns inputs of at most MaxFileSize bytes made to use as much
// memory or time as they can: each kind of nesting and length just inside
// and far beyond the limits, alias bombs, huge scalars, many keys, many
// errors.
func hostile() []struct {
	name string
	src  []byte
} {
	type in = struct {
		name string
		src  []byte
	}
	fill := func(head string, unit string, tail string) []byte {
		n := (MaxFileSize - len(head) - len(tail)) / len(unit)
		return []byte(head + strings.Repeat(unit, n) + tail)
	}
	// lines repeats line(i) up to n times or the size cap.
	lines := func(head string, n int, line func(i int) string) []byte {
		var b bytes.Buffer
		b.WriteString(head)
		for i := 0; i < n; i++ {
			l := line(i)
			if b.Len()+len(l) > MaxFileSize {
				break
			}
			b.WriteString(l)
		}
		return b.Bytes()
	}
	var ins []in
	ins = append(ins,
		in{"nested flow lists, 1 MiB", fill("reminders: ", "[", "")},
		in{"nested flow maps, 1 MiB", fill("reminders: ", "{a: ", "")},
		in{"dash chain, 1 MiB", fill("reminders:\n", "- ", "x\n")},
		in{"dashes in a flow list, 1 MiB", fill("reminders: [", "- ", "]")},
		in{"one flow list, 1 MiB", fill("reminders: {a: {at: [", "\"20:30\",", "]}}")},
		in{"one block map, 1 MiB", lines("reminders:\n", 1<<20, func(i int) string { return fmt.Sprintf("  r%d: {at: \"20:30\"}\n", i) })},
		in{"comment lines, 1 MiB", fill("reminders: {magnesium: {at: \"20:30\"}}\n", "#\n", "")},
		in{"one quoted title, 1 MiB", fill("reminders: {magnesium: {at: \"20:30\", title: \"", "x", "\"}}")},
		in{"one plain message, 1 MiB", fill("reminders: {magnesium: {at: \"20:30\", message: ", "x", "}}")},
		in{"one block scalar, 1 MiB", fill("reminders:\n  magnesium:\n    at: \"20:30\"\n    message: |\n", "      [[]] - - - {{}} ''''\n", "")},
		// Just inside the limits.
		in{"depth 32, many times", lines("reminders:\n", MaxItems/MaxDepth-1, func(int) string {
			return "- " + strings.Repeat("[", MaxDepth-2) + strings.Repeat("]", MaxDepth-2) + "\n"
		})},
		in{"flow lists at the limit", lines("reminders:\n", MaxItems/MaxEntries-1, func(i int) string {
			return fmt.Sprintf("  r%d: {at: [%s\"20:30\"]}\n", i, strings.Repeat("\"20:30\",", MaxEntries-1))
		})},
		in{"block maps at the limit", lines("", MaxItems/MaxEntries-1, func(i int) string {
			return fmt.Sprintf("k%d:\n", i) + keys(MaxEntries-1)
		})},
		in{"reminders with errors", lines("reminders:\n", MaxEntries-1, func(i int) string {
			return fmt.Sprintf("  r%d: {at: \"25:00\", snooze: x, tiitle: y}\n", i)
		})},
		in{"alias bomb", aliasBomb(9)},
	)
	return ins
}

// keys is a block map of n distinct keys, indented by two.
func keys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: 1\n", i)
	}
	return b.String()
}

// aliasBomb is a billion laughs: each anchor is a list of ten aliases of
// the one before, used where the schedule wants text, times and days.
func aliasBomb(levels int) []byte {
	var b strings.Builder
	b.WriteString("reminders:\n  a: {at: \"20:00\", title: &l0 \"lol\"}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "  r%d: {at: *l%d, days: *l%d, title: T, variants: &l%d [%s]}\n", i, i-1, i-1, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	fmt.Fprintf(&b, "  last: {at: *l%d, days: *l%d, variants: *l%d}\n", levels, levels, levels)
	return []byte(b.String())
}

// peakHeap runs f and returns the most heap memory in use while it ran,
// above what was in use before: live data and garbage not yet collected,
// which is what the operating system sees. It samples every 100µs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	peak := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	metrics.Read(s)
	peak = max(peak, s[0].Value.Uint64())
	return peak - base
}

// BenchmarkHostile parses each hostile input and reports the peak heap
// (peak-MB) and the time. Target: no input over 100 MB or 1 s.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostile() {
		b.Run(h.name, func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakHeap(func() { Parse("hostile.yaml", h.src) }))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// TestHostileInputsStayBounded is the regression test of issue 12's
// memory blow-up: every hostile input is refused or parsed within a
// bounded amount of memory, with errors that name a position.
func TestHostileInputsStayBounded(t *testing.T) {
	const limit = 100 << 20
	for _, h := range hostile() {
		t.Run(h.name, func(t *testing.T) {
			if len(h.src) > MaxFileSize {
				t.Fatalf("input is %d bytes, over the cap", len(h.src))
			}
			var err error
			peak := peakHeap(func() { _, err = Parse("hostile.yaml", h.src) })
			if peak > limit {
				t.Errorf("peak heap %d MB, want at most %d MB", peak>>20, limit>>20)
			}
			if err == nil {
				return
			}
			es, ok := err.(Errors)
			if !ok {
				t.Fatalf("error %T: %v", err, err)
			}
			t.Logf("%d KiB, peak heap %.1f MB: %v", len(h.src)>>10, float64(peak)/(1<<20), es[0])
			if es[0].Line == 0 {
				t.Errorf("error without a position: %v", es[0])
			}
		})
	}
}
