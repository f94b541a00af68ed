package tray

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// host is a test StatusNotifierWatcher with a host on a private bus: what
// a panel's tray (xfce4-panel, KDE's plasmashell, waybar) is to an item.
// It records each item that registers and each signal items send.
type host struct {
	conn     *dbus.Conn
	mu       sync.Mutex
	items    chan string // "unique-name/path" of each registration
	signals  chan *dbus.Signal
	received []string
}

// watcher is the exported org.kde.StatusNotifierWatcher.
type watcher struct{ h *host }

func (w watcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	path := service
	if len(service) == 0 || service[0] != '/' {
		path = "/StatusNotifierItem"
	}
	w.h.mu.Lock()
	w.h.received = append(w.h.received, string(sender))
	w.h.mu.Unlock()
	w.h.items <- string(sender) + path
	return nil
}

func (w watcher) RegisterStatusNotifierHost(service string) *dbus.Error { return nil }

func startHost(t *testing.T, address string) *host {
	t.Helper()
	conn, err := dbus.Connect(address)
	if err != nil {
		t.Fatalf("cannot connect to the test bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	h := &host{conn: conn, items: make(chan string, 4), signals: make(chan *dbus.Signal, 64)}
	const iface = "org.kde.StatusNotifierWatcher"
	if err := conn.Export(watcher{h}, "/StatusNotifierWatcher", iface); err != nil {
		t.Fatal(err)
	}
	if _, err := prop.Export(conn, "/StatusNotifierWatcher", prop.Map{iface: {
		"IsStatusNotifierHostRegistered": {Value: true},
		"ProtocolVersion":                {Value: int32(0)},
		"RegisteredStatusNotifierItems":  {Value: []string{}},
	}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{iface, fmt.Sprintf("org.kde.StatusNotifierHost-%d", 1)} {
		if r, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || r != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("cannot own %s on the test bus: %v %v", name, r, err)
		}
	}
	for _, iface := range []string{"org.kde.StatusNotifierItem", "com.canonical.dbusmenu", "org.freedesktop.DBus.Properties"} {
		if err := conn.AddMatchSignal(dbus.WithMatchInterface(iface)); err != nil {
			t.Fatal(err)
		}
	}
	conn.Signal(h.signals)
	return h
}

// item is a registered StatusNotifierItem as the host sees it.
type item struct {
	h          *host
	dest       string
	path, menu dbus.ObjectPath
}

// nextItem waits for an item to register.
func (h *host) nextItem(t *testing.T) *item {
	t.Helper()
	select {
	case s := <-h.items:
		i := len(s) - len("/StatusNotifierItem")
		return &item{h: h, dest: s[:i], path: dbus.ObjectPath(s[i:]), menu: "/StatusNotifierItem/menu"}
	case <-time.After(wait):
		t.Fatalf("no StatusNotifierItem registered within %v", wait)
	}
	return nil
}

func (it *item) prop(t *testing.T, name string) dbus.Variant {
	t.Helper()
	v, err := it.h.conn.Object(it.dest, it.path).GetProperty("org.kde.StatusNotifierItem." + name)
	if err != nil {
		t.Fatalf("cannot read %s: %v", name, err)
	}
	return v
}

// pixmap is one image of IconPixmap: width, height and ARGB32 bytes.
type pixmap struct {
	W, H int32
	Pix  []byte
}

func (it *item) icon(t *testing.T) []pixmap {
	t.Helper()
	var px []pixmap
	if err := it.prop(t, "IconPixmap").Store(&px); err != nil {
		t.Fatalf("IconPixmap: %v", err)
	}
	return px
}

func (it *item) tooltip(t *testing.T) string {
	t.Helper()
	var tip struct {
		Name  string
		Icons []pixmap
		Title string
		Text  string
	}
	if err := it.prop(t, "ToolTip").Store(&tip); err != nil {
		t.Fatalf("ToolTip: %v", err)
	}
	return tip.Title
}

// entry is one item of the dbusmenu layout.
type entry struct {
	ID      int32
	Label   string
	Type    string
	Enabled bool
}

// layout reads the menu's layout with com.canonical.dbusmenu.GetLayout.
func (it *item) layout(t *testing.T) []entry {
	t.Helper()
	var rev uint32
	var root struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	call := it.h.conn.Object(it.dest, it.menu).Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{})
	if err := call.Store(&rev, &root); err != nil {
		t.Fatalf("GetLayout: %v", err)
	}
	var out []entry
	for _, c := range root.Children {
		var ch struct {
			ID       int32
			Props    map[string]dbus.Variant
			Children []dbus.Variant
		}
		if err := dbus.Store([]any{c.Value()}, &ch); err != nil {
			t.Fatalf("GetLayout child: %v", err)
		}
		e := entry{ID: ch.ID, Enabled: true}
		if v, ok := ch.Props["visible"]; ok {
			if vis, _ := v.Value().(bool); !vis {
				continue
			}
		}
		if v, ok := ch.Props["label"]; ok {
			e.Label, _ = v.Value().(string)
		}
		if v, ok := ch.Props["type"]; ok {
			e.Type, _ = v.Value().(string)
		}
		if v, ok := ch.Props["enabled"]; ok {
			e.Enabled, _ = v.Value().(bool)
		}
		out = append(out, e)
	}
	return out
}

// click clicks the menu item labelled label, as a host does when the
// person clicks it: com.canonical.dbusmenu.Event(id, "clicked", ...).
func (it *item) click(t *testing.T, label string) {
	t.Helper()
	for _, e := range it.layout(t) {
		if e.Label == label {
			call := it.h.conn.Object(it.dest, it.menu).Call("com.canonical.dbusmenu.Event", 0, e.ID, "clicked", dbus.MakeVariant(""), uint32(0))
			if call.Err != nil {
				t.Fatalf("Event clicked %q: %v", label, call.Err)
			}
			return
		}
	}
	t.Fatalf("no menu item %q in %v", label, it.layout(t))
}

// await waits, signal by signal from the item, until ok is true.
func (it *item) await(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.After(wait)
	for !ok() {
		select {
		case <-it.h.signals:
		case <-deadline:
			t.Fatalf("the tray did not show %s within %v", what, wait)
		}
	}
}
