package config

import (
	"os"
	"path/filepath"
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
