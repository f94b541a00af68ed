package state

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/safefs"
)

// streakHistory writes total days of magnesium done at 20:30 UTC, one
// dismissed (shown and not done: a break) on the third, and returns the
// events and a now on the last day.
func streakHistory(t *testing.T, s *Store, total int) ([]Event, time.Time) {
	t.Helper()
	day := time.Date(2024, 1, 1, 20, 30, 0, 0, time.UTC)
	var evs []Event
	for d := range total {
		at := day.AddDate(0, 0, d)
		kind := Done
		if d == 2 {
			kind = Dismissed
		}
		evs = append(evs, Event{At: at.Add(time.Minute), Reminder: "magnesium", Kind: kind, Scheduled: at})
	}
	if err := s.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	return evs, day.AddDate(0, 0, total-1).Add(time.Hour)
}

func readCheckpoint(t *testing.T, s *Store) streakCheckpoint {
	t.Helper()
	data, err := os.ReadFile(s.streaksPath())
	if err != nil {
		t.Fatal(err)
	}
	var ck streakCheckpoint
	if err := json.Unmarshal(data, &ck); err != nil {
		t.Fatal(err)
	}
	return ck
}

// TestStreakCheckpointIsNeverTrustedOverTheHistory: a checkpoint that
// is garbage, of another history, of another zone, too old, with a streak
// longer than the history or a link in its place is made again from the
// history, and Store.Stats still gives what Stats gives.
func TestStreakCheckpointIsNeverTrustedOverTheHistory(t *testing.T) {
	const total = 400
	for _, tc := range []struct {
		name   string
		spoil  func(t *testing.T, s *Store, ck streakCheckpoint) // ck: the good one
		remade bool                                              // the file is written anew
	}{
		{"kept", func(*testing.T, *Store, streakCheckpoint) {}, false},
		{"garbage", func(t *testing.T, s *Store, _ streakCheckpoint) {
			write(t, s.streaksPath(), []byte("{\"version\":1,\"streaks\":{\"magnesium\":"))
		}, true},
		{"a streak longer than the history", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] += 1000
			writeCheckpoint(t, s, ck)
		}, true},
		{"negative", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] = -5
			writeCheckpoint(t, s, ck)
		}, true},
		{"another history", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] -= 100
			ck.Head = ck.Tail
			writeCheckpoint(t, s, ck)
		}, true},
		{"a longer history than there is", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] -= 100
			ck.Size *= 2
			writeCheckpoint(t, s, ck)
		}, true},
		{"another zone", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] -= 100
			ck.Zone = "Europe/Berlin"
			writeCheckpoint(t, s, ck)
		}, true},
		{"a day that is not its midnight", func(t *testing.T, s *Store, ck streakCheckpoint) {
			ck.Streaks["magnesium"] -= 100
			ck.Midnight += 3600
			writeCheckpoint(t, s, ck)
		}, true},
		{"older than a month", func(t *testing.T, s *Store, ck streakCheckpoint) {
			// A true checkpoint of 60 days before: it is moved forward.
			old, err := s.buildStreaks(nil, time.Time{}, mustDay(t, ck.Day).AddDate(0, 0, -60), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			writeCheckpoint(t, s, *old)
		}, true},
		{"a link", func(t *testing.T, s *Store, _ streakCheckpoint) {
			target := filepath.Join(t.TempDir(), "elsewhere")
			write(t, target, []byte(`{"version":1}`))
			os.Remove(s.streaksPath())
			if err := os.Symlink(target, s.streaksPath()); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			evs, now := streakHistory(t, s, total)
			want := Stats(evs, 7, now, time.UTC)
			if len(want) != 1 || want[0].Streak != total-3 {
				t.Fatalf("Stats = %+v, want a streak of %d", want, total-3)
			}
			if _, err := s.Stats(7, now, time.UTC); err != nil {
				t.Fatal(err)
			}
			good := readCheckpoint(t, s)
			if good.Day != "2025-02-01" || good.Streaks["magnesium"] != total-3-3 {
				t.Fatalf("checkpoint %+v, want the day 2025-02-01 and a streak of %d", good, total-6)
			}
			spoiled := good
			spoiled.Streaks = maps.Clone(good.Streaks)
			tc.spoil(t, s, spoiled)
			before, _ := os.ReadFile(s.streaksPath())
			got, err := s.Stats(7, now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, want, func(a, b ReminderStats) bool { return a.Streak == b.Streak && a.Done == b.Done && a.Due == b.Due }) {
				t.Errorf("Store.Stats = %+v, want %+v", got, want)
			}
			after := readCheckpoint(t, s)
			if after.Day != good.Day || after.Streaks["magnesium"] != good.Streaks["magnesium"] {
				t.Errorf("checkpoint after: %+v, want %+v", after, good)
			}
			// Windows has no Unix permission bits: there it must be a regular file.
			if fi, err := os.Lstat(s.streaksPath()); err != nil || !fi.Mode().IsRegular() || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
				t.Errorf("checkpoint %v, %v; want a private regular file", fi, err)
			}
			now2, _ := os.ReadFile(s.streaksPath())
			if remade := string(now2) != string(before); remade != tc.remade {
				t.Errorf("written anew: %v, want %v", remade, tc.remade)
			}
		})
	}
}

// TestStreakCheckpointAfterTheHistoryBeganAnew: a history moved aside
// and begun anew is not the checkpoint's.
func TestStreakCheckpointAfterTheHistoryBeganAnew(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	_, now := streakHistory(t, s, 400)
	if _, err := s.Stats(7, now, time.UTC); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(s.HistoryPath(), s.HistoryPath()+".old"); err != nil {
		t.Fatal(err)
	}
	evs, now := streakHistory(t, s, 300) // ends 100 days earlier
	now = now.AddDate(0, 0, 100)
	var more []Event
	for d := range 100 { // the last 100 days dismissed on the first, done since
		at := time.Date(2024, 1, 1, 20, 30, 0, 0, time.UTC).AddDate(0, 0, 300+d)
		kind := Done
		if d == 0 {
			kind = Dismissed
		}
		more = append(more, Event{At: at.Add(time.Minute), Reminder: "magnesium", Kind: kind, Scheduled: at})
	}
	if err := s.AppendAll(more); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stats(7, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats(append(evs, more...), 7, now, time.UTC)
	if len(got) != 1 || got[0].Streak != want[0].Streak || want[0].Streak != 99 {
		t.Errorf("Store.Stats = %+v, Stats %+v, want a streak of 99", got, want)
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := safefs.WriteAtomic(path, data); err != nil {
		t.Fatal(err)
	}
}

func writeCheckpoint(t *testing.T, s *Store, ck streakCheckpoint) {
	t.Helper()
	data, err := json.Marshal(ck)
	if err != nil {
		t.Fatal(err)
	}
	write(t, s.streaksPath(), data)
}
