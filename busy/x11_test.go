package busy

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// startXvfb starts a real X server and returns its DISPLAY.
func startXvfb(t *testing.T) string { return testutil.StartXvfb(t, 10*time.Second) }

// wm plays the window manager's part: it keeps _NET_ACTIVE_WINDOW on the
// root window and _NET_WM_STATE on a window, as EWMH says.
type wm struct {
	t    *testing.T
	c    *xgb.Conn
	root xproto.Window
}

func (w wm) atom(name string) xproto.Atom {
	r, err := xproto.InternAtom(w.c, false, uint16(len(name)), name).Reply()
	if err != nil {
		w.t.Fatal(err)
	}
	return r.Atom
}

func (w wm) window() xproto.Window {
	id, err := xproto.NewWindowId(w.c)
	if err != nil {
		w.t.Fatal(err)
	}
	s := xproto.Setup(w.c).DefaultScreen(w.c)
	if err := xproto.CreateWindowChecked(w.c, s.RootDepth, id, w.root, 0, 0, 640, 480, 0,
		xproto.WindowClassInputOutput, s.RootVisual, 0, nil).Check(); err != nil {
		w.t.Fatal(err)
	}
	return id
}

// fullscreenOnXvfb starts a real X server, connects the wm's part to it
// and opens the fullscreen source alone on it; Used is what Open reported.
func fullscreenOnXvfb(t *testing.T) (w wm, d *Detector, r Report) {
	t.Helper()
	display := startXvfb(t)
	c, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	getenv := func(k string) string { return map[string]string{"DISPLAY": display}[k] }
	d, r = Open(context.Background(), Options{Root: t.TempDir(), Getenv: getenv, Only: []string{SourceFullscreen}})
	t.Cleanup(func() { d.Close() })
	return wm{t: t, c: c, root: xproto.Setup(c).DefaultScreen(c).Root}, d, r
}

func (w wm) set(win xproto.Window, prop string, typ xproto.Atom, values ...uint32) {
	buf := make([]byte, 4*len(values))
	for i, v := range values {
		xgb.Put32(buf[4*i:], v)
	}
	if err := xproto.ChangePropertyChecked(w.c, xproto.PropModeReplace, win, w.atom(prop), typ, 32, uint32(len(values)), buf).Check(); err != nil {
		w.t.Fatal(err)
	}
}

// TestFullscreenOnX11: on a real X server (Xvfb), the active window with
// _NET_WM_STATE_FULLSCREEN is busy; the same window not fullscreen, a
// fullscreen window that is not active, an active window that is gone,
// and no window manager at all are not.
func TestFullscreenOnX11(t *testing.T) {
	w, d, r := fullscreenOnXvfb(t)
	if len(r.Used) != 1 || r.Used[0] != SourceFullscreen {
		t.Fatalf("report = %+v, want the fullscreen window used", r)
	}
	check := func(step, want string) {
		t.Helper()
		why, busy := d.Busy(context.Background())
		if why != want || busy != (want != "") {
			t.Errorf("%s: Busy = %q, %v; want %q", step, why, busy, want)
		}
	}
	check("no window manager", "")

	film, editor := w.window(), w.window()
	fullscreen := uint32(w.atom("_NET_WM_STATE_FULLSCREEN"))
	above := uint32(w.atom("_NET_WM_STATE_ABOVE"))
	w.set(w.root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow, uint32(editor))
	w.set(editor, "_NET_WM_STATE", xproto.AtomAtom, above)
	w.set(film, "_NET_WM_STATE", xproto.AtomAtom, above, fullscreen)
	check("a fullscreen window behind the active one", "")

	w.set(w.root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow, uint32(film))
	check("the fullscreen window active", "fullscreen window")

	w.set(film, "_NET_WM_STATE", xproto.AtomAtom, above)
	check("no longer fullscreen", "")

	w.set(film, "_NET_WM_STATE", xproto.AtomAtom, fullscreen)
	xproto.DestroyWindow(w.c, film)
	check("the active window is gone", "")

	w.set(w.root, "_NET_ACTIVE_WINDOW", xproto.AtomString, 1, 2, 3)
	check("a root property of the wrong type", "")
}

// TestFullscreenReport: the reasons the fullscreen source is not used.
func TestFullscreenReport(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no DISPLAY", nil, "DISPLAY is not set"},
		{"Wayland", map[string]string{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "the session is Wayland"},
		{"no X server", map[string]string{"DISPLAY": ":97"}, "cannot connect to the X server at :97"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, r := Open(context.Background(), Options{Root: t.TempDir(), Getenv: func(k string) string { return tt.env[k] }, Only: []string{SourceFullscreen}})
			defer d.Close()
			if why := r.NotUsed[SourceFullscreen]; !strings.HasPrefix(why, tt.want) {
				t.Errorf("not used because %q, want %q", why, tt.want)
			}
		})
	}
}

// TestFullscreenAfterASlowAnswer: an X server that does not answer in
// time once (another client holds it, as a game or a screen recorder
// may) makes that question "not busy", and the next one is asked again.
// Before, the first slow answer dropped the source for the daemon's
// life: from then on reminders came over every fullscreen film.
func TestFullscreenAfterASlowAnswer(t *testing.T) {
	w, d, _ := fullscreenOnXvfb(t)
	c := w.c
	film := w.window()
	w.set(film, "_NET_WM_STATE", xproto.AtomAtom, uint32(w.atom("_NET_WM_STATE_FULLSCREEN")))
	w.set(w.root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow, uint32(film))

	// While the wm's connection holds the server, no other client is
	// answered.
	if err := xproto.GrabServerChecked(c).Check(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if why, busy := d.Busy(ctx); busy {
		t.Errorf("Busy with the server held = %q, want not busy (unknown)", why)
	}
	if err := xproto.UngrabServerChecked(c).Check(); err != nil {
		t.Fatal(err)
	}
	if why, busy := d.Busy(context.Background()); !busy || why != "fullscreen window" {
		t.Errorf("Busy once the server answers again = %q, %v; want fullscreen window", why, busy)
	}
}
