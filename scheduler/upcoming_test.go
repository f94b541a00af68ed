package scheduler

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestUpcoming(t *testing.T) {
	utc := time.UTC
	jobs := []Job{
		{Name: "a", Schedule: &Daily{Times: []TimeOfDay{{9, 0}, {12, 0}}, Location: utc}},
		{Name: "b", Schedule: &Interval{Every: 3 * time.Hour, Window: true, Start: TimeOfDay{9, 0}, End: TimeOfDay{15, 0}, Location: utc}},
	}
	from := time.Date(2026, 11, 25, 8, 0, 0, 0, utc)
	got := Upcoming(jobs, from, 6)
	var s []string
	for _, d := range got {
		s = append(s, d.Job+d.At.Format(" Jan2 15:04"))
	}
	want := "[a Nov25 09:00 b Nov25 09:00 a Nov25 12:00 b Nov25 12:00 b Nov25 15:00 a Nov26 09:00]"
	if fmt.Sprint(s) != want {
		t.Fatalf("Upcoming = %v\nwant %v", s, want)
	}
	if got := Upcoming(jobs, from, 0); len(got) != 0 {
		t.Fatalf("n=0: %v", got)
	}
	if got := Upcoming(nil, from, 3); len(got) != 0 {
		t.Fatalf("no jobs: %v", got)
	}
}

// TestUpcomingMatchesMerge compares Upcoming with the plain way: take the
// first n firings of every job, sort them stably and keep n.
func TestUpcomingMatchesMerge(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	var jobs []Job
	for i, spec := range []string{"* * * * *", "*/7 * * * *", "0 0 29 2 */7", "30 2 * * *", "0 9-17 * * mon-fri", "* * * * *"} {
		c, err := ParseCron(spec, berlin)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, Job{Name: fmt.Sprint("cron", i), Schedule: c})
	}
	jobs = append(jobs,
		Job{Name: "every", Schedule: &Interval{Every: 90 * time.Second, Location: berlin}},
		Job{Name: "at", Schedule: &Daily{Times: []TimeOfDay{{2, 30}, {9, 0}}, Location: berlin}},
		Job{Name: "never", Schedule: &Interval{Location: berlin}})
	from := time.Date(2026, 10, 24, 22, 59, 30, 0, time.UTC) // a night the clocks go back
	for _, n := range []int{1, 7, 100, 3000} {
		var want []Due
		for _, j := range jobs {
			cur := from
			for range n {
				if cur = j.Schedule.Next(cur); cur.IsZero() {
					break
				}
				want = append(want, Due{j.Name, cur})
			}
		}
		slices.SortStableFunc(want, func(a, b Due) int { return a.At.Compare(b.At) })
		want = want[:n]
		got := Upcoming(jobs, from, n)
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d firings, want %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i].Job != want[i].Job || !got[i].At.Equal(want[i].At) {
				t.Fatalf("n=%d: firing %d is %s at %s, want %s at %s", n, i, got[i].Job, wall(got[i].At), want[i].Job, wall(want[i].At))
			}
		}
	}
}

// BenchmarkUpcomingDense is `bedtime next -n 1000` for 1,000 reminders
// that fire every minute, without loading the file. Target (with the
// load): under 100 ms.
func BenchmarkUpcomingDense(b *testing.B) {
	c, err := ParseCron("* * * * *", mustLoad(b, "Europe/Berlin"))
	if err != nil {
		b.Fatal(err)
	}
	jobs := make([]Job, 1000)
	for i := range jobs {
		jobs[i] = Job{Name: fmt.Sprint("r", i), Schedule: c}
	}
	from := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	for b.Loop() {
		if got := Upcoming(jobs, from, 1000); len(got) != 1000 {
			b.Fatal(len(got))
		}
	}
}

// BenchmarkUpcomingMixed is `bedtime next -n 1000` for 1,000 reminders of
// every form, dense and sparse, without loading the file.
func BenchmarkUpcomingMixed(b *testing.B) {
	berlin := mustLoad(b, "Europe/Berlin")
	specs := []string{"* * * * *", "*/5 9-17 * * 1-5", "0 0 29 2 */7", "59 23 31 12 *", "0 0 13 * fri", "15 3 */2 * mon"}
	var bed [7]TimeOfDay
	for i := range bed {
		bed[i] = TimeOfDay{22, 30}
	}
	jobs := make([]Job, 1000)
	for i := range jobs {
		var s Schedule
		switch i % 5 {
		case 0, 1:
			c, err := ParseCron(specs[i%len(specs)], berlin)
			if err != nil {
				b.Fatal(err)
			}
			s = c
		case 2:
			s = &Interval{Every: time.Duration(1+i%300) * time.Second, Location: berlin}
		case 3:
			var times []TimeOfDay
			for h := 0; h < 24; h++ {
				times = append(times, TimeOfDay{h, i % 60})
			}
			s = &Daily{Times: times, Location: berlin}
		case 4:
			s = &BeforeBedtime{Before: time.Duration(i%90) * time.Minute, Bedtime: bed, Location: berlin}
		}
		jobs[i] = Job{Name: fmt.Sprint("r", i), Schedule: s}
	}
	from := time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		if got := Upcoming(jobs, from, 1000); len(got) != 1000 {
			b.Fatal(len(got))
		}
	}
}

// BenchmarkCronNext is one Next of a cron that fires every minute.
func BenchmarkCronNext(b *testing.B) {
	c, err := ParseCron("* * * * *", mustLoad(b, "Europe/Berlin"))
	if err != nil {
		b.Fatal(err)
	}
	t := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	for b.Loop() {
		t = c.Next(t)
	}
}
