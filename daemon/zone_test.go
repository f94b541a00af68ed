package daemon

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

// fakeZoneFile makes a symlink into a private zoneinfo tree, as
// /etc/localtime is, and returns its path and a function that points it at
// another zone the way `timedatectl set-timezone` does (a new link renamed
// over the old). It unsets TZ for the test.
func fakeZoneFile(t *testing.T, zones ...string) (path string, set func(zone string)) {
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
	tz, hadTZ := os.LookupEnv("TZ")
	os.Unsetenv("TZ")
	t.Cleanup(func() {
		if hadTZ {
			os.Setenv("TZ", tz)
		}
	})
	return link, func(zone string) {
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
	file, set := fakeZoneFile(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	if got := SystemZone(file).String(); got != "Europe/Berlin" {
		t.Fatalf("SystemZone = %s", got)
	}
	set("America/New_York")
	loc := SystemZone(file)
	if loc.String() != "America/New_York" {
		t.Fatalf("after the change: %s", loc)
	}
	if _, off := time.Date(2026, 7, 1, 12, 0, 0, 0, loc).Zone(); off != -4*3600 {
		t.Fatalf("New York summer offset = %d", off)
	}
	if SystemZone(filepath.Join(t.TempDir(), "none")) != time.Local {
		t.Fatal("no zone file: SystemZone should be time.Local")
	}
	t.Setenv("TZ", "Asia/Kolkata")
	if SystemZone(file) != time.Local {
		t.Fatal("TZ set: SystemZone should be time.Local, as Go decides")
	}
}

func TestSameZone(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	paris, _ := time.LoadLocation("Europe/Paris")
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	if !sameZone(berlin, berlin, now) || sameZone(berlin, paris, now) {
		t.Fatal("named zones compare by name")
	}
	a, _ := time.LoadLocationFromTZData("Local", tzif(t, "Europe/Berlin"))
	b, _ := time.LoadLocationFromTZData("Local", tzif(t, "Europe/Berlin"))
	c, _ := time.LoadLocationFromTZData("Local", tzif(t, "America/New_York"))
	if !sameZone(a, b, now) || sameZone(a, c, now) {
		t.Fatal("unnamed zones compare by their offsets")
	}
}
