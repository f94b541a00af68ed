package backoff

import (
	"testing"
	"time"
)

func TestWait(t *testing.T) {
	p := Policy{Min: 5 * time.Second, Max: 5 * time.Minute}
	for _, tt := range []struct {
		n    int
		want time.Duration
	}{
		{-1, 5 * time.Second},
		{0, 5 * time.Second},
		{1, 5 * time.Second},
		{2, 10 * time.Second},
		{3, 20 * time.Second},
		{6, 160 * time.Second},
		{7, 5 * time.Minute}, // 320s, capped
		{8, 5 * time.Minute},
		{1 << 30, 5 * time.Minute}, // no overflow, no long loop
	} {
		if got := p.Wait(tt.n); got != tt.want {
			t.Errorf("Wait(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
}

func TestWaitEdges(t *testing.T) {
	for _, tt := range []struct {
		name string
		p    Policy
		n    int
		want time.Duration
	}{
		{"min above max", Policy{Min: time.Hour, Max: time.Minute}, 1, time.Minute},
		{"zero min", Policy{Max: time.Minute}, 3, time.Minute},
		{"min equals max", Policy{Min: time.Second, Max: time.Second}, 9, time.Second},
		{"huge max", Policy{Min: time.Nanosecond, Max: 1<<63 - 1}, 63, 1 << 62},
		{"huge max, past it", Policy{Min: time.Nanosecond, Max: 1<<63 - 1}, 200, 1<<63 - 1},
	} {
		if got := tt.p.Wait(tt.n); got != tt.want {
			t.Errorf("%s: Wait(%d) = %v, want %v", tt.name, tt.n, got, tt.want)
		}
	}
}
