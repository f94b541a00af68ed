package notify_test

import (
	"context"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// oddServer puts on bus a notification server whose methods are methods,
// in place of the well-behaved ones of notifytest, and returns a channel
// that gets one value per Notify call.
func oddServer(t *testing.T, bus *notifytest.Bus, methods map[string]any) <-chan struct{} {
	t.Helper()
	conn, err := dbus.Connect(bus.Address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	calls := make(chan struct{}, 100)
	table := map[string]any{
		"GetServerInformation": func() (string, string, string, string, *dbus.Error) {
			return "odd", "bedtime", "1", "1.2", nil
		},
		"GetCapabilities": func() ([]string, *dbus.Error) { return []string{"actions", "body"}, nil },
		"Notify": func(string, uint32, string, string, string, []string, map[string]dbus.Variant, int32) (uint32, *dbus.Error) {
			return 7, nil
		},
	}
	for name, f := range methods {
		table[name] = f
	}
	notifyFn := table["Notify"]
	table["Notify"] = countCalls(notifyFn, calls)
	if err := conn.ExportMethodTable(table, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("cannot own the name: %v %v", reply, err)
	}
	return calls
}

// countCalls wraps the Notify method f, of one of the signatures the
// tests use, to send on calls each time it is called.
func countCalls(f any, calls chan<- struct{}) any {
	switch f := f.(type) {
	case func(string, uint32, string, string, string, []string, map[string]dbus.Variant, int32) (uint32, *dbus.Error):
		return func(a string, r uint32, i, s, b string, ac []string, h map[string]dbus.Variant, e int32) (uint32, *dbus.Error) {
			calls <- struct{}{}
			return f(a, r, i, s, b, ac, h, e)
		}
	case func(string, uint32, string, string, string, []string, map[string]dbus.Variant, int32) (string, *dbus.Error):
		return func(a string, r uint32, i, s, b string, ac []string, h map[string]dbus.Variant, e int32) (string, *dbus.Error) {
			calls <- struct{}{}
			return f(a, r, i, s, b, ac, h, e)
		}
	}
	panic("countCalls: unknown signature")
}

// TestOddServerReplies: a notification server whose answers do not have
// the types the specification says still shows the reminder, once, and
// bedtime doctor finds it. Before,
// a GetServerInformation with three strings or capabilities that were not
// a list of strings made every attempt fail (the reminder held, retried
// and missed, and no reminder ever shown on that desktop), and a Notify
// answered with something else than a number made it send the popup again
// at every retry.
func TestOddServerReplies(t *testing.T) {
	tests := []struct {
		name    string
		methods map[string]any
	}{
		{"server information of three strings", map[string]any{
			"GetServerInformation": func() (string, string, string, *dbus.Error) { return "odd", "bedtime", "1", nil },
		}},
		{"capabilities not a list", map[string]any{
			"GetCapabilities": func() (string, *dbus.Error) { return "actions body", nil },
		}},
		{"id not a number", map[string]any{
			"Notify": func(string, uint32, string, string, string, []string, map[string]dbus.Variant, int32) (string, *dbus.Error) {
				return "seven", nil
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: time.Millisecond, RetryFor: time.Minute})
			t.Setenv("PATH", t.TempDir()) // no gsettings: the server alone says
			calls := oddServer(t, h.bus, tt.methods)
			if err := h.d.Notify(context.Background(), notify.Message{Reminder: "water", Title: "Water"}); err != nil {
				t.Fatal(err)
			}
			if r := h.nextNews(t); r.Action != notify.Shown {
				t.Fatalf("news = %+v, want Shown; log:\n%s", r, h.log)
			}
			// Another reminder after it: had the first been retried, its
			// second Notify would come before this one's.
			if err := h.d.Notify(context.Background(), notify.Message{Reminder: "stretch", Title: "Stretch"}); err != nil {
				t.Fatal(err)
			}
			if r := h.nextNews(t); r.Action != notify.Shown || r.Reminder != "stretch" {
				t.Fatalf("news = %+v, want stretch Shown; log:\n%s", r, h.log)
			}
			if n := len(calls); n != 2 {
				t.Errorf("%d Notify calls, want 2; log:\n%s", n, h.log)
			}
			// bedtime doctor says the server is there.
			if _, err := notify.Probe(context.Background()); err != nil {
				t.Errorf("Probe: %v", err)
			}
		})
	}
}
