package scheduler

import (
	"fmt"
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
