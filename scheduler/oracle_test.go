package scheduler

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCronAgainstSystemd compares the firings of random cron expressions
// with an independent implementation: systemd's calendar events, through
// `systemd-analyze calendar`. Each expression is translated by hand (see
// randomCron): ranges become "..", names numbers or systemd's weekdays,
// and two restricted day fields, which cron ORs, become two calendar
// events whose firings are merged. Times are UTC, where both agree on
// what a wall time means.
func TestCronAgainstSystemd(t *testing.T) {
	bin, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Fatal("systemd-analyze is missing: install the Debian package systemd")
	}
	const (
		batches    = 4
		perBatch   = 300 // expressions per systemd-analyze run
		iterations = 12
		maxYear    = 2199 // systemd looks no further
	)
	rng := rand.New(rand.NewPCG(2027, 14))
	compared, never := 0, 0
	for b := 0; b < batches; b++ {
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour)))).Truncate(time.Second)
		if b == 0 {
			base = base.Truncate(24 * time.Hour) // a midnight, when many fire
		}
		var exprs []randomExpr
		args := []string{"calendar", fmt.Sprintf("--iterations=%d", iterations), "--base-time=" + base.Format("2006-01-02 15:04:05 UTC")}
		for range perBatch {
			e := randomCron(rng)
			exprs = append(exprs, e)
			args = append(args, e.systemd...)
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("systemd-analyze calendar: %v\n%s", err, stderr.Bytes())
		}
		results := parseCalendar(t, out)
		if len(results) != len(args)-3 {
			t.Fatalf("systemd-analyze printed %d results for %d calendar events", len(results), len(args)-3)
		}
		for _, e := range exprs {
			var want []time.Time
			for _, s := range e.systemd {
				r := results[0]
				results = results[1:]
				if r.event != s {
					t.Fatalf("systemd-analyze answered for %q, want %q", r.event, s)
				}
				want = append(want, r.times...)
			}
			slices.SortFunc(want, time.Time.Compare)
			want = slices.CompactFunc(want, time.Time.Equal)
			want = want[:min(len(want), iterations)]

			c, err := ParseCron(e.cron, time.UTC)
			if err != nil {
				if len(want) == 0 && strings.Contains(err.Error(), "can never be due") {
					never++
					continue
				}
				t.Errorf("%q: %v; systemd (%q) fires at %v", e.cron, err, e.systemd, want)
				continue
			}
			cur := base
			for i := 0; i < iterations; i++ {
				cur = c.Next(cur)
				if i == len(want) {
					if !cur.IsZero() && cur.Year() <= maxYear {
						t.Errorf("%q from %s: firing %d is %s; systemd (%q) has none before %d",
							e.cron, base, i+1, cur, e.systemd, maxYear+1)
					}
					break
				}
				if !cur.Equal(want[i]) {
					t.Errorf("%q from %s: firing %d is %s; systemd (%q) says %s",
						e.cron, base, i+1, cur, e.systemd, want[i])
					break
				}
			}
			compared++
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d expressions compared (%d can never be due)", compared, never)
	}
	t.Logf("%d expressions compared with systemd, %d rejected by both as never due", compared, never)
}

type calendarResult struct {
	event string
	times []time.Time
}

// parseCalendar reads the output of `systemd-analyze calendar`: per event,
// "Original form: ..." (left out when it is the normalized form),
// "Normalized form: ...", then "Next elapse: ..." (or "never") and
// "Iter. #N: ..." lines.
func parseCalendar(t *testing.T, out []byte) []calendarResult {
	t.Helper()
	var rs []calendarResult
	original := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		key, val, ok := strings.Cut(strings.TrimSpace(sc.Text()), ": ")
		if !ok {
			continue
		}
		switch {
		case key == "Original form":
			original = val
		case key == "Normalized form":
			if original == "" {
				original = val
			}
			rs = append(rs, calendarResult{event: original})
			original = ""
		case key == "Next elapse" && val == "never":
		case key == "Next elapse" || strings.HasPrefix(key, "Iter. #"):
			at, err := time.Parse("Mon 2006-01-02 15:04:05 MST", val)
			if err != nil || len(rs) == 0 {
				t.Fatalf("systemd-analyze: cannot read %q: %v", sc.Text(), err)
			}
			rs[len(rs)-1].times = append(rs[len(rs)-1].times, at.UTC())
		}
	}
	return rs
}
