package presence

import (
	"encoding/json"
	"testing"
	"time"
)

// TestCoreTransitions feeds the core observations at given times and checks
// the state after each, with an injected clock.
func TestCoreTransitions(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	const away = 5 * time.Minute
	type step struct {
		now  time.Duration // when the event arrives and the state is read
		ev   *event        // nil: only read the state
		want State
		// since is when the state began, relative to t0.
		since   time.Duration
		source  string
		changed bool
	}
	idle := func(since time.Duration, src string) *event { return &event{kind: evIdle, at: at(since), source: src} }
	active := func(when time.Duration, src string) *event { return &event{kind: evActive, at: at(when), source: src} }
	lock := func(when time.Duration, src string) *event { return &event{kind: evLocked, at: at(when), source: src} }
	unlock := func(when time.Duration, src string) *event {
		return &event{kind: evUnlocked, at: at(when), source: src}
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"here until idle for away.after, then away since the last input", []step{
			{now: 0, want: Here, since: 0, source: SourceMutter},
			// logind says idle since 9:01; at 9:03 that is not yet 5m.
			{now: 3 * time.Minute, ev: idle(time.Minute, SourceLogind), want: Here, since: 0, source: SourceLogind},
			{now: 5*time.Minute + 59*time.Second, want: Here, since: 0, source: SourceLogind},
			{now: 6 * time.Minute, want: Away, since: time.Minute, source: SourceLogind, changed: true},
		}},
		{"an idle watch fires: away at once", []step{
			{now: 5 * time.Minute, ev: idle(0, SourceMutter), want: Away, since: 0, source: SourceMutter, changed: true},
			{now: 7 * time.Minute, ev: active(7*time.Minute, SourceMutter), want: Here, since: 7 * time.Minute, source: SourceMutter, changed: true},
		}},
		{"activity before away.after: still here, no change", []step{
			{now: 2 * time.Minute, ev: idle(time.Minute, SourceX11), want: Here, since: 0, source: SourceX11},
			{now: 3 * time.Minute, ev: active(3*time.Minute, SourceX11), want: Here, since: 0, source: SourceX11},
		}},
		{"lock, then unlock: locked, then here since the unlock", []step{
			{now: time.Minute, ev: lock(time.Minute, SourceLogind), want: Locked, since: time.Minute, source: SourceLogind, changed: true},
			// Idle while locked: still locked.
			{now: 6 * time.Minute, ev: idle(time.Minute, SourceMutter), want: Locked, since: time.Minute, source: SourceLogind},
			{now: 30 * time.Minute, ev: unlock(30*time.Minute, SourceLogind), want: Here, since: 30 * time.Minute, source: SourceMutter, changed: true},
		}},
		{"two lock sources: locked until both unlock", []step{
			{now: time.Minute, ev: lock(time.Minute, SourceLogind), want: Locked, since: time.Minute, source: SourceLogind, changed: true},
			{now: 2 * time.Minute, ev: lock(2*time.Minute, "org.gnome.ScreenSaver"), want: Locked, since: time.Minute, source: "org.gnome.ScreenSaver"},
			{now: 3 * time.Minute, ev: unlock(3*time.Minute, SourceLogind), want: Locked, since: time.Minute, source: "org.gnome.ScreenSaver"},
			{now: 4 * time.Minute, ev: unlock(4*time.Minute, "org.gnome.ScreenSaver"), want: Here, since: 4 * time.Minute, source: SourceMutter, changed: true},
		}},
		{"away, then locked, then unlock is here", []step{
			{now: 5 * time.Minute, ev: idle(0, SourceMutter), want: Away, since: 0, source: SourceMutter, changed: true},
			{now: 8 * time.Minute, ev: lock(8*time.Minute, "org.gnome.ScreenSaver"), want: Locked, since: 8 * time.Minute, source: "org.gnome.ScreenSaver", changed: true},
			{now: 40 * time.Minute, ev: unlock(40*time.Minute, "org.gnome.ScreenSaver"), want: Here, since: 40 * time.Minute, source: SourceMutter, changed: true},
		}},
		{"a repeated idle report keeps the first since", []step{
			{now: 5 * time.Minute, ev: idle(0, SourceMutter), want: Away, since: 0, source: SourceMutter, changed: true},
			{now: 9 * time.Minute, ev: idle(4*time.Minute, SourceMutter), want: Away, since: 0, source: SourceMutter},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCore(away, SourceMutter, t0)
			for i, st := range tt.steps {
				if st.ev != nil {
					c.apply(*st.ev)
				}
				got, changed := c.status(at(st.now))
				want := Status{State: st.want, Since: at(st.since), Source: st.source}
				if got != want || changed != st.changed {
					t.Fatalf("step %d at +%v: status = %v (changed %v), want %v (changed %v)", i, st.now, got, changed, want, st.changed)
				}
			}
		})
	}
}

// TestCoreDeadline checks the one timer the monitor sets: when an idle
// session turns away by itself.
func TestCoreDeadline(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := newCore(5*time.Minute, SourceLogind, t0)
	if _, ok := c.deadline(t0); ok {
		t.Fatal("deadline while here, want none")
	}
	c.apply(event{kind: evIdle, at: t0.Add(time.Minute), source: SourceLogind})
	got, ok := c.deadline(t0.Add(2 * time.Minute))
	if want := t0.Add(6 * time.Minute); !ok || !got.Equal(want) {
		t.Fatalf("deadline = %v, %v; want %v", got, ok, want)
	}
	if _, ok := c.deadline(t0.Add(6 * time.Minute)); ok {
		t.Fatal("deadline after it passed, want none")
	}
	c.apply(event{kind: evLocked, at: t0.Add(3 * time.Minute), source: SourceLogind})
	if _, ok := c.deadline(t0.Add(3 * time.Minute)); ok {
		t.Fatal("deadline while locked, want none")
	}
}

func TestStatusJSONAndDescribe(t *testing.T) {
	since := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	st := Status{State: Away, Since: since, Source: SourceMutter}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"state":"away","since":"2026-12-01T09:00:00Z","source":"GNOME idle monitor"}`; got != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
	var back Status
	if err := json.Unmarshal(b, &back); err != nil || back != st {
		t.Errorf("round trip = %v, %v; want %v", back, err, st)
	}
	if err := json.Unmarshal([]byte(`{"state":"gone"}`), &back); err == nil {
		t.Error("unknown state accepted")
	}
	for _, tt := range []struct {
		after time.Duration
		want  string
	}{
		{12*time.Minute + 40*time.Second, "away for 12m (GNOME idle monitor)"},
		{2*time.Hour + 5*time.Minute, "away for 2h5m (GNOME idle monitor)"},
		{3 * time.Hour, "away for 3h (GNOME idle monitor)"},
		{40*time.Second + 300*time.Millisecond, "away for 40s (GNOME idle monitor)"},
		{-time.Second, "away for 0s (GNOME idle monitor)"},
	} {
		if got := st.Describe(since.Add(tt.after)); got != tt.want {
			t.Errorf("Describe(+%v) = %q, want %q", tt.after, got, tt.want)
		}
	}
}

func TestStateString(t *testing.T) {
	for s, want := range map[State]string{Here: "here", Away: "away", Locked: "locked", State(7): "State(7)"} {
		if got := s.String(); got != want {
			t.Errorf("State(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}
