package daemon

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config/zonetest"
)

func TestSystemZone(t *testing.T) {
	file, set := zonetest.File(t, "Europe/Berlin", "America/New_York")
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
	a, _ := time.LoadLocationFromTZData("Local", zonetest.Tzif(t, "Europe/Berlin"))
	b, _ := time.LoadLocationFromTZData("Local", zonetest.Tzif(t, "Europe/Berlin"))
	c, _ := time.LoadLocationFromTZData("Local", zonetest.Tzif(t, "America/New_York"))
	if !sameZone(a, b, now) || sameZone(a, c, now) {
		t.Fatal("unnamed zones compare by their offsets")
	}
}
