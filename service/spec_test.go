package service

import (
	"os"
	"path/filepath"
	"runtime"
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
		// A service installed beside a bedtime-daemon runs that: its
		// bedtime is the one in its directory.
		{"bedtime-daemon", []string{"/opt/bt/bedtime-daemon", "run", "--config", "/s.yaml", "--or-builtin"},
			Spec{Executable: "/opt/bt/bedtime", Daemon: "/opt/bt/bedtime-daemon", ConfigPath: "/s.yaml", OrBuiltin: true}, true},
		{"bedtime-daemon.exe", []string{"/opt/bt/bedtime-daemon.exe", "run", "--config", "/s.yaml"},
			Spec{Executable: "/opt/bt/bedtime.exe", Daemon: "/opt/bt/bedtime-daemon.exe", ConfigPath: "/s.yaml"}, true},
		{"bedtime-daemon.EXE", []string{"/opt/bt/bedtime-daemon.EXE", "run", "--config", "/s.yaml"},
			Spec{Executable: "/opt/bt/bedtime.EXE", Daemon: "/opt/bt/bedtime-daemon.EXE", ConfigPath: "/s.yaml"}, true},
		// Only that name: another program ending in -daemon is a bedtime.
		{"not bedtime-daemon", []string{"/opt/bt/my-bedtime-daemon", "run", "--config", "/s.yaml"},
			Spec{Executable: "/opt/bt/my-bedtime-daemon", ConfigPath: "/s.yaml"}, true},
		{"bedtime-daemon not run", []string{"/opt/bt/bedtime-daemon", "tray", "--config", "/s.yaml"}, Spec{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := specFromArgs(tt.args)
			if ok != tt.wantOK || (ok && got != tt.want) {
				t.Errorf("specFromArgs(%q) = %+v, %v; want %+v, %v", tt.args, got, ok, tt.want, tt.wantOK)
			}
			if ok {
				back := append([]string{got.Program()}, got.Args()...)
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

// TestDaemonBeside: the service runs bedtime-daemon when it is beside the
// bedtime binary (bedtime-daemon.exe beside bedtime.exe), and bedtime
// itself when it is not, or is nothing that can run.
func TestDaemonBeside(t *testing.T) {
	tests := []struct {
		name   string
		exe    string            // the bedtime binary, in the test's directory
		files  map[string]uint32 // what else is there, and its mode (0: a directory)
		daemon string            // what DaemonBeside returns: a name in the directory, or ""
	}{
		{"beside", "bedtime", map[string]uint32{"bedtime-daemon": 0o755}, "bedtime-daemon"},
		{"not beside", "bedtime", nil, ""},
		{"only elsewhere", "bedtime", map[string]uint32{"sub/bedtime-daemon": 0o755}, ""},
		{"windows .exe", "bedtime.exe", map[string]uint32{"bedtime-daemon.exe": 0o755}, "bedtime-daemon.exe"},
		{"windows .exe, a daemon without .exe", "bedtime.exe", map[string]uint32{"bedtime-daemon": 0o755}, ""},
		{"windows .exe, none", "bedtime.exe", nil, ""},
		{"a directory of that name", "bedtime", map[string]uint32{"bedtime-daemon": 0}, ""},
		{"not executable", "bedtime", map[string]uint32{"bedtime-daemon": 0o644}, ""},
		{"a bedtime of another name", "bedtime-1.2", map[string]uint32{"bedtime-daemon": 0o755}, "bedtime-daemon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, mode := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if mode == 0 {
					if err := os.MkdirAll(p, 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("#!/bin/sh\n"), os.FileMode(mode)); err != nil {
					t.Fatal(err)
				}
			}
			if strings.HasPrefix(tt.name, "not executable") && runtime.GOOS == "windows" {
				t.Skip("Windows has no executable bit")
			}
			want := ""
			if tt.daemon != "" {
				want = filepath.Join(dir, tt.daemon)
			}
			if got, err := DaemonBeside(filepath.Join(dir, tt.exe)); got != want || err != nil {
				t.Errorf("DaemonBeside(%s) = %q, %v; want %q", tt.exe, got, err, want)
			}
		})
	}
}

// daemonBeside is DaemonBeside for a test's files, which are no Go
// programs and so of no build that could differ.
func daemonBeside(t *testing.T, exe string) string {
	t.Helper()
	p, err := DaemonBeside(exe)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
