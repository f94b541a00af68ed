package channel

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func TestSecret(t *testing.T) {
	dir := t.TempDir()
	s1, err := loadSecret(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, SecretFile)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || fi.Size() != 32 {
		t.Fatalf("secret file mode %v size %d, want 0600 and 32 bytes", fi.Mode().Perm(), fi.Size())
	}
	s2, err := loadSecret(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s1.token("magnesium", at2030, ActionDone) != s2.token("magnesium", at2030, ActionDone) {
		t.Fatal("the secret changed between loads")
	}
	other, _ := loadSecret(t.TempDir())
	tok := s1.token("magnesium", at2030, ActionDone)
	tests := []struct {
		name string
		ok   bool
	}{
		{"same", s1.valid("magnesium", at2030, ActionDone, tok)},
		{"same instant in another zone", s1.valid("magnesium", at2030.UTC(), ActionDone, tok)},
		{"other action", !s1.valid("magnesium", at2030, ActionSnooze, tok)},
		{"other reminder", !s1.valid("hydration", at2030, ActionDone, tok)},
		{"other instant", !s1.valid("magnesium", at2030.Add(time.Second), ActionDone, tok)},
		{"other secret", !other.valid("magnesium", at2030, ActionDone, tok)},
		{"empty", !s1.valid("magnesium", at2030, ActionDone, "")},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("%s: wrong verdict", tt.name)
		}
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadSecret(dir); err == nil || !strings.Contains(err.Error(), "mode 0644") {
		t.Fatalf("loadSecret of a readable secret = %v", err)
	}
}

func TestCorruptOutbox(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, OutboxFile), []byte(`{"entries": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	log := &testutil.LogBuffer{}
	d, err := Open(Options{Dir: dir, Logger: log.Logger(slog.LevelDebug)})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	aside, _ := filepath.Glob(filepath.Join(dir, OutboxFile+".corrupt-*"))
	if len(aside) != 1 || readFile(t, aside[0]) != `{"entries": [` {
		t.Fatalf("the bad outbox was not kept aside: %v", aside)
	}
	if !strings.Contains(log.String(), "outbox does not parse") {
		t.Errorf("no warning in the log:\n%s", log)
	}
}
