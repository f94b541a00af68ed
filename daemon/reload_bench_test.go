package daemon

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkReloadLatency measures how long a saved schedule takes to be
// live in the running daemon: from the end of a save (a new file renamed
// over the old one, as vim, VS Code and sed -i do) until the reload hook
// sees the new schedule, with the production debounce. Target: under
// 500 ms; reported as ms/op.
func BenchmarkReloadLatency(b *testing.B) {
	h := startLiveDaemon(b, berlinSchedule, time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC))
	var total time.Duration
	i := 0
	for b.Loop() {
		i++
		want := fmt.Sprintf("21:%02d", i%60)
		saveByRename(b, h.opts.SchedulePath, []byte(strings.Replace(berlinSchedule, `"20:30"`, `"`+want+`"`, 1)))
		saved := time.Now()
		for got := ""; got != want; {
			select {
			case s := <-h.reloads:
				got = magnesiumAt(s)
			case <-time.After(5 * time.Second):
				b.Fatalf("magnesium at %s not live within 5s; log:\n%s", want, h.log.String())
			}
		}
		total += time.Since(saved)
	}
	b.ReportMetric(float64(total)/float64(time.Millisecond)/float64(i), "ms/op")
	b.ReportMetric(0, "ns/op") // the same figure, less readable
}
