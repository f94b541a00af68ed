//go:build !darwin

package tray

import (
	"bytes"
	"io"
	"log"
	"sync"

	"fyne.io/systray"
)

// NewSystray makes the Shell of the system's tray: a StatusNotifierItem
// with a com.canonical.dbusmenu menu on the session bus (Linux and the
// BSDs), the notification area on Windows. There is one per process.
var NewSystray = func(click func(Action)) Shell { return &systrayShell{click: click} }

type systrayShell struct {
	click func(Action)

	mu    sync.Mutex
	icon  Icon
	first bool
	stop  chan struct{} // closed when the menu's items are replaced
	menu  []Item
	items []*systray.MenuItem // by index of menu; nil for a separator
}

func (s *systrayShell) Run(ready func()) {
	log.SetOutput(quietRegister{log.Writer()})
	systray.Run(func() {
		systray.SetTitle("bedtime")
		ready()
	}, nil)
}

func (s *systrayShell) Quit() { systray.Quit() }

func (s *systrayShell) Show(v View) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// The menu first and the icon last, so that a host that sees the new
	// icon finds the new menu behind it.
	defer func() {
		systray.SetTooltip(v.Tooltip)
		if !s.first || v.Icon != s.icon {
			systray.SetIcon(iconBytes(v.Icon))
			s.icon, s.first = v.Icon, true
		}
	}()
	if sameShape(s.menu, v.Menu) {
		// Only labels changed (the countdown): retitle in place, so the
		// host does not rebuild an open menu every minute.
		for i, it := range v.Menu {
			if s.items[i] != nil && it.Label != s.menu[i].Label {
				s.items[i].SetTitle(it.Label)
			}
		}
		s.menu = v.Menu
		return
	}
	s.menu, s.items = v.Menu, make([]*systray.MenuItem, len(v.Menu))
	if s.stop != nil {
		close(s.stop)
	}
	s.stop = make(chan struct{})
	systray.ResetMenu()
	// The library drops a click that finds no goroutine waiting on the
	// item's channel, so each item's goroutine has started before the
	// menu is handed over.
	var started sync.WaitGroup
	defer started.Wait()
	for i, it := range v.Menu {
		if it.Separator {
			systray.AddSeparator()
			continue
		}
		mi := systray.AddMenuItem(it.Label, "")
		s.items[i] = mi
		if !it.Enabled() {
			mi.Disable()
			continue
		}
		started.Add(1)
		go func(a Action, clicked <-chan struct{}, stop <-chan struct{}) {
			started.Done()
			for {
				select {
				case <-clicked:
					s.click(a)
				case <-stop:
					return
				}
			}
		}(it.Action, mi.ClickedCh, s.stop)
	}
}

// sameShape reports whether menus a and b have the same items doing the
// same, whatever their labels say.
func sameShape(a, b []Item) bool {
	if len(a) != len(b) || a == nil {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Separator != y.Separator || x.Action.Kind != y.Action.Kind || x.Action.Reminder != y.Action.Reminder || !x.Action.At.Equal(y.Action.At) || x.Action.Answer != y.Action.Answer {
			return false
		}
	}
	return true
}

// quietRegister passes the standard logger's lines on to w, but for the
// systray library's "failed to register" when there is no tray host: the
// tray says that in the person's words as it starts (bedtime tray), and
// the library registers by itself when a host comes.
type quietRegister struct{ w io.Writer }

func (q quietRegister) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("systray error: failed to register: ")) {
		return len(p), nil
	}
	return q.w.Write(p)
}
