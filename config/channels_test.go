package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestChannelsGood(t *testing.T) {
	s, err := Load("testdata/good/channels.yaml")
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	tests := []struct {
		name string
		want Channel
	}{
		{"phone", Channel{Name: "phone", Line: 4, Column: 5, Ntfy: &NtfyChannel{
			Server: "https://ntfy.example.org", Topic: "bedtime-Xq7rT2pL9w", ReplyTopic: "bedtime-Xq7rT2pL9w-reply",
			TokenFile: filepath.Join(home, ".config/bedtime/ntfy-token"), Priority: 4}}},
		{"quiet-phone", Channel{Name: "quiet-phone", Line: 6, Column: 5, Ntfy: &NtfyChannel{
			Server: "http://127.0.0.1:8080", Topic: "bedtime_quiet", ReplyTopic: "answers", Priority: 2, Private: true}}},
		{"speak", Channel{Name: "speak", Line: 13, Column: 5, Command: &CommandChannel{
			Argv: []string{"espeak-ng", "{title}. {message}"}, Timeout: 10 * time.Second}}},
		{"log", Channel{Name: "log", Line: 16, Column: 5, Command: &CommandChannel{
			Argv: []string{"/usr/bin/logger", "-t", "bedtime", "{reminder} at {scheduled}"}, Timeout: DefaultCommandTimeout}}},
	}
	if got := len(s.Channels); got != len(tests) {
		t.Errorf("%d channels, want %d", got, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Channels[tt.name]
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("channel = %+v %+v %+v\nwant      %+v %+v %+v", got, got.Ntfy, got.Command, tt.want, tt.want.Ntfy, tt.want.Command)
			}
		})
	}
	uses := map[string]string{
		"magnesium":    "desktop phone",
		"calf-stretch": "quiet-phone speak",
		"hydration":    "log",
		"movement":     "desktop",
	}
	for name, want := range uses {
		r, _ := s.Reminder(name)
		if got := strings.Join(r.Channels, " "); got != want {
			t.Errorf("%s channels = %q, want %q", name, got, want)
		}
	}
	if !s.HasCommands() {
		t.Error("HasCommands = false")
	}
	if got, want := strings.Join(s.ChannelNames(), " "), "desktop log phone quiet-phone speak"; got != want {
		t.Errorf("ChannelNames = %q, want %q", got, want)
	}
}

func TestDefaultChannels(t *testing.T) {
	for _, r := range Default().Reminders {
		if !reflect.DeepEqual(r.Channels, []string{Desktop}) {
			t.Errorf("%s channels = %v, want [desktop]", r.Name, r.Channels)
		}
	}
	if Default().HasCommands() {
		t.Error("the default schedule runs commands")
	}
}

// TestCommandFileSafety checks that a schedule that runs programs is
// refused when someone else could change it, the way OpenSSH refuses an
// authorized_keys file.
func TestCommandFileSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits do not say who can write a file on Windows")
	}
	const withCommand = "channels:\n  speak:\n    command: [\"true\"]\nreminders:\n  magnesium: {at: \"20:30\", channels: [speak]}\n"
	const withoutCommand = "channels:\n  phone:\n    ntfy: {server: \"https://ntfy.sh\", topic: \"t0p1c\"}\nreminders:\n  magnesium: {at: \"20:30\"}\n"
	tests := []struct {
		name             string
		src              string
		fileMode, dirMod os.FileMode
		want             string // "" for no error; %s is the path
	}{
		{"private", withCommand, 0o600, 0o700, ""},
		{"readable by all", withCommand, 0o644, 0o755, ""},
		{"group-writable file", withCommand, 0o664, 0o700, "%s:3:5: channels.speak.command: runs a program, so no one else may be able to change the schedule: the file %s is writable by group (mode 0664); fix: chmod go-w %s"},
		{"world-writable file", withCommand, 0o646, 0o700, "the file %s is writable by others (mode 0646)"},
		{"group-writable directory", withCommand, 0o600, 0o770, "the directory %s is writable by group (mode 0770); fix: chmod go-w %s"},
		{"world-writable directory", withCommand, 0o600, 0o777, "the directory %s is writable by group and others (mode 0777)"},
		{"no command, loose modes", withoutCommand, 0o666, 0o777, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "bedtime")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "schedule.yaml")
			if err := os.WriteFile(path, []byte(tt.src), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.fileMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.dirMod); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Load = %v, want no error", err)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("Load = %v, want Errors", err)
			}
			target := path
			if strings.Contains(tt.want, "directory") {
				target = dir
			}
			want := strings.ReplaceAll(tt.want, "%s", target)
			if strings.HasPrefix(tt.want, "%s:") {
				want = path + strings.TrimPrefix(strings.ReplaceAll(tt.want[2:], "%s", target), "")
			}
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Load error:\n%v\nwant it to contain\n%s", err, want)
			}
			// In German, with the path and mode as they are.
			de := es.In(mustLocale(t, "de"))
			if !strings.Contains(de, "führt ein Programm aus") || !strings.Contains(de, target+" ist beschreibbar für") ||
				!strings.Contains(de, "(Modus 0") || strings.Contains(strings.ReplaceAll(de, dir, ""), "writable") {
				t.Errorf("in German:\n%s", de)
			}
		})
	}
}

func TestCommandFileOwner(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("changing a file's owner needs root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	src := "channels:\n  speak:\n    command: [\"true\"]\nreminders:\n  magnesium: {at: \"20:30\"}\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	// root may own the file (as with OpenSSH); another user may not.
	if _, err := Load(path); err != nil {
		t.Fatalf("root-owned: %v", err)
	}
	if err := os.Chown(path, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "is owned by uid 4242, not by you (uid 0); fix: chown 0 "+path) {
		t.Fatalf("Load of a file owned by someone else = %v", err)
	}
}
