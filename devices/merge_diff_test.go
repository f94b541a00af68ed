package devices

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// Merge and MergeWith merge as Merge did before it sorted keys instead
// of records (oldMerge, legacy_test.go): generated histories of three
// devices, with what a hostile or odd folder adds: events read twice,
// ties at one instant across devices, a clock ahead, events out of order,
// Missed and Shown of one instant on several devices, records that are no
// history, times in other zones and with a monotonic clock reading.
func TestMergeMergesAsBefore(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	kinds := []state.Kind{state.Shown, state.Missed, state.Done, state.Held, state.Expired, state.Shown, state.Missed}
	odd := func(n int, seed uint64) []state.Event {
		evs := history(3, seed)
		zones := []*time.Location{time.UTC, time.FixedZone("", 3600), time.FixedZone("X", -5*3600-1800), time.Local}
		for range n {
			sched := benchEnd.Add(-time.Duration(rnd.IntN(6)) * time.Hour)
			at := sched.Add(time.Duration(rnd.IntN(3)) * time.Minute) // ties
			if rnd.IntN(10) == 0 {
				at = at.Add(400 * 24 * time.Hour) // a clock far ahead
			}
			if rnd.IntN(10) == 0 {
				at = at.Add(time.Duration(rnd.IntN(1000))) // nanoseconds
			}
			evs = append(evs, state.Event{
				At: at.In(zones[rnd.IntN(len(zones))]), Reminder: []string{"water", "movement"}[rnd.IntN(2)],
				Kind: kinds[rnd.IntN(len(kinds))], Scheduled: sched,
			})
		}
		rnd.Shuffle(len(evs)/10, func(i, j int) { evs[i], evs[j] = evs[j], evs[i] }) // some out of order
		return evs
	}
	dropped := 0
	for round := range 40 {
		local := odd(60, uint64(round))
		var others []Record
		for _, id := range []string{idC, idB, idA} { // not in id order
			for _, ev := range odd(60, uint64(round+100)) {
				others = append(others, Record{Device: id, Event: ev})
			}
		}
		others = append(others, others[:len(others)/3]...) // read twice
		others = append(others,
			Record{Device: idB, Event: state.Event{At: benchEnd}, Skip: &state.Mark{Reminder: "water", At: benchEnd}},
			Record{Device: idC, Event: state.Event{At: benchEnd}, Diary: &diary.Entry{Night: "2026-11-30", At: benchEnd}},
		)
		if round%4 == 0 {
			local = append(local, state.Event{At: time.Now(), Reminder: "water", Kind: state.Shown, Scheduled: benchEnd})
			others = append(others, Record{Device: idB, Event: state.Event{At: time.Now(), Reminder: "water", Kind: state.Missed, Scheduled: benchEnd}})
		}
		self := []string{idA, idB, "dddddddddddddddd"}[round%3]
		since := []time.Time{{}, benchEnd.AddDate(0, 0, -1), benchEnd.Add(-3 * time.Hour)}[round%3]
		wantAll, wantSplit := oldMerge(self, local, others, since)
		all, split := Merge(self, local, others, since)
		n := 0
		for _, evs := range wantSplit {
			n += len(evs)
		}
		dropped += n - len(wantAll)
		if !reflect.DeepEqual(all, wantAll) {
			t.Fatalf("round %d: merged %d events, before %d, or others", round, len(all), len(wantAll))
		}
		if !reflect.DeepEqual(split, wantSplit) {
			t.Fatalf("round %d: the split differs", round)
		}
		all, split = MergeWith(self, local, others, since, MergeOptions{})
		if !reflect.DeepEqual(all, wantAll) || split != nil {
			t.Fatalf("round %d: MergeWith without the split merged otherwise (split %v)", round, split != nil)
		}
	}
	if dropped == 0 {
		t.Errorf("no Missed yielded to another device's Shown: the test tests too little")
	}
	for _, c := range []struct {
		local  []state.Event
		others []Record
	}{{}, {local: history(1, 1)}, {others: []Record{{Device: idB, Event: state.Event{At: benchEnd}, Skip: &state.Mark{Reminder: "x", At: benchEnd}}}}} {
		wantAll, wantSplit := oldMerge(idA, c.local, c.others, time.Time{})
		all, split := Merge(idA, c.local, c.others, time.Time{})
		if !reflect.DeepEqual(all, wantAll) || !reflect.DeepEqual(split, wantSplit) {
			t.Errorf("merge of %d and %d = %v, %v; before %v, %v", len(c.local), len(c.others), all, split, wantAll, wantSplit)
		}
	}
}
