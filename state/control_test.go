package state

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/scheduler"
)

func TestControlChanges(t *testing.T) {
	t.Parallel()
	store, err := Open(filepath.Join(t.TempDir(), "state"))
	if err != nil {
		t.Fatal(err)
	}
	at := func(hhmm string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", "2026-11-25 "+hhmm)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if was, err := store.Resume(at("17:00")); err != nil || was {
		t.Fatalf("Resume when not paused = %v, %v; want false", was, err)
	}
	if err := store.Pause(at("21:00"), at("17:00"), time.UTC); err != nil {
		t.Fatal(err)
	}
	if err := store.Skip("magnesium", at("20:30")); err != nil {
		t.Fatal(err)
	}
	if err := store.StopRoutine(at("17:01")); err != nil {
		t.Fatal(err)
	}
	hourly := &scheduler.Daily{Times: []scheduler.TimeOfDay{{Hour: 18}}, Location: time.UTC}
	water := Answer{Reminder: "water", Schedule: hourly, CatchUp: 15 * time.Minute}
	tests := []struct {
		name      string
		kind      Kind
		at        string
		until     string
		wantSched string
		wantErr   func(error) bool
	}{
		{"nothing due yet", Done, "17:30", "", "", func(err error) bool { return errors.Is(err, ErrNothing) }},
		{"snoozed within its grace, never shown", Snoozed, "18:05", "18:15", "18:00", nil},
		{"done", Done, "18:10", "", "18:00", nil},
		{"done again", Done, "18:11", "", "", func(err error) bool { var a *AlreadyError; return errors.As(err, &a) }},
	}
	for _, tt := range tests {
		a := water
		a.Kind, a.At, a.Detail = tt.kind, at(tt.at), tt.until
		if tt.until != "" {
			a.SnoozeUntil = at(tt.until)
		}
		sched, err := store.Answer(a)
		switch {
		case tt.wantErr != nil:
			if !tt.wantErr(err) {
				t.Errorf("%s: error %v", tt.name, err)
			}
		case err != nil || !sched.Equal(at(tt.wantSched)):
			t.Errorf("%s: Answer = %v, %v; want %s", tt.name, sched, err, tt.wantSched)
		}
		if tt.kind == Snoozed && err == nil {
			if st, _ := store.Load(); !st.Snoozes["water"].Equal(at(tt.until)) {
				t.Errorf("%s: snoozed until %v, want %s", tt.name, st.Snoozes["water"], tt.until)
			}
		}
	}
	if was, err := store.Resume(at("19:00")); err != nil || !was {
		t.Fatalf("Resume when paused = %v, %v; want true", was, err)
	}
	st, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !st.PausedUntil.IsZero() || !st.Skips["magnesium"].Equal(at("20:30")) || !st.RoutineStop.Equal(at("17:01")) || st.Closed["water"].Kind != Done {
		t.Fatalf("state = %+v", st)
	}
	evs, err := store.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		got = append(got, string(ev.Kind)+" "+ev.Reminder+" "+ev.Detail)
	}
	want := []string{"paused  until 2026-11-25T21:00:00Z", "snoozed water command, 18:15", "done water command", "resumed  "}
	if len(got) != len(want) {
		t.Fatalf("history = %q\nwant      %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("history[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestPauseLimit: Store.Pause refuses a pause that ends more than
// MaxPause after now, or not after now, and writes nothing then.
func TestPauseLimit(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 20, 22, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name    string
		until   time.Time
		tooLong bool
		ok      bool
		want    time.Time // the end kept, when not until
	}{
		{"an hour", now.Add(time.Hour), false, true, time.Time{}},
		{"over new year, within the limit", time.Date(2027, 1, 19, 22, 0, 0, 0, time.UTC), false, true, time.Time{}},
		{"MaxPause exactly", now.Add(MaxPause), false, true, time.Time{}},
		{"a second more", now.Add(MaxPause + time.Second), true, false, time.Time{}},
		{"eleven years", time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC), true, false, time.Time{}},
		{"now", now, false, false, time.Time{}},
		{"the past", now.Add(-time.Hour), false, false, time.Time{}},
		// A pause ends on a whole second, as its history line says and
		// as another computer follows it; never earlier than asked.
		{"to a fraction of a second", now.Add(time.Hour + 300*time.Millisecond), false, true, now.Add(time.Hour + time.Second)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			store, err := Open(filepath.Join(t.TempDir(), "state"))
			if err != nil {
				t.Fatal(err)
			}
			err = store.Pause(tt.until, now, time.UTC)
			if (err == nil) != tt.ok || errors.Is(err, ErrPauseTooLong) != tt.tooLong {
				t.Fatalf("Pause = %v; want ok %v, too long %v", err, tt.ok, tt.tooLong)
			}
			st, err := store.Load()
			if err != nil {
				t.Fatal(err)
			}
			want := map[bool]time.Time{true: tt.until}[tt.ok]
			if !tt.want.IsZero() {
				want = tt.want
			}
			if !st.PausedUntil.Equal(want) {
				t.Errorf("paused until %v, want %v", st.PausedUntil, want)
			}
		})
	}
}
