package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// countingNotifier accepts every message at once, like a server, reports
// it Shown, and closes all when the n-th arrives.
type countingNotifier struct {
	n, got  int64
	all     chan struct{}
	respond func(notify.Response)
}

func (c *countingNotifier) Notify(ctx context.Context, m notify.Message) error {
	c.respond(notify.Response{Reminder: m.Reminder, Action: notify.Shown, At: time.Now(), Scheduled: m.Scheduled, Via: "bench"})
	if atomic.AddInt64(&c.got, 1) == c.n {
		close(c.all)
	}
	return nil
}

// BenchmarkBurst: n reminders come due at the same instant. It reports how
// long from the instant until the last one was handed to the notifier
// (ms/last-shown) and until every one is recorded shown in the history
// (ms/all-recorded), state and history written in batches.
func BenchmarkBurst(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var src strings.Builder
			src.WriteString("timezone: UTC\nreminders:\n")
			for i := range n {
				fmt.Fprintf(&src, "  r%d: {at: \"20:30\", title: \"Reminder %d\"}\n", i, i)
			}
			var shownMs, recordedMs float64
			for range b.N {
				b.StopTimer()
				dir := b.TempDir()
				now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
				clock := scheduler.NewFakeClock(now)
				cn := &countingNotifier{n: int64(n), all: make(chan struct{})}
				var recorded atomic.Int64
				allRecorded := make(chan struct{})
				loaded := make(chan struct{}, 1)
				o := Options{
					SchedulePath: filepath.Join(dir, "schedule.yaml"), StateDir: filepath.Join(dir, "state"),
					Clock: clock, Logger: slog.New(slog.DiscardHandler), ZoneFile: filepath.Join(dir, "none"),
					Notifier: func(_ *slog.Logger, respond func(notify.Response)) (notify.Notifier, func() error, error) {
						cn.respond = respond
						return cn, func() error { return nil }, nil
					},
					// Never the machine's own calls or fullscreen windows: a
					// busy machine would hold every reminder.
					Busy:     func(context.Context) (Busy, busy.Report) { return &fakeBusy{}, busy.Report{} },
					OnReload: func(*config.Schedule) { loaded <- struct{}{} },
					OnRecord: func(evs []state.Event) {
						if recorded.Add(int64(len(evs))) == int64(n) {
							close(allRecorded)
						}
					},
				}
				if err := config.WriteFile(o.SchedulePath, []byte(src.String())); err != nil {
					b.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() { done <- Run(ctx, o) }()
				<-loaded
				for clock.Waiters() == 0 || !clock.NextWake().Equal(now.Add(30*time.Minute)) {
					select {
					case <-clock.Waiting():
					case <-time.After(10 * time.Millisecond):
					}
				}
				b.StartTimer()
				start := time.Now()
				clock.Set(now.Add(30 * time.Minute))
				<-cn.all
				shownMs += float64(time.Since(start).Microseconds()) / 1000
				<-allRecorded
				recordedMs += float64(time.Since(start).Microseconds()) / 1000
				b.StopTimer()
				cancel()
				<-done
			}
			b.ReportMetric(shownMs/float64(b.N), "ms/last-shown")
			b.ReportMetric(recordedMs/float64(b.N), "ms/all-recorded")
		})
	}
}
