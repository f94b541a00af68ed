package busy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeProc builds a proc tree under a temporary root: files by path
// (relative to proc/), and fd symlinks "PID/fd/N" -> target.
func fakeProc(t *testing.T, files map[string]string, links map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, body := range files {
		path := filepath.Join(root, "proc", p)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for p, target := range links {
		path := filepath.Join(root, "proc", p)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const (
	running = "state: RUNNING\nowner_pid   : 4242\ntrigger_time: 1.5\n"
	prepare = "state: PREPARED\nowner_pid   : 4242\n"
)

// TestBusyFromProc: a running ALSA capture substream is a microphone in
// use; an open /dev/video* of one of the user's processes a camera in
// use; anything else is not busy.
func TestBusyFromProc(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		links map[string]string
		uid   int
		want  string
	}{
		{"nothing", map[string]string{"asound/cards": "0 [PCH ]\n"}, nil, 0, ""},
		{"capture closed", map[string]string{"asound/card0/pcm0c/sub0/status": "closed\n"}, nil, 0, ""},
		{"capture prepared, not running", map[string]string{"asound/card0/pcm0c/sub0/status": prepare}, nil, 0, ""},
		{"capture running", map[string]string{"asound/card0/pcm0c/sub0/status": running}, nil, 0, "microphone in use"},
		{"second card's second substream", map[string]string{"asound/card0/pcm0c/sub0/status": "closed\n", "asound/card1/pcm2c/sub1/status": running}, nil, 0, "microphone in use"},
		{"playback running is not a microphone", map[string]string{"asound/card0/pcm0p/sub0/status": running}, nil, 0, ""},
		{"a state line far down a huge file", map[string]string{"asound/card0/pcm0c/sub0/status": strings.Repeat("x: y\n", 2000) + running}, nil, 0, ""},
		{"garbage", map[string]string{"asound/card0/pcm0c/sub0/status": "\x00\xff state RUNNING"}, nil, 0, ""},
		{"camera open", map[string]string{"asound/cards": ""}, map[string]string{"4242/fd/0": "/dev/null", "4242/fd/7": "/dev/video0"}, 0, "camera in use"},
		{"another user's camera", map[string]string{"asound/cards": ""}, map[string]string{"4242/fd/7": "/dev/video0"}, 1, ""},
		{"not a camera", map[string]string{"asound/cards": ""}, map[string]string{"4242/fd/7": "/dev/video0-not", "4243/fd/1": "/dev/videos", "self/fd/3": "/dev/video1"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fakeProc(t, tt.files, tt.links)
			d, r := Open(context.Background(), Options{Root: root, UID: os.Getuid() + tt.uid, Only: []string{SourceMicrophone, SourceCamera}})
			defer d.Close()
			if len(r.Used) != 2 {
				t.Fatalf("report = %+v, want microphone and camera used", r)
			}
			why, busy := d.Busy(context.Background())
			if why != tt.want || busy != (tt.want != "") {
				t.Errorf("Busy = %q, %v; want %q", why, busy, tt.want)
			}
		})
	}
}

// TestReportWithoutProc: without /proc/asound the microphone is not used,
// and the report says why.
func TestReportWithoutProc(t *testing.T) {
	root := t.TempDir()
	d, r := Open(context.Background(), Options{Root: root, Getenv: func(string) string { return "" }})
	defer d.Close()
	if len(r.Used) != 0 {
		t.Fatalf("used %v on an empty root, want none", r.Used)
	}
	got := r.String()
	for _, want := range []string{"none: reminders never wait", "microphone not used: " + filepath.Join(root, "proc", "asound") + " is not there", "fullscreen window not used: DISPLAY is not set"} {
		if !strings.Contains(got, want) {
			t.Errorf("report %q does not say %q", got, want)
		}
	}
	if why, busy := d.Busy(context.Background()); busy {
		t.Errorf("Busy = %q with no source", why)
	}
}

// TestReportOnSystemsWithoutSources: on Windows, `bedtime doctor` said
// "microphone not used: \\proc\\asound is not there (no ALSA); fullscreen
// window not used: DISPLAY is not set (not an X11 session)", Linux's
// terms to a person who has neither, and under Wine it even took Linux's
// own /proc for a camera source. On Windows and macOS no source is
// looked for, and the report says so once.
func TestReportOnSystemsWithoutSources(t *testing.T) {
	for _, sys := range []string{"windows", "darwin"} {
		t.Run(sys, func(t *testing.T) {
			defer func(g string) { goos = g }(goos)
			goos = sys
			d, r := Open(context.Background(), Options{})
			defer d.Close()
			if len(r.Used) != 0 || len(r.NotUsed) != 0 {
				t.Errorf("used %v, not used %v: want no source looked for", r.Used, r.NotUsed)
			}
			if got, want := r.String(), "none: reminders never wait for a call to end (not detected on "+sys+" yet)"; got != want {
				t.Errorf("report %q, want %q", got, want)
			}
			if why, busy := d.Busy(context.Background()); busy {
				t.Errorf("Busy = %q with no source", why)
			}
		})
	}
}
