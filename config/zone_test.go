package config

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

func TestReadSystemZone(t *testing.T) {
	file, set := fakeZoneFile(t, "Europe/Berlin", "America/New_York")
	set("Europe/Berlin")
	if z := ReadSystemZone(file); z.Name != "Europe/Berlin" || z.Source != file || z.Local().String() != "Europe/Berlin" || z.Named() != z.Loc {
		t.Fatalf("ReadSystemZone = %+v", z)
	}
	set("America/New_York")
	loc := ReadSystemZone(file).Local()
	if loc.String() != "America/New_York" {
		t.Fatalf("after the change: %s", loc)
	}
	if _, off := time.Date(2026, 7, 1, 12, 0, 0, 0, loc).Zone(); off != -4*3600 {
		t.Fatalf("New York summer offset = %d", off)
	}
	if z := ReadSystemZone(filepath.Join(t.TempDir(), "none")); z.Local() != time.Local || z.Source != "the system" {
		t.Fatalf("no zone file: %+v, want time.Local from the system", z)
	}
	// A copy rather than a link has no name.
	copied := filepath.Join(t.TempDir(), "localtime")
	os.WriteFile(copied, tzif(t, "Europe/Berlin"), 0o644)
	if z := ReadSystemZone(copied); z.Name != "Local" || z.Source != "the system" || z.Loc == nil {
		t.Fatalf("copied zone file: %+v", z)
	}
	for _, tt := range []struct {
		tz, name string
		loc      bool
	}{
		{"Asia/Kolkata", "Asia/Kolkata", true},
		{":Asia/Kolkata", "Asia/Kolkata", true},
		{"", "UTC", true},
		{"Mars/Olympus_Mons", "Mars/Olympus_Mons", false},
	} {
		t.Setenv("TZ", tt.tz)
		z := ReadSystemZone(file)
		if z.Name != tt.name || z.Source != "TZ" || (z.Loc != nil) != tt.loc {
			t.Errorf("TZ=%q: %+v, want name %q, a zone %v", tt.tz, z, tt.name, tt.loc)
		}
		if z.Local() != time.Local {
			t.Errorf("TZ=%q: Local = %v, want time.Local, as Go decides", tt.tz, z.Local())
		}
		if tt.loc && z.Named().String() != tt.name {
			t.Errorf("TZ=%q: Named = %v", tt.tz, z.Named())
		}
		if !tt.loc && z.Named() != time.Local {
			t.Errorf("TZ=%q: Named = %v, want time.Local", tt.tz, z.Named())
		}
	}
}
