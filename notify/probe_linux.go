package notify

import (
	"context"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// Probe reports the session bus and what the notification server on it
// offers, for `bedtime doctor`. Each call is bounded by DefaultCallTimeout.
// It returns what it found so far with an error wrapping ErrNoSessionBus,
// ErrNoServer or ErrTimeout when a step fails.
func Probe(ctx context.Context) (Report, error) {
	var r Report
	bus, err := FindSessionBus()
	if err != nil {
		return r, err
	}
	r.Bus = bus
	ctx, cancel := context.WithTimeout(ctx, DefaultCallTimeout)
	defer cancel()
	conn, err := connect(ctx, bus.Address)
	if err != nil {
		return r, fmt.Errorf("%w: %w", ErrBus, err)
	}
	defer conn.Close()
	d := &dbusBackend{o: Options{CallTimeout: DefaultCallTimeout}}
	obj := conn.Object(busName, busPath)
	// An answer of other types than the specification's is no failure:
	// the server is there, and what it said is unknown.
	call := obj.CallWithContext(ctx, busIface+".GetServerInformation", 0)
	if err := call.Store(&r.Server.Name, &r.Server.Vendor, &r.Server.Version, &r.Server.SpecVersion); err != nil {
		if call.Err != nil {
			return r, d.classify(conn, err)
		}
		r.Server = ServerInfo{}
	}
	call = obj.CallWithContext(ctx, busIface+".GetCapabilities", 0)
	if err := call.Store(&r.Capabilities); err != nil {
		if call.Err != nil {
			return r, d.classify(conn, err)
		}
		r.Capabilities = nil
	}
	var inhibited dbus.Variant
	hasInhibited := false
	if err := obj.CallWithContext(ctx, propsIface+".Get", 0, busIface, "Inhibited").Store(&inhibited); err == nil {
		r.Inhibited, r.InhibitedKnown = inhibited.Value().(bool)
		hasInhibited = r.InhibitedKnown
	}
	if r.Server.Name == gnomeServer || !hasInhibited {
		r.ShowBanners, r.ShowBannersKnown = probeBanners(ctx)
		if r.ShowBannersKnown {
			r.Inhibited = r.Inhibited || !r.ShowBanners
			r.InhibitedKnown = true
		}
	}
	return r, nil
}
