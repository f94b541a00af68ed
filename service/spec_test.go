package service

import (
	"strings"
	"testing"
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
