package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(path), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestPruneBackups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	touch(t, path)
	var all []string // oldest first
	for day := 1; day <= 4; day++ {
		base := fmt.Sprintf("schedule.yaml.2026-11-%02dT220300", day)
		for _, n := range []string{".bak", "-2.bak", "-10.bak"} {
			all = append(all, base+n)
		}
	}
	for _, n := range all {
		touch(t, filepath.Join(dir, n))
	}
	others := []string{"other.yaml.2026-11-01T220300.bak", "schedule.yaml.notes.bak", "schedule.yaml.2026-11-01T220300.bak~"}
	for _, n := range others {
		touch(t, filepath.Join(dir, n))
	}
	if err := os.Mkdir(filepath.Join(dir, "schedule.yaml.2026-01-01T000000.bak"), 0o700); err != nil {
		t.Fatal(err)
	}

	if err := PruneBackups(path, 10, ""); err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{"schedule.yaml", "schedule.yaml.2026-01-01T000000.bak"}, others...), all[2:]...)
	slices.Sort(want)
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("left\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
