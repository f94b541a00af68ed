package daemon

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/synctest"
	"text/template"
	"time"
)

// The state directories older versions of bedtime left behind, kept under
// testdata/upgrade as they wrote them (trimmed), with every instant written
// {{at "DURATION"}}: that long after the moment of the upgrade, on the
// test's clock.

// oldStateDir writes the files of testdata/upgrade/name into a new state
// directory, their instants relative to now, and returns it.
func oldStateDir(t *testing.T, name string, now time.Time) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	funcs := template.FuncMap{"at": func(d string) (string, error) {
		dur, err := time.ParseDuration(d)
		return now.Add(dur).UTC().Format(time.RFC3339Nano), err
	}}
	src := filepath.Join("testdata", "upgrade", name)
	files, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		tmpl, err := template.New(f.Name()).Funcs(funcs).ParseFiles(filepath.Join(src, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, nil); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), out.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestUpgradeFromVersionOneKeepsItsSnoozes: version one kept a snooze as a
// time alone (no open instant: it had none), and showed the reminder again
// then, counted for the last instant it had shown. Today's daemon started
// on that state showed nothing at that time, though `bedtime next` listed
// it as snoozed: a magnesium snoozed before the package upgrade never came
// back. It comes back once, for the instant version one showed, and a
// reminder snoozed before it was ever shown comes at its snooze too.
func TestUpgradeFromVersionOneKeepsItsSnoozes(t *testing.T) {
	const schedule = `timezone: UTC
bedtime: "22:30"
reminders:
  magnesium: {at: "20:30"}
  hydration: {every: 2h, between: "08:00-20:00"}
  calf-stretch: {before_bedtime: 30m, routine: calf-stretch}
  evening-walk: {at: "19:00", title: "Evening walk"}
`
	synctest.Test(t, func(t *testing.T) {
		upgrade := at(0, 20, 40)
		dir := oldStateDir(t, "v1-snoozed", upgrade)
		sleepUntil(upgrade)
		b := startBubble(t, schedule, dir)
		sleepUntil(at(0, 20, 44))
		if got := b.drain(); len(got) != 0 {
			t.Fatalf("shown before the snooze ended: %v; log:\n%s", got, b.log)
		}
		sleepUntil(at(1, 7, 59))
		// The snoozed magnesium, for the instant version one showed; the
		// calf stretch snoozed before it was ever due, then its own
		// instant; nothing of the hydration version one had done, nor of
		// the evening walk it had shown.
		if got, want := b.drain(), []string{"magnesium@20:30", "calf-stretch@20:55", "calf-stretch@22:00"}; !slices.Equal(got, want) {
			t.Errorf("shown %v, want %v; log:\n%s", got, want, b.log)
		}
		stats, err := b.store().Stats(1, at(0, 23, 0), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, rs := range stats {
			if rs.Reminder != "magnesium" {
				continue
			}
			found = true
			if rs.Due != 1 || rs.Shown != 1 || rs.Snoozed != 1 || rs.Unattributed != 0 {
				t.Errorf("magnesium's day counted %+v, want its one instant shown and snoozed once", rs)
			}
		}
		if !found {
			t.Errorf("no stats of magnesium: %+v", stats)
		}
	})
}
