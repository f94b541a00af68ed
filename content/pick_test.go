package content

import (
	"fmt"
	"testing"
	"time"
)

// TestPickNeverRepeatsOverAMonth simulates a month of firings for every
// variant count the built-in kinds have, with the index shown last carried
// over from one firing to the next, across midnight and a DST change.
func TestPickNeverRepeatsOverAMonth(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("load zone: %v", err)
	}
	hours := func(from, to, every int) []int {
		var hs []int
		for h := from; h <= to; h += every {
			hs = append(hs, h)
		}
		return hs
	}
	schedules := []struct {
		name  string
		hours []int
	}{
		{"hourly while sitting", hours(9, 17, 1)},
		{"hourly all day", hours(0, 23, 1)},
		{"two-hourly", hours(8, 22, 2)},
		{"once a day", []int{21}},
		{"twice a day", []int{7, 21}},
	}
	counts := map[int]bool{2: true, 3: true}
	for _, k := range Kinds() {
		vs, _ := Texts(k)
		counts[len(vs)] = true
	}
	for n := range counts {
		for _, s := range schedules {
			t.Run(fmt.Sprintf("%d variants/%s", n, s.name), func(t *testing.T) {
				start := time.Date(2026, time.March, 1, 0, 0, 0, 0, berlin) // DST starts on the 29th
				prev := -1
				shown := make([]int, n)
				for d := 0; d < 31; d++ {
					dayShown := make([]int, n)
					for seq, h := range s.hours {
						at := time.Date(start.Year(), start.Month(), start.Day()+d, h, 0, 0, 0, berlin)
						got := Pick(n, at, seq, prev)
						if got < 0 || got >= n {
							t.Fatalf("%v seq %d: Pick = %d, want in [0,%d)", at, seq, got, n)
						}
						if got == prev {
							t.Fatalf("%v seq %d: Pick = %d, the same as last time", at, seq, got)
						}
						if again := Pick(n, at, seq, prev); again != got {
							t.Fatalf("%v seq %d: Pick = %d then %d, want the same", at, seq, got, again)
						}
						prev = got
						shown[got]++
						dayShown[got]++
					}
					// A day with at least n firings shows every variant.
					if len(s.hours) >= n {
						for i, c := range dayShown {
							if c == 0 {
								t.Errorf("day %d: variant %d never shown in %d firings", d+1, i, len(s.hours))
							}
						}
					}
				}
				for i, c := range shown {
					if c == 0 {
						t.Errorf("variant %d never shown in a month", i)
					}
				}
			})
		}
	}
}

func TestPickDependsOnlyOnTheDate(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	morning := time.Date(2026, 7, 14, 0, 0, 1, 0, time.UTC)
	evening := time.Date(2026, 7, 14, 23, 59, 59, 0, time.UTC)
	inTokyo := time.Date(2026, 7, 14, 12, 0, 0, 0, tokyo)
	for seq := 0; seq < 12; seq++ {
		for prev := -1; prev < 6; prev++ {
			a, b, c := Pick(6, morning, seq, prev), Pick(6, evening, seq, prev), Pick(6, inTokyo, seq, prev)
			if a != b || a != c {
				t.Fatalf("seq %d prev %d: Pick on 2026-07-14 = %d, %d, %d at different times, want one answer", seq, prev, a, b, c)
			}
		}
	}
	// The calendar day is the one in day's own location: 23:00 UTC on the
	// 14th is already the 15th in Tokyo.
	late := time.Date(2026, 7, 14, 23, 0, 0, 0, time.UTC)
	the15th := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC)
	if fmt.Sprint(dayOrder(6, late)) == fmt.Sprint(dayOrder(6, the15th)) {
		t.Fatal("the 14th and the 15th have the same order; pick other days for this test")
	}
	if got, want := fmt.Sprint(dayOrder(6, late.In(tokyo))), fmt.Sprint(dayOrder(6, the15th)); got != want {
		t.Fatalf("order for 08:00 on the 15th in Tokyo = %s, want the 15th's %s", got, want)
	}
}

func TestPickVariesByDay(t *testing.T) {
	first := map[int]bool{}
	for d := 0; d < 30; d++ {
		first[Pick(6, time.Date(2026, 1, 1+d, 9, 0, 0, 0, time.UTC), 0, -1)] = true
	}
	if len(first) < 3 {
		t.Fatalf("first pick over 30 days takes %d values, want the day to change the rotation", len(first))
	}
}

func TestPickProperties(t *testing.T) {
	day := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	for d := 0; d < 366; d++ {
		at := day.AddDate(0, 0, d)
		for n := 2; n <= 8; n++ {
			for seq := -3; seq < 30; seq++ {
				for prev := -1; prev <= n; prev++ {
					got := Pick(n, at, seq, prev)
					if got < 0 || got >= n || got == prev {
						t.Fatalf("Pick(%d, %s, %d, %d) = %d, want in [0,%d) and not %d", n, at.Format(time.DateOnly), seq, prev, got, n, prev)
					}
				}
			}
		}
	}
}

func TestPickEdges(t *testing.T) {
	day := time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		n, seq, prev, want int
	}{
		{0, 0, -1, -1},
		{-1, 0, -1, -1},
		{1, 0, -1, 0},
		{1, 5, 0, 0}, // one variant: repeating is the only choice
	}
	for _, tt := range tests {
		if got := Pick(tt.n, day, tt.seq, tt.prev); got != tt.want {
			t.Errorf("Pick(%d, day, %d, %d) = %d, want %d", tt.n, tt.seq, tt.prev, got, tt.want)
		}
	}
}

// TestDayOrderIsStable pins one day's order, so a change to the shuffle that
// would reshuffle every user's rotation is made on purpose.
func TestDayOrderIsStable(t *testing.T) {
	got := fmt.Sprint(dayOrder(6, time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC)))
	if want := "[3 0 2 1 5 4]"; got != want {
		t.Fatalf("dayOrder(6, 2026-03-29) = %s, want %s", got, want)
	}
}
