package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

// BenchmarkLoadDefault loads and validates the default schedule file from
// disk. Target: well under 50 ms.
func BenchmarkLoadDefault(b *testing.B) {
	path := filepath.Join(b.TempDir(), "schedule.yaml")
	os.WriteFile(path, Template(), 0o600)
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad1000 loads a file of 1,000 reminders of every form. Target:
// under 50 ms.
func BenchmarkLoad1000(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("timezone: Europe/Berlin\nbedtime: {default: \"22:30\", fri: \"23:30\"}\nreminders:\n")
	for i := 0; i < 1000; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&sb, "  r%d: {cron: \"%d 9-16 * * mon-fri\", title: T}\n", i, i%60)
		case 1:
			fmt.Fprintf(&sb, "  r%d: {every: %dm, between: \"08:00-20:00\", title: T}\n", i, 30+i%90)
		case 2:
			fmt.Fprintf(&sb, "  r%d: {at: [\"%02d:%02d\", \"21:00\"], days: [mon, wed], title: T}\n", i, i%24, i%60)
		case 3:
			fmt.Fprintf(&sb, "  r%d: {before_bedtime: %dm, title: T, snooze: 5m}\n", i, i%120)
		}
	}
	path := filepath.Join(b.TempDir(), "schedule.yaml")
	os.WriteFile(path, []byte(sb.String()), 0o600)
	b.ResetTimer()
	for b.Loop() {
		s, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Reminders) != 1000 {
			b.Fatal(len(s.Reminders))
		}
	}
}

// BenchmarkDefaultYear computes every firing of the default schedule for a
// year, the way the daemon does: Due at each wake-up.
func BenchmarkDefaultYear(b *testing.B) {
	s := Default()
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)
	to := from.AddDate(1, 0, 0)
	for b.Loop() {
		e := scheduler.NewEngine(s.Jobs())
		n := 0
		now := from
		for {
			evs, next := e.Due(now)
			n += len(evs)
			if next.IsZero() || next.After(to) {
				break
			}
			now = next
		}
		if n < 3000 {
			b.Fatalf("only %d firings in a year", n)
		}
		b.ReportMetric(float64(n), "firings/year")
	}
}
