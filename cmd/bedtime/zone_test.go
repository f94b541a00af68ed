package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tzif returns the compiled zone file of name: the system's, or Go's own
// copy when the system has none.
func tzif(t *testing.T, name string) []byte {
	t.Helper()
	if b, err := os.ReadFile(filepath.Join("/usr/share/zoneinfo", name)); err == nil {
		return b
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(filepath.Join(strings.TrimSpace(string(out)), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeZoneFile makes zoneFile a symlink into a private zoneinfo tree, as
// /etc/localtime is, and returns a function that points it at another zone
// the way `timedatectl set-timezone` does (a new link renamed over the old).
func fakeZoneFile(t *testing.T, zones ...string) (set func(zone string)) {
	t.Helper()
	dir := t.TempDir()
	for _, z := range zones {
		p := filepath.Join(dir, "zoneinfo", z)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, tzif(t, z), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "etc", "localtime")
	os.MkdirAll(filepath.Dir(link), 0o755)
	old := zoneFile
	zoneFile = link
	tz, hadTZ := os.LookupEnv("TZ")
	os.Unsetenv("TZ")
	t.Cleanup(func() {
		zoneFile = old
		if hadTZ {
			os.Setenv("TZ", tz)
		}
	})
	return func(zone string) {
		tmp := link + ".new"
		os.Remove(tmp)
		if err := os.Symlink(filepath.Join(dir, "zoneinfo", zone), tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, link); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSystemZone(t *testing.T) {
	set := fakeZoneFile(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	if got := systemZone().String(); got != "Europe/Berlin" {
		t.Fatalf("systemZone = %s", got)
	}
	set("America/New_York")
	loc := systemZone()
	if loc.String() != "America/New_York" {
		t.Fatalf("after the change: %s", loc)
	}
	if _, off := time.Date(2026, 7, 1, 12, 0, 0, 0, loc).Zone(); off != -4*3600 {
		t.Fatalf("New York summer offset = %d", off)
	}
	t.Setenv("TZ", "Asia/Kolkata")
	if systemZone() != time.Local {
		t.Fatal("TZ set: systemZone should be time.Local, as Go decides")
	}
}

// TestDaemonFollowsTimeZoneChange: the laptop's zone is changed while
// bedtime runs; a schedule without timezone moves with it at once.
func TestDaemonFollowsTimeZoneChange(t *testing.T) {
	set := fakeZoneFile(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	now := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC) // 20:00 in Berlin
	h := startDaemon(t, "reminders:\n  magnesium: {at: \"20:30\"}\n", now)
	h.idleUntil(time.Date(2026, 11, 25, 19, 30, 0, 0, time.UTC)) // 20:30 Berlin

	set("America/New_York")
	if s := h.reloaded(); s == nil || s.Location.String() != "America/New_York" {
		t.Fatalf("after the zone change: %+v", s)
	}
	h.idleUntil(time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC)) // 20:30 in New York
	if log := h.stderr.String(); !strings.Contains(log, `msg="time zone changed" from=Europe/Berlin to=America/New_York`) {
		t.Errorf("zone change not logged:\n%s", log)
	}
}
