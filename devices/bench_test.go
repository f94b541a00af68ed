package devices

import (
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// benchEnd is the benchmarks' clock: a fixed day, so that the months
// written and read (and so every figure) do not depend on today's date.
var benchEnd = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// syncedFolder is a folder in which device B published days of history
// ending at benchEnd, and device A's own history of the same days (in
// memory, as stats reads it from its state directory): two computers with
// the same schedule, answered differently on each, as bench/gensynced
// makes them.
type syncedFolder struct {
	root  string
	key   Key
	local []state.Event
}

// history returns days of made-up history ending at benchEnd.
func history(days int, seed uint64) []state.Event {
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	first := benchEnd.AddDate(0, 0, -days)
	var evs []state.Event
	for d := range days {
		evs = append(evs, historygen.Day(first.AddDate(0, 0, d), rnd)...)
	}
	return evs
}

// synced makes the folder of days days.
func synced(b *testing.B, days int) *syncedFolder {
	root := b.TempDir()
	k, err := NewKey()
	if err != nil {
		b.Fatal(err)
	}
	now := benchEnd
	f, err := Open(root, idB, k, Options{Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	evs := history(days, 8)
	for len(evs) > 0 {
		n := min(len(evs), 20000)
		if err := f.Append(evs[:n]); err != nil {
			b.Fatal(err)
		}
		evs = evs[n:]
	}
	return &syncedFolder{root: root, key: k, local: history(days, 7)}
}

// BenchmarkSyncedRecord times what `bedtime stats` does with sync on
// before it sums: reading the other device's files (Scan) and merging them
// with this device's history, for one year and ten years of two
// computers, with the split by device (Merge, as stats makes it today)
// and without (MergeWith, as most readers of the record need it). Besides
// time and allocations per run it reports the heap that stays live while
// the merged record is held (live-MB) and the largest heap seen while it
// is made (peak-MB: live and not yet collected objects, sampled every
// millisecond), both above the heap before (which holds this device's
// history). The before runs read and merge as it was done before they
// were made cheaper (legacy_test.go), for comparison.
func BenchmarkSyncedRecord(b *testing.B) {
	for _, c := range []struct {
		name string
		days int
	}{{"1y", 365}, {"10y", 3652}} {
		s := synced(b, c.days)
		for _, v := range []struct {
			name       string
			split, old bool
		}{{"split", true, false}, {"merged", false, false}, {"before", true, true}} {
			b.Run(c.name+"/"+v.name, func(b *testing.B) {
				b.ReportAllocs()
				var live, peak uint64
				runtime.GC()
				base := heapLive()
				for b.Loop() {
					stop := sampleHeap(&peak)
					now := benchEnd
					f, err := Open(s.root, idA, s.key, Options{Now: func() time.Time { return now }})
					if err != nil {
						b.Fatal(err)
					}
					var recs []Record
					var all []state.Event
					var byDev map[string][]state.Event
					if v.old {
						recs, err = f.oldScan()
						all, byDev = oldMerge(idA, s.local, recs, time.Time{})
					} else {
						recs, err = f.Scan()
						all, byDev = MergeWith(idA, s.local, recs, time.Time{}, MergeOptions{ByDevice: v.split})
					}
					if err != nil {
						b.Fatal(err)
					}
					stop()
					b.StopTimer()
					runtime.GC()
					live = heapLive()
					runtime.KeepAlive(recs)
					runtime.KeepAlive(all)
					runtime.KeepAlive(byDev)
					recs, all, byDev = nil, nil, nil
					runtime.GC()
					b.StartTimer()
				}
				b.ReportMetric(float64(live-base)/(1<<20), "live-MB")
				b.ReportMetric(float64(peak-base)/(1<<20), "peak-MB")
			})
		}
	}
}

// sampleHeap keeps the largest heapLive in *peak, every millisecond,
// until the function it returns is called.
func sampleHeap(peak *uint64) (stop func()) {
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			*peak = max(*peak, heapLive())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		*peak = max(*peak, heapLive())
	}
}

// heapLive is the bytes of heap objects (live and not yet swept) now.
func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
