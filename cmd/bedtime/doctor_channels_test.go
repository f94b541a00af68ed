//go:build linux

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/channel/ntfytest"
)

// TestDoctorChannels checks the channel lines of `bedtime doctor` against
// an ntfy server double: the phone gets a test message, and a command
// whose program is missing fails with a fix.
func TestDoctorChannels(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	srv := ntfytest.New(t)
	dir := filepath.Join(t.TempDir(), "bedtime")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "schedule.yaml")
	src := `channels:
  phone:
    ntfy: {server: "` + srv.URL() + `", topic: "bedtime-doctortest1234"}
  speak:
    command: ["no-such-program-bedtime-test", "{title}"]
  tokenless:
    ntfy: {server: "` + srv.URL() + `", topic: "bedtime-doctortest5678", token_file: "` + filepath.Join(dir, "missing-token") + `"}
reminders:
  magnesium: {at: "20:30", channels: [desktop, phone, speak]}
`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Run(context.Background(), []string{"--config", path, "doctor"}, strings.NewReader(""), &out, &errOut)
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	lines := strings.Split(out.String(), "\n")
	for _, want := range []string{
		"OK   channel phone: ntfy " + srv.URL() + ", topic bedt…: reachable, a test message was published",
		"FAIL channel speak: command no-such-program-bedtime-test: ",
		"FAIL channel tokenless: token_file: ",
	} {
		line := findLine(t, lines, want)
		if strings.HasPrefix(line, "FAIL") && !strings.Contains(line, "; fix: ") {
			t.Errorf("failed check without a fix: %q", line)
		}
	}
	if got := srv.Messages("bedtime-doctortest1234"); len(got) != 1 || got[0].Title != "bedtime doctor" {
		t.Errorf("test messages = %+v, want one titled \"bedtime doctor\"", got)
	}
}
