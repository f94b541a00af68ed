package main

// systemZoneFile is the system's time zone setting, which the daemon
// watches so that reminders follow a change of zone.
const systemZoneFile = "/etc/localtime"

// zoneFile returns the system's time zone setting: app.ZoneFile, or
// systemZoneFile.
func (app *App) zoneFile() string {
	if app.ZoneFile != "" {
		return app.ZoneFile
	}
	return systemZoneFile
}
