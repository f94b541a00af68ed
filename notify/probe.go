package notify

// Report is what Probe found out about the desktop.
type Report struct {
	// Bus is the session bus and where its address came from.
	Bus BusAddress
	// Server is the notification server's own description.
	Server ServerInfo
	// Capabilities are the server's capabilities, such as "actions" and
	// "body-markup".
	Capabilities []string
	// Inhibited reports whether Do Not Disturb is on, by the server's
	// Inhibited property or GNOME's show-banners setting; InhibitedKnown
	// whether either tells.
	Inhibited, InhibitedKnown bool
	// ShowBanners is GNOME's show-banners setting (false is GNOME's Do Not
	// Disturb); ShowBannersKnown whether it could be read (on Linux, with
	// gsettings on PATH and the GNOME schema installed).
	ShowBanners, ShowBannersKnown bool
}

// Has reports whether the server has capability c.
func (r Report) Has(c string) bool {
	for _, x := range r.Capabilities {
		if x == c {
			return true
		}
	}
	return false
}

// Actions reports whether the server shows action buttons (Done, Snooze).
func (r Report) Actions() bool { return r.Has("actions") }

// ServerInfo is the answer to GetServerInformation.
type ServerInfo struct {
	Name, Vendor, Version, SpecVersion string
}

// BusAddress is a D-Bus address and where it was found.
type BusAddress struct {
	// Address is the D-Bus address, such as "unix:path=/run/user/1000/bus".
	Address string
	// Source is where it came from: "DBUS_SESSION_BUS_ADDRESS", or the
	// socket path that was found.
	Source string
}
