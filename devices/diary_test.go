package devices

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// Three computers' diaries, answered on each, read as the person's one
// diary on every one of them: for each field the latest answer wins,
// whichever computer it was given on; each answer counts once, however
// often it is published or read.
func TestDiaryMergedAcrossThreeComputers(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	ids := []string{idA, idB, idC}
	folders := devs(t, root, k, &now, ids...)
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	night := diary.Night(t0.AddDate(0, 0, -1))
	morning := t0.Add(-12 * time.Hour) // 08:00 on the morning after the night
	said := []struct {
		on int
		e  diary.Entry
	}{
		// On A at 08:00: cramps, severity 4, left leg.
		{0, diary.Entry{Night: night, At: morning, Via: diary.ViaDesktop, Answer: diary.AnswerSome, Severity: diary.Int(4), Leg: diary.LegLeft}},
		// On B at 08:10: severity 8 after all (the latest severity).
		{1, diary.Entry{Night: night, At: morning.Add(10 * time.Minute), Via: diary.ViaCLI, Severity: diary.Int(8)}},
		// On C at 08:05: sleep 6 and a note; its severity is not touched.
		{2, diary.Entry{Night: night, At: morning.Add(5 * time.Minute), Via: diary.ViaPhone, Sleep: diary.Int(6), Note: "woke twice"}},
		// On A at 09:00: the right leg, in fact.
		{0, diary.Entry{Night: night, At: morning.Add(time.Hour), Via: diary.ViaCLI, Leg: diary.LegRight}},
	}
	for _, s := range said {
		if err := diary.Open(dirs[s.on], nil).Append(s.e); err != nil {
			t.Fatal(err)
		}
	}
	for round := range 2 { // the second round publishes nothing new
		for i := range ids {
			n, err := PublishDiary(folders[i], dirs[i])
			if err != nil {
				t.Fatal(err)
			}
			if want := []int{2, 1, 1}[i]; round == 0 && n != want || round == 1 && n != 0 {
				t.Errorf("round %d: %s published %d answers", round, ids[i][:1], n)
			}
		}
	}
	// The folder's copy of B's diary is read again (a sync tool replaced
	// the file): nothing counts twice.
	for i := range ids {
		others, err := folders[i].Scan()
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Open(root, ids[i], k, Options{Now: func() time.Time { return now }})
		more, _ := again.Scan()
		local, err := diary.Open(dirs[i], nil).Read()
		if err != nil {
			t.Fatal(err)
		}
		nights := diary.Fold(MergeDiary(ids[i], local, append(others, more...)))
		if len(nights) != 1 {
			t.Fatalf("%s: %d nights, want 1: %+v", ids[i][:1], len(nights), nights)
		}
		r := nights[0]
		if r.Status != diary.StatusCramps || r.Severity != 8 || !r.Bad || r.Sleep != 6 || r.Leg != diary.LegRight || r.Note != "woke twice" || r.Entries != 4 || !r.Said.Equal(morning.Add(time.Hour)) {
			t.Errorf("%s reads the night as %+v", ids[i][:1], r)
		}
	}
	// A diary line another computer's reader would refuse is not taken
	// from the folder: it is garbage there, and reported.
	bad := diary.Entry{Night: night, At: morning, Via: diary.ViaCLI, Severity: diary.Int(99)}
	if err := folders[1].AppendDiary([]diary.Entry{bad}); err != nil {
		t.Fatal(err)
	}
	recs, _ := folders[0].Scan()
	for _, r := range recs {
		if r.Diary != nil {
			t.Errorf("a severity of 99 was read from the folder: %+v", r.Diary)
		}
	}
	if len(folders[0].Problems()) == 0 {
		t.Error("the refused diary line is not reported")
	}
}

// TestDiaryTieReadAlikeOnEveryComputer: two computers answer the same
// night differently at the same instant (the phone's button pressed as
// the desktop's was, a clock of whole seconds). Each computer reads the
// person's one diary, so both must read the night the same way; they
// used to read it each the other's way, since each put its own answer
// first and the latest answer wins.
func TestDiaryTieReadAlikeOnEveryComputer(t *testing.T) {
	night := diary.Night(t0.AddDate(0, 0, -1))
	at := t0.Add(-12 * time.Hour)
	said := map[string]diary.Entry{
		idA: {Night: night, At: at, Via: diary.ViaDesktop, Answer: diary.AnswerNone},
		idB: {Night: night, At: at, Via: diary.ViaPhone, Answer: diary.AnswerBad},
	}
	read := map[string]diary.NightRecord{}
	for self, local := range said {
		var others []Record
		for id, e := range said {
			if id != self {
				others = append(others, Record{Device: id, Event: state.Event{At: e.At}, Diary: &e})
			}
		}
		nights := diary.Fold(MergeDiary(self, []diary.Entry{local}, others))
		if len(nights) != 1 || nights[0].Entries != 2 {
			t.Fatalf("%s reads %+v, want one night of two answers", self[:1], nights)
		}
		read[self] = nights[0]
	}
	if a, b := read[idA], read[idB]; a.Status != b.Status || a.Bad != b.Bad {
		t.Errorf("A reads the night as %s (bad %v), B as %s (bad %v)", a.Status, a.Bad, b.Status, b.Bad)
	}
}
