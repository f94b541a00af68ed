package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStatsInAReadOnlyStateDir: stats, a command that only reads, in a
// state directory it cannot write (a read-only mount, or a directory
// without write permission) gives the right streak without its
// checkpoint, warns once that the checkpoint cannot be written, and
// leaves nothing behind. As root, whom permissions do not stop, the
// directory is mounted read-only over itself in the helper's own mount
// namespace; as anyone else it is made 0500.
func TestStatsInAReadOnlyStateDir(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	const total = 400
	evs, now := streakHistory(t, s, total)
	want := Stats(evs, 7, now, time.UTC)
	if len(want) != 1 || want[0].Streak != total-3 {
		t.Fatalf("Stats = %+v, want a streak of %d", want, total-3)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadOnlyHelper$")
	cmd.Env = append(os.Environ(), "BEDTIME_READONLY_HELPER="+s.Dir(), "BEDTIME_READONLY_NOW="+now.Format(time.RFC3339))
	if os.Getuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS}
	} else {
		if err := os.Chmod(s.Dir(), 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(s.Dir(), 0o700) })
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("helper: %v\n%s", err, stderr.String())
	}
	var got []ReminderStats
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("helper said %q: %v", stdout.String(), err)
	}
	if len(got) != 1 || got[0].Streak != want[0].Streak || got[0].Done != want[0].Done || got[0].Due != want[0].Due {
		t.Errorf("Store.Stats in a read-only directory = %+v, want %+v", got, want)
	}
	if n := strings.Count(stderr.String(), "cannot write the streak checkpoint"); n != 1 {
		t.Errorf("%d warnings that the checkpoint cannot be written, want 1:\n%s", n, stderr.String())
	}
	entries, err := os.ReadDir(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "history.jsonl" && e.Name() != "history.lock" {
			t.Errorf("left in the state directory: %s", e.Name())
		}
	}
}

// TestReadOnlyHelper is not a test: it is the helper process of
// TestStatsInAReadOnlyStateDir, which makes the state directory read-only
// (as root, here, in this process's own mount namespace), checks that it
// is, and prints Store.Stats as JSON.
func TestReadOnlyHelper(t *testing.T) {
	dir := os.Getenv("BEDTIME_READONLY_HELPER")
	if dir == "" {
		return
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	if os.Getuid() == 0 {
		if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
			fail(err)
		}
		if err := syscall.Mount("", dir, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			fail(err)
		}
	}
	probe, err := os.CreateTemp(dir, "probe")
	if err == nil {
		probe.Close()
		os.Remove(probe.Name())
		fail(errors.New("the state directory is writable"))
	}
	now, err := time.Parse(time.RFC3339, os.Getenv("BEDTIME_READONLY_NOW"))
	if err != nil {
		fail(err)
	}
	s, err := Open(dir)
	if err != nil {
		fail(err)
	}
	s.SetLogger(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	rs, err := s.Stats(7, now, time.UTC)
	if err != nil {
		fail(err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(rs); err != nil {
		fail(err)
	}
	os.Exit(0)
}
