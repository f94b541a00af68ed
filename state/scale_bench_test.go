//go:build unix

package state_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// BenchmarkHistoryTenYears reads ten years of made-up history (about
// 500,000 lines) the way the commands do: `bedtime status` asks for the
// day before today on (Today), `bedtime stats` for --days days (with the
// streaks: in "10y" the movement and water streaks run all ten years, in
// "10y-streaks-end" every streak ends 30 days ago). Targets
// (docs/history.md): status within 2x of an empty history, stats --days
// 365 under 150 ms, and the peak heap of its read (peak-heap-MiB) small
// enough that the whole process stays under 20 MB.
func BenchmarkHistoryTenYears(b *testing.B) {
	loc := time.UTC
	end := time.Date(2026, 11, 28, 0, 0, 0, 0, loc)
	now := end.Add(-time.Hour)
	empty, err := state.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	full := fill(b, 3652, end, loc)
	// The same ten years with a day 30 days ago on which nothing was done:
	// every streak ends there.
	broken, err := state.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := historygen.Write(broken, 3652-31, end.AddDate(0, 0, -31), loc, 7); err != nil {
		b.Fatal(err)
	}
	var none []state.Event
	for _, name := range []string{"hydration", "magnesium", "movement", "stretch"} {
		at := end.AddDate(0, 0, -31).Add(12 * time.Hour)
		none = append(none, state.Event{At: at, Reminder: name, Kind: state.Missed, Scheduled: at, Detail: "the machine was asleep"})
	}
	if err := broken.AppendAll(none); err != nil {
		b.Fatal(err)
	}
	if _, err := historygen.Write(broken, 30, end, loc, 8); err != nil {
		b.Fatal(err)
	}
	yesterday := time.Date(2026, 11, 26, 0, 0, 0, 0, loc)
	for _, bb := range []struct {
		name string
		s    *state.Store
		run  func(*state.Store) error
	}{
		{"status/empty", empty, func(s *state.Store) error { _, err := s.History(yesterday); return err }},
		{"status/10y", full, func(s *state.Store) error { _, err := s.History(yesterday); return err }},
		{"stats-7/10y", full, func(s *state.Store) error { _, err := s.Stats(7, now, loc); return err }},
		{"stats-365/10y", full, func(s *state.Store) error { _, err := s.Stats(365, now, loc); return err }},
		// Without the streak checkpoint, which is made again from the whole history.
		{"stats-365/10y-first", full, func(s *state.Store) error {
			if err := os.Remove(filepath.Join(s.Dir(), "streaks.json")); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			_, err := s.Stats(365, now, loc)
			return err
		}},
		{"stats-7/10y-streaks-end", broken, func(s *state.Store) error { _, err := s.Stats(7, now, loc); return err }},
		{"stats-365/10y-streaks-end", broken, func(s *state.Store) error { _, err := s.Stats(365, now, loc); return err }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			// CPU time too: on a shared machine the wall clock says more
			// about the neighbours than about the code.
			cpu0 := cpuTime(b)
			for b.Loop() {
				if err := bb.run(bb.s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			// The most heap one read takes at once, what the process's
			// peak memory follows (B/op counts what it allocates in all).
			var peak uint64
			for range 3 {
				p, err := peakHeap(func() error { return bb.run(bb.s) })
				if err != nil {
					b.Fatal(err)
				}
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

// peakHeap runs fn and returns the most heap memory its objects took at
// once, live or not yet collected, over what the heap held before (after
// a collection): sampled (runtime/metrics) as fast as another goroutine
// can while fn runs, so a peak may be missed by what is allocated
// between two samples.
func peakHeap(fn func() error) (uint64, error) {
	const name = "/memory/classes/heap/objects:bytes"
	read := func(s []metrics.Sample) uint64 {
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	runtime.GC()
	base := read([]metrics.Sample{{Name: name}})
	var peak atomic.Uint64
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: name}}
		for {
			if v := read(s); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	err := fn()
	close(stop)
	<-stopped
	return max(peak.Load(), base) - base, err
}

// cpuTime returns the CPU time the process used so far, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
