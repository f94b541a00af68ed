package devices

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

func TestPeersElectAndPhone(t *testing.T) {
	now := t0
	heard := func(id, st string, input time.Time, written time.Time) Device {
		return Device{ID: id, Presence: Presence{Name: id[:1], State: st, Input: input, Written: written}}
	}
	tests := []struct {
		name      string
		self      string
		here      string
		input     time.Time
		others    []Device
		want      string // "" this one
		wantPhone bool
	}{
		{"alone", idB, "here", now, nil, "", true},
		{"the person is here, there is older input elsewhere", idB, "here", now, []Device{heard(idA, "here", now.Add(-time.Hour), now)}, "", false},
		{"the person is at the other computer", idB, "away", now.Add(-time.Hour), []Device{heard(idA, "here", now.Add(-time.Minute), now)}, "a (" + idA[:6] + ")", false},
		{"no presence anywhere: the smallest id", idB, "", time.Time{}, []Device{heard(idC, "", time.Time{}, now), heard(idA, "", time.Time{}, now)}, "a (" + idA[:6] + ")", false},
		{"no presence anywhere, this is the smallest", idA, "", time.Time{}, []Device{heard(idC, "", time.Time{}, now)}, "", true},
		{"never held for a computer not heard from", idB, "away", now.Add(-time.Hour), []Device{heard(idA, "here", now, now.Add(-HeardWithin-time.Minute))}, "", true},
		{"a presence file never read takes no part", idB, "", time.Time{}, []Device{{ID: idA}}, "", true},
		{"never held for a computer where bedtime stopped", idB, "away", now.Add(-time.Hour), []Device{heard(idA, Stopped, time.Time{}, now)}, "", true},
		{"a stopped computer neither sends to the phone", idB, "", time.Time{}, []Device{heard(idA, Stopped, time.Time{}, now), heard(idC, "", time.Time{}, now)}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPeers(tt.self, func() time.Time { return now })
			p.update(tt.others, nil)
			if got := p.Elect(tt.here, tt.input); got != tt.want {
				t.Errorf("Elect = %q, want %q", got, tt.want)
			}
			if got := p.SendsToPhone(); got != tt.wantPhone {
				t.Errorf("SendsToPhone = %v, want %v", got, tt.wantPhone)
			}
		})
	}
}

func TestPeersHandled(t *testing.T) {
	now := t0
	p := NewPeers(idB, func() time.Time { return now })
	p.update(nil, []Record{{Device: idA, Event: state.Event{At: t0, Reminder: "hydration", Kind: state.Held, Scheduled: t0}}})
	if p.Handled("hydration", t0, time.Time{}) {
		t.Error("a Held elsewhere counts as handled")
	}
	p.update(nil, []Record{{Device: idA, Event: state.Event{At: t0, Reminder: "hydration", Kind: state.Shown, Scheduled: t0}}})
	if !p.Handled("hydration", t0, time.Time{}) || p.Handled("hydration", t0.Add(time.Hour), time.Time{}) {
		t.Error("Handled does not tell the instant shown elsewhere")
	}
	now = now.Add(3 * HeardWithin)
	p.update(nil, nil)
	if p.Handled("hydration", t0, time.Time{}) || len(p.handled) != 0 {
		t.Error("what is old is kept")
	}
}

// Three computers over one folder, each with its own view (a Folder and
// Peers) and scripted presence: every one of them agrees on which shows a
// reminder and which sends to the phone.
func TestThreeComputersAgree(t *testing.T) {
	root, k := t.TempDir(), mustKey(t)
	now := t0
	clock := func() time.Time { return now }
	ids := []string{idA, idB, idC}
	folders := devs(t, root, k, &now, ids...)
	type where struct {
		state string
		input time.Time
	}
	script := []struct {
		name      string
		at        map[string]where
		shows     string // the id that shows
		phone     string
		staleFrom string // a computer not heard from since long ago
	}{
		{"the person at B, most recently", map[string]where{idA: {"here", t0.Add(-time.Hour)}, idB: {"here", t0.Add(-time.Minute)}, idC: {"away", t0.Add(-3 * time.Hour)}}, idB, idA, ""},
		{"the person moved to C", map[string]where{idA: {"away", t0.Add(-time.Hour)}, idB: {"locked", t0.Add(-time.Minute)}, idC: {"here", t0}}, idC, idA, ""},
		{"no presence anywhere", map[string]where{idA: {}, idB: {}, idC: {}}, idA, idA, ""},
		{"A silent for a day: nothing is held for it", map[string]where{idA: {}, idB: {}, idC: {}}, idB, idB, idA},
	}
	for _, step := range script {
		t.Run(step.name, func(t *testing.T) {
			for _, id := range ids {
				written := now
				if id == step.staleFrom {
					written = now.Add(-24 * time.Hour)
				}
				f, _ := Open(root, id, k, Options{Now: func() time.Time { return written }})
				w := step.at[id]
				if err := f.WritePresence(Presence{Name: id[:1], State: w.state, Input: w.input}); err != nil {
					t.Fatal(err)
				}
			}
			shows, phone := 0, 0
			for i, id := range ids {
				if id == step.staleFrom {
					continue // asleep: it decides nothing
				}
				folders[i].Scan()
				p := NewPeers(id, clock)
				p.update(folders[i].Devices(), nil)
				w := step.at[id]
				if p.Elect(w.state, w.input) == "" {
					shows++
					if id != step.shows {
						t.Errorf("%s shows it, want %s", id[:1], step.shows[:1])
					}
				}
				if p.SendsToPhone() {
					phone++
					if id != step.phone {
						t.Errorf("%s sends to the phone, want %s", id[:1], step.phone[:1])
					}
				}
			}
			if shows != 1 || phone != 1 {
				t.Errorf("%d computers show it and %d send to the phone, want 1 and 1", shows, phone)
			}
		})
	}
}

// A Live elector is alone (everything here, this computer sends to the
// phone) until it is given Peers, asks them while it has them, and is
// alone again when sync is taken out of the schedule.
func TestLiveFollowsThePeersItIsGiven(t *testing.T) {
	now := t0
	var l Live
	alone := func(when string) {
		t.Helper()
		if got := l.Elect("away", now.Add(-time.Hour)); got != "" {
			t.Errorf("%s: Elect = %q, want this computer", when, got)
		}
		if !l.SendsToPhone() || l.Handled("hydration", t0, time.Time{}) {
			t.Errorf("%s: SendsToPhone %v, Handled %v; want true, false", when, l.SendsToPhone(), l.Handled("hydration", t0, time.Time{}))
		}
	}
	alone("before sync")
	p := NewPeers(idB, func() time.Time { return now })
	p.update([]Device{{ID: idA, Presence: Presence{Name: "a", State: "here", Input: now, Written: now}}},
		[]Record{{Device: idA, Event: state.Event{At: t0, Reminder: "hydration", Kind: state.Shown, Scheduled: t0}}})
	l.Set(p)
	if got, want := l.Elect("away", now.Add(-time.Hour)), "a ("+idA[:6]+")"; got != want {
		t.Errorf("sharing: Elect = %q, want %q", got, want)
	}
	if l.SendsToPhone() || !l.Handled("hydration", t0, time.Time{}) {
		t.Errorf("sharing: SendsToPhone %v, Handled %v; want false, true", l.SendsToPhone(), l.Handled("hydration", t0, time.Time{}))
	}
	l.Set(nil)
	alone("after sync was taken out")
}
