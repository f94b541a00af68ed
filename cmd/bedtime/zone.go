package main

import "github.com/bedtime-app/bedtime/config"

// zoneFile returns the system's time zone setting: app.ZoneFile, or
// config.SystemZoneFile.
func (app *App) zoneFile() string {
	if app.ZoneFile != "" {
		return app.ZoneFile
	}
	return config.SystemZoneFile
}
