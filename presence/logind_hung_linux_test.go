package presence

import (
	"context"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// TestFindSessionHungLogind: a logind that answers GetUser and then
// never answers the read of the user's Display (a systemd user service
// is in no session of its own, so this is how it finds the desktop's)
// gives up within Open's context. Before, the read had no context: Open,
// and with it the daemon's start, waited for ever.
func TestFindSessionHungLogind(t *testing.T) {
	b := notifytest.StartBus(t)
	c := connect(t, b.Address, logindName)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // before the bus stops
	f := &fakeLogind{conn: c}
	if err := c.ExportMethodTable(map[string]any{
		"GetSession": f.GetSession,
		"GetUser":    f.GetUser,
	}, logindPath, logindManager); err != nil {
		t.Fatal(err)
	}
	if err := c.ExportMethodTable(map[string]any{
		"Get": func(iface, name string) (dbus.Variant, *dbus.Error) {
			cancel() // Open's time is up while logind says nothing
			<-release
			return dbus.MakeVariant(""), nil
		},
	}, "/org/freedesktop/login1/user/self", "org.freedesktop.DBus.Properties"); err != nil {
		t.Fatal(err)
	}
	sys, err := dialBus(context.Background(), b.Address)
	if err != nil {
		t.Fatal(err)
	}
	defer sys.close()
	done := make(chan error, 1)
	go func() {
		_, err := findSession(ctx, sys, env{}.get)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("findSession found a session in a logind that does not answer")

		}
	case <-time.After(wait):
		t.Fatalf("findSession still waits for logind %v after its context ended", wait)
	}
}
