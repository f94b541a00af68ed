package service

import (
	"strings"
	"testing"
	"time"
)

// TestSpecFromArgs: what install writes reads back as the same Spec, the
// flag that lets the daemon start before the file exists included, and
// what is not a bedtime command line is refused.
func TestSpecFromArgs(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		want   Spec
		wantOK bool
	}{
		{"plain", []string{"/bin/bedtime", "run", "--config", "/s.yaml"}, Spec{Executable: "/bin/bedtime", ConfigPath: "/s.yaml"}, true},
		{"or-builtin", []string{"/bin/bedtime", "run", "--config", "/s.yaml", "--or-builtin"}, Spec{Executable: "/bin/bedtime", ConfigPath: "/s.yaml", OrBuiltin: true}, true},
		{"flag first", []string{"/bin/bedtime", "run", "--or-builtin", "--config", "/s.yaml"}, Spec{Executable: "/bin/bedtime", ConfigPath: "/s.yaml", OrBuiltin: true}, true},
		{"a path that looks like the flag", []string{"/bin/bedtime", "run", "--config", "--or-builtin"}, Spec{Executable: "/bin/bedtime", ConfigPath: "--or-builtin"}, true},
		{"not run", []string{"/bin/bedtime", "next", "--config", "/s.yaml"}, Spec{}, false},
		{"no config", []string{"/bin/bedtime", "run", "--builtin", "--or-builtin"}, Spec{}, false},
		{"too short", []string{"/bin/bedtime", "run"}, Spec{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := specFromArgs(tt.args)
			if ok != tt.wantOK || (ok && got != tt.want) {
				t.Errorf("specFromArgs(%q) = %+v, %v; want %+v, %v", tt.args, got, ok, tt.want, tt.wantOK)
			}
			if ok {
				back := append([]string{got.Executable}, got.Args()...)
				if again, _ := specFromArgs(back); again != got {
					t.Errorf("Args of %+v (%s) read back as %+v", got, strings.Join(back, " "), again)
				}
			}
		})
	}
}

// TestStartedAt: the managers' start times, as status prints them, are
// read as instants for status --json; anything else is unknown (zero).
func TestStartedAt(t *testing.T) {
	tests := []struct {
		since string
		want  time.Time
	}{
		{"Tue 2025-11-25 21:54:01 UTC", time.Date(2025, 11, 25, 21, 54, 1, 0, time.UTC)}, // systemd, the lock
		{"Tue Nov 25 21:54:01 2025", time.Date(2025, 11, 25, 21, 54, 1, 0, time.Local)},  // ps lstart (launchd)
		{"Mon Dec  7 06:45:41 2026", time.Date(2026, 12, 7, 6, 45, 41, 0, time.Local)},   // a one-digit day
		{"", time.Time{}},
		{"n/a", time.Time{}},
	}
	for _, tt := range tests {
		if got := startedAt(tt.since); !got.Equal(tt.want) {
			t.Errorf("startedAt(%q) = %v, want %v", tt.since, got, tt.want)
		}
	}
}
