package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSyncSection(t *testing.T) {
	home, _ := os.UserHomeDir()
	tests := []struct {
		name, yaml string
		want       *Sync
	}{
		{"absent", "", nil},
		{"folder", "sync:\n  folder: /srv/sync/bedtime\n", &Sync{Folder: "/srv/sync/bedtime"}},
		{"home and name", "sync: {folder: ~/Sync/bedtime/, name: work laptop}\n", &Sync{Folder: filepath.Join(home, "Sync/bedtime"), Name: "work laptop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.yaml")
			os.WriteFile(path, []byte(tt.yaml+"reminders:\n  hydration: {every: 1h}\n"), 0o600)
			s, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Sync
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Fatalf("Sync = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// syncNamePattern is what isSyncName checks by hand.
const syncNamePattern = `^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,39}$`

func TestIsSyncName(t *testing.T) {
	re := regexp.MustCompile(syncNamePattern)
	tests := []struct {
		name string
		want bool
	}{
		{"work-laptop", true}, {"work laptop", true}, {"Élodie's Mac", true}, {"rechner_2.lan", true},
		{"7", true}, {"東京のPC", true}, {"٣ laptop", true}, {"Ⅻ", true},
		{strings.Repeat("a", 40), true}, {strings.Repeat("é", 40), true},
		{"", false}, {" laptop", false}, {"-laptop", false}, {".", false},
		{strings.Repeat("a", 41), false}, {strings.Repeat("é", 41), false},
		{"work\nlaptop", false}, {"laptop\n", false}, {"a\tb", false}, {"a/b", false},
		{"a\u200bb", false}, {"a\xffb", false}, {"\xff", false}, {"smile 😀", false},
	}
	for _, tt := range tests {
		if got := isSyncName(tt.name); got != tt.want {
			t.Errorf("isSyncName(%q) = %v, want %v", tt.name, got, tt.want)
		}
		if got := re.MatchString(tt.name); got != tt.want {
			t.Errorf("the pattern matches %q: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// FuzzSyncName: the hand check and the pattern it replaces agree.
func FuzzSyncName(f *testing.F) {
	re := regexp.MustCompile(syncNamePattern)
	for _, s := range []string{"work-laptop", "Élodie's Mac", "", "a\xffb", strings.Repeat("é", 41)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isSyncName(s), re.MatchString(s); got != want {
			t.Fatalf("isSyncName(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
