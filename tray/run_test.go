package tray

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// wait is how long the tests wait for the tray before they fail; the
// waits themselves are for events (a call, a signal), not sleeps.
const wait = 10 * time.Second

// fakeShell is a Shell that hands each View shown to a channel.
type fakeShell struct {
	views chan View
	click func(Action)
	quit  chan struct{}
}

func (f *fakeShell) Run(ready func()) { ready(); <-f.quit }
func (f *fakeShell) Show(v View)      { f.views <- v }
func (f *fakeShell) Quit() {
	select {
	case <-f.quit:
	default:
		close(f.quit)
	}
}

// startRun runs Run on a fresh state directory with a fake shell and
// returns the store, the shell and the schedule file.
func startRun(tb testing.TB, now time.Time) (*state.Store, *fakeShell, string) {
	tb.Helper()
	dir := tb.TempDir()
	store, err := state.Open(filepath.Join(dir, "state"))
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "schedule.yaml")
	if err := os.WriteFile(path, []byte(testSchedule), 0o600); err != nil {
		tb.Fatal(err)
	}
	shell := &fakeShell{views: make(chan View, 16), quit: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Store:        store,
			Schedule:     func() (*config.Schedule, error) { return config.LoadIn(path, time.UTC) },
			SchedulePath: path,
			Clock:        scheduler.NewFakeClock(now),
			Running:      func() (int, bool) { return 0, true },
			NewShell:     func(click func(Action)) Shell { shell.click = click; return shell },
		})
	}()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("Run: %v", err)
		}
	})
	return store, shell, path
}

// next waits for the next View shown, for at most 10 s.
func (f *fakeShell) next(tb testing.TB) View {
	tb.Helper()
	select {
	case v := <-f.views:
		return v
	case <-time.After(wait):
		tb.Fatalf("nothing shown within %v", wait)
	}
	return View{}
}

// TestRunFollowsChanges: Run shows the state at once, then each change a
// command makes, a click's change, and a change of the schedule file.
func TestRunFollowsChanges(t *testing.T) {
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)
	store, shell, path := startRun(t, now)
	if v := shell.next(t); v.Icon != IconNormal {
		t.Fatalf("first view: %v, want normal", v.Icon)
	}
	if err := store.Pause(now.Add(time.Hour), now, time.UTC); err != nil {
		t.Fatal(err)
	}
	if v := shell.next(t); v.Icon != IconPaused {
		t.Fatalf("after a pause: %v, want paused", v.Icon)
	}
	shell.click(Action{Kind: ActResume})
	if v := shell.next(t); v.Icon != IconNormal {
		t.Fatalf("after Resume: %v, want normal", v.Icon)
	}
	// An edit that adds a reminder due sooner changes what comes next.
	if err := os.WriteFile(path, []byte(testSchedule+"  calf-stretch: {at: \"21:00\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for {
		v := shell.next(t)
		if v.Tooltip == "bedtime: calf-stretch at 21:00, in 25 m" {
			break
		}
	}
}

// TestRunFollowsTheStateDirectoryMadeAnew: the state directory removed
// while bedtime runs and made again (as the daemon does) is watched
// again: a pause written there then shows at once, not at the next tick
// of the countdown a minute later.
func TestRunFollowsTheStateDirectoryMadeAnew(t *testing.T) {
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)
	store, shell, _ := startRun(t, now)
	if v := shell.next(t); v.Icon != IconNormal {
		t.Fatalf("first view: %v, want normal", v.Icon)
	}
	if err := os.RemoveAll(store.Dir()); err != nil {
		t.Fatal(err)
	}
	again, err := state.Open(store.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Pause(now.Add(time.Hour), now, time.UTC); err != nil {
		t.Fatal(err)
	}
	for v := shell.next(t); v.Icon != IconPaused; v = shell.next(t) {
	}
}

// BenchmarkChangeToShown is how long a change written by a command takes
// to reach the tray's shell: the file event, the 20 ms the burst is given
// to settle, reading the state and the history, and the view.
func BenchmarkChangeToShown(b *testing.B) {
	now := time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)
	store, shell, _ := startRun(b, now)
	shell.next(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		want := IconPaused
		if i%2 == 0 {
			if err := store.Pause(now.Add(time.Hour), now, time.UTC); err != nil {
				b.Fatal(err)
			}
		} else {
			if _, err := store.Resume(now); err != nil {
				b.Fatal(err)
			}
			want = IconNormal
		}
		for shell.next(b).Icon != want {
		}
	}
}
