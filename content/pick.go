package content

import "time"

// Pick chooses which of n variants to show for the seq-th firing (counting
// from 0) of a reminder on the local calendar day of day. prev is the index
// shown last time, or -1 if none.
//
// Pick is a pure function of n, day's date (year, month and day in day's
// location, so the time of day does not matter), seq and prev. Each day has
// its own order of the variants, and successive firings walk through it, so
// every variant gets its turn. When n >= 2 the result is never prev, even
// across midnight when a new day's order begins. Pick returns 0 when n is 1
// and -1 when n < 1.
func Pick(n int, day time.Time, seq int, prev int) int {
	switch {
	case n < 1:
		return -1
	case n == 1:
		return 0
	}
	order := dayOrder(n, day)
	i := order[mod(seq, n)]
	if i == prev {
		// order is a permutation, so the next entry differs from prev.
		i = order[mod(seq+1, n)]
	}
	return i
}

// dayOrder returns a permutation of [0,n) that depends only on n and day's
// date: a Fisher-Yates shuffle driven by splitmix64, written out here so
// the order never changes with the Go release.
func dayOrder(n int, day time.Time) []int {
	y, m, d := day.Date()
	state := uint64(y)*10000 + uint64(m)*100 + uint64(d)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for i := n - 1; i > 0; i-- {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		j := int(z % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
	return order
}

// mod returns a mod n in [0,n) for n > 0, also for negative a.
func mod(a, n int) int {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}
