package notify

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// A popup's reference, kept in the state while it is on screen, is
// "dbus:BUSID:OWNER:ID": the session bus's id, which differs on every
// start of a bus (every login), the notification server's unique name on
// it, never reused while the bus runs, and the notification id the
// server gave. Ids are small numbers that every server counts from 1, so
// the id alone could name another program's notification after the
// server or the session restarted; with the bus and the owner it cannot.

// popupRef returns the reference of notification id, sent to dest on
// conn; empty when the bus has no id.
func (d *dbusBackend) popupRef(conn *dbus.Conn, dest string, id uint32) string {
	d.connMu.Lock()
	busID := d.busID
	current := d.conn == conn
	d.connMu.Unlock()
	if busID == "" || !current || dest == "" {
		return ""
	}
	return fmt.Sprintf("dbus:%s:%s:%d", busID, dest, id)
}

// parsePopupRef splits a reference made by popupRef.
func parsePopupRef(ref string) (busID, owner string, id uint32, err error) {
	parts := strings.Split(ref, ":")
	// The owner is a unique name such as ":1.42": its colon makes an
	// empty part.
	if len(parts) != 5 || parts[0] != "dbus" || parts[1] == "" || parts[2] != "" || parts[3] == "" {
		return "", "", 0, fmt.Errorf("not a popup reference: %q", ref)
	}
	n, err := strconv.ParseUint(parts[4], 10, 32)
	if err != nil || n == 0 {
		return "", "", 0, fmt.Errorf("not a popup reference: %q", ref)
	}
	return parts[1], ":" + parts[3], uint32(n), nil
}

// Adopt takes back a popup an earlier process showed on this bus, while
// the same notification server still runs.
func (d *dbusBackend) Adopt(ctx context.Context, reminder string, scheduled time.Time, popup string) bool {
	busID, owner, id, err := parsePopupRef(popup)
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, d.o.CallTimeout)
	defer cancel()
	conn, err := d.connection(ctx)
	if err != nil {
		return false
	}
	d.connMu.Lock()
	sameBus := d.conn == conn && d.busID == busID
	d.connMu.Unlock()
	if !sameBus {
		return false
	}
	var now string
	if err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetNameOwner", 0, busName).Store(&now); err != nil || now != owner {
		return false // the server that showed it is gone, and its popups with it
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return false
	}
	if _, ok := d.last[reminder]; ok {
		return false // this process has shown a newer one
	}
	d.ids[id] = shown{reminder: reminder, scheduled: scheduled}
	d.last[reminder] = id
	return true
}

var _ Adopter = (*dbusBackend)(nil)
