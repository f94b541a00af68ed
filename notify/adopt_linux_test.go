package notify

import "testing"

func TestParsePopupRef(t *testing.T) {
	tests := []struct {
		ref   string
		bus   string
		owner string
		id    uint32
		ok    bool
	}{
		{"dbus:0123abcd::1.42:7", "0123abcd", ":1.42", 7, true},
		{"dbus:0123abcd:1.42:7", "", "", 0, false},
		{"dbus:0123abcd::1.42:0", "", "", 0, false},
		{"dbus:0123abcd::1.42:-1", "", "", 0, false},
		{"dbus:0123abcd::1.42:4294967296", "", "", 0, false},
		{"dbus:::1.42:7", "", "", 0, false},
		{"dbus:0123abcd:org.freedesktop.Notifications:7", "", "", 0, false},
		{"beeep:7", "", "", 0, false},
		{"", "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			bus, owner, id, err := parsePopupRef(tt.ref)
			if (err == nil) != tt.ok || bus != tt.bus || owner != tt.owner || id != tt.id {
				t.Errorf("parsePopupRef(%q) = %q, %q, %d, %v; want %q, %q, %d, ok %v", tt.ref, bus, owner, id, err, tt.bus, tt.owner, tt.id, tt.ok)
			}
		})
	}
}
