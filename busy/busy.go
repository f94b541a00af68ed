package busy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Names of the sources, as they appear in Report and in the reasons Busy
// gives.
const (
	SourceMicrophone = "microphone"
	SourceCamera     = "camera"
	SourceFullscreen = "fullscreen window"
)

// Options configure Open. The zero value looks at this machine.
type Options struct {
	// Root is the directory that holds proc/ (proc/asound, proc/PID/fd);
	// empty means "/".
	Root string
	// UID is the user whose processes count for the camera; with Root
	// empty, zero means os.Getuid().
	UID int
	// Getenv reads DISPLAY, WAYLAND_DISPLAY and XDG_SESSION_TYPE; nil
	// means os.Getenv.
	Getenv func(string) string
	// Only, when not empty, limits the sources to these names.
	Only []string
}

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "/"
		if o.UID <= 0 {
			o.UID = os.Getuid()
		}
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	return o
}

func (o Options) wants(name string) bool {
	if len(o.Only) == 0 {
		return true
	}
	for _, n := range o.Only {
		if n == name {
			return true
		}
	}
	return false
}

// Report says which sources are used, and why the others are not.
type Report struct {
	// Used names the sources in use.
	Used []string
	// NotUsed says, per source not used, why.
	NotUsed map[string]string
	// None, when not empty, says why no source is even looked for: on
	// Windows and macOS, which have none of them (no ALSA, no /proc, no
	// X server of the desktop's).
	None string
}

// String says it in one line, for `bedtime doctor`.
func (r Report) String() string {
	var b strings.Builder
	if len(r.Used) == 0 {
		b.WriteString("none: reminders never wait for a call to end")
		if r.None != "" {
			b.WriteString(" (" + r.None + ")")
		}
	} else {
		b.WriteString(strings.Join(r.Used, ", "))
	}
	for _, name := range []string{SourceMicrophone, SourceCamera, SourceFullscreen} {
		if why, ok := r.NotUsed[name]; ok {
			fmt.Fprintf(&b, "; %s not used: %s", name, why)
		}
	}
	return b.String()
}

// Detector answers whether the person is busy.
type Detector struct {
	o Options

	mu     sync.Mutex
	mic    bool
	camera bool
	x11    *x11Fullscreen
}

// goos is runtime.GOOS; a test sets another.
var goos = runtime.GOOS

// Open finds the sources that work here. It always returns a working
// Detector, at worst one that is never busy.
func Open(ctx context.Context, o Options) (*Detector, Report) {
	o = o.withDefaults()
	d := &Detector{o: o}
	r := Report{NotUsed: map[string]string{}}
	if o.Root == "/" && (goos == "windows" || goos == "darwin") {
		// Not "\proc\asound is not there (no ALSA)" and "DISPLAY is not
		// set" to a person on Windows: nothing there to look for.
		r.None = "not detected on " + goos + " yet"
		return d, r
	}
	note := func(name string, used bool, why string) {
		if used {
			r.Used = append(r.Used, name)
		} else {
			r.NotUsed[name] = why
		}
	}
	if o.wants(SourceMicrophone) {
		dir := filepath.Join(o.Root, "proc", "asound")
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			d.mic = true
			note(SourceMicrophone, true, "")
		} else {
			note(SourceMicrophone, false, dir+" is not there (no ALSA)")
		}
	}
	if o.wants(SourceCamera) {
		dir := filepath.Join(o.Root, "proc", "self")
		if o.Root != "/" {
			dir = filepath.Join(o.Root, "proc")
		}
		if _, err := os.Stat(dir); err == nil {
			d.camera = true
			note(SourceCamera, true, "")
		} else {
			note(SourceCamera, false, "no /proc to find open devices in")
		}
	}
	if o.wants(SourceFullscreen) {
		x, err := openX11(ctx, o)
		if err != nil {
			note(SourceFullscreen, false, err.Error())
		} else {
			d.x11 = x
			note(SourceFullscreen, true, "")
		}
	}
	return d, r
}

// Busy reports whether the person is busy now and, if so, why, such as
// "microphone in use".
func (d *Detector) Busy(ctx context.Context) (why string, busy bool) {
	d.mu.Lock()
	mic, camera, x := d.mic, d.camera, d.x11
	d.mu.Unlock()
	if mic && captureRunning(d.o.Root) {
		return "microphone in use", true
	}
	if camera && cameraOpen(d.o.Root, d.o.UID) {
		return "camera in use", true
	}
	if x != nil {
		full, err := x.fullscreen(ctx)
		switch {
		case err != nil && ctx.Err() != nil:
			// Slow, not gone: unknown this time, asked again next time.
		case err != nil:
			// The X server went away (the session ended): no longer asked.
			d.mu.Lock()
			if d.x11 == x {
				d.x11 = nil
			}
			d.mu.Unlock()
			x.close()
		case full:
			return "fullscreen window", true
		}
	}
	return "", false
}

// Close releases the X connection.
func (d *Detector) Close() error {
	d.mu.Lock()
	x := d.x11
	d.x11 = nil
	d.mu.Unlock()
	if x != nil {
		x.close()
	}
	return nil
}
