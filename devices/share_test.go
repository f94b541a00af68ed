package devices

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// Sharing follows the schedule's sync: section: a folder named while it
// runs is shared at once, one taken out is told this computer stopped
// there, and a place it could not share (no key yet) is tried again at
// the next schedule, the same one.
func TestShareFollowsThePlace(t *testing.T) {
	root, stateDir, k := t.TempDir(), t.TempDir(), mustKey(t)
	now := time.Now() // presence files are judged by the file system's clock too
	other := devs(t, root, k, &now, idB)[0]
	// seen is this computer's presence as the other device reads it.
	seen := func() string {
		other.Scan()
		for _, d := range other.Devices() {
			if d.ID != idB {
				return d.Presence.State
			}
		}
		return "absent"
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log testutil.LogBuffer
	s := Share(ctx, Place{}, ShareOptions{StateDir: stateDir, Logger: log.Logger(slog.LevelInfo)})
	at := Place{Folder: root, Name: "laptop"}

	s.Follow(at) // no key yet: alone
	waitFor(t, func() bool { return log.Count("sync: this computer works alone") == 1 })
	if got := seen(); got != "absent" {
		t.Fatalf("without a key, this computer is in the folder: %q", got)
	}
	if err := SaveKey(stateDir, k); err != nil {
		t.Fatal(err)
	}
	s.Follow(at) // the same place, now with a key
	waitFor(t, func() bool { return seen() != "absent" && s.current() != nil })

	s.Follow(Place{})
	waitFor(t, func() bool { return seen() == Stopped && s.current() == nil })
	if got := s.Elect("away", time.Time{}); got != "" || !s.SendsToPhone() {
		t.Errorf("taken out of the folder: Elect %q, SendsToPhone %v; want this computer alone", got, s.SendsToPhone())
	}

	// Named again, and the context ends: the last word is "stopped".
	s.Follow(at)
	waitFor(t, func() bool { return seen() != Stopped && seen() != "absent" })
	cancel()
	select {
	case <-s.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("Done not closed after the context ended")
	}
	if got := seen(); got != Stopped {
		t.Errorf("after the context ended the folder reads %q, want %q", got, Stopped)
	}
	if n := log.Count("sync: sharing the record"); n != 2 {
		t.Errorf("shared %d times, want 2:\n%s", n, log.String())
	}
}

// A key replaced while sharing (`bedtime sync join --force`) is taken at
// once: after Rekey, this computer writes what the computers with the new
// key can read, without a restart.
func TestShareTakesANewKey(t *testing.T) {
	root, stateDir, oldKey, newKey := t.TempDir(), t.TempDir(), mustKey(t), mustKey(t)
	now := time.Now() // presence files are judged by the file system's clock too
	// reads says whether a device with key k reads this computer's
	// presence (its name) in the folder.
	reads := func(k Key, id string) bool {
		other := devs(t, root, k, &now, id)[0]
		other.Scan()
		for _, d := range other.Devices() {
			if d.ID != id && d.Presence.Name == "laptop" {
				return true
			}
		}
		return false
	}
	if err := SaveKey(stateDir, oldKey); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log testutil.LogBuffer
	s := Share(ctx, Place{Folder: root, Name: "laptop"}, ShareOptions{StateDir: stateDir, Logger: log.Logger(slog.LevelInfo)})
	waitFor(t, func() bool { return reads(oldKey, idB) })
	if reads(newKey, idC) {
		t.Fatal("before the new key, a device with it reads this computer")
	}

	if err := SaveKey(stateDir, newKey); err != nil {
		t.Fatal(err)
	}
	s.Follow(Place{Folder: root, Name: "laptop"}) // a reload meanwhile: the same place
	s.Rekey()
	waitFor(t, func() bool { return reads(newKey, idC) })
	if n := log.Count("sync: sharing again with the key as it is now"); n != 1 {
		t.Errorf("logged the new key %d times, want 1:\n%s", n, log.String())
	}
	cancel()
	<-s.Done()
}
