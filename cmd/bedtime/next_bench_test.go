package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkNext1000 runs `bedtime next -n 1000` as a whole process on files
// of 1,000 reminders: all firing every minute, and of every form, dense
// and sparse. Target: under 100 ms each. It reports the process's CPU
// time too.
func BenchmarkNext1000(b *testing.B) {
	bin := buildBedtimeB(b)
	files := map[string]func(i int) string{
		"every-minute": func(i int) string { return `{cron: "* * * * *", title: T}` },
		"mixed": func(i int) string {
			switch i % 6 {
			case 0:
				return `{cron: "* * * * *", title: T}`
			case 1:
				return fmt.Sprintf(`{cron: "%d 0 29 2 */7", title: T}`, i%60) // 29 February on a Sunday
			case 2:
				return fmt.Sprintf(`{every: %ds, title: T}`, 1+i%300)
			case 3:
				var at []string
				for h := 0; h < 24; h++ {
					at = append(at, fmt.Sprintf(`"%02d:%02d"`, h, i%60))
				}
				return fmt.Sprintf(`{at: [%s], title: T}`, strings.Join(at, ", "))
			case 4:
				return fmt.Sprintf(`{before_bedtime: %dm, title: T}`, i%120)
			}
			return `{cron: "*/5 9-17 */2 * mon-fri", title: T}`
		},
	}
	for name, reminder := range files {
		var sb strings.Builder
		sb.WriteString("timezone: Europe/Berlin\nbedtime: \"22:30\"\nreminders:\n")
		for i := 0; i < 1000; i++ {
			fmt.Fprintf(&sb, "  r%d: %s\n", i, reminder(i))
		}
		path := filepath.Join(b.TempDir(), "schedule.yaml")
		if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cmd := exec.Command(bin, "next", "-n", "1000", "--config", path, "--from", "2026-10-24T12:00:00Z")
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				if n := strings.Count(string(out), "\n"); n != 1001 {
					b.Fatalf("%d lines, want 1001:\n%s", n, out)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			// CPU time says more than wall time on a machine shared with
			// other work.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
