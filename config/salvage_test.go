package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestSalvage: of a file with errors, the reminders without errors are
// kept when every error is inside a reminder; an error outside them (the
// YAML, the zone, the bedtime, a routine, a channel) keeps nothing.
func TestSalvage(t *testing.T) {
	const good = "  magnesium: {at: \"20:30\"}\n  hydration: {every: 2h, between: \"08:00-20:00\"}\n"
	tests := []struct {
		name string
		src  string
		want []string // the reminders kept; nil: nothing salvaged
	}{
		{"no errors", "reminders:\n" + good, []string{"magnesium", "hydration"}},
		{"an error in one reminder", "reminders:\n" + good + "  calf-stretch: {at: \"25:00\"}\n", []string{"magnesium", "hydration"}},
		{"errors in two reminders", "reminders:\n" + good + "  a: {at: \"25:00\"}\n  b: {every: 0m}\n", []string{"magnesium", "hydration"}},
		{"a field it does not know", "reminders:\n" + good + "  walk: {at: \"19:00\", colour: red}\n", []string{"magnesium", "hydration"}},
		{"a name defined twice: neither", "reminders:\n" + good + "  magnesium: {at: \"21:00\"}\n", []string{"hydration"}},
		{"a routine it does not know", "reminders:\n" + good + "  stretch: {at: \"22:00\", routine: nope}\n", []string{"magnesium", "hydration"}},
		{"every reminder broken", "reminders:\n  a: {at: \"25:00\"}\n", nil},
		{"the time zone", "timezone: Mars/Base\nreminders:\n" + good, nil},
		{"the bedtime", "bedtime: \"26:00\"\nreminders:\n" + good, nil},
		{"a routine's definition", "routines:\n  mine: {steps: 3}\nreminders:\n" + good, nil},
		{"a channel's definition", "channels:\n  phone: {type: pigeon}\nreminders:\n" + good, nil},
		{"not YAML", "reminders:\n\tmagnesium: {at: \"20:30\"}\n", nil},
		{"no reminders section", "bedtime: \"22:30\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, perr := ParseIn("schedule.yaml", []byte(tt.src), time.UTC)
			if tt.name != "no errors" && perr == nil {
				t.Fatalf("ParseIn took the file; the case needs one it refuses")
			}
			s := SalvageIn("schedule.yaml", []byte(tt.src), time.UTC)
			if tt.want == nil {
				if s != nil {
					t.Fatalf("salvaged %d reminders, want none (%v)", len(s.Reminders), perr)
				}
				return
			}
			if s == nil {
				t.Fatalf("nothing salvaged, want %v (%v)", tt.want, perr)
			}
			var got []string
			for _, r := range s.Reminders {
				got = append(got, r.Name)
				if r.Schedule == nil {
					t.Errorf("%s has no schedule", r.Name)
				}
			}
			if !slices.Equal(got, tt.want) || s.Path != "schedule.yaml" {
				t.Errorf("salvaged %v from %q, want %v from schedule.yaml", got, s.Path, tt.want)
			}
		})
	}
}

// TestLoadSalvage reads the file: what is kept of a file with errors, none
// when there is nothing to keep, and an error when it cannot be read.
func TestLoadSalvage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	if err := os.WriteFile(path, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n  bad: {at: \"25:00\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := LoadSalvage(path, time.UTC)
	if err != nil || s == nil || len(s.Reminders) != 1 || s.Reminders[0].Name != "magnesium" {
		t.Fatalf("LoadSalvage = %+v, %v; want magnesium alone", s, err)
	}
	if _, err := LoadSalvage(filepath.Join(dir, "none.yaml"), time.UTC); !IsNotExist(err) {
		t.Errorf("LoadSalvage of no file: %v, want not exist", err)
	}
}
