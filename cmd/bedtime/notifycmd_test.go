//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

func TestNotifyCommandOnRealBus(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	srv := bus.StartServer(t, notifytest.Config{Capabilities: []string{"actions", "body", "body-markup"}})
	path := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(path, []byte("reminders:\n  walk: {at: \"19:00\", title: \"Walk & stretch\", message: \"Heels <first>\"}\n"), 0o600)
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)

	code, out, errOut := runAt(t, now, "notify", "walk", "--config", path)
	if code != 0 || out != "Shown: Walk & stretch\n" {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	n := srv.Next(t)
	if n.AppName != "bedtime" || n.Summary != "Walk & stretch" || n.Body != "Heels &lt;first&gt;" || len(n.Actions) != 0 {
		t.Fatalf("notification = app %q summary %q body %q actions %q", n.AppName, n.Summary, n.Body, n.Actions)
	}

	// A built-in text by variant.
	builtin := filepath.Join(t.TempDir(), "schedule.yaml")
	os.WriteFile(builtin, config.Template(), 0o600)
	code, _, _ = runAt(t, now, "notify", "magnesium", "--variant", "1", "--config", builtin)
	texts, _ := content.Texts("magnesium")
	if n := srv.Next(t); code != 0 || n.Summary != texts[0].Title {
		t.Fatalf("variant 1: exit %d, summary %q, want %q", code, n.Summary, texts[0].Title)
	}

	// No server: a clear error and a non-zero exit.
	srv.Stop()
	code, _, errOut = runAt(t, now, "notify", "walk", "--config", path)
	if code == 0 || !strings.Contains(errOut, "no notification server") {
		t.Fatalf("no server: exit %d, stderr %q", code, errOut)
	}
}
