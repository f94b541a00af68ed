package state

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"
)

// syncedWorld is a made-up person with several computers: this one
// ("self", whose events are in the Store's history) and others, whose
// events stand for what they wrote into the folder. A device's events
// count from when it joins; its monthly files are its events by UTC month,
// their "size" the count of events and their "tail" a hash of the last.
type syncedWorld struct {
	t      *testing.T
	s      *Store
	loc    *time.Location
	events map[string][]Event // by device, in time order, all the days made
	joined map[string]time.Time
	local  time.Time // self's events are in the history up to this
	key    string    // the key's fingerprint; "k1" when empty
	reads  []time.Time
	splits []bool // whether each read asked for the split by device
	// memo is the last record made (record), at memoAt; lateDone, which
	// changes the events, drops it.
	memo      []Event
	memoDev   map[string][]Event
	memoAt    time.Time
	memoValid bool
}

// makeSynced makes days days of three computers' record ending at end
// (midnight in loc): self throughout, "b" throughout with a holiday (both
// off for a fortnight, a day without any entry), "c" over the last 150
// days only, and off often. Each instant is shown on one computer that is
// on and held on the others; water is done now and then, magnesium
// nearly always (streaks of months), stretch always but on a few days
// (streaks of years, this computer's own too: it shows it) and answered
// after midnight, so that answers fall into the next day and month.
func makeSynced(t *testing.T, seed uint64, days int, end time.Time, loc *time.Location) map[string][]Event {
	rnd := rand.New(rand.NewPCG(seed, seed+1))
	start := end.AddDate(0, 0, -days)
	holiday := 100 + rnd.IntN(days-200)
	missStretch := map[int]bool{rnd.IntN(days / 3): true, days/2 + rnd.IntN(20): true}
	out := map[string][]Event{}
	type rem struct {
		name     string
		at       []int // minutes after midnight
		done     float64
		lateDone bool
	}
	rems := []rem{
		{"water", []int{8 * 60, 10 * 60, 12 * 60, 14 * 60, 16 * 60, 18 * 60}, 0.35, false},
		{"magnesium", []int{21 * 60}, 0.97, false},
		{"stretch", []int{23*60 + 50}, 1, true},
	}
	for d := range days {
		day := start.AddDate(0, 0, d)
		if d >= holiday && d < holiday+14 {
			continue
		}
		on := []string{"self"}
		if rnd.Float64() < 0.8 {
			on = append(on, "b")
		}
		if d >= days-150 && rnd.Float64() < 0.5 {
			on = append(on, "c")
		}
		for _, r := range rems {
			for _, m := range r.at {
				at := day.Add(time.Duration(m) * time.Minute)
				shower := on[rnd.IntN(len(on))]
				if r.name == "stretch" {
					shower = "self" // this computer's own streak is long too
				}
				ev := func(dev string, after time.Duration, k Kind) {
					out[dev] = append(out[dev], Event{At: at.Add(after), Reminder: r.name, Kind: k, Scheduled: at})
				}
				p := rnd.Float64()
				switch {
				case r.name == "stretch" && missStretch[d]:
					for _, dev := range on {
						ev(dev, 3*time.Hour, Missed)
					}
					continue
				case p < 0.02 && r.name != "stretch":
					for _, dev := range on {
						ev(dev, 0, Skipped)
					}
					continue
				}
				for _, dev := range on {
					if dev != shower {
						ev(dev, 0, Held)
					}
				}
				ev(shower, time.Second, Shown)
				switch q := rnd.Float64(); {
				case q < r.done && r.lateDone:
					ev(shower, 20*time.Minute, Done) // after midnight
				case q < r.done:
					ev(shower, 15*time.Minute, Done)
				case q < r.done+0.3:
					ev(shower, 16*time.Minute, Dismissed)
				default:
					ev(shower, 19*time.Minute, Expired)
				}
			}
		}
	}
	for _, evs := range out {
		slices.SortStableFunc(evs, func(a, b Event) int { return a.At.Compare(b.At) })
	}
	return out
}

// upTo returns the events before until.
func upTo(evs []Event, until time.Time) []Event {
	i, _ := slices.BinarySearchFunc(evs, until, func(ev Event, t time.Time) int {
		if ev.At.Before(t) {
			return -1
		}
		return 1
	})
	return evs[:i]
}

// record returns the whole merged record as of now (the other devices'
// events from when they joined) and each device's part.
// Both are the caller's to change: the record is a copy and the map a
// new one (its slices are the world's, not to be written into).
func (w *syncedWorld) record(now time.Time) (all []Event, byDev map[string][]Event) {
	if !w.memoValid || !w.memoAt.Equal(now) {
		w.memo, w.memoDev = nil, map[string][]Event{}
		for dev, evs := range w.events {
			if j, ok := w.joined[dev]; ok && now.Before(j) {
				continue
			}
			w.memoDev[dev] = upTo(evs, now)
			w.memo = append(w.memo, w.memoDev[dev]...)
		}
		slices.SortStableFunc(w.memo, func(a, b Event) int { return a.At.Compare(b.At) })
		w.memoAt, w.memoValid = now, true
	}
	return slices.Clone(w.memo), maps.Clone(w.memoDev)
}

// source returns the folder as listed at now: the other devices' files.
func (w *syncedWorld) source(now time.Time) SyncSource {
	_, byDev := w.record(now)
	src := SyncSource{Folder: "/sync", Key: cmp.Or(w.key, "k1"), Self: "self"}
	for dev, evs := range byDev {
		if dev == "self" {
			continue
		}
		byMonth := map[string][]Event{}
		for _, ev := range evs {
			m := ev.At.UTC().Format("2006-01")
			byMonth[m] = append(byMonth[m], ev)
		}
		for m, evs := range byMonth {
			sum := sha256.Sum256(fmt.Appendf(nil, "%v", evs[len(evs)-1]))
			src.Files = append(src.Files, MonthFile{Device: dev, Month: m, Size: int64(len(evs)), Tail: hex.EncodeToString(sum[:8])})
		}
	}
	return src
}

// stats is MergedStats at now, this computer's history written up to now
// first; it returns what the whole read gives too.
func (w *syncedWorld) stats(days int, now time.Time, byDevice bool) (got, want []ReminderStats, gotDev, wantDev map[string][]ReminderStats) {
	w.t.Helper()
	if now.After(w.local) {
		if err := w.s.AppendAll(upTo(between(w.events["self"], w.local, time.Time{}), now)); err != nil {
			w.t.Fatal(err)
		}
		w.local = now
	}
	src := w.source(now)
	read := func(since time.Time, split bool) ([]Event, map[string][]Event, error) {
		w.reads = append(w.reads, since)
		w.splits = append(w.splits, split)
		all, byDev := w.record(now)
		local, err := w.s.History(since)
		if err != nil {
			return nil, nil, err
		}
		byDev["self"] = local
		all = between(all, since, time.Time{})
		for dev, evs := range byDev {
			byDev[dev] = between(evs, since, time.Time{})
		}
		if !split {
			byDev = nil
		}
		return all, byDev, nil
	}
	got, gotDev, err := w.s.MergedStats(days, now, w.loc, src, byDevice, read)
	if err != nil {
		w.t.Fatal(err)
	}
	all, byDev := w.record(now)
	want = Stats(all, days, now, w.loc)
	if byDevice {
		wantDev = map[string][]ReminderStats{}
		for dev, evs := range byDev {
			wantDev[dev] = Stats(evs, days, now, w.loc)
		}
	}
	return got, want, gotDev, wantDev
}

// sameStats checks that got gives what the whole read (want) gives for
// every reminder it lists, and lists those with an instant in the days
// Store.Stats reads.
func sameStats(t *testing.T, what string, got, want []ReminderStats, all []Event, days int, now time.Time, loc *time.Location) {
	t.Helper()
	_, from := window(days, now, loc)
	var names []string
	for _, rs := range Stats(between(all, from, time.Time{}), days, now, loc) {
		names = append(names, rs.Reminder)
	}
	var gotNames []string
	for _, rs := range got {
		gotNames = append(gotNames, rs.Reminder)
	}
	if !slices.Equal(gotNames, names) {
		t.Errorf("%s: lists %v, want %v", what, gotNames, names)
	}
	for _, rs := range got {
		i := slices.IndexFunc(want, func(w ReminderStats) bool { return w.Reminder == rs.Reminder })
		if i < 0 {
			t.Errorf("%s: %s is not in the whole read", what, rs.Reminder)
			continue
		}
		if !reflect.DeepEqual(rs, want[i]) {
			t.Errorf("%s: %s = %+v\nwhole read: %+v", what, rs.Reminder, brief(rs), brief(want[i]))
		}
	}
}

func brief(rs ReminderStats) ReminderStats {
	rs.Days = nil
	return rs
}

// TestMergedStatsIsTheWholeRead: on made-up records of three computers
// over three years, MergedStats gives, day after day and across months,
// what summing up the whole merged record gives, for every count and
// every streak (of the record and of each device), and reads it whole
// only the first time, when a device wrote late into a month the
// checkpoint covers, and when a device joins with months of its past.
func TestMergedStatsIsTheWholeRead(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 3, 20, 0, 0, 0, 0, loc)
	const total = 3 * 365
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			t.Parallel() // each its own store and record
			s, err := Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			w := &syncedWorld{t: t, s: s, loc: loc, events: makeSynced(t, seed, total, end, loc)}
			// c's past comes into the folder on 2026-02-10.
			joins := time.Date(2026, 2, 10, 12, 0, 0, 0, loc)
			w.joined = map[string]time.Time{"c": joins}
			// The days asked, each a little later: through the end of January,
			// February (the month the checkpoint covers moves on) and March.
			steps := []struct {
				now   time.Time
				days  int
				whole bool
				late  bool // b writes a Done for an old instant just before
			}{
				{time.Date(2026, 1, 20, 9, 0, 0, 0, loc), 7, true, false},
				{time.Date(2026, 1, 20, 23, 0, 0, 0, loc), 365, false, false},
				{time.Date(2026, 1, 22, 7, 0, 0, 0, loc), 1, false, false},
				{time.Date(2026, 1, 31, 23, 59, 0, 0, loc), 30, false, false},
				{time.Date(2026, 2, 3, 8, 0, 0, 0, loc), 7, false, false},
				{time.Date(2026, 2, 8, 21, 30, 0, 0, loc), 7, false, false}, // the checkpoint moves to February
				{time.Date(2026, 2, 9, 10, 0, 0, 0, loc), 7, false, false},
				{time.Date(2026, 2, 10, 13, 0, 0, 0, loc), 7, true, false}, // c joins
				{time.Date(2026, 2, 11, 13, 0, 0, 0, loc), 90, false, false},
				{time.Date(2026, 2, 20, 13, 0, 0, 0, loc), 7, true, true},
				{time.Date(2026, 2, 21, 13, 0, 0, 0, loc), 3652, false, false},
				{time.Date(2026, 3, 12, 22, 0, 0, 0, loc), 7, false, false}, // the checkpoint moves to March
				{time.Date(2026, 3, 19, 23, 0, 0, 0, loc), 14, false, false},
			}
			for i, st := range steps {
				if st.late {
					lateDone(t, w, st.now)
				}
				w.reads = nil
				got, want, gotDev, wantDev := w.stats(st.days, st.now, true)
				what := fmt.Sprintf("seed %d, step %d (%s, --days %d)", seed, i, st.now.Format(time.DateTime), st.days)
				all, byDev := w.record(st.now)
				sameStats(t, what, got, want, all, st.days, st.now, loc)
				_, from := window(st.days, st.now, loc)
				for dev, evs := range byDev {
					listed := len(between(evs, from, time.Time{})) > 0
					if _, ok := gotDev[dev]; ok != listed {
						t.Errorf("%s: device %s listed %v, want %v", what, dev, ok, listed)
					}
					if ok := listed; ok {
						sameStats(t, what+", device "+dev, gotDev[dev], wantDev[dev], evs, st.days, st.now, loc)
					}
				}
				// The stretch's streak reaches more than a year back: the
				// checkpoint's part.
				if i := slices.IndexFunc(got, func(rs ReminderStats) bool { return rs.Reminder == "stretch" }); i < 0 || got[i].Streak < 300 {
					t.Errorf("%s: the stretch's streak is not a long one: %+v", what, got)
				}
				if len(w.reads) != 1 || w.reads[0].IsZero() != st.whole {
					t.Errorf("%s: read from %v, want a whole read %v", what, w.reads, st.whole)
				}
				// Without --by-device: the same sums, from a record read
				// without its split by device, the checkpoint being made.
				w.reads, w.splits = nil, nil
				got2, _, _, _ := w.stats(st.days, st.now, false)
				if !reflect.DeepEqual(got, got2) {
					t.Errorf("%s: without --by-device the sums differ", what)
				}
				if len(w.reads) != 1 || w.reads[0].IsZero() {
					t.Errorf("%s: the second call read from %v", what, w.reads)
				}
				if !slices.Equal(w.splits, []bool{false}) {
					t.Errorf("%s: the second call asked for the split by device: %v", what, w.splits)
				}
			}
			fi, err := os.Stat(s.syncedStreaksPath())
			if err != nil {
				t.Fatal(err)
			}
			if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
				t.Errorf("%s is %v, want 0600", syncedStreaksName, fi.Mode().Perm())
			}
			ck := readSynced(t, s)
			if ck.Streaks["stretch"] < 300 || ck.Devices["self"]["stretch"] < 300 {
				t.Errorf("the stretch's streaks in the checkpoint: %d, this computer's %d; want long ones", ck.Streaks["stretch"], ck.Devices["self"]["stretch"])
			}
		})
	}
}

// lateDone makes b write, just before now, a Done for the oldest instant
// of magnesium, at least three months old, that it showed and that was not
// done: b's answer reaches the folder late, into an old month's file (a
// computer whose folder was behind).
func lateDone(t *testing.T, w *syncedWorld, now time.Time) {
	t.Helper()
	evs := w.events["b"]
	done := map[int64]bool{}
	for _, ev := range evs {
		if ev.Kind == Done {
			done[ev.Scheduled.UnixNano()] = true
		}
	}
	for _, ev := range evs {
		if ev.Reminder == "magnesium" && ev.Kind == Shown && ev.At.Before(now.AddDate(0, -3, 0)) && !done[ev.Scheduled.UnixNano()] {
			late := Event{At: ev.At.Add(30 * time.Minute), Reminder: "magnesium", Kind: Done, Scheduled: ev.Scheduled}
			i, _ := slices.BinarySearchFunc(evs, late.At, func(e Event, at time.Time) int { return e.At.Compare(at) })
			w.events["b"] = slices.Insert(evs, i, late)
			w.memoValid = false
			return
		}
	}
	t.Fatal("no instant of magnesium left undone")
}

func readSynced(t *testing.T, s *Store) syncedCheckpoint {
	t.Helper()
	data, err := os.ReadFile(s.syncedStreaksPath())
	if err != nil {
		t.Fatal(err)
	}
	var ck syncedCheckpoint
	if err := json.Unmarshal(data, &ck); err != nil {
		t.Fatal(err)
	}
	return ck
}

// TestSyncedCheckpointIsNeverTrustedOverTheRecord: a synced checkpoint
// that is garbage, too large, of another version, zone, month, day,
// folder, key, history or files, holds an implausible streak, or is a
// link or a directory, is made again from the whole record (or, when it
// cannot be written, the whole record is read each time), and the sums
// are still those of the whole record.
func TestSyncedCheckpointIsNeverTrustedOverTheRecord(t *testing.T) {
	loc := time.UTC
	end := time.Date(2026, 3, 1, 0, 0, 0, 0, loc)
	events := makeSynced(t, 3, 400, end, loc)
	now := time.Date(2026, 2, 27, 21, 0, 0, 0, loc)
	spoilCk := func(change func(ck *syncedCheckpoint)) func(*testing.T, *syncedWorld, syncedCheckpoint) {
		return func(t *testing.T, w *syncedWorld, ck syncedCheckpoint) {
			change(&ck)
			data, err := json.Marshal(ck)
			if err != nil {
				t.Fatal(err)
			}
			write(t, w.s.syncedStreaksPath(), data)
		}
	}
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T, w *syncedWorld, ck syncedCheckpoint) // ck: the good one
		whole bool                                                    // read whole again
	}{
		{"kept", func(*testing.T, *syncedWorld, syncedCheckpoint) {}, false},
		{"garbage", func(t *testing.T, w *syncedWorld, _ syncedCheckpoint) {
			write(t, w.s.syncedStreaksPath(), []byte(`{"version":1,"streaks":{"stretch":`))
		}, true},
		{"too large", func(t *testing.T, w *syncedWorld, ck syncedCheckpoint) {
			data, _ := json.Marshal(ck)
			write(t, w.s.syncedStreaksPath(), append(data, make([]byte, syncedMax)...))
		}, true},
		{"another version", spoilCk(func(ck *syncedCheckpoint) { ck.Version = syncedStreaksVersion - 1 }), true},
		{"another zone", spoilCk(func(ck *syncedCheckpoint) { ck.Zone = "Europe/Berlin" }), true},
		{"a month to come", spoilCk(func(ck *syncedCheckpoint) { ck.Month = "2026-04" }), true},
		{"a month that is none", spoilCk(func(ck *syncedCheckpoint) { ck.Month = "2026-1" }), true},
		{"another day", spoilCk(func(ck *syncedCheckpoint) { ck.Day = "2026-01-20"; ck.Midnight -= 86400 * 10 }), true},
		{"another folder", spoilCk(func(ck *syncedCheckpoint) { ck.Folder = "/elsewhere" }), true},
		{"another key", func(t *testing.T, w *syncedWorld, _ syncedCheckpoint) { w.key = "k2" }, true},
		{"another device", spoilCk(func(ck *syncedCheckpoint) { ck.Self = "b" }), true},
		{"a file more", spoilCk(func(ck *syncedCheckpoint) {
			ck.Files = append(ck.Files, MonthFile{Device: "d", Month: "2025-01", Size: 10})
		}), true},
		{"a file less", spoilCk(func(ck *syncedCheckpoint) { ck.Files = ck.Files[1:] }), true},
		{"a file shorter", spoilCk(func(ck *syncedCheckpoint) { ck.Files[0].Size-- }), true},
		{"a file's other tail", spoilCk(func(ck *syncedCheckpoint) { ck.Files[0].Tail = "00" }), true},
		{"another history", spoilCk(func(ck *syncedCheckpoint) { ck.History.Head = ck.History.Tail }), true},
		{"a longer history than there is", spoilCk(func(ck *syncedCheckpoint) { ck.History.Size *= 2 }), true},
		{"a negative streak", spoilCk(func(ck *syncedCheckpoint) { ck.Streaks["stretch"] = -1 }), true},
		{"a streak longer than the record", spoilCk(func(ck *syncedCheckpoint) { ck.Streaks["stretch"] += 1000 }), true},
		{"a device's streak longer than the record", spoilCk(func(ck *syncedCheckpoint) { ck.Devices["self"]["stretch"] += 1000 }), true},
		{"a link", func(t *testing.T, w *syncedWorld, ck syncedCheckpoint) {
			data, _ := json.Marshal(ck)
			target := w.s.syncedStreaksPath() + ".target"
			write(t, target, data)
			os.Remove(w.s.syncedStreaksPath())
			if err := os.Symlink(target, w.s.syncedStreaksPath()); err != nil {
				t.Skip(err)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each its own store; events are only read
			s, err := Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			w := &syncedWorld{t: t, s: s, loc: loc, events: events}
			got, want, _, _ := w.stats(7, now, false)
			all, _ := w.record(now)
			sameStats(t, "made", got, want, all, 7, now, loc)
			tc.spoil(t, w, readSynced(t, s))
			w.reads = nil
			got, want, gotDev, wantDev := w.stats(7, now, true)
			sameStats(t, "spoilt", got, want, all, 7, now, loc)
			sameStats(t, "spoilt, this computer", gotDev["self"], wantDev["self"], w.events["self"], 7, now, loc)
			if len(w.reads) != 1 || w.reads[0].IsZero() != tc.whole {
				t.Errorf("read from %v, want whole %v", w.reads, tc.whole)
			}
			// Made again, and then kept.
			w.reads = nil
			w.stats(7, now, false)
			if len(w.reads) != 1 || w.reads[0].IsZero() {
				t.Errorf("after it was made again: read from %v", w.reads)
			}
			if fi, err := os.Lstat(s.syncedStreaksPath()); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("%s is not a file again: %v", syncedStreaksName, err)
			}
		})
	}

	// A directory in its place cannot be replaced: the sums are right
	// still, from a whole read each time.
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(s.syncedStreaksPath(), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(s.syncedStreaksPath()+"/x", nil, 0o600)
	w := &syncedWorld{t: t, s: s, loc: loc, events: events}
	all, _ := w.record(now)
	for range 2 {
		w.reads = nil
		got, want, _, _ := w.stats(7, now, false)
		sameStats(t, "a directory in its place", got, want, all, 7, now, loc)
		if len(w.reads) != 1 || !w.reads[0].IsZero() {
			t.Errorf("a directory in its place: read from %v, want whole", w.reads)
		}
	}
}
