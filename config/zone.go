package config

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SystemZoneFile is where Linux and macOS keep the system's time zone
// setting: a link into the zoneinfo tree.
const SystemZoneFile = "/etc/localtime"

// Zone is the system's time zone as ReadSystemZone found it.
type Zone struct {
	// Name is the zone's IANA name, such as "Europe/Berlin"; "UTC" for an
	// empty TZ; "Local" when the setting has no name.
	Name string
	// Source says where the zone came from: "TZ", the zone file's path, or
	// "the system" when neither names it.
	Source string
	// Loc is the zone; nil when TZ names a zone this system does not know.
	Loc *time.Location
}

// ReadSystemZone reads the system's time zone as it is now: TZ when it is
// set, as Go's time.Local does, else zoneFile (normally SystemZoneFile),
// read again on every call so that a long-running process follows a change
// of zone. It is the one place bedtime reads the system zone.
func ReadSystemZone(zoneFile string) Zone {
	if tz, ok := os.LookupEnv("TZ"); ok {
		name := strings.TrimPrefix(tz, ":")
		if name == "" {
			return Zone{Name: "UTC", Source: "TZ", Loc: time.UTC}
		}
		loc, err := time.LoadLocation(name)
		if err != nil {
			return Zone{Name: name, Source: "TZ"}
		}
		return Zone{Name: name, Source: "TZ", Loc: loc}
	}
	unknown := Zone{Name: time.Local.String(), Source: "the system", Loc: time.Local}
	data, err := os.ReadFile(zoneFile)
	if err != nil {
		return unknown
	}
	z := Zone{Name: "Local", Source: "the system"}
	if target, err := filepath.EvalSymlinks(zoneFile); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
			z.Name, z.Source = name, zoneFile
		}
	}
	loc, err := time.LoadLocationFromTZData(z.Name, data)
	if err != nil {
		return unknown
	}
	z.Loc = loc
	return z
}

// Local returns the zone as Go's time.Local has it when TZ is set (TZ was
// read once, at start, and an unknown TZ means UTC), and the zone read from
// the zone file otherwise.
func (z Zone) Local() *time.Location {
	if z.Source == "TZ" || z.Loc == nil {
		return time.Local
	}
	return z.Loc
}

// Named returns the zone with its IANA name where it has one (a calendar
// gets "Europe/Berlin" rather than "Local"), and time.Local when TZ names
// an unknown zone.
func (z Zone) Named() *time.Location {
	if z.Loc == nil {
		return time.Local
	}
	return z.Loc
}
