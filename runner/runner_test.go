package runner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
)

func TestVersion(t *testing.T) {
	if got := Version("v1.2.3"); got != "v1.2.3" {
		t.Errorf("Version(v1.2.3) = %q", got)
	}
	// A test binary has no module version: devel.
	if got := Version(""); got != "devel" {
		t.Errorf(`Version("") = %q, want devel`, got)
	}
}

// TestRunGivesTheDaemonWhatTheProcessHas: the options Run hands the
// daemon, with sync following the schedule file's sync: section, and none
// for the built-in default.
func TestRunGivesTheDaemonWhatTheProcessHas(t *testing.T) {
	dir := t.TempDir()
	folder := t.TempDir()
	path := filepath.Join(dir, "schedule.yaml")
	if err := os.WriteFile(path, []byte("sync:\n  folder: "+folder+"\n  name: desk\nreminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := config.Load(path); err != nil || s.Sync == nil {
		t.Fatalf("the test's schedule: %v, %+v", err, s)
	}
	hand := func(*config.Schedule) bool { return false }
	for _, builtin := range []bool{false, true} {
		var got daemon.Options
		err := Run(context.Background(), Options{
			SchedulePath: path, Builtin: builtin, StateDir: filepath.Join(dir, "state"), Stderr: os.Stderr, Version: "v9", HandOver: hand,
			Run: func(_ context.Context, o daemon.Options) error { got = o; return nil },
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.SchedulePath != path || got.Builtin != builtin || got.Version != "v9" || got.Logger == nil || got.Notifier == nil ||
			got.Ready == nil || got.HandOver == nil || got.ZoneFile != config.SystemZoneFile || got.Clock == nil {
			t.Errorf("builtin %v: daemon options %+v", builtin, got)
		}
		if builtin != (got.Devices == nil) {
			t.Errorf("builtin %v: devices %v; want sync only for a schedule file", builtin, got.Devices)
		}
		if !builtin {
			if _, ok := got.AlsoWatch[filepath.Join(dir, "state", devices.KeyFile)]; !ok {
				t.Errorf("the sync key is not watched: %v", got.AlsoWatch)
			}
		}
	}
}

// failing is a stderr that takes nothing: a program without a console
// (bedtime-daemon.exe) has none.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, os.ErrInvalid }

// TestLogFileWithoutStderr: with a stderr that fails every write, the log
// file still gets each line.
func TestLogFileWithoutStderr(t *testing.T) {
	t.Setenv("JOURNAL_STREAM", "")
	dir := t.TempDir()
	log, closeLog := Logger(dir, failing{})
	log.Info("bedtime started", "pid", 1)
	closeLog()
	b, err := os.ReadFile(filepath.Join(dir, LogFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `msg="bedtime started" pid=1`) {
		t.Errorf("the log file holds %q", b)
	}
}
