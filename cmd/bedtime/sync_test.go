package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// computer is one of the person's computers in a test: its schedule and
// state directory, sharing folder with the others.
type computer struct {
	config, stateDir string
}

func newComputer(t *testing.T, folder, name string) computer {
	t.Helper()
	dir := t.TempDir()
	c := computer{config: filepath.Join(dir, "schedule.yaml"), stateDir: filepath.Join(dir, "state")}
	yaml := "reminders:\n  magnesium: {at: \"21:00\"}\n"
	if folder != "" {
		yaml = "sync:\n  folder: " + folder + "\n  name: " + name + "\n" + yaml
	}
	if err := os.WriteFile(c.config, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}

// link runs `sync init` on first and `sync join` with its key on the
// others.
func link(t *testing.T, now time.Time, first computer, others ...computer) {
	t.Helper()
	code, out, errOut := first.run(t, now, "sync", "init")
	i := strings.Index(out, "bedtime sync join ")
	if code != 0 || i < 0 {
		t.Fatalf("sync init: %d %s %s", code, out, errOut)
	}
	key := strings.Fields(out[i+len("bedtime sync join "):])[0]
	for _, c := range others {
		if code, _, errOut := c.run(t, now, "sync", "join", key); code != 0 {
			t.Fatalf("sync join: %d %s", code, errOut)
		}
	}
}

// publish appends evs to c's history and publishes it to the synced
// folder as the daemon would, returning c's store and link.
func (c computer) publish(t *testing.T, folder string, now time.Time, evs []state.Event) (*state.Store, *devices.Link) {
	t.Helper()
	s, err := state.Open(c.stateDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	l := devices.Connect(c.stateDir, folder, "", devices.Options{Now: func() time.Time { return now }})
	if l.Folder == nil {
		t.Fatalf("not linked: %s", l.Alone)
	}
	if _, err := devices.Publish(l.Folder, c.stateDir); err != nil {
		t.Fatal(err)
	}
	return s, l
}

func (c computer) run(t *testing.T, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	return runIn(t, c.stateDir, now, append([]string{"--config", c.config}, args...)...)
}

func TestSyncInitJoinAndMergedStats(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "22:00")
	laptop, desktop, alone := newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop"), newComputer(t, folder, "spare")

	code, out, errOut := laptop.run(t, now, "sync", "init")
	if code != 0 {
		t.Fatalf("sync init: %d %s", code, errOut)
	}
	i := strings.Index(out, "bedtime sync join ")
	if i < 0 {
		t.Fatalf("sync init does not say what to run next:\n%s", out)
	}
	key := strings.Fields(out[i+len("bedtime sync join "):])[0]
	if code, _, errOut := laptop.run(t, now, "sync", "init"); code == 0 || !strings.Contains(errOut, "has a sync key already") {
		t.Errorf("a second sync init: %d %q", code, errOut)
	}
	keyFile := filepath.Join(t.TempDir(), "key")
	os.WriteFile(keyFile, []byte(key+"\n"), 0o600)
	if code, out, errOut := desktop.run(t, now, "sync", "join", keyFile); code != 0 || !strings.Contains(out, "Joined with key") {
		t.Fatalf("sync join FILE: %d %s %s", code, out, errOut)
	}
	if code, out, _ := desktop.run(t, now, "sync", "join", key); code != 0 || !strings.Contains(out, "has this key already") {
		t.Errorf("joining again: %d %s", code, out)
	}
	other, _ := devices.NewKey()
	if code, _, errOut := desktop.run(t, now, "sync", "join", other.String()); code == 0 || !strings.Contains(errOut, "another sync key") {
		t.Errorf("joining with another key: %d %q", code, errOut)
	}

	// The laptop showed magnesium and it went unanswered there; the
	// desktop's command line marked it done.
	sched := nov(t, 27, "21:00")
	write := func(c computer, evs []state.Event) {
		_, l := c.publish(t, folder, now, evs)
		l.Folder.WritePresence(devices.Presence{Name: "x", State: "here", Input: now.Add(-time.Minute)})
	}
	write(laptop, occasion("magnesium", sched, state.Shown, state.Expired))
	write(desktop, []state.Event{{At: sched.Add(20 * time.Minute), Reminder: "magnesium", Kind: state.Done, Scheduled: sched, Detail: "command"}})

	for _, c := range []computer{laptop, desktop} {
		code, out, errOut := c.run(t, now, "stats", "--json", "--days", "1")
		if code != 0 {
			t.Fatalf("stats: %d %s", code, errOut)
		}
		var stats []state.ReminderStats
		if err := json.Unmarshal([]byte(out), &stats); err != nil {
			t.Fatal(err)
		}
		if len(stats) != 1 || stats[0].Due != 1 || stats[0].Done != 1 || stats[0].Shown != 1 {
			t.Errorf("%s: merged stats = %+v, want due 1, done 1, shown 1", c.config, stats)
		}
		if errOut != "" {
			t.Errorf("stats said on stderr: %s", errOut)
		}
	}
	code, out, _ = laptop.run(t, now, "stats", "--by-device", "--days", "1", "--ascii")
	if code != 0 || !strings.Contains(out, "== laptop (") || !strings.Contains(out, "this computer") || strings.Count(out, "==") != 2 {
		t.Errorf("stats --by-device:\n%s", out)
	}
	if !strings.Contains(out, "0 of 1") || !strings.Contains(out, "1 of 1") {
		t.Errorf("by device, the laptop did not do it and the desktop did:\n%s", out)
	}

	// A computer that never joined says so and counts alone.
	code, out, errOut = alone.run(t, now, "stats", "--json", "--days", "1")
	if code != 0 || !strings.Contains(errOut, "no sync key on this computer") {
		t.Errorf("a computer without the key: %d %q", code, errOut)
	}
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("a computer without the key counted the others: %s", out)
	}

	// doctor names the folder, the key and the other device.
	var lines string
	app := newTestApp(laptop, now)
	for _, r := range checkSync(context.Background(), app) {
		lines += r.line() + "\n"
	}
	for _, want := range []string{"OK   sync folder: " + folder, "OK   sync key: fingerprint ", "OK   device x (", "last heard from 0s ago", "person here"} {
		if !strings.Contains(lines, want) {
			t.Errorf("doctor does not say %q:\n%s", want, lines)
		}
	}
}

func newTestApp(c computer, now time.Time) *App {
	var sink strings.Builder
	app := &App{Stdout: &sink, Stderr: &sink, StateDir: c.stateDir, ConfigPath: c.config}
	app.Clock = scheduler.NewFakeClock(now)
	return app
}

// laptopAndDesktop links a laptop and a desktop with one key; the
// desktop said ten minutes before now (27 Nov 22:00) that the person is
// at it. It returns the laptop's link, its folder read, the desktop's,
// and now.
func laptopAndDesktop(t *testing.T) (ll, dl *devices.Link, now time.Time) {
	t.Helper()
	folder := t.TempDir()
	now = nov(t, 27, "22:00")
	laptop, desktop := newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop")
	k, _ := devices.NewKey()
	for _, c := range []computer{laptop, desktop} {
		if err := devices.SaveKey(c.stateDir, k); err != nil {
			t.Fatal(err)
		}
	}
	dl = devices.Connect(desktop.stateDir, folder, "desktop", devices.Options{Now: func() time.Time { return now.Add(-10 * time.Minute) }})
	dl.Folder.WritePresence(devices.Presence{Name: "desktop", State: "here", Input: now.Add(-10 * time.Minute)})
	ll = devices.Connect(laptop.stateDir, folder, "laptop", devices.Options{Now: func() time.Time { return now }})
	ll.Folder.Scan()
	return ll, dl, now
}

func TestStatusListsTheDevicesAndWhereYouAre(t *testing.T) {
	ll, dl, now := laptopAndDesktop(t)
	var b strings.Builder
	info := statusInfo{Loc: time.UTC, Now: now, Devices: statusDevices(ll, &state.Presence{State: "away", Since: now.Add(-time.Hour)}, now)}
	writeStatusInfo(&b, info, markSet(true))
	want := "  devices:  laptop (" + ll.Self[:6] + "), this computer: away\n" +
		"            desktop (" + dl.Self[:6] + "): you are here, heard from 10m ago\n"
	if b.String() != want {
		t.Errorf("status says\n%s\nwant\n%s", b.String(), want)
	}
}

// The daemon of a joined computer whose synced folder comes only after it
// started (not synced yet, a share not mounted) starts sharing when it
// comes, without a restart, and hands the daemon what decides between the
// computers.
func TestRunSharesWhenTheFolderComes(t *testing.T) {
	base := t.TempDir()
	folder := filepath.Join(base, "Sync", "bedtime")
	c := newComputer(t, folder, "laptop")
	k, _ := devices.NewKey()
	if err := devices.SaveKey(c.stateDir, k); err != nil {
		t.Fatal(err)
	}
	var got daemon.Options
	stderr := &lockedLog{} // the daemon's sync goroutine logs while the test reads
	app := &App{Stdin: strings.NewReader(""), Stdout: stderr, Stderr: stderr, StateDir: c.stateDir, ConfigPath: c.config,
		RunDaemon: func(ctx context.Context, o daemon.Options) error {
			got = o
			if err := os.MkdirAll(folder, 0o700); err != nil {
				return err
			}
			id, err := devices.LoadID(c.stateDir, false)
			if err != nil {
				return err
			}
			presence := filepath.Join(folder, "devices", id, "presence.b1")
			// Real file events: looked at again, at most ten seconds.
			testutil.WaitFor(t, 10*time.Second, "a presence file in the folder after it came", func() bool {
				_, err := os.Stat(presence)
				return err == nil
			}, stderr)
			return nil
		}}
	if code := app.Run(context.Background(), []string{"--config", c.config, "run"}); code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr.String())
	}
	if got.Devices == nil || got.ShowWithin != devices.ShowWithin {
		t.Errorf("the daemon was not given the computers' elector: %+v", got.Devices)
	}
	if !strings.Contains(stderr.String(), "works alone") || !strings.Contains(stderr.String(), "sync: sharing the record") {
		t.Errorf("the log does not say alone, then sharing:\n%s", stderr.String())
	}
	// Once run has returned, the folder says this computer stopped, so the
	// others hold nothing for it.
	other := newComputer(t, folder, "desktop")
	if err := devices.SaveKey(other.stateDir, k); err != nil {
		t.Fatal(err)
	}
	l := devices.Connect(other.stateDir, folder, "desktop", devices.Options{})
	if l.Folder == nil {
		t.Fatalf("the other computer is not linked: %s", l.Alone)
	}
	l.Folder.Scan()
	if devs := l.Folder.Devices(); len(devs) != 1 || devs[0].Presence.State != devices.Stopped {
		t.Errorf("after run ended the other computer reads %+v; want one device, %q", devs, devices.Stopped)
	}
}

// TestRunFollowsTheSyncSection: sync: added to the schedule of a running
// daemon is shared at once (no restart), as is a new key; and taken out,
// the folder is told this computer stopped there and it works alone.
func TestRunFollowsTheSyncSection(t *testing.T) {
	base := t.TempDir()
	folder := filepath.Join(base, "Sync", "bedtime")
	if err := os.MkdirAll(filepath.Join(folder, "devices"), 0o700); err != nil {
		t.Fatal(err)
	}
	c := newComputer(t, "", "")
	withSync := newComputer(t, folder, "laptop")
	k, _ := devices.NewKey()
	if err := devices.SaveKey(c.stateDir, k); err != nil {
		t.Fatal(err)
	}
	load := func(path string) *config.Schedule {
		s, err := config.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	log := &lockedLog{}
	within := func(what string, cond func() bool) {
		t.Helper()
		testutil.WaitFor(t, 10*time.Second, what, cond, log) // real file events
	}
	// state is this computer's presence as another computer reads it.
	other := newComputer(t, folder, "desktop")
	if err := devices.SaveKey(other.stateDir, k); err != nil {
		t.Fatal(err)
	}
	state := func() string {
		l := devices.Connect(other.stateDir, folder, "desktop", devices.Options{ReadOnly: true})
		if l.Folder == nil {
			t.Fatalf("the other computer is not linked: %s", l.Alone)
		}
		l.Folder.Scan()
		for _, d := range l.Folder.Devices() {
			if d.ID != l.Self {
				return d.Presence.State
			}
		}
		return "absent"
	}
	app := &App{Stdin: strings.NewReader(""), Stdout: log, Stderr: log, StateDir: c.stateDir, ConfigPath: c.config,
		RunDaemon: func(ctx context.Context, o daemon.Options) error {
			if o.OnReload == nil || o.Devices == nil {
				t.Fatalf("no OnReload or Devices in the options: sync cannot follow the schedule")
			}
			o.OnReload(load(c.config)) // the daemon's start: no sync
			time.Sleep(50 * time.Millisecond)
			if got := state(); got != "absent" {
				t.Errorf("without sync: in the schedule, this computer is in the folder (%q)", got)
			}
			o.OnReload(load(withSync.config))
			within("this computer in the folder once sync: was added", func() bool { return state() != "absent" })
			// A new key (`sync join --force`): the key file is watched, and
			// its change shares again with the new key.
			rekey := o.AlsoWatch[filepath.Join(c.stateDir, devices.KeyFile)]
			if rekey == nil {
				t.Fatalf("the key file is not watched: %v", o.AlsoWatch)
			}
			rekey()
			within("shared again with the new key", func() bool {
				// the old sharing's last word was "stopped"; the new one's
				// first presence follows its log line
				return strings.Count(log.String(), "sync: sharing the record") == 2 && state() != devices.Stopped
			})
			o.OnReload(nil) // a rejected edit changes nothing
			o.OnReload(load(withSync.config))
			o.OnReload(load(c.config))
			within("the folder told this computer stopped once sync: was taken out", func() bool { return state() == devices.Stopped })
			return nil
		}}
	if code := app.Run(context.Background(), []string{"--config", c.config, "run"}); code != 0 {
		t.Fatalf("run: exit %d: %s", code, log)
	}
	if n := strings.Count(log.String(), "sync: sharing the record"); n != 2 {
		t.Errorf("shared %d times, want twice: when sync: was added, and with the new key:\n%s", n, log)
	}
	if n := strings.Count(log.String(), "sync: the schedule's sync section changed"); n != 2 {
		t.Errorf("said %d times that the sync section changed, want 2:\n%s", n, log)
	}
}

// A computer that joined with another key is named plainly by doctor, and
// its lines are not counted.
func TestDoctorNamesAComputerWithAnotherKey(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "22:00")
	laptop, stranger := newComputer(t, folder, "laptop"), newComputer(t, folder, "stranger")
	k1, _ := devices.NewKey()
	k2, _ := devices.NewKey()
	devices.SaveKey(laptop.stateDir, k1)
	devices.SaveKey(stranger.stateDir, k2)
	sl := devices.Connect(stranger.stateDir, folder, "stranger", devices.Options{Now: func() time.Time { return now }})
	sl.Folder.Append(occasion("magnesium", nov(t, 27, "21:00"), state.Shown, state.Done))
	var lines string
	for _, r := range checkSync(context.Background(), newTestApp(laptop, now)) {
		lines += r.line() + "\n"
	}
	for _, want := range []string{"FAIL device " + sl.Self[:6] + ": writes with another key (2 lines cannot be read)", "is sealed with another key"} {
		if !strings.Contains(lines, want) {
			t.Errorf("doctor does not say %q:\n%s", want, lines)
		}
	}
	code, out, errOut := laptop.run(t, now, "stats", "--json", "--days", "1")
	if code != 0 || strings.TrimSpace(out) != "[]" || !strings.Contains(errOut, "sealed with another key") {
		t.Errorf("stats with a stranger's lines: %d %s %s", code, out, errOut)
	}
}

// The cramp diary with sync on: answered on three computers, `bedtime
// diary`, `bedtime report --csv` and `stats --calendar` on each read the
// person's one diary, the latest answer for each field winning whichever
// computer it was given on.
func TestDiaryMergedAcrossComputers(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "08:00")
	cs := []computer{newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop"), newComputer(t, folder, "spare")}
	link(t, now, cs[0], cs[1:]...)
	said := []struct {
		on   int
		at   time.Time
		args []string
	}{
		{0, now, []string{"--cramps", "2", "--severity", "4", "--leg", "left"}},
		{1, now.Add(10 * time.Minute), []string{"--severity", "8"}},
		{2, now.Add(5 * time.Minute), []string{"--sleep", "6", "--note", "woke twice"}},
	}
	for _, s := range said {
		if code, _, errOut := cs[s.on].run(t, s.at, append([]string{"diary"}, s.args...)...); code != 0 {
			t.Fatalf("diary %v: %s", s.args, errOut)
		}
	}
	// What the daemon's Keep does on each: copy the diary to the folder.
	for _, c := range cs {
		l := devices.Connect(c.stateDir, folder, "", devices.Options{Now: func() time.Time { return now }})
		if l.Folder == nil {
			t.Fatalf("not linked: %s", l.Alone)
		}
		if _, err := devices.PublishDiary(l.Folder, c.stateDir); err != nil {
			t.Fatal(err)
		}
	}
	later := now.Add(time.Hour)
	for _, c := range cs {
		code, out, errOut := c.run(t, later, "diary")
		if code != 0 || errOut != "" {
			t.Fatalf("diary: %d %s", code, errOut)
		}
		if !strings.Contains(strings.Join(strings.Fields(out), " "), "Thu 26 Nov bad (3 answers) 2 8 6 left woke twice") {
			t.Errorf("%s: the diary is not the merged one:\n%s", c.config, out)
		}
		code, out, errOut = c.run(t, later, "report", "--csv")
		if code != 0 || errOut != "" {
			t.Fatalf("report --csv: %d %s", code, errOut)
		}
		if !strings.Contains(out, "\n2026-11-26,Thu,yes,yes,2,8,6,left,woke twice,2026-11-27T07:10:00Z,") {
			t.Errorf("%s: report --csv is not the merged diary:\n%s", c.config, out)
		}
		code, out, errOut = c.run(t, later, "stats", "--calendar", "--ascii")
		if code != 0 || errOut != "" {
			t.Fatalf("stats --calendar: %d %s", code, errOut)
		}
		if !strings.Contains(out, "November 2026") || !strings.HasSuffix(strings.Split(out, "\n\n")[2], " 26 X") {
			t.Errorf("%s: the calendar does not show the night as bad:\n%s", c.config, out)
		}
	}
}

// lockedLog is a log the daemon writes while the test reads it.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The daemon of a computer whose synced folder goes away while it runs
// (deleted, a share gone) works alone, and shares again when the folder
// is back, without a restart.
func TestRunSharesAgainWhenTheFolderIsBack(t *testing.T) {
	base := t.TempDir()
	folder := filepath.Join(base, "Sync", "bedtime")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	c := newComputer(t, folder, "laptop")
	k, _ := devices.NewKey()
	if err := devices.SaveKey(c.stateDir, k); err != nil {
		t.Fatal(err)
	}
	log := &lockedLog{}
	// within waits, on real file events, at most ten seconds for cond.
	within := func(what string, cond func() bool) {
		t.Helper()
		testutil.WaitFor(t, 10*time.Second, what, cond, log)
	}
	app := &App{Stdin: strings.NewReader(""), Stdout: log, Stderr: log, StateDir: c.stateDir, ConfigPath: c.config,
		RunDaemon: func(ctx context.Context, o daemon.Options) error {
			id, err := devices.LoadID(c.stateDir, false)
			if err != nil {
				return err
			}
			presence := filepath.Join(folder, "devices", id, "presence.b1")
			there := func() bool { _, err := os.Stat(presence); return err == nil }
			within("the presence file at the start", there)
			if err := os.RemoveAll(folder); err != nil {
				return err
			}
			within("the folder gone said", func() bool { return strings.Contains(log.String(), "sync: the folder is gone") })
			// The folder made again, empty: not the folder back (a share's
			// mount point left behind); nothing is written into it.
			if err := os.MkdirAll(folder, 0o700); err != nil {
				return err
			}
			time.Sleep(100 * time.Millisecond)
			if there() {
				t.Errorf("wrote into an empty directory where the folder was")
			}
			// The sync tool brings it back, with the other computers' files.
			if err := os.MkdirAll(filepath.Join(folder, "devices", "bbbbbbbbbbbbbbbb"), 0o700); err != nil {
				return err
			}
			within("the presence file once the folder is back", there)
			return nil
		}}
	if code := app.Run(context.Background(), []string{"--config", c.config, "run"}); code != 0 {
		t.Fatalf("run: exit %d: %s", code, log)
	}
	if n := strings.Count(log.String(), "sync: sharing the record"); n != 2 {
		t.Errorf("shared %d times, want at the start and once the folder was back:\n%s", n, log)
	}
}

// TestCommandsWriteNothingToAnEmptyFolder: the folder an empty directory
// (a share not mounted, its mount point left; the daemon says the folder
// is gone), status, stats, doctor and the report read and write nothing
// there: a daemon waiting for the folder must not take it for back.
func TestCommandsWriteNothingToAnEmptyFolder(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "22:00")
	c := newComputer(t, folder, "laptop")
	k, _ := devices.NewKey()
	if err := devices.SaveKey(c.stateDir, k); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"status"}, {"stats"}, {"stats", "--by-device"}, {"doctor"}, {"report", "-o", filepath.Join(t.TempDir(), "r.html")}, {"next"}} {
		code, out, errOut := c.run(t, now, args...)
		if ents, _ := os.ReadDir(folder); len(ents) != 0 {
			t.Fatalf("bedtime %v (exit %d) wrote %v into the empty folder:\n%s%s", args, code, ents, out, errOut)
		}
	}
}

// TestDoctorNamesTheComputerWithTheOddKey: doctor tells which computer to
// join again. With two that share a key and a third that does not, the
// two are told to have the third join again, and the third to join with
// theirs (not to part the two that agree); with two alone, either one.
func TestDoctorNamesTheComputerWithTheOddKey(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "22:00")
	laptop, desktop, stranger := newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop"), newComputer(t, folder, "stranger")
	k1, _ := devices.NewKey()
	k2, _ := devices.NewKey()
	publish := func(c computer, k devices.Key, name string) {
		t.Helper()
		if err := devices.SaveKey(c.stateDir, k); err != nil {
			t.Fatal(err)
		}
		l := devices.Connect(c.stateDir, folder, name, devices.Options{Now: func() time.Time { return now }})
		if err := l.Folder.Append(occasion("magnesium", nov(t, 27, "21:00"), state.Shown, state.Done)); err != nil {
			t.Fatal(err)
		}
	}
	fixes := func(c computer) string {
		t.Helper()
		var b strings.Builder
		for _, r := range checkSync(context.Background(), newTestApp(c, now)) {
			b.WriteString(r.line() + "\n")
		}
		return b.String()
	}
	publish(laptop, k1, "laptop")
	publish(stranger, k2, "stranger")
	if got := fixes(laptop); !strings.Contains(got, "the two computers have different keys: run `bedtime sync join KEY` on one of them with the other's key") {
		t.Errorf("two computers, two keys: doctor on the laptop says\n%s", got)
	}
	publish(desktop, k1, "desktop")
	if got := fixes(laptop); !strings.Contains(got, "run `bedtime sync join KEY` there with this computer's key") {
		t.Errorf("the laptop, which shares its key with the desktop, is told\n%s", got)
	}
	if got := fixes(stranger); !strings.Contains(got, "the other computers share a key this one does not have: run `bedtime sync join KEY` here with their key") ||
		strings.Contains(got, "there with this computer's key") {
		t.Errorf("the stranger, alone with its key, is told\n%s", got)
	}
}

// TestSyncJoinSaysABadKeyInTheLanguage: `sync join` with a key that is not
// one, or is damaged, given on the command line or in a file, says so in
// the person's language (it was English in every language).
func TestSyncJoinSaysABadKeyInTheLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "key.txt")
	if err := os.WriteFile(file, []byte("hello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ arg, lang, want string }{
		{"bedtime-key-1-xx", "de_DE.UTF-8", `bedtime: kein bedtime-Schlüssel: der Teil nach "bedtime-key-1-" ist beschädigt (kopiere die ganze Zeile noch einmal)`},
		{"bedtime-key-1-xx", "fr_FR.UTF-8", "bedtime: ce n’est pas une clé bedtime\u00a0: la partie après \"bedtime-key-1-\" est abîmée (recopiez toute la ligne)"},
		{file, "es_ES.UTF-8", `bedtime: ` + file + `: no es una clave de bedtime (debe empezar por "bedtime-key-1-")`},
		{file, "C", `bedtime: ` + file + `: not a bedtime key (it should start with "bedtime-key-1-")`},
	} {
		app := &App{StateDir: filepath.Join(dir, "state"), ConfigPath: filepath.Join(dir, "none.yaml"),
			Getenv: func(k string) string { return map[string]string{"LANG": tt.lang}[k] }}
		code, out, errOut := runApp(app, "sync", "join", tt.arg)
		if code == 0 || out != "" || strings.TrimSpace(errOut) != tt.want {
			t.Errorf("%s: sync join %s = %d, %q\n got %q\nwant %q", tt.lang, tt.arg, code, out, strings.TrimSpace(errOut), tt.want)
		}
	}
}
