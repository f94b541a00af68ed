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
	if p.Handled("hydration", t0) {
		t.Error("a Held elsewhere counts as handled")
	}
	p.update(nil, []Record{{Device: idA, Event: state.Event{At: t0, Reminder: "hydration", Kind: state.Shown, Scheduled: t0}}})
	if !p.Handled("hydration", t0) || p.Handled("hydration", t0.Add(time.Hour)) {
		t.Error("Handled does not tell the instant shown elsewhere")
	}
	now = now.Add(3 * HeardWithin)
	p.update(nil, nil)
	if p.Handled("hydration", t0) || len(p.handled) != 0 {
		t.Error("what is old is kept")
	}
}
