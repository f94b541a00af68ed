package tray

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify/notifytest"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/userlock"
)

// The tray is one per process (the library keeps its icon in package
// variables), and a person meets it as a process of its own: so the tests
// run it as a child process, this test binary again, started with
// BEDTIME_TRAY_TEST=tray; BEDTIME_TRAY_TEST=daemon makes a child that
// holds the daemon's lock as a running bedtime does.
func TestMain(m *testing.M) {
	switch os.Getenv("BEDTIME_TRAY_TEST") {
	case "tray":
		os.Exit(childTray())
	case "daemon":
		l, err := userlock.Take(os.Getenv("BEDTIME_TRAY_STATE"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("locked")
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		<-ctx.Done()
		stop()
		l.Unlock()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// childTray runs the tray on the state directory and schedule the test
// names, at the instant it names (the clock stands still).
func childTray() int {
	now, err := time.Parse(time.RFC3339, os.Getenv("BEDTIME_TRAY_NOW"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	dir, path := os.Getenv("BEDTIME_TRAY_STATE"), os.Getenv("BEDTIME_TRAY_SCHEDULE")
	store, err := state.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	err = Run(ctx, Options{
		Store:        store,
		Schedule:     func() (*config.Schedule, error) { return config.Load(path) },
		SchedulePath: path,
		Clock:        scheduler.NewFakeClock(now),
		Running: func() (int, bool) {
			pid, _, ok := userlock.Running(dir)
			return pid, ok
		},
		Launcher: launchNothing{},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

type launchNothing struct{}

func (launchNothing) Edit() error   { return fmt.Errorf("not in the test") }
func (launchNothing) Start() error  { return fmt.Errorf("not in the test") }
func (launchNothing) Report() error { return fmt.Errorf("not in the test") }

// fixture is a state directory, a schedule and an instant: 20:35 UTC,
// with magnesium (due 20:30) shown and waiting for an answer.
type fixture struct {
	dir, path string
	now       time.Time
	store     *state.Store
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{dir: filepath.Join(t.TempDir(), "state"), path: filepath.Join(t.TempDir(), "schedule.yaml"),
		now: time.Date(2026, 3, 10, 20, 35, 0, 0, time.UTC)}
	if err := os.WriteFile(f.path, []byte(testSchedule), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	if f.store, err = state.Open(f.dir); err != nil {
		t.Fatal(err)
	}
	due := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	if _, err := f.store.Record(func(st *state.State) ([]state.Event, error) {
		st.Last["magnesium"] = due
		a, err := st.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Due, At: due})
		if err != nil {
			return nil, err
		}
		b, err := st.Apply(state.Step{Reminder: "magnesium", Scheduled: due, Kind: state.Shown, At: due, Via: "test"})
		return append(a, b...), err
	}); err != nil {
		t.Fatal(err)
	}
	return f
}

// startDaemon starts a process that holds the daemon's lock, as a running
// bedtime does, and returns it.
func (f *fixture) startDaemon(t *testing.T) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "BEDTIME_TRAY_TEST=daemon", "BEDTIME_TRAY_STATE="+f.dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 7)
	if _, err := out.Read(buf); err != nil || string(buf) != "locked\n" {
		t.Fatalf("the daemon stand-in did not take the lock: %q %v", buf, err)
	}
	return cmd
}

// startTray starts `bedtime tray`'s Run in a child process on bus.
func (f *fixture) startTray(t *testing.T, bus *notifytest.Bus) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "BEDTIME_TRAY_TEST=tray", "DBUS_SESSION_BUS_ADDRESS="+bus.Address,
		"BEDTIME_TRAY_STATE="+f.dir, "BEDTIME_TRAY_SCHEDULE="+f.path, "BEDTIME_TRAY_NOW="+f.now.Format(time.RFC3339))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		// Built with -race, the child reports its races here. Those
		// between two goroutines of the tray libraries alone are known
		// and logged (fyne.io/systray sets IconPixmap and its menu's
		// revision while godbus sends them to a host); any other fails.
		ours, libs := races(stderr.String())
		if ours > 0 {
			t.Errorf("the tray process had %d data race(s) in bedtime's code", ours)
		}
		if libs > 0 {
			t.Logf("the tray process had %d data race(s) inside fyne.io/systray and godbus (known, not bedtime's)", libs)
		}
		if t.Failed() {
			t.Logf("the tray's stderr:\n%s", stderr.String())
		}
	})
	return cmd
}

// argb is icon i as IconPixmap carries it.
func argb(i Icon) []byte {
	img := Draw(i, IconSize)
	b := img.Bounds()
	out := make([]byte, 0, 4*b.Dx()*b.Dy())
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			r, g, bl, a := img.At(x, y).RGBA() // premultiplied, as the library sends
			out = append(out, byte(a), byte(r), byte(g), byte(bl))
		}
	}
	return out
}

func (it *item) shows(t *testing.T, i Icon) bool {
	px := it.icon(t)
	return len(px) == 1 && px[0].W == IconSize && px[0].H == IconSize && bytes.Equal(px[0].Pix, argb(i))
}

func labels(es []entry) []string {
	var out []string
	for _, e := range es {
		if e.Type == "separator" {
			out = append(out, "---")
			continue
		}
		l := e.Label
		if !e.Enabled {
			l = "(" + l + ")"
		}
		out = append(out, l)
	}
	return out
}

// TestTrayOnTheBus runs the tray against a real dbus-daemon with a test
// StatusNotifierWatcher and host: it registers; its icon, tooltip and
// menu read back; a click on Done changes the state exactly as `bedtime
// done` does; a pause made as `bedtime pause` makes it shows at once; and
// the daemon's end, even by kill -9, shows as not running.
func TestTrayOnTheBus(t *testing.T) {
	bus := notifytest.StartBus(t)
	h := startHost(t, bus.Address)
	f := newFixture(t)
	d := f.startDaemon(t)
	f.startTray(t, bus)
	it := h.nextItem(t)

	it.await(t, "the waiting icon", func() bool { return it.shows(t, IconWaiting) })
	var status string
	if err := it.prop(t, "Status").Store(&status); err != nil || status != "Active" {
		t.Fatalf("Status = %q (%v), want Active", status, err)
	}
	if got, want := it.tooltip(t), "bedtime: magnesium is waiting for an answer\nhydration at 21:40, in 1 h 05 m"; got != want {
		t.Fatalf("ToolTip = %q, want %q", got, want)
	}
	want := []string{
		"(magnesium (due 20:30))", "Done: magnesium", "Snooze magnesium for 10 m", "---",
		"(Next: hydration at 21:40, in 1 h 05 m)", "Skip hydration at 21:40", "Pause for 1 hour", "Pause until tomorrow", "---",
		"(Today:)", "(  magnesium  20:30 ○ shown, waiting)", "(  hydration  21:40 • to come)", "---",
		"Edit the schedule…", "---", "Quit the tray",
	}
	if got := labels(it.layout(t)); !slices.Equal(got, want) {
		t.Fatalf("menu =\n%q\nwant\n%q", got, want)
	}

	// Done, clicked through dbusmenu, against `bedtime done magnesium`'s
	// change (state.Store.Answer) made to a twin of the state.
	twin := newFixture(t)
	r := mustReminder(t, f.path, "magnesium")
	if _, err := twin.store.Answer(state.Answer{Reminder: "magnesium", Schedule: r.Schedule, CatchUp: r.CatchUp,
		Kind: state.Done, At: f.now}); err != nil {
		t.Fatal(err)
	}
	it.click(t, "Done: magnesium")
	it.await(t, "the normal icon after Done", func() bool { return it.shows(t, IconNormal) })
	got, _ := f.store.Load()
	wantSt, _ := twin.store.Load()
	if fmt.Sprint(got) != fmt.Sprint(wantSt) {
		t.Fatalf("state after the click:\n%+v\nwant (as bedtime done makes it):\n%+v", got, wantSt)
	}
	gotH, _ := f.store.History(time.Time{})
	wantH, _ := twin.store.History(time.Time{})
	if fmt.Sprint(gotH) != fmt.Sprint(wantH) {
		t.Fatalf("history after the click:\n%+v\nwant:\n%+v", gotH, wantH)
	}

	// A pause made by `bedtime pause` (state.Store.Pause) shows at once.
	start := time.Now()
	if err := f.store.Pause(f.now.Add(time.Hour), f.now, time.UTC); err != nil {
		t.Fatal(err)
	}
	it.await(t, "the paused icon", func() bool { return it.shows(t, IconPaused) })
	t.Logf("a pause showed in the tray %v after the command wrote it", time.Since(start).Round(time.Millisecond))
	if got, want := it.tooltip(t), "bedtime: paused until 21:35\nhydration at 21:40, in 1 h 05 m"; got != want {
		t.Fatalf("ToolTip = %q, want %q", got, want)
	}

	// Resume, clicked, ends it as `bedtime resume` does.
	it.click(t, "Resume")
	it.await(t, "the normal icon after Resume", func() bool { return it.shows(t, IconNormal) })
	if st, _ := f.store.Load(); !st.PausedUntil.IsZero() {
		t.Fatalf("PausedUntil = %v after Resume", st.PausedUntil)
	}

	// Skip, clicked, skips hydration's next instant as `bedtime skip hydration`.
	it.click(t, "Skip hydration at 21:40")
	it.await(t, "the skip", func() bool {
		st, _ := f.store.Load()
		return st.Skips["hydration"].Equal(time.Date(2026, 3, 10, 21, 40, 0, 0, time.UTC))
	})

	// The daemon killed: the pidfd shows it at once, with no file change.
	d.Process.Kill()
	it.await(t, "the not-running icon", func() bool { return it.shows(t, IconNotRunning) })
	if got := labels(it.layout(t)); len(got) < 2 || got[0] != "(bedtime is not running)" || got[1] != "Start bedtime" {
		t.Fatalf("menu of a tray without bedtime starts %q", got[:2])
	}
}

func mustReminder(t *testing.T, path, name string) config.Reminder {
	t.Helper()
	s, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := s.Reminder(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return r
}

// races counts the race detector's reports in out: those where either
// access is first in bedtime's code (ours), and those where both are in
// fyne.io/systray or godbus (libs).
func races(out string) (ours, libs int) {
	for _, report := range strings.Split(out, "WARNING: DATA RACE")[1:] {
		report, _, _ = strings.Cut(report, "Goroutine ")
		lib := true
		inAccess := false
		for _, line := range strings.Split(report, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case strings.Contains(line, " at 0x"):
				inAccess = true
			case inAccess && line != "" && !strings.HasPrefix(line, "/") && !strings.HasPrefix(line, "runtime.") &&
				!strings.HasPrefix(line, "reflect.") && !strings.HasPrefix(line, "sync") && !strings.HasPrefix(line, "internal/"):
				if !strings.HasPrefix(line, "fyne.io/systray") && !strings.HasPrefix(line, "github.com/godbus/dbus") {
					lib = false
				}
				inAccess = false
			}
		}
		if lib {
			libs++
		} else {
			ours++
		}
	}
	return ours, libs
}

// TestRaces: the reports of the race detector in the bus test's child are
// told apart: both accesses inside fyne.io/systray and godbus (three
// reports kept from a run), or one in bedtime's code.
func TestRaces(t *testing.T) {
	libs, err := os.ReadFile(filepath.Join("testdata", "race-libs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if o, l := races(string(libs)); o != 0 || l != 3 {
		t.Errorf("races(the libraries' reports) = %d ours, %d libs; want 0, 3", o, l)
	}
	ours := `==================
WARNING: DATA RACE
Write at 0x00c0000a0000 by goroutine 7:
  github.com/bedtime-app/bedtime/tray.loop()
      /src/tray/tray.go:150 +0x10

Previous read at 0x00c0000a0000 by goroutine 9:
  fyne.io/systray.SetIcon()
      /mod/systray_unix.go:62 +0x2f6

Goroutine 7 (running) created at:
  fyne.io/systray.Run()
==================
`
	if o, l := races(ours + string(libs)); o != 1 || l != 3 {
		t.Errorf("races(one of ours and the libraries') = %d ours, %d libs; want 1, 3", o, l)
	}
}
