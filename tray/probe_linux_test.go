package tray

import (
	"context"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/notify/notifytest"
)

func TestProbeHost(t *testing.T) {
	bus := notifytest.StartBus(t)
	ctx := context.Background()
	if h := ProbeHost(ctx, bus.Address, "GNOME"); h.Found || !strings.Contains(h.Fix, "AppIndicator") {
		t.Fatalf("GNOME without a host: %+v, want not found and the extension named", h)
	}
	if h := ProbeHost(ctx, bus.Address, "XFCE"); h.Found || strings.Contains(h.Fix, "AppIndicator") {
		t.Fatalf("Xfce without a host: %+v", h)
	}
	startHost(t, bus.Address)
	if h := ProbeHost(ctx, bus.Address, "XFCE"); !h.Found {
		t.Fatalf("with a host: %+v, want found", h)
	}
}
