package presencetest

import (
	"context"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/presence"
)

func TestFake(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	f := NewFake(presence.Status{State: presence.Here, Since: t0, Source: "test"})
	if got := f.Current(context.Background()); got.State != presence.Here || f.Asked() != 1 {
		t.Fatalf("Current = %v (asked %d), want here once", got, f.Asked())
	}
	// More changes than the channel holds: the reader still gets the
	// latest.
	for i := range 20 {
		f.Set(presence.Status{State: presence.Away, Since: t0.Add(time.Duration(i) * time.Minute), Source: "test"})
	}
	f.Set(presence.Status{State: presence.Locked, Since: t0, Source: "lock"})
	var last presence.Status
	for len(f.Changes()) > 0 {
		last = <-f.Changes()
	}
	if last.State != presence.Locked || f.Source() != "lock" {
		t.Fatalf("last change = %v, source %q; want locked from lock", last, f.Source())
	}
	f.Close()
	f.Set(presence.Status{State: presence.Here}) // after Close: ignored, no panic
	if _, ok := <-f.Changes(); ok {
		t.Fatal("Changes open after Close")
	}
}
