package daemon

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// TestDebouncerFoldsABurst: events for a path closer together than the
// debounce fold into one call, once they have been quiet for it; paths
// are folded each on its own; a later burst is a call of its own.
func TestDebouncerFoldsABurst(t *testing.T) {
	const d = 100 * time.Millisecond
	type step struct {
		after time.Duration // since the previous step
		path  string
	}
	tests := []struct {
		name  string
		steps []step
		want  []string // the calls, in order
	}{
		{"one event", []step{{0, "a"}}, []string{"a"}},
		{"a burst of five", []step{{0, "a"}, {20 * time.Millisecond, "a"}, {20 * time.Millisecond, "a"}, {20 * time.Millisecond, "a"}, {20 * time.Millisecond, "a"}}, []string{"a"}},
		{"a burst longer than the debounce, never quiet", []step{{0, "a"}, {90 * time.Millisecond, "a"}, {90 * time.Millisecond, "a"}, {90 * time.Millisecond, "a"}}, []string{"a"}},
		{"two paths", []step{{0, "a"}, {10 * time.Millisecond, "b"}, {10 * time.Millisecond, "a"}}, []string{"b", "a"}},
		{"two bursts", []step{{0, "a"}, {10 * time.Millisecond, "a"}, {200 * time.Millisecond, "a"}}, []string{"a", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				q := newDebouncer(d, 2)
				defer q.stop()
				var got []string
				collect := func() {
					synctest.Wait()
					for {
						select {
						case p := <-q.fire:
							q.took(p)
							got = append(got, p)
						default:
							return
						}
					}
				}
				for _, s := range tt.steps {
					time.Sleep(s.after)
					collect()
					q.event(s.path)
				}
				time.Sleep(d - time.Nanosecond)
				collect()
				before := len(got)
				time.Sleep(time.Nanosecond)
				collect()
				if len(got) == before {
					t.Errorf("no call exactly one debounce after the last event")
				}
				time.Sleep(time.Hour)
				collect()
				if !slices.Equal(got, tt.want) {
					t.Errorf("calls %q, want %q", got, tt.want)
				}
			})
		})
	}
}

// TestDebouncerKeepsEveryPathWhileBusy: while the watcher is busy (a
// reload, a write waiting for the state's lock) and takes no call, a path
// that fires again is not queued twice, and so never crowds out another
// path's call: the state file changed by a command is always followed.
func TestDebouncerKeepsEveryPathWhileBusy(t *testing.T) {
	const d = 100 * time.Millisecond
	tests := []struct {
		name   string
		events []string // each a debounce and more after the previous one
		want   []string
	}{
		{"one path twice, then another", []string{"a", "a", "b"}, []string{"a", "b"}},
		{"each path thrice", []string{"a", "b", "a", "b", "a", "b"}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				q := newDebouncer(d, 2)
				defer q.stop()
				for _, p := range tt.events {
					q.event(p)
					time.Sleep(2 * d) // nobody takes the call meanwhile
				}
				synctest.Wait()
				var got []string
				for len(got) <= len(tt.events) {
					select {
					case p := <-q.fire:
						q.took(p)
						got = append(got, p)
						continue
					default:
					}
					break
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("calls %q, want %q", got, tt.want)
				}
			})
		})
	}
}
