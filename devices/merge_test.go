package devices

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// Three devices over one folder each record what happened to the same
// instants; every device's merged stats count each instant once, and the
// lifecycle decides between them.
func TestMergedRecordCountsEachInstantOnce(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB, idC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	i1, i2, i3 := t0, t0.Add(time.Hour), t0.Add(2*time.Hour)
	e := func(kind state.Kind, sched time.Time, m int) state.Event {
		return state.Event{At: at(m), Reminder: "hydration", Kind: kind, Scheduled: sched}
	}
	history := map[string][]state.Event{
		// i1: shown on A and done there; held elsewhere on B; expired on C.
		// i2: shown on B and dismissed; done later on C's command line.
		// i3: missed on A (asleep), shown and unanswered on B.
		idA: {e(state.Shown, i1, 0), e(state.Done, i1, 2), e(state.Missed, i3, 130)},
		idB: {e(state.Held, i1, 0), e(state.Shown, i2, 60), e(state.Dismissed, i2, 61), e(state.Shown, i3, 120)},
		idC: {e(state.Shown, i1, 0), e(state.Expired, i1, 59), e(state.Done, i2, 70)},
	}
	for i, id := range []string{idA, idB, idC} {
		if err := d[i].Append(history[id]); err != nil {
			t.Fatal(err)
		}
	}
	now = t0.Add(3 * time.Hour)
	var first []state.ReminderStats
	for i, id := range []string{idA, idB, idC} {
		recs, err := d[i].Scan()
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, recs...) // read twice: changes nothing
		all, byDev := Merge(id, history[id], recs, time.Time{})
		stats := state.Stats(all, 1, now, time.UTC)
		if len(stats) != 1 {
			t.Fatalf("%s: stats = %+v", id, stats)
		}
		s := stats[0]
		if s.Due != 3 || s.Done != 2 || s.Missed != 0 || s.Unanswered != 1 {
			t.Errorf("%s: due %d done %d missed %d unanswered %d; want 3, 2, 0, 1", id, s.Due, s.Done, s.Missed, s.Unanswered)
		}
		if i == 0 {
			first = stats
		} else if s.Done != first[0].Done || s.Due != first[0].Due || s.Dismissed != first[0].Dismissed {
			t.Errorf("%s merged %+v, A merged %+v", id, s, first[0])
		}
		if got := len(byDev[idB]); got != 2*len(history[idB]) && id != idB {
			t.Errorf("%s: B's events %d", id, got)
		}
		mine := state.Stats(byDev[idC], 1, now, time.UTC)[0]
		if mine.Due != 2 || mine.Done != 1 {
			t.Errorf("%s: C alone due %d done %d, want 2, 1", id, mine.Due, mine.Done)
		}
	}
}

func TestHere(t *testing.T) {
	devs := []Device{
		{ID: idA, Presence: Presence{State: "away", Input: t0.Add(time.Hour)}},
		{ID: idB, Presence: Presence{State: "here", Input: t0}},
		{ID: idC, Presence: Presence{State: "here", Input: t0.Add(time.Minute)}},
	}
	if d, ok := Here(devs); !ok || d.ID != idC {
		t.Errorf("Here = %s, %v; want C", d.ID, ok)
	}
	devs[2].Presence.Input = t0
	if d, _ := Here(devs); d.ID != idB {
		t.Errorf("a tie: Here = %s, want B (the smaller id, on every device)", d.ID)
	}
	if _, ok := Here(devs[:1]); ok {
		t.Errorf("nobody here, Here says someone is")
	}
}

// Skips, snoozes and diary answers are state and diary, not history: the
// merged record holds none of them.
func TestMergeLeavesOutWhatIsNoHistory(t *testing.T) {
	others := []Record{
		{Device: idA, Event: ev(state.Shown, t0)},
		{Device: idA, Event: state.Event{At: t0}, Skip: &state.Mark{Reminder: "water", At: t0.Add(time.Hour)}},
		{Device: idA, Event: state.Event{At: t0}, Snooze: &Snooze{Reminder: "water", Scheduled: t0, Until: t0.Add(10 * time.Minute)}},
		{Device: idA, Event: state.Event{At: t0}, Diary: &diary.Entry{Night: "2026-12-06", At: t0, Via: diary.ViaCLI, Count: diary.Int(0)}},
	}
	all, byDev := Merge(idB, nil, others, time.Time{})
	if len(all) != 1 || all[0].Kind != state.Shown || len(byDev[idA]) != 1 {
		t.Errorf("merged %+v", all)
	}
}
