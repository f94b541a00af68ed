package notify_test

import (
	"context"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// BenchmarkNotifyLatency measures the delay from calling Notify to the
// notification server receiving the Notify call on a real session bus: one
// round trip, since what the server said about itself is cached. It reports
// the 50th and 99th percentiles in milliseconds.
func BenchmarkNotifyLatency(b *testing.B) {
	bus := notifytest.StartBus(b)
	b.Setenv("DBUS_SESSION_BUS_ADDRESS", bus.Address)
	srv := bus.StartServer(b, notifytest.DefaultConfig)
	d, err := notify.New(notify.Options{Logger: slog.New(slog.DiscardHandler), CacheDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	m := notify.Message{Reminder: "water", Title: "Water", Body: "A glass of water now & then."}
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := d.Notify(ctx, m); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, srv.Next(b).Received.Sub(start))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
