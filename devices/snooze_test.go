package devices

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// A snooze on one of three computers moves the instant on all of them:
// the others follow it (their notification closes, their state says
// snoozed until the same time), the echo each writes back changes
// nothing, and when it comes again one computer, the elected one, shows
// it; the others see that it did (and not merely that it was shown before
// the snooze).
func TestSnoozeMovesTheInstantEverywhere(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	ids := []string{idA, idB, idC}
	folders := devs(t, root, k, &now, ids...)
	clock := func() time.Time { return now }
	dirs := make([]string, 3)
	stores := make([]*state.Store, 3)
	peers := make([]*Peers, 3)
	sent := make([]sentState, 3)
	for i, id := range ids {
		dirs[i] = t.TempDir()
		st, err := state.Open(dirs[i])
		if err != nil {
			t.Fatal(err)
		}
		stores[i], peers[i] = st, NewPeers(id, clock)
	}
	const name = "hydration"
	step := func(i int, kind state.Kind, source string) {
		t.Helper()
		if _, err := stores[i].Record(func(s *state.State) ([]state.Event, error) {
			evs, err := s.Apply(state.Step{Reminder: name, Scheduled: t0, Kind: kind, At: now, Source: source})
			s.Last[name] = t0
			return evs, err
		}); err != nil {
			t.Fatal(err)
		}
	}
	// sync publishes each computer's history and state, then each reads
	// the others' and follows them, as Keep does.
	sync := func() (followed [3]int) {
		t.Helper()
		for i := range ids {
			if _, err := Publish(folders[i], dirs[i]); err != nil {
				t.Fatal(err)
			}
			st, _ := stores[i].Load()
			if err := sent[i].publish(folders[i], st); err != nil {
				t.Fatal(err)
			}
		}
		for i := range ids {
			recs, err := folders[i].Scan()
			if err != nil {
				t.Fatal(err)
			}
			peers[i].update(folders[i].Devices(), recs)
			n, err := Follow(stores[i], recs, now, func(id string) string { return id[:1] })
			if err != nil {
				t.Fatal(err)
			}
			followed[i] = n
		}
		return followed
	}
	// A shows the instant; B and C hold it for A.
	step(0, state.Due, "")
	step(0, state.Shown, "")
	for i := 1; i < 3; i++ {
		step(i, state.Due, "")
		if _, err := stores[i].Record(func(s *state.State) ([]state.Event, error) {
			return s.Apply(state.Step{Reminder: name, Scheduled: t0, Kind: state.Held, At: now, Detail: "elsewhere: a"})
		}); err != nil {
			t.Fatal(err)
		}
	}
	sync()
	// Five minutes on, the person snoozes it on A for ten minutes.
	now = t0.Add(5 * time.Minute)
	until := now.Add(10 * time.Minute)
	if _, err := stores[0].Change(func(tx *state.Tx) error {
		if _, err := tx.Step(state.Step{Reminder: name, Scheduled: t0, Kind: state.Snoozed, At: now, Source: "button"}); err != nil {
			return err
		}
		tx.SetSnooze(name, until)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(5 * time.Second)
	if got := sync(); got != [3]int{0, 1, 1} {
		t.Fatalf("followed %v, want B and C to follow A's snooze once each", got)
	}
	for i := 1; i < 3; i++ {
		s, _ := stores[i].Load()
		if in := s.Open[name]; in.Status != state.Snoozed || !in.Scheduled.Equal(t0) || !s.Snoozes[name].Equal(until) {
			t.Errorf("%s after A's snooze: open %+v, snoozed until %v; want snoozed until %v", ids[i][:1], in, s.Snoozes[name], until)
		}
	}
	// B's and C's echoes of the snooze come back to A (and to each other):
	// nothing changes anywhere.
	now = now.Add(5 * time.Second)
	if got := sync(); got != [3]int{} {
		t.Fatalf("the echoes changed the state: followed %v", got)
	}
	// The snooze comes due; the person is now at C: every computer elects C.
	now = until
	presence := map[string]Presence{idA: {Name: "a", State: "away", Since: t0}, idB: {Name: "b", State: "away", Since: t0}, idC: {Name: "c", State: "here", Since: now.Add(-time.Minute), Input: now.Add(-time.Minute)}}
	for i, id := range ids {
		if err := folders[i].WritePresence(presence[id]); err != nil {
			t.Fatal(err)
		}
	}
	sync()
	since := now
	shows := 0
	for i, id := range ids {
		p := presence[id]
		if peers[i].Elect(p.State, p.Input) == "" {
			shows++
			if id != idC {
				t.Errorf("%s shows the snooze, want c", id[:1])
			}
		}
		// Held elsewhere from since: shown before the snooze is not shown again.
		if i != 2 && peers[i].Handled(name, t0, since) {
			t.Errorf("%s counts the snoozed instant shown again before anyone did", id[:1])
		}
	}
	if shows != 1 {
		t.Fatalf("%d computers show the snooze, want 1", shows)
	}
	// C shows it; A and B, holding it, read that it was shown.
	step(2, state.Shown, "")
	now = now.Add(10 * time.Second)
	sync()
	for i := range 2 {
		if !peers[i].Handled(name, t0, since) {
			t.Errorf("%s does not see that c showed the snooze", ids[i][:1])
		}
	}
}
