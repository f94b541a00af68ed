package devices

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

var t0 = time.Date(2026, 12, 7, 20, 0, 0, 0, time.UTC)

func mustKey(t *testing.T) Key {
	t.Helper()
	k, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestKeyRoundTripAndErrors(t *testing.T) {
	k := mustKey(t)
	got, err := ParseKey("  " + k.String() + "\n")
	if err != nil || got != k {
		t.Fatalf("ParseKey(String()) = %v, %v; want the key", got, err)
	}
	for _, bad := range []string{"", "hello", keyPrefix + "abc", keyPrefix + strings.Repeat("A", 44)} {
		if _, err := ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q) = nil error", bad)
		}
	}
	if k.Fingerprint() == mustKey(t).Fingerprint() || len(k.Fingerprint()) != 8 {
		t.Errorf("fingerprint %q does not tell keys apart", k.Fingerprint())
	}
	line := k.seal("aaaaaaaaaaaaaaaa", []byte("hi"))
	if p, err := k.open("aaaaaaaaaaaaaaaa", []byte(line)); err != nil || string(p) != "hi" {
		t.Fatalf("open(seal) = %q, %v", p, err)
	}
	if _, err := mustKey(t).open("aaaaaaaaaaaaaaaa", []byte(line)); !errors.Is(err, ErrOtherKey) {
		t.Errorf("another key: err = %v, want ErrOtherKey", err)
	}
	if _, err := k.open("bbbbbbbbbbbbbbbb", []byte(line)); !errors.Is(err, ErrOtherKey) {
		t.Errorf("a line moved to another device: err = %v, want ErrOtherKey", err)
	}
	if _, err := k.open("aaaaaaaaaaaaaaaa", []byte(line[:len(line)/2])); err == nil {
		t.Errorf("a torn line opened")
	}
}

func TestKeyAndIDAreKeptPrivately(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if _, err := LoadKey(dir); !errors.Is(err, ErrNoKey) {
		t.Fatalf("LoadKey of nothing = %v, want ErrNoKey", err)
	}
	k := mustKey(t)
	if err := SaveKey(dir, k); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadKey(dir); err != nil || got != k {
		t.Fatalf("LoadKey = %v, %v", got, err)
	}
	if fi, _ := os.Stat(filepath.Join(dir, KeyFile)); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	if _, err := LoadID(dir, false); err == nil {
		t.Fatal("LoadID without create made an id")
	}
	id, err := LoadID(dir, true)
	if err != nil || !ValidID(id) {
		t.Fatalf("LoadID = %q, %v", id, err)
	}
	again, _ := LoadID(dir, true)
	if again != id {
		t.Errorf("id changed: %q then %q", id, again)
	}
	os.WriteFile(filepath.Join(dir, IDFile), []byte("../../etc\n"), 0o600)
	if _, err := LoadID(dir, true); err == nil {
		t.Errorf("a damaged id file was accepted")
	}
}

// devs opens n devices over one folder, with one clock.
func devs(t *testing.T, root string, k Key, now *time.Time, ids ...string) []*Folder {
	t.Helper()
	var out []*Folder
	for _, id := range ids {
		f, err := Open(root, id, k, Options{Now: func() time.Time { return *now }})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

const (
	idA = "aaaaaaaaaaaaaaaa"
	idB = "bbbbbbbbbbbbbbbb"
	idC = "cccccccccccccccc"
)

func ev(kind state.Kind, at time.Time) state.Event {
	return state.Event{At: at, Reminder: "water", Kind: kind, Scheduled: t0}
}

func TestThreeDevicesReadEachOtherOnce(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB, idC)
	if err := d[0].Append([]state.Event{ev(state.Shown, t0), ev(state.Done, t0.Add(time.Minute))}); err != nil {
		t.Fatal(err)
	}
	if err := d[1].Append([]state.Event{ev(state.Held, t0)}); err != nil {
		t.Fatal(err)
	}
	d[0].WritePresence(Presence{Name: "laptop", State: "here", Input: t0})
	recs, err := d[2].Scan()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(recs), 3; got != want {
		t.Fatalf("C read %d records, want %d: %+v", got, want, recs)
	}
	if recs[0].Device != idA || recs[1].Event.Kind != state.Done || recs[2].Device != idB {
		t.Errorf("records = %+v", recs)
	}
	if again, _ := d[2].Scan(); len(again) != 0 {
		t.Errorf("a second Scan read %d records again", len(again))
	}
	d[0].Append([]state.Event{ev(state.Shown, t0.Add(time.Hour))})
	if again, _ := d[2].Scan(); len(again) != 1 {
		t.Errorf("after one more event, Scan read %d", len(again))
	}
	devs := d[2].Devices()
	if len(devs) != 2 || devs[0].Presence.Name != "laptop" || devs[0].Presence.State != "here" || !devs[0].Heard.Equal(t0) {
		t.Errorf("devices = %+v", devs)
	}
	if p := d[2].Problems(); len(p) != 0 {
		t.Errorf("problems in a clean folder: %v", p)
	}
	// A's own files are A's own: it reads only the others.
	if recs, _ := d[0].Scan(); len(recs) != 1 || recs[0].Device != idB {
		t.Errorf("A read %+v, want B's one record", recs)
	}
}

func TestHostileFolder(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	d[0].Append([]state.Event{ev(state.Done, t0)})
	dirA := filepath.Join(root, "devices", idA)
	file := filepath.Join(dirA, "events-2026-12.jsonl")
	other := mustKey(t)
	appendTo := func(s string) {
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(s)
		f.Close()
	}
	appendTo("garbage\n" + other.seal(idA, []byte(`{"e":{"at":"2026-12-07T20:00:00Z","kind":"done","reminder":"x"}}`)) + "\n")
	appendTo(strings.Repeat("x", 3*MaxLine) + "\n")
	late := k.seal(idA, []byte(`{"e":{"at":"2026-12-07T21:00:00Z","kind":"skipped","reminder":"water","scheduled":"2026-12-07T21:00:00Z"}}`))
	appendTo(late[:30]) // torn: its writer is still at it
	os.WriteFile(filepath.Join(dirA, ".syncthing.events-2026-12.jsonl.tmp"), []byte("junk"), 0o600)
	os.WriteFile(filepath.Join(dirA, "events-2026-12.sync-conflict-20261207-200000-ABCDEFG.jsonl"), []byte("junk"), 0o600)
	os.WriteFile(filepath.Join(dirA, "events-2026-12 (conflicted copy).jsonl"), []byte("junk"), 0o600)
	os.WriteFile(filepath.Join(root, "devices", "not-a-device"), nil, 0o600)
	os.WriteFile(filepath.Join(dirA, "events-9999-12.jsonl"), []byte("x\n"), 0o600)
	os.Symlink("/etc", filepath.Join(root, "devices", "dddddddddddddddd"))

	recs, err := d[1].Scan()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Event.Kind != state.Done {
		t.Fatalf("records = %+v, want A's one Done", recs)
	}
	problems := d[1].Problems()
	text := ""
	for _, p := range problems {
		text += p.String() + "\n"
	}
	for _, want := range []string{"sealed with another key", "not bedtime's sealed lines", "sync-conflict", "conflicted copy", "not-a-device: is no device", "dddddddddddddddd: is not a directory", "events-9999-12.jsonl: is of a month to come"} {
		if !strings.Contains(text, want) {
			t.Errorf("problems do not mention %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, ".syncthing.") {
		t.Errorf("a sync tool's temporary file was reported:\n%s", text)
	}
	// Each problem is a message of the catalog: doctor says it in the
	// person's language (the pseudo-locale shows one that is not).
	pseudo, _ := locale.Parse(locale.Pseudo)
	for _, p := range problems {
		if in := p.In(pseudo); !strings.HasPrefix(in, p.Path+": ⟦") {
			t.Errorf("problem %q is not a catalog message: %q", p, in)
		}
	}
	// The torn line is finished by its writer: read then, once.
	appendTo(late[30:] + "\n")
	recs, _ = d[1].Scan()
	if len(recs) != 1 || recs[0].Event.Kind != state.Skipped {
		t.Errorf("the finished line: read %+v, want the one Skipped", recs)
	}
	if p := d[1].Problems(); len(p) > 1 {
		t.Errorf("problems reported again: %v", p)
	}
	if again, _ := d[1].Scan(); len(again) != 0 || len(d[1].Problems()) != 0 {
		t.Errorf("a third Scan read or reported again")
	}
}

func TestTornLineIsReadWhenFinished(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	d[0].Append([]state.Event{ev(state.Shown, t0)})
	file := filepath.Join(root, "devices", idA, "events-2026-12.jsonl")
	whole, _ := os.ReadFile(file)
	os.WriteFile(file, whole[:len(whole)/2], 0o600) // the sync tool has copied half
	if recs, _ := d[1].Scan(); len(recs) != 0 {
		t.Fatalf("half a line read as %+v", recs)
	}
	os.WriteFile(file, whole, 0o600)
	if recs, _ := d[1].Scan(); len(recs) != 1 {
		t.Fatalf("the finished line: read %d records, want 1", len(recs))
	}
	if p := d[1].Problems(); len(p) != 0 {
		t.Errorf("a line being written was reported: %v", p)
	}
}

func TestAGigabyteFileCostsBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 32 MiB")
	}
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	file := filepath.Join(root, "devices", idA, "events-2026-12.jsonl")
	f, _ := os.Create(file)
	f.Truncate(1 << 30) // sparse: a gigabyte of zeros, no newline
	f.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 3 {
		if _, err := d[1].Scan(); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
		t.Errorf("three scans of a 1 GiB file allocated %d bytes", grew)
	}
	p := d[1].Problems()
	if len(p) != 1 || !strings.Contains(p[0].What, "larger than 32 MiB") {
		t.Errorf("problems = %v, want one about the size", p)
	}
}

func TestClockAheadAndOneIDOnTwoComputers(t *testing.T) {
	root, k := t.TempDir(), mustKey(t)
	now := t0
	ahead := t0.Add(3 * time.Hour)
	a, _ := Open(root, idA, k, Options{Now: func() time.Time { return ahead }})
	b := devs(t, root, k, &now, idB)[0]
	a.WritePresence(Presence{State: "here"})
	b.Scan()
	b.Scan()
	p := b.Problems()
	if len(p) != 1 || !strings.Contains(p[0].What, "clock is 3h0m0s ahead") {
		t.Errorf("problems = %v, want one about A's clock", p)
	}
	if d := b.Devices(); !d[0].Heard.Equal(t0) {
		t.Errorf("A heard at %v, want this device's time %v", d[0].Heard, t0)
	}

	// A second computer with B's id (its state directory copied).
	copyB, _ := Open(root, idB, k, Options{Now: func() time.Time { return now.Add(time.Minute) }})
	copyB.WritePresence(Presence{})
	b.Scan()
	b.Scan()
	p = b.Problems()
	if len(p) != 1 || !strings.Contains(p[0].What, "uses this device's id too") {
		t.Errorf("problems = %v, want one about the id", p)
	}
}

func TestFolderChecks(t *testing.T) {
	k := mustKey(t)
	if _, err := Open(filepath.Join(t.TempDir(), "missing"), idA, k, Options{}); err == nil {
		t.Error("a missing folder opened")
	}
	open := t.TempDir()
	os.Chmod(open, 0o777)
	if _, err := Open(open, idA, k, Options{}); err == nil || !strings.Contains(err.Error(), "may be written by anyone") {
		t.Errorf("a world-writable folder: err = %v", err)
	}
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	os.Symlink(real, link)
	f, err := Open(link, idA, k, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Problems(); len(p) != 1 || !strings.Contains(p[0].What, "symbolic link to "+real) {
		t.Errorf("problems = %v", p)
	}
	if f.Root() != real {
		t.Errorf("Root = %q, want %q", f.Root(), real)
	}
}

func TestPublishCopiesTheHistoryOnce(t *testing.T) {
	root, stateDir, k, now := t.TempDir(), t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	st, err := state.Open(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	st.AppendAll([]state.Event{ev(state.Shown, t0), ev(state.Done, t0.Add(time.Minute))})
	if n, err := Publish(d[0], stateDir); err != nil || n != 2 {
		t.Fatalf("Publish = %d, %v; want 2", n, err)
	}
	if n, _ := Publish(d[0], stateDir); n != 0 {
		t.Errorf("a second Publish copied %d", n)
	}
	st.Append(ev(state.Paused, t0.Add(time.Hour)))
	if n, _ := Publish(d[0], stateDir); n != 1 {
		t.Errorf("after one event, Publish copied %d", n)
	}
	recs, _ := d[1].Scan()
	if len(recs) != 3 {
		t.Fatalf("B read %d records, want 3", len(recs))
	}
	b, _ := os.ReadFile(filepath.Join(root, "devices", idA, "events-2026-12.jsonl"))
	if bytes.Contains(b, []byte("water")) {
		t.Errorf("the folder holds plain text: %q", b)
	}
}

func TestWatchSignalsAChange(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, err := d[1].Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d[0].Append([]state.Event{ev(state.Done, t0)}) // A's directory exists already; the file is new
	select {
	case <-c:
	case <-time.After(10 * time.Second):
		t.Fatal("no signal after another device wrote")
	}
	if recs, _ := d[1].Scan(); len(recs) != 1 {
		t.Errorf("Scan after the signal read %d", len(recs))
	}
	os.MkdirAll(filepath.Join(root, "devices", idC), 0o700) // a device that joins later
	<-c                                                     // the watcher adds a new directory before it signals its creation
	c2, _ := Open(root, idC, k, Options{Now: func() time.Time { return now }})
	c2.Append([]state.Event{ev(state.Done, t0)})
	select {
	case <-c:
	case <-time.After(10 * time.Second):
		t.Fatal("no signal after a new device wrote")
	}
}

func TestSkipsTravelAndStayOutOfTheRecord(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	if err := d[0].AppendSkip(state.Mark{Reminder: "magnesium", At: t0.Add(time.Hour)}, t0); err != nil {
		t.Fatal(err)
	}
	d[0].Append([]state.Event{ev(state.Done, t0)})
	recs, _ := d[1].Scan()
	if len(recs) != 2 || recs[0].Skip == nil || recs[0].Skip.Reminder != "magnesium" || recs[1].Skip != nil {
		t.Fatalf("records = %+v", recs)
	}
	all, _ := Merge(idB, nil, recs, time.Time{})
	if len(all) != 1 || all[0].Kind != state.Done {
		t.Errorf("merged = %+v, want only the Done", all)
	}
}

func TestPublishCopiesALongHistoryInChunks(t *testing.T) {
	defer func(n int) { maxPublish = n }(maxPublish)
	maxPublish = 1024
	root, stateDir, k, now := t.TempDir(), t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	st, err := state.Open(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	var evs []state.Event
	for i := range 100 {
		evs = append(evs, state.Event{At: t0.Add(time.Duration(i) * time.Hour), Reminder: "water", Kind: state.Shown, Scheduled: t0.Add(time.Duration(i) * time.Hour)})
	}
	st.AppendAll(evs)
	if n, err := Publish(d[0], stateDir); err != nil || n != 100 {
		t.Fatalf("Publish = %d, %v; want all 100 at once", n, err)
	}
	if recs, _ := d[1].Scan(); len(recs) != 100 {
		t.Errorf("B read %d", len(recs))
	}
}

func TestAFolderOfManyDevicesIsBounded(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA)[0]
	for i := range MaxDevices + 10 {
		id, _ := newID()
		dir := filepath.Join(root, "devices", id)
		os.MkdirAll(dir, 0o700)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("junk-%d", i)), nil, 0o600)
	}
	for range 2 {
		if _, err := d.Scan(); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(d.Devices()); n != MaxDevices {
		t.Errorf("%d devices kept, want %d", n, MaxDevices)
	}
	p := d.Problems()
	if len(p) > maxProblems+1 {
		t.Errorf("%d problems kept", len(p))
	}
	found := false
	for _, x := range p {
		found = found || strings.Contains(x.What, "holds more than 64 devices")
	}
	if !found {
		t.Errorf("the number of devices is not reported: %v", p[len(p)-1])
	}
}

// TestReadOnlyWritesNothing: opened to read (a command, the tray), an
// empty directory where the folder should be (a share not mounted) stays
// empty and is refused; opened to write (the daemon), it is joined.
func TestReadOnlyWritesNothing(t *testing.T) {
	root, k := t.TempDir(), mustKey(t)
	if _, err := Open(root, idA, k, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "has no devices directory") {
		t.Fatalf("Open read-only of an empty directory = %v, want refused", err)
	}
	if ents, _ := os.ReadDir(root); len(ents) != 0 {
		t.Fatalf("opened to read, the empty directory now has %v", ents)
	}
	if _, err := Open(root, idA, k, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := Open(root, idB, k, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open read-only of a folder a device wrote to: %v", err)
	}
	f.Scan()
	if _, err := os.Stat(filepath.Join(root, devicesDir, idB)); !os.IsNotExist(err) {
		t.Errorf("opened to read, the folder has a directory for this device: %v", err)
	}
}

// TestProblemsAreSafeForATerminal: the folder is hostile, and the names
// in it are printed by status, stats, diary, report and doctor. A name
// holding a terminal's escape sequences (one that clears the screen or
// sets the window's title), a bell, a carriage return, a byte that is no
// UTF-8 (0x9b is a CSI to some terminals) or a mark that turns the text
// right to left is said with those characters escaped, as Go quotes
// them, never written to the terminal as they are.
func TestProblemsAreSafeForATerminal(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB)
	d[0].Append([]state.Event{ev(state.Shown, t0)})
	names := []string{"x\x1b]0;owned\a\x1b[2J", "cr\rover", "rlo\u202efdp.exe", "csi\x9b31m"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(root, "devices", n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "devices", idA, "e"+n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d[1].Scan(); err != nil {
		t.Fatal(err)
	}
	problems := d[1].Problems()
	if len(problems) != 2*len(names) {
		t.Fatalf("%d problems, want %d: %v", len(problems), 2*len(names), problems)
	}
	en, _ := locale.Parse("en")
	pseudo, _ := locale.Parse(locale.Pseudo)
	for _, p := range problems {
		for _, s := range []string{p.String(), p.In(en), p.In(pseudo)} {
			for i, r := range s {
				if r == utf8.RuneError || !unicode.IsGraphic(r) {
					t.Errorf("%q holds %U at byte %d", s, r, i)
					break
				}
			}
			if !strings.Contains(s, `\x1b]0;owned\a\x1b[2J`) && !strings.Contains(s, `cr\rover`) && !strings.Contains(s, `rlo\u202efdp.exe`) && !strings.Contains(s, `csi\x9b31m`) {
				t.Errorf("%q does not name the file as Go quotes it", s)
			}
		}
	}
}

// TestLabelIsSafeForATerminal: a device's name comes from its presence
// file, another computer's word: status, doctor and the history's "on
// NAME" print it with its escape sequences escaped.
func TestLabelIsSafeForATerminal(t *testing.T) {
	got := Label(Device{ID: idA, Presence: Presence{Name: "desk\x1b]0;owned\a\u202e"}})
	if want := `desk\x1b]0;owned\a\u202e (aaaaaa)`; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}
