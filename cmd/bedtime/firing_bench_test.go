//go:build linux

package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// BenchmarkFiringToBus measures the whole path a reminder takes: from its
// scheduled wall-clock instant, through the daemon's wake-up on the real
// clock, to the Notify call arriving at a notification server on a real
// session bus. Each firing is one op (a reminder every second), so run it
// with -benchtime=30x. Target (issue 14): p99 under 10 ms.
func BenchmarkFiringToBus(b *testing.B) {
	bus := notifytest.StartBus(b)
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", bus.Address)
	srv := bus.StartServer(b, notifytest.Config{Capabilities: []string{"actions", "body"}})
	dir := b.TempDir()
	os.Setenv("XDG_STATE_HOME", dir)
	path := filepath.Join(dir, "s.yaml")
	os.WriteFile(path, []byte("reminders:\n  tick: {every: 1s, title: Tick}\n"), 0o600)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	app := &App{Stdin: strings.NewReader(""), Stdout: &testutil.LogBuffer{}, Stderr: &testutil.LogBuffer{}}
	go func() { app.Run(ctx, []string{"run", "--config", path}); close(done) }()
	defer func() { cancel(); <-done }()

	srv.Next(b) // the first firing may come from a partial second
	var delays []time.Duration
	b.ResetTimer()
	for range b.N {
		n := srv.Next(b)
		// The reminder is due on each whole second.
		scheduled := n.Received.Truncate(time.Second)
		delays = append(delays, n.Received.Sub(scheduled))
	}
	b.StopTimer()
	slices.Sort(delays)
	p := func(q float64) float64 {
		return float64(delays[int(q*float64(len(delays)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(p(0.5), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
	b.ReportMetric(p(1), "max-ms")
}
