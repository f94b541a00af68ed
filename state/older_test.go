package state

import (
	"os"
	"testing"
	"time"
)

// TestLoadOpensOldSnoozes: a snooze in a state file of version one (no
// open or finished instant of its reminder) is read as its last handled
// instant, open and snoozed, or, with none handled, as an instant at the
// snooze's own time, as version one showed it; a snooze of today's files
// is read as written.
func TestLoadOpensOldSnoozes(t *testing.T) {
	now := time.Date(2026, 12, 7, 20, 40, 0, 0, time.UTC)
	ts := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339Nano) }
	for _, c := range []struct {
		name, file string
		want       map[string]Instant
	}{
		{
			"version one, a snooze of the last instant shown",
			`{"last": {"magnesium": "` + ts(-10*time.Minute) + `"}, "snoozes": {"magnesium": "` + ts(5*time.Minute) + `"}, "done": {"magnesium": "` + ts(-20*time.Hour) + `"}}`,
			map[string]Instant{"magnesium": {Scheduled: now.Add(-10 * time.Minute), Status: Snoozed, Since: now.Add(-10 * time.Minute)}},
		},
		{
			"version one, a snooze of a reminder never shown",
			`{"snoozes": {"calf-stretch": "` + ts(15*time.Minute) + `"}}`,
			map[string]Instant{"calf-stretch": {Scheduled: now.Add(15 * time.Minute), Status: Snoozed, Since: now.Add(15 * time.Minute)}},
		},
		{
			"today, a snoozed open instant",
			`{"last": {"magnesium": "` + ts(-10*time.Minute) + `"}, "open": {"magnesium": {"scheduled": "` + ts(-10*time.Minute) + `", "status": "snoozed", "since": "` + ts(-5*time.Minute) + `"}}, "snoozes": {"magnesium": "` + ts(5*time.Minute) + `"}}`,
			map[string]Instant{"magnesium": {Scheduled: now.Add(-10 * time.Minute), Status: Snoozed, Since: now.Add(-5 * time.Minute)}},
		},
		{
			"today, the repeat of an instant closed unanswered",
			`{"last": {"movement": "` + ts(-10*time.Minute) + `"}, "closed": {"movement": {"scheduled": "` + ts(-10*time.Minute) + `", "kind": "dismissed", "at": "` + ts(-time.Minute) + `"}}, "snoozes": {"movement": "` + ts(5*time.Minute) + `"}}`,
			map[string]Instant{},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _ := open(t)
			if err := os.WriteFile(s.StatePath(), []byte(c.file), 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := s.Load()
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Open) != len(c.want) {
				t.Fatalf("open %+v, want %+v", st.Open, c.want)
			}
			for name, want := range c.want {
				got, ok := st.Open[name]
				if !ok || !got.Scheduled.Equal(want.Scheduled) || got.Status != want.Status || !got.Since.Equal(want.Since) {
					t.Errorf("open %s = %+v, want %+v", name, got, want)
				}
			}
		})
	}
}
