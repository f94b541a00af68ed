package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteFileIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bedtime")
	path := filepath.Join(dir, "schedule.yaml")
	if err := WriteFile(path, []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("b")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(dir)
	if di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", di.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); string(b) != "b" {
		t.Errorf("content %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left temporary files: %v", entries)
	}
}

func TestBackupNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	now := time.Date(2026, 11, 25, 22, 3, 0, 0, time.UTC)
	var got []string
	for _, content := range []string{"one", "two"} {
		os.WriteFile(path, []byte(content), 0o600)
		b, err := Backup(path, now)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, b)
	}
	if got[0] != path+".2026-11-25T220300.bak" || got[1] != path+".2026-11-25T220300-2.bak" {
		t.Fatalf("backups = %v", got)
	}
	if b, _ := os.ReadFile(got[0]); string(b) != "one" {
		t.Errorf("first backup = %q", b)
	}
	if fi, _ := os.Stat(got[1]); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
}
