package devices

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/state"
)

// Keep publishes what the history gains and passes on what another device
// writes, waiting on file events.
func TestKeep(t *testing.T) {
	root, stateDir, k, now := t.TempDir(), t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	st, err := state.Open(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan []Record, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- Keep(ctx, d[0], KeepOptions{StateDir: stateDir, Name: "laptop", OnRecords: func(r []Record) { got <- r }})
	}()
	// The presence file comes first (a device is seen at once).
	waitFor(t, func() bool {
		d[1].Scan()
		devs := d[1].Devices()
		return len(devs) == 1 && devs[0].Presence.Name == "laptop"
	})
	st.Append(ev(state.Done, t0))
	waitFor(t, func() bool { recs, _ := d[1].Scan(); return len(recs) == 1 })
	d[1].Append([]state.Event{ev(state.Snoozed, t0)})
	select {
	case r := <-got:
		if len(r) != 1 || r[0].Device != idB || r[0].Event.Kind != state.Snoozed {
			t.Errorf("OnRecords got %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("OnRecords was not called")
	}
	// An answer of the cramp diary is copied to the folder as it is said.
	e := diary.Entry{Night: diary.Night(t0.AddDate(0, 0, -1)), At: t0, Via: diary.ViaCLI, Count: diary.Int(1)}
	if err := diary.Open(stateDir, nil).Append(e); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		recs, _ := d[1].Scan()
		return len(recs) == 1 && recs[0].Diary != nil && *recs[0].Diary.Count == 1
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Stopping on purpose, it says so: the others hold nothing for it.
	d[1].Scan()
	if devs := d[1].Devices(); len(devs) != 1 || devs[0].Presence.State != Stopped {
		t.Errorf("after Keep stopped, the other device reads %+v; want the presence %q", devs, Stopped)
	}
}

// waitFolderGone waits, on real file events, at most ten seconds for
// Keep to return (on done) that the folder is gone.
func waitFolderGone(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if !errors.Is(err, ErrFolderGone) {
			t.Fatalf("Keep = %v, want ErrFolderGone", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Keep did not notice the folder went away")
	}
}

// waitFor waits, on real file events, for cond; it gives up after ten
// seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	testutil.WaitFor(t, 10*time.Second, "the condition", cond)
}

func TestWaitFolder(t *testing.T) {
	base := t.TempDir()
	folder := filepath.Join(base, "Sync", "bedtime")
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { done <- WaitFolder(ctx, folder) }()
	select {
	case err := <-done:
		t.Fatalf("WaitFolder returned before the folder came: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("WaitFolder did not see the folder come")
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() { done <- WaitFolder(ctx2, filepath.Join(base, "never")) }()
	cancel2()
	if err := <-done; err == nil {
		t.Fatal("WaitFolder of a folder that never comes returned nil after cancel")
	}
}

// A share mounted again makes no file event: WaitBackOr sees it when it is
// told to look again (the daemon tells it when a reminder is due, through
// Sharing.Elect). A link moved to another directory stands in for the
// mount: the watched directory hears nothing of it.
func TestWaitBackLooksAgainWhenAsked(t *testing.T) {
	base := t.TempDir()
	mountPoint, share := filepath.Join(base, "empty"), filepath.Join(base, "share")
	if err := os.MkdirAll(mountPoint, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(share, devicesDir), 0o700); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(base, "Sync")
	if err := os.Symlink(mountPoint, folder); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	look := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() { done <- WaitBackOr(ctx, folder, look) }()
	// "mounted": the link now leads to the share, which has its devices
	// directory; no event reaches the watch on the empty mount point.
	tmp := filepath.Join(base, "Sync.new")
	if err := os.Symlink(share, tmp); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the wait is watching the mount point
	if err := os.Rename(tmp, folder); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		t.Fatalf("WaitBackOr returned on no event and no asking (%v): this test no longer stands in for a mount", err)
	case <-time.After(200 * time.Millisecond):
	}
	look <- struct{}{}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("WaitBackOr did not look again when asked")
	}
}

// Sharing.Elect, asked at each reminder due, tells a wait for the folder
// to look again, without ever blocking the daemon.
func TestElectAsksToLookAgain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := Share(ctx, Place{}, ShareOptions{StateDir: t.TempDir()})
	for range 3 { // more than the channel holds: never blocks
		if got := s.Elect("here", time.Time{}); got != "" {
			t.Fatalf("Elect alone = %q, want this computer", got)
		}
	}
	select {
	case <-s.look:
	default:
		t.Fatal("Elect did not ask to look for the folder again")
	}
	cancel()
	<-s.Done()
}

// When the folder goes away while Keep runs (deleted, moved away), Keep
// says so on the folder's own file events (no polling), and the device
// works alone from then on: nothing is held for a computer it can no
// longer hear from.
func TestKeepWhenTheFolderGoes(t *testing.T) {
	tests := []struct {
		name string
		gone func(root string) error
	}{
		{"deleted", os.RemoveAll},
		{"moved away", func(root string) error { return os.Rename(root, root+".old") }},
		{"its devices directory deleted", func(root string) error { return os.RemoveAll(filepath.Join(root, "devices")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "bedtime")
			if err := os.Mkdir(root, 0o700); err != nil {
				t.Fatal(err)
			}
			stateDir, k, now := t.TempDir(), mustKey(t), t0
			d := devs(t, root, k, &now, idA, idB, idC)
			// The person is at B; C is heard from too.
			d[1].WritePresence(Presence{Name: "b", State: "here", Input: t0})
			d[2].WritePresence(Presence{Name: "c", State: "away", Since: t0.Add(-time.Hour)})
			peers := NewPeers(idA, func() time.Time { return now })
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- Keep(ctx, d[0], KeepOptions{StateDir: stateDir, Name: "a", Peers: peers}) }()
			waitFor(t, func() bool { return peers.Elect("away", t0.Add(-time.Hour)) != "" })
			if err := tt.gone(root); err != nil {
				t.Fatal(err)
			}
			waitFolderGone(t, done)
			if who := peers.Elect("away", t0.Add(-time.Hour)); who != "" {
				t.Errorf("with the folder gone, %q is still elected to show reminders", who)
			}
			// Back: an empty directory where it was is not the folder; the
			// folder with its devices directory is.
			back := make(chan error, 1)
			go func() { back <- WaitBack(ctx, root) }()
			os.MkdirAll(root, 0o700)
			select {
			case err := <-back:
				t.Fatalf("WaitBack returned for an empty directory: %v", err)
			case <-time.After(100 * time.Millisecond):
			}
			if err := os.MkdirAll(filepath.Join(root, "devices", idB), 0o700); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-back:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("WaitBack did not see the folder back")
			}
		})
	}
}

// TestKeepStopsWatchingWhenAWriteFindsTheFolderGone: a share unmounted
// makes no file event; Keep learns the folder is gone when a write to it
// fails, and stops watching it then, not only when bedtime stops: a
// share that comes and goes does not pile up file watches (each an
// inotify instance, of which a user has few) and their goroutines.
func TestKeepStopsWatchingWhenAWriteFindsTheFolderGone(t *testing.T) {
	share := filepath.Join(t.TempDir(), "share")
	root := filepath.Join(share, "bedtime")
	if err := os.MkdirAll(root, 0o700); err != nil {
		t.Fatal(err)
	}
	stateDir, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	store, err := state.Open(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	before := folderWatches()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Keep(ctx, d[0], KeepOptions{StateDir: stateDir, Name: "a"}) }()
	waitFor(t, func() bool { return folderWatches() > before })
	// Unmounted: the path is gone, and the folder's own watches say nothing.
	if err := os.Rename(share, share+".unmounted"); err != nil {
		t.Fatal(err)
	}
	if err := store.Append(state.Event{At: t0, Reminder: "water", Kind: state.Shown, Scheduled: t0}); err != nil {
		t.Fatal(err)
	}
	waitFolderGone(t, done)
	waitFor(t, func() bool { return folderWatches() == before })
}

// folderWatches counts the goroutines watching a folder (Folder.watch).
func folderWatches() int {
	var b strings.Builder
	pprof.Lookup("goroutine").WriteTo(&b, 2)
	return strings.Count(b.String(), "devices.(*Folder).watch.func")
}
