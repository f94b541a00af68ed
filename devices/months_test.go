package devices

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// TestMonthsNamesWhatScanWouldRead: Months lists the other devices'
// events files with their sizes, leaves out this device's, a conflict
// copy, a link and what is no device, and tells a file written into
// (late, into an old month) from one left alone.
func TestMonthsNamesWhatScanWouldRead(t *testing.T) {
	root := t.TempDir()
	k := mustKey(t)
	now := t0
	open := func() (*Folder, *Folder) {
		a, err := Open(root, "aaaaaaaaaaaaaaaa", k, Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Open(root, "bbbbbbbbbbbbbbbb", k, Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
	a, b := open()
	ev := func(at time.Time) []state.Event {
		return []state.Event{{At: at, Reminder: "water", Kind: state.Done, Scheduled: at}}
	}
	for _, at := range []time.Time{t0.AddDate(0, -2, 0), t0.AddDate(0, -1, 0), t0} {
		if err := b.Append(ev(at)); err != nil {
			t.Fatal(err)
		}
		if err := a.Append(ev(at)); err != nil {
			t.Fatal(err)
		}
	}
	bdir := filepath.Join(root, devicesDir, "bbbbbbbbbbbbbbbb")
	os.WriteFile(filepath.Join(bdir, "events-2026-10.sync-conflict-20261207.jsonl"), []byte("x\n"), 0o600)
	os.Symlink(bdir, filepath.Join(root, devicesDir, "cccccccccccccccc"))
	os.Mkdir(filepath.Join(root, devicesDir, "not-a-device"), 0o700)

	before, err := a.Months()
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 3 {
		t.Fatalf("Months = %+v, want device b's three files", before)
	}
	for _, mf := range before {
		if mf.Device != "bbbbbbbbbbbbbbbb" || mf.Size <= 0 || mf.Tail == "" {
			t.Errorf("Months listed %+v", mf)
		}
	}
	again, _ := a.Months()
	if !slices.Equal(before, again) {
		t.Errorf("Months of an unchanged folder differ: %+v, %+v", before, again)
	}

	// b writes late into October: that file, and only that one, differs.
	if err := b.Append(ev(t0.AddDate(0, -2, 1))); err != nil {
		t.Fatal(err)
	}
	after, _ := a.Months()
	for i := range after {
		changed := after[i] != before[i]
		if want := after[i].Month == "2026-10"; changed != want {
			t.Errorf("%s: changed %v, want %v", after[i].Month, changed, want)
		}
	}

	// A file that is no regular file is listed with size -1.
	os.Remove(filepath.Join(bdir, "events-2026-11.jsonl"))
	os.Mkdir(filepath.Join(bdir, "events-2026-11.jsonl"), 0o700)
	odd, _ := a.Months()
	if len(odd) != 3 || odd[1].Month != "2026-11" || odd[1].Size != -1 {
		t.Errorf("a directory in a file's place: %+v", odd)
	}

	os.RemoveAll(filepath.Join(root, devicesDir))
	if _, err := a.Months(); err == nil {
		t.Error("Months of a folder without its devices directory: no error")
	}
}
