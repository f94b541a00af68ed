package state_test

import (
	"log/slog"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

// fill writes days days of made-up history ending before end.
func fill(tb testing.TB, days int, end time.Time, loc *time.Location) *state.Store {
	tb.Helper()
	s, err := state.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := historygen.Write(s, days, end, loc, 7); err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestStoreStatsAgreesWithWholeHistory: Store.Stats, which reads only the
// tail the days and the streaks need, gives what Stats gives with the
// whole history.
func TestStoreStatsAgreesWithWholeHistory(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 11, 28, 0, 0, 0, 0, berlin)
	s := fill(t, 120, end, berlin)
	all, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, now := range []time.Time{end.Add(-time.Minute), end.AddDate(0, 0, -40).Add(21 * time.Hour)} {
		for _, days := range []int{1, 7, 30, 365} {
			got, err := s.Stats(days, now, berlin)
			if err != nil {
				t.Fatal(err)
			}
			want := state.Stats(all, days, now, berlin)
			if !slices.EqualFunc(got, want, equalStats) {
				t.Errorf("now %s, --days %d:\n got %+v\nwant %+v", now, days, brief(got), brief(want))
			}
		}
	}
}

// TestStoreStatsFollowsALongStreak: a streak longer than the days asked
// for is counted whole.
func TestStoreStatsFollowsALongStreak(t *testing.T) {
	s, err := state.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 1, 1, 20, 30, 0, 0, time.UTC)
	var evs []state.Event
	for d := range 700 {
		at := day.AddDate(0, 0, d)
		kind := state.Done
		if d == 99 { // the one day shown and not done, 600 days ago
			kind = state.Dismissed
		}
		evs = append(evs, state.Event{At: at.Add(time.Minute), Reminder: "magnesium", Kind: kind, Scheduled: at})
	}
	if err := s.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	now := day.AddDate(0, 0, 699).Add(time.Hour)
	got, err := s.Stats(7, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Streak != 600 || got[0].Done != 7 {
		t.Fatalf("Stats = %+v, want a streak of 600 and 7 done", brief(got))
	}
}

// TestHistoryReadsOnlyTheTail: a garbled line far back is not read by a
// History that asks for the last day only (it would warn), and is by one
// that asks for all.
func TestHistoryReadsOnlyTheTail(t *testing.T) {
	end := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	s, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	s.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	if _, err := historygen.Write(s, 3, end.AddDate(0, 0, -30), time.UTC, 1); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(s.HistoryPath(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\x00garbled\n")
	f.Close()
	if _, err := historygen.Write(s, 30, end, time.UTC, 2); err != nil {
		t.Fatal(err)
	}
	evs, err := s.History(end.AddDate(0, 0, -1))
	if err != nil || len(evs) == 0 || logs.Len() != 0 {
		t.Fatalf("History(the last day) = %d events, %v; logs %q", len(evs), err, logs.String())
	}
	for _, ev := range evs {
		if ev.At.Before(end.AddDate(0, 0, -1)) {
			t.Fatalf("History(the last day) has %+v", ev)
		}
	}
	if _, err := s.History(time.Time{}); err != nil || !strings.Contains(logs.String(), "lines=1") {
		t.Fatalf("History(all): %v; logs %q", err, logs.String())
	}
}

func equalStats(a, b state.ReminderStats) bool {
	return a.Reminder == b.Reminder && a.Due == b.Due && a.Done == b.Done && a.Shown == b.Shown && a.Snoozed == b.Snoozed &&
		a.Dismissed == b.Dismissed && a.Unanswered == b.Unanswered && a.Missed == b.Missed && a.Skipped == b.Skipped &&
		a.Unattributed == b.Unattributed && a.Adherence == b.Adherence && a.Streak == b.Streak && slices.Equal(a.Days, b.Days)
}

// brief leaves out the day strips, for a readable failure.
func brief(rs []state.ReminderStats) []state.ReminderStats {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Days = nil
	}
	return out
}

// TestStoreStatsAgreesAcrossGaps: a streak that crosses a run of days
// without any entry for its reminder (the computer off for months) goes
// on before it, in Store.Stats as in Stats, however long the run is and
// wherever it falls behind the days asked for.
func TestStoreStatsAgreesAcrossGaps(t *testing.T) {
	day := time.Date(2024, 1, 1, 20, 30, 0, 0, time.UTC)
	const total = 800
	for _, gap := range []struct{ from, days int }{ // days back from the last day
		{10, 5}, {12, 40}, {20, 130}, {30, 300}, {100, 600}, {3, 780},
	} {
		s, err := state.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var evs []state.Event
		for d := range total {
			back := total - 1 - d
			if back >= gap.from && back < gap.from+gap.days {
				continue
			}
			at := day.AddDate(0, 0, d)
			kind := state.Done
			if d == 2 { // the one miss, near the start
				kind = state.Missed
			}
			evs = append(evs, state.Event{At: at.Add(time.Minute), Reminder: "magnesium", Kind: kind, Scheduled: at})
		}
		if err := s.AppendAll(evs); err != nil {
			t.Fatal(err)
		}
		now := day.AddDate(0, 0, total-1).Add(time.Hour)
		for _, days := range []int{1, 7, 30, 365} {
			got, err := s.Stats(days, now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			want := state.Stats(evs, days, now, time.UTC)
			if !slices.EqualFunc(got, want, equalStats) {
				t.Errorf("gap of %d days from %d days back, --days %d:\n got %+v\nwant %+v", gap.days, gap.from, days, brief(got), brief(want))
			}
		}
	}
}
