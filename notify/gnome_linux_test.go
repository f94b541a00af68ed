package notify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// GNOME Shell cannot be run here in a meaningful way (it needs a whole GNOME
// session, a compositor and dconf), so these tests put a notification
// server named "gnome-shell" without an Inhibited property, as GNOME
// Shell's has none, on a real session bus, and a fake gsettings first on
// PATH. Users meet the real gsettings; the fake answers
// `gsettings get org.gnome.desktop.notifications show-banners` from a file
// the test writes, exits 1 with gsettings' message when the file is absent
// (the schema is not installed), and logs every run.

// gnomeConfig is a notification server that looks like GNOME Shell's.
var gnomeConfig = notifytest.Config{
	Name: "gnome-shell", Vendor: "GNOME", Version: "46.0", SpecVersion: "1.2",
	Capabilities: []string{"actions", "body", "body-markup", "persistence", "sound"},
	NoInhibited:  true,
}

// fakeGSettings is a gsettings script first on PATH.
type fakeGSettings struct {
	dir    string // holds the answer file and the run log
	answer string
	runs   string
}

const fakeGSettingsScript = `#!/bin/sh
echo "$*" >> '%[1]s/runs'
if [ "$*" != "get org.gnome.desktop.notifications show-banners" ]; then
	echo "unexpected arguments: $*" >&2
	exit 2
fi
if [ ! -f '%[1]s/answer' ]; then
	echo 'No such schema “org.gnome.desktop.notifications”' >&2
	exit 1
fi
cat '%[1]s/answer'
`

// installGSettings puts a fake gsettings first on PATH for the rest of the
// test. It answers show-banners with answer, or exits 1 as for a missing
// schema when answer is empty.
func installGSettings(t *testing.T, answer string) *fakeGSettings {
	t.Helper()
	bin, dir := t.TempDir(), t.TempDir()
	g := &fakeGSettings{dir: dir, answer: filepath.Join(dir, "answer"), runs: filepath.Join(dir, "runs")}
	script := []byte(fmt.Sprintf(fakeGSettingsScript, dir))
	if err := os.WriteFile(filepath.Join(bin, "gsettings"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if p, err := exec.LookPath("gsettings"); err != nil || p != filepath.Join(bin, "gsettings") {
		t.Fatalf("gsettings resolves to %q, %v; want the fake", p, err)
	}
	if answer != "" {
		g.set(t, answer)
	}
	return g
}

// set makes show-banners answer v ("true" or "false"), atomically.
func (g *fakeGSettings) set(t *testing.T, v string) {
	t.Helper()
	tmp := g.answer + ".tmp"
	if err := os.WriteFile(tmp, []byte(v+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, g.answer); err != nil {
		t.Fatal(err)
	}
}

// count returns how many times gsettings ran.
func (g *fakeGSettings) count(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile(g.runs)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// waitRuns waits until gsettings has run at least n times, watching its run
// log, and fails the test after notifytest.Wait.
func (g *fakeGSettings) waitRuns(t *testing.T, n int) {
	t.Helper()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Add(g.dir); err != nil {
		t.Fatal(err)
	}
	timeout := time.After(notifytest.Wait)
	for g.count(t) < n {
		select {
		case <-w.Events:
		case err := <-w.Errors:
			t.Fatal(err)
		case <-timeout:
			t.Fatalf("gsettings ran %d times within %v, want at least %d", g.count(t), notifytest.Wait, n)
		}
	}
}

// gnomeHarness is a harness whose log lines can be waited for.
type gnomeHarness struct {
	*harness
	logged chan struct{} // gets a value after each log line
}

// newGNOMEHarness starts a private bus like newHarness and builds a Desktop
// with opts whose log lines can be waited for with waitLog.
func newGNOMEHarness(t *testing.T, opts notify.Options) *gnomeHarness {
	t.Helper()
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	h := &gnomeHarness{
		harness: &harness{bus: bus, responses: make(chan notify.Response, 100), news: make(chan notify.Response, 100), log: &testutil.LogBuffer{}, cacheDir: t.TempDir()},
		logged:  make(chan struct{}, 1),
	}
	opts.Logger = slog.New(slog.NewTextHandler(io.MultiWriter(h.log, signalWriter(h.logged)), nil))
	opts.OnResponse = func(r notify.Response) {
		if r.Action == notify.Shown || r.Action == notify.Held {
			h.news <- r
			return
		}
		h.responses <- r
	}
	opts.CacheDir = h.cacheDir
	d, err := notify.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	h.d = d
	return h
}

// signalWriter signals its channel, without blocking, on each write.
type signalWriter chan struct{}

func (w signalWriter) Write(p []byte) (int, error) {
	select {
	case w <- struct{}{}:
	default:
	}
	return len(p), nil
}

// waitLog waits until a log line contains s, and fails the test after
// notifytest.Wait.
func (h *gnomeHarness) waitLog(t *testing.T, s string) {
	t.Helper()
	timeout := time.After(notifytest.Wait)
	for h.log.Count(s) == 0 {
		select {
		case <-h.logged:
		case <-timeout:
			t.Fatalf("no log line with %q within %v:\n%s", s, notifytest.Wait, h.log)
		}
	}
}

// gnomeOptions re-reads the setting every few milliseconds and caches it
// for one.
var gnomeOptions = notify.Options{
	RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond,
	DNDPoll: 2 * time.Millisecond, DNDCache: time.Millisecond,
}

func TestGNOMEDoNotDisturb(t *testing.T) {
	h := newGNOMEHarness(t, gnomeOptions)
	g := installGSettings(t, "false")
	srv := h.bus.StartServer(t, gnomeConfig)

	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch", Deadline: time.Now().Add(time.Minute)})
	// Held through several readings of the setting.
	g.waitRuns(t, 5)
	if calls := srv.Calls(); len(calls) != 0 {
		t.Fatalf("%d Notify calls while show-banners is off, want 0", len(calls))
	}

	g.set(t, "true")
	if got, want := srv.Next(t).Summary, "Stretch"; got != want {
		t.Fatalf("after do not disturb: summary = %q, want %q", got, want)
	}
	h.waitLog(t, "do not disturb has ended")
	if n := h.log.Count("GNOME's show-banners setting is off): holding"); n != 1 {
		t.Errorf("%d GNOME do-not-disturb lines, want 1:\n%s", n, h.log)
	}
	if n := h.log.Count("do not disturb has ended"); n != 1 {
		t.Errorf("%d end-of-do-not-disturb lines, want 1:\n%s", n, h.log)
	}
	select {
	case r := <-h.responses:
		t.Fatalf("unexpected response %+v", r)
	default:
	}
}

func TestGNOMEDoNotDisturbPastDeadline(t *testing.T) {
	h := newHarness(t, gnomeOptions)
	g := installGSettings(t, "false")
	srv := h.bus.StartServer(t, gnomeConfig)

	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch", Deadline: time.Now().Add(50 * time.Millisecond)})
	h.wantResponse(t, "stretch", notify.Missed)
	if calls := srv.Calls(); len(calls) != 0 {
		t.Fatalf("%d Notify calls while show-banners is off, want 0", len(calls))
	}
	if g.count(t) < 2 {
		t.Errorf("gsettings ran %d times, want re-readings while held", g.count(t))
	}
	if n := h.log.Count("reminder missed"); n != 1 {
		t.Errorf("%d missed lines, want 1:\n%s", n, h.log)
	}
}

// TestGNOMEUnknownDelivers: a missing gsettings or schema is not Do Not
// Disturb, and a server with its own Inhibited property that is not GNOME
// Shell is not second-guessed.
func TestGNOMEUnknownDelivers(t *testing.T) {
	withInhibited := notifytest.DefaultConfig
	tests := []struct {
		name     string
		cfg      notifytest.Config
		fake     bool   // put the fake gsettings on PATH
		answer   string // its answer; empty for a missing schema
		wantRuns int
	}{
		{name: "no gsettings", cfg: gnomeConfig},
		{name: "schema missing", cfg: gnomeConfig, fake: true, wantRuns: 1},
		{name: "banners on", cfg: gnomeConfig, fake: true, answer: "true", wantRuns: 1},
		{name: "other server with Inhibited", cfg: withInhibited, fake: true, answer: "false", wantRuns: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, gnomeOptions)
			var g *fakeGSettings
			if tt.fake {
				g = installGSettings(t, tt.answer)
			} else {
				// A PATH without gsettings.
				t.Setenv("PATH", t.TempDir())
				if p, err := exec.LookPath("gsettings"); err == nil {
					t.Fatalf("gsettings found at %s", p)
				}
			}
			srv := h.bus.StartServer(t, tt.cfg)
			h.notify(t, notify.Message{Reminder: "water", Title: "Water", Deadline: time.Now().Add(time.Minute)})
			if got, want := srv.Next(t).Summary, "Water"; got != want {
				t.Fatalf("summary = %q, want %q", got, want)
			}
			if g != nil {
				if got := g.count(t); got != tt.wantRuns {
					t.Errorf("gsettings ran %d times, want %d", got, tt.wantRuns)
				}
			}
			if n := h.log.Count("do not disturb"); n != 0 {
				t.Errorf("%d do-not-disturb lines, want 0:\n%s", n, h.log)
			}
		})
	}
}

func TestGNOMESettingCached(t *testing.T) {
	opts := gnomeOptions
	opts.DNDCache = time.Hour
	h := newHarness(t, opts)
	g := installGSettings(t, "true")
	srv := h.bus.StartServer(t, gnomeConfig)

	for _, name := range []string{"water", "stretch", "magnesium", "movement", "bedtime"} {
		h.notify(t, notify.Message{Reminder: name, Title: name})
		srv.Next(t)
	}
	if got := g.count(t); got != 1 {
		t.Fatalf("gsettings ran %d times for a burst of 5 reminders, want 1", got)
	}

	// Without the cache, each reminder reads the setting.
	opts.DNDCache = time.Nanosecond
	h2 := newDesktop(t, h.bus, opts)
	for _, name := range []string{"water", "stretch"} {
		h2.notify(t, notify.Message{Reminder: name, Title: name})
		srv.Next(t)
	}
	if got := g.count(t); got != 3 {
		t.Fatalf("gsettings ran %d times in all, want 3", got)
	}
}

func TestGNOMEHeldWithoutRetryReportsInhibited(t *testing.T) {
	h := newHarness(t, notify.Options{RetryFor: -1})
	installGSettings(t, "false")
	srv := h.bus.StartServer(t, gnomeConfig)
	err := h.d.Notify(context.Background(), notify.Message{Reminder: "bedtime-doctor", Title: "Test"})
	if !errors.Is(err, notify.ErrInhibited) {
		t.Fatalf("Notify = %v, want ErrInhibited", err)
	}
	if calls := srv.Calls(); len(calls) != 0 {
		t.Fatalf("%d Notify calls while show-banners is off, want 0", len(calls))
	}
}

func TestProbeGNOME(t *testing.T) {
	for _, tt := range []struct {
		answer                    string
		wantInhibited, wantBanner bool
	}{
		{answer: "false", wantInhibited: true, wantBanner: false},
		{answer: "true", wantInhibited: false, wantBanner: true},
	} {
		t.Run("show-banners "+tt.answer, func(t *testing.T) {
			bus := notifytest.StartBus(t)
			bus.Setenv(t)
			installGSettings(t, tt.answer)
			bus.StartServer(t, gnomeConfig)
			r, err := notify.Probe(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := r.Server.Name, "gnome-shell"; got != want {
				t.Errorf("server name = %q, want %q", got, want)
			}
			if !r.ShowBannersKnown || r.ShowBanners != tt.wantBanner {
				t.Errorf("show-banners = %v (known %v), want %v (known)", r.ShowBanners, r.ShowBannersKnown, tt.wantBanner)
			}
			if !r.InhibitedKnown || r.Inhibited != tt.wantInhibited {
				t.Errorf("inhibited = %v (known %v), want %v (known)", r.Inhibited, r.InhibitedKnown, tt.wantInhibited)
			}
		})
	}
	t.Run("schema missing", func(t *testing.T) {
		bus := notifytest.StartBus(t)
		bus.Setenv(t)
		installGSettings(t, "")
		bus.StartServer(t, gnomeConfig)
		r, err := notify.Probe(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if r.ShowBannersKnown || r.InhibitedKnown || r.Inhibited {
			t.Errorf("report = %+v, want show-banners and inhibited unknown", r)
		}
	})
}
