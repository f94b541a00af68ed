package config

import (
	"github.com/bedtime-app/bedtime/config/zonetest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReadSystemZone(t *testing.T) {
	file, set := zonetest.File(t, "Europe/Berlin", "America/New_York")
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
	os.WriteFile(copied, zonetest.Tzif(t, "Europe/Berlin"), 0o644)
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
