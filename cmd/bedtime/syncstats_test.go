package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// syncedComputer is a computer of TestSyncedStatsIsTheWholeRead: its
// made-up history is written a day at a time and copied to the folder.
type syncedComputer struct {
	computer
	name    string
	rnd     *rand.Rand
	written time.Time // the days before this are in its history
}

// live writes the computer's days up to the day before until (midnight
// in loc) and copies them to the folder, as its daemon would.
func (c *syncedComputer) live(t *testing.T, folder string, until time.Time, now time.Time) {
	t.Helper()
	s, err := state.Open(c.stateDir)
	if err != nil {
		t.Fatal(err)
	}
	var evs []state.Event
	for ; c.written.Before(until); c.written = c.written.AddDate(0, 0, 1) {
		evs = append(evs, historygen.Day(c.written, c.rnd)...)
	}
	if err := s.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	c.publish(t, folder, now)
}

func (c *syncedComputer) publish(t *testing.T, folder string, now time.Time) {
	t.Helper()
	l := devices.Connect(c.stateDir, folder, c.name, devices.Options{Now: func() time.Time { return now }})
	if l.Folder == nil {
		t.Fatalf("%s is not linked: %s", c.name, l.Alone)
	}
	if _, err := devices.Publish(l.Folder, c.stateDir); err != nil {
		t.Fatal(err)
	}
	if err := l.Folder.WritePresence(devices.Presence{Name: c.name}); err != nil {
		t.Fatal(err)
	}
}

// wholeStats is what stats with sync on gave before the synced
// checkpoint: the whole merged record summed up, and each device's part.
func wholeStats(t *testing.T, c computer, now time.Time, days int) (all []state.ReminderStats, byDevice map[string][]state.ReminderStats, events []state.Event, split []deviceHistory) {
	t.Helper()
	app := newTestApp(c, now)
	s, err := state.Open(c.stateDir)
	if err != nil {
		t.Fatal(err)
	}
	local, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	loc := app.scheduleLocation()
	events, split, _ = app.mergedHistory(local, time.Time{}, true)
	byDevice = map[string][]state.ReminderStats{}
	for _, d := range split {
		byDevice[d.ID] = state.Stats(d.Events, days, now, loc)
	}
	return state.Stats(events, days, now, loc), byDevice, events, split
}

// sameAsWhole checks that got gives what the whole read gives for each
// reminder it lists, and lists each one with an instant in the days
// stats reads (the days asked for and two before).
func sameAsWhole(t *testing.T, what string, got, whole []state.ReminderStats, events []state.Event, days int, now time.Time, loc *time.Location) {
	t.Helper()
	local := now.In(loc)
	from := time.Date(local.Year(), local.Month(), local.Day()-(days-1)-2, 0, 0, 0, 0, loc)
	var recent []state.Event
	for _, ev := range events {
		if !ev.At.Before(from) {
			recent = append(recent, ev)
		}
	}
	var want []string
	for _, rs := range state.Stats(recent, days, now, loc) {
		want = append(want, rs.Reminder)
	}
	var names []string
	for _, rs := range got {
		names = append(names, rs.Reminder)
		i := slices.IndexFunc(whole, func(w state.ReminderStats) bool { return w.Reminder == rs.Reminder })
		if i < 0 {
			t.Errorf("%s: %s is not in the whole read", what, rs.Reminder)
		} else if !reflect.DeepEqual(rs, whole[i]) {
			t.Errorf("%s: %s = %+v\nthe whole read: %+v", what, rs.Reminder, rs, whole[i])
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s: lists %v, want %v", what, names, want)
	}
}

// TestSyncedStatsIsTheWholeRead: bedtime stats with sync on (and
// --by-device) gives what summing up the whole merged record gives, for
// every count and streak, through a checkpoint made, kept, moved to a new
// month, made again after a computer wrote late into an old month and
// when a third computer joins with months of its past.
func TestSyncedStatsIsTheWholeRead(t *testing.T) {
	folder := t.TempDir()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	key, err := devices.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	var cs []*syncedComputer
	for i, name := range []string{"laptop", "desktop", "spare"} {
		c := &syncedComputer{computer: newComputer(t, folder, name), name: name, rnd: rand.New(rand.NewPCG(uint64(i), 9))}
		yaml, _ := os.ReadFile(c.config)
		if err := os.WriteFile(c.config, append([]byte("timezone: Europe/Berlin\n"), yaml...), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := devices.SaveKey(c.stateDir, key); err != nil {
			t.Fatal(err)
		}
		c.written = time.Date(2026, 8, 1, 0, 0, 0, 0, loc)
		cs = append(cs, c)
	}
	laptop, desktop, spare := cs[0], cs[1], cs[2]
	spare.written = time.Date(2026, 9, 20, 0, 0, 0, 0, loc)
	ckPath := filepath.Join(laptop.stateDir, "synced-streaks.json")
	var lastCk []byte
	for i, st := range []struct {
		now  time.Time
		days []int
		do   func(now time.Time)
		new  bool // the checkpoint is made or moved
	}{
		{time.Date(2026, 11, 20, 12, 0, 0, 0, loc), []int{7, 365}, nil, true},
		{time.Date(2026, 11, 28, 23, 30, 0, 0, loc), []int{1, 30}, nil, false},
		{time.Date(2026, 12, 9, 9, 0, 0, 0, loc), []int{7}, nil, true}, // December's
		// The desktop's answer to an instant of August reaches the folder
		// late, into August's file.
		{time.Date(2026, 12, 10, 9, 0, 0, 0, loc), []int{7, 100}, func(now time.Time) {
			at := time.Date(2026, 8, 14, 20, 30, 0, 0, loc)
			s, _ := state.Open(desktop.stateDir)
			if err := s.Append(state.Event{At: at.Add(40 * time.Minute), Reminder: "magnesium", Kind: state.Done, Scheduled: at}); err != nil {
				t.Fatal(err)
			}
			desktop.publish(t, folder, now)
		}, true},
		{time.Date(2026, 12, 11, 9, 0, 0, 0, loc), []int{7}, nil, false},
		// The spare computer joins, with its history since September.
		{time.Date(2026, 12, 12, 21, 0, 0, 0, loc), []int{7, 365}, func(now time.Time) {
			spare.live(t, folder, time.Date(2026, 12, 12, 0, 0, 0, 0, loc), now)
		}, true},
	} {
		midnight := time.Date(st.now.Year(), st.now.Month(), st.now.Day(), 0, 0, 0, 0, loc)
		laptop.live(t, folder, midnight, st.now)
		desktop.live(t, folder, midnight, st.now)
		if st.do != nil {
			st.do(st.now)
		}
		for j, days := range st.days {
			what := fmt.Sprintf("step %d (%s), --days %d", i, st.now.Format(time.DateTime), days)
			code, out, errOut := laptop.run(t, st.now, "stats", "--json", "--days", fmt.Sprint(days))
			if code != 0 || errOut != "" {
				t.Fatalf("%s: %d %s", what, code, errOut)
			}
			var got []state.ReminderStats
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			whole, wholeDev, events, split := wholeStats(t, laptop.computer, st.now, days)
			sameAsWhole(t, what, got, whole, events, days, st.now, loc)
			if movement := slices.IndexFunc(got, func(rs state.ReminderStats) bool { return rs.Reminder == "movement" }); movement < 0 || got[movement].Streak < 100 {
				t.Errorf("%s: no long streak of movement to compare: %+v", what, got)
			}
			if j == 0 {
				ck, err := os.ReadFile(ckPath)
				if err != nil {
					t.Fatal(err)
				}
				if changed := string(ck) != string(lastCk); changed != st.new {
					t.Errorf("%s: the checkpoint changed %v, want %v", what, changed, st.new)
				}
				lastCk = ck
			}

			code, out, errOut = laptop.run(t, st.now, "stats", "--json", "--by-device", "--days", fmt.Sprint(days))
			if code != 0 || errOut != "" {
				t.Fatalf("%s --by-device: %d %s", what, code, errOut)
			}
			var gotDev []deviceStats
			if err := json.Unmarshal([]byte(out), &gotDev); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, d := range gotDev {
				ids = append(ids, d.Device)
				k := slices.IndexFunc(split, func(h deviceHistory) bool { return h.ID == d.Device })
				if k < 0 || split[k].Name != d.Name {
					t.Errorf("%s: device %s %q is not in the whole read", what, d.Device, d.Name)
					continue
				}
				sameAsWhole(t, what+", "+d.Name, d.Stats, wholeDev[d.Device], split[k].Events, days, st.now, loc)
			}
			if want := len(split); len(ids) != want || ids[0] != split[0].ID {
				t.Errorf("%s: --by-device lists %v, want %d devices, this one first", what, ids, want)
			}
		}
	}
	if fi, err := os.Stat(ckPath); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Errorf("the synced checkpoint: %v, %v; want a file of mode 0600", fi, err)
	}
}
