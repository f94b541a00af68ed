package scheduler

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestNextPrevAgree checks, for every kind of schedule in zones with and
// without DST, at random instants through a year, that Next and Prev
// describe the same set of instants: Prev(t) <= t < Next(t), Next(Prev(t))
// is Next(t), and Prev(Next(t)) is Next(t) itself.
func TestNextPrevAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"} {
		loc := mustLoad(t, zone)
		var bed [7]TimeOfDay
		for i := range bed {
			bed[i] = TimeOfDay{22, 30}
		}
		bed[time.Friday], bed[time.Saturday] = TimeOfDay{0, 30}, TimeOfDay{2, 15}
		movement, err := ParseCron("55 9-16 * * mon-fri", loc)
		if err != nil {
			t.Fatal(err)
		}
		quarter, err := ParseCron("*/15 1-3 * * *", loc)
		if err != nil {
			t.Fatal(err)
		}
		leap, err := ParseCron("30 2 29 2 *", loc)
		if err != nil {
			t.Fatal(err)
		}
		schedules := map[string]Schedule{
			"daily":          &Daily{Times: []TimeOfDay{{1, 45}, {2, 30}, {20, 30}}, Location: loc},
			"daily weekdays": &Daily{Times: []TimeOfDay{{7, 30}}, Days: Weekdays(0).Add(time.Monday).Add(time.Friday), Location: loc},
			"every window":   &Interval{Every: 2 * time.Hour, Window: true, Start: TimeOfDay{8, 0}, End: TimeOfDay{20, 0}, Location: loc},
			"every 7m":       &Interval{Every: 7 * time.Minute, Location: loc},
			"every 24h":      &Interval{Every: 24 * time.Hour, Window: true, Start: TimeOfDay{2, 30}, End: TimeOfDay{23, 0}, Location: loc},
			"every weekend":  &Interval{Every: 90 * time.Minute, Window: true, Start: TimeOfDay{1, 0}, End: TimeOfDay{4, 0}, Days: Weekdays(0).Add(time.Sunday), Location: loc},
			"bedtime":        &BeforeBedtime{Before: 30 * time.Minute, Bedtime: bed, Location: loc},
			"cron movement":  movement,
			"cron quarter":   quarter,
			"cron leap":      leap,
		}
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
		for name, s := range schedules {
			for i := 0; i < 400; i++ {
				at := start.Add(time.Duration(rng.Int64N(int64(366 * 24 * time.Hour))))
				n, p := s.Next(at), s.Prev(at)
				if n.IsZero() || !n.After(at) {
					t.Fatalf("%s %s: Next(%s) = %s, want after it", zone, name, wall(at), wall(n))
				}
				if !p.IsZero() {
					if p.After(at) {
						t.Fatalf("%s %s: Prev(%s) = %s, after it", zone, name, wall(at), wall(p))
					}
					if got := s.Next(p); !got.Equal(n) {
						t.Fatalf("%s %s: at %s: Next(Prev) = %s, Next = %s: an instant in between is missing from one of them",
							zone, name, wall(at), wall(got), wall(n))
					}
				} else if name != "cron leap" {
					t.Fatalf("%s %s: Prev(%s) is zero", zone, name, wall(at))
				}
				if got := s.Prev(n); !got.Equal(n) {
					t.Fatalf("%s %s: Prev(Next(%s)) = %s, want %s", zone, name, wall(at), wall(got), wall(n))
				}
			}
		}
	}
}

func TestOncePerDayAtMost(t *testing.T) {
	for spec, want := range map[string]bool{
		"30 20 * * *": true, "@daily": true, "0 9 * * mon-fri": true,
		"55 9-16 * * *": false, "*/15 20 * * *": false, "@hourly": false,
	} {
		c, err := ParseCron(spec, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.OncePerDayAtMost(); got != want {
			t.Errorf("%q: OncePerDayAtMost = %v, want %v", spec, got, want)
		}
	}
}
