package notify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"sync"
	"time"
)

// GNOME's Do Not Disturb.
//
// GNOME Shell's notification server has no Inhibited property: its Do Not
// Disturb switch is the GSettings key show-banners of the schema
// org.gnome.desktop.notifications (false means Do Not Disturb is on). There
// is no simple D-Bus way to read it: the settings portal
// (org.freedesktop.portal.Settings) only passes on a short list of schemas
// such as org.gnome.desktop.interface, not this one, and dconf reads its
// database from a file rather than over the bus. So the key is read by
// running `gsettings get`, bounded by the call timeout, and only when
// gsettings is on PATH. A missing gsettings, a missing schema or any other
// failure means "unknown", which never holds a reminder.

const (
	gnomeServer     = "gnome-shell"
	bannersSchema   = "org.gnome.desktop.notifications"
	bannersKey      = "show-banners"
	gsettingsBinary = "gsettings"
)

// errBannersOff means GNOME's show-banners setting is off: GNOME's Do Not
// Disturb. It wraps ErrInhibited, so callers treat it as any Do Not Disturb.
var errBannersOff = fmt.Errorf("%w: GNOME's show-banners setting is off", ErrInhibited)

// readShowBanners runs `gsettings get org.gnome.desktop.notifications
// show-banners` within ctx. It reports the value and whether it is known:
// without gsettings on PATH, without the schema, or when gsettings fails or
// answers something else than true or false, known is false. err is set
// only when ctx ended before gsettings did.
func readShowBanners(ctx context.Context) (on, known bool, err error) {
	path, err := exec.LookPath(gsettingsBinary)
	if err != nil {
		return false, false, nil
	}
	cmd := exec.CommandContext(ctx, path, "get", bannersSchema, bannersKey)
	cmd.WaitDelay = 100 * time.Millisecond
	out, err := cmd.Output()
	if ctx.Err() != nil {
		return false, false, ctx.Err()
	}
	if err != nil {
		// Exit status 1: no such schema or key. Not GNOME, or too old.
		return false, false, nil
	}
	switch string(bytes.TrimSpace(out)) {
	case "true":
		return true, true, nil
	case "false":
		return false, true, nil
	}
	return false, false, nil
}

// banners caches the show-banners setting for a short time, so that a burst
// of reminders runs gsettings once.
type banners struct {
	cacheFor time.Duration
	now      func() time.Time
	read     func(context.Context) (on, known bool, err error)

	sem chan struct{} // one gsettings at a time

	mu        sync.Mutex
	at        time.Time // when on and known were read; zero for never
	on, known bool
}

func newBanners(o Options) *banners {
	return &banners{cacheFor: o.DNDCache, now: o.Clock.Now, read: readShowBanners, sem: make(chan struct{}, 1)}
}

// off reports whether GNOME's Do Not Disturb is on (show-banners false),
// reading the setting when the cached value is older than the cache time.
// Unknown counts as off: it never holds a reminder.
func (b *banners) off(ctx context.Context) (bool, error) {
	select {
	case b.sem <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-b.sem }()
	b.mu.Lock()
	fresh := !b.at.IsZero() && b.now().Sub(b.at) < b.cacheFor
	on, known := b.on, b.known
	b.mu.Unlock()
	if !fresh {
		var err error
		on, known, err = b.read(ctx)
		if err != nil {
			return false, err
		}
		b.mu.Lock()
		b.at, b.on, b.known = b.now(), on, known
		b.mu.Unlock()
	}
	return known && !on, nil
}

// checkBanners returns errBannersOff when GNOME's Do Not Disturb is on. It
// reads the setting when the server is GNOME Shell, or when the server has
// no Inhibited property of its own (any desktop where the key exists); a
// server with an Inhibited property that is not GNOME Shell says for itself.
func (d *dbusBackend) checkBanners(ctx context.Context, serverName func() (string, error), hasInhibited bool) error {
	if hasInhibited {
		name, err := serverName()
		if err != nil {
			return err
		}
		if name != gnomeServer {
			return nil
		}
	}
	off, err := d.banners.off(ctx)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%w: %s get %s %s did not answer within %v", ErrTimeout, gsettingsBinary, bannersSchema, bannersKey, d.o.CallTimeout)
		}
		return err
	}
	if off {
		return errBannersOff
	}
	return nil
}

// probeBanners reads show-banners for Probe, without a cache.
func probeBanners(ctx context.Context) (on, known bool) {
	on, known, _ = readShowBanners(ctx)
	return on, known
}
