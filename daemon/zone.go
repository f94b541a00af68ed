package daemon

import (
	"time"

	"github.com/bedtime-app/bedtime/config"
)

// SystemZone returns the zone the daemon fires in, read from zoneFile
// (normally /etc/localtime) as it is now: config.ReadSystemZone's Local.
// Go reads the zone once, at start, into time.Local; a daemon that runs for
// weeks reads it again, so that moving the laptop's clock to another zone
// moves the reminders with it. TZ in the environment, when set, wins, as it
// does for time.Local.
func SystemZone(zoneFile string) *time.Location {
	return config.ReadSystemZone(zoneFile).Local()
}

// sameZone reports whether a and b are the same zone: the same name, or,
// for unnamed ones, the same offsets through the coming year.
func sameZone(a, b *time.Location, now time.Time) bool {
	if a.String() != "Local" && a.String() == b.String() {
		return true
	}
	if a.String() != b.String() {
		return false
	}
	for t := now; t.Before(now.AddDate(1, 0, 0)); t = t.Add(24 * time.Hour) {
		_, oa := t.In(a).Zone()
		_, ob := t.In(b).Zone()
		if oa != ob {
			return false
		}
	}
	return true
}
