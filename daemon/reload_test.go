package daemon

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// liveWithin bounds the wait for a save to be in use: a bound against a
// hang, not a measurement. How soon it is live (under 500 ms) is
// BenchmarkReloadLatency's figure; a unit test on a loaded machine does
// not time it.
const liveWithin = 5 * time.Second

// productionDebounce is the reload debounce the program ships with.
const productionDebounce = DefaultDebounce

// The schedule saved valid (magnesium moved to 21:15) and invalid.
var (
	editValid   = strings.Replace(berlinSchedule, `"20:30"`, `"21:15"`, 1)
	editInvalid = strings.Replace(berlinSchedule, `"20:30"`, `"25:00"`, 1)
	// zoneInvalid has its error outside every reminder: none of them runs
	// without it.
	zoneInvalid = strings.Replace(berlinSchedule, "Europe/Berlin", "Europe/Berlim", 1)
)

// startLiveDaemon is startRun with the production reload debounce, for
// the tests and the benchmark that measure how soon a save is live. (The
// debounce must be set before the daemon starts: its watcher reads it.)
func startLiveDaemon(tb testing.TB, schedule string, now time.Time) *harness {
	tb.Helper()
	return startRun(tb, schedule, now, "", productionDebounce)
}

// liveAfter returns the schedule of the first reload after a save, and
// fails unless it came within liveWithin. (These tests are on the real
// watcher: the kernel's file events cannot be in a bubble.)
func liveAfter(tb testing.TB, h *harness) *config.Schedule {
	tb.Helper()
	select {
	case s := <-h.reloads:
		return s
	case <-time.After(liveWithin):
		tb.Fatalf("no reload within %v of the save; log:\n%s", liveWithin, h.log.String())
		return nil
	}
}

// savedLive tells the daemon in a bubble that the schedule file changed,
// as its watcher would, and returns the schedule it then reloaded. (How a
// save reaches the watcher is TestReloadEditorSaves's, on the real one.)
func (h *harness) savedLive() *config.Schedule {
	h.t.Helper()
	h.changed(h.opts.SchedulePath)
	return h.reloaded()
}

// settled lets badSettle pass in the bubble with the file left as it is,
// and waits until the daemon has done what that makes it do: tell of an
// invalid file.
func (h *harness) settled() {
	h.t.Helper()
	time.Sleep(badSettle)
	synctest.Wait()
}

// magnesiumAt returns the time of day the magnesium reminder of s is set
// for, or why it has none.
func magnesiumAt(s *config.Schedule) string {
	if s == nil {
		return "(file rejected)"
	}
	r, ok := s.Reminder("magnesium")
	if !ok {
		return "(no magnesium reminder)"
	}
	return r.Spec
}

// A saver saves data to path the way some editor does.
type saver func(tb testing.TB, path string, data []byte)

// saveInPlace truncates the file and writes it anew, as vim with
// backupcopy=yes, VS Code and most simple editors do.
func saveInPlace(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// saveByRename writes a temporary file in the same directory and renames
// it over the old one, as VS Code's atomic save and most tools do.
func saveByRename(tb testing.TB, path string, data []byte) {
	tb.Helper()
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		tb.Fatal(err)
	}
}

// writeChunks writes data to a new or truncated file at path in small
// pieces, with an fsync, as an editor writing a buffer does.
func writeChunks(tb testing.TB, path string, data []byte) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	for len(data) > 0 {
		n := min(len(data), 32)
		if _, err := f.Write(data[:n]); err != nil {
			tb.Fatal(err)
		}
		data = data[n:]
	}
	if err := f.Sync(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

func mustDo(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// editorSaves are the ways editors save a file, each as the sequence of
// file operations it makes.
var editorSaves = []struct {
	name string
	save saver
}{
	{"vim default (backupcopy=auto): probe file, original renamed to schedule.yaml~, new file written, backup deleted",
		func(tb testing.TB, path string, data []byte) {
			dir := filepath.Dir(path)
			probe := filepath.Join(dir, "4913") // vim checks it may create files here
			mustDo(tb, os.WriteFile(probe, nil, 0o600))
			mustDo(tb, os.Remove(probe))
			mustDo(tb, os.Rename(path, path+"~"))
			writeChunks(tb, path, data)
			mustDo(tb, os.Remove(path+"~"))
		}},
	{"new file written, original renamed to schedule.yaml~, new one renamed into place, backup deleted",
		func(tb testing.TB, path string, data []byte) {
			writeChunks(tb, path+".new", data)
			mustDo(tb, os.Rename(path, path+"~"))
			mustDo(tb, os.Rename(path+".new", path))
			mustDo(tb, os.Remove(path+"~"))
		}},
	{"vim backupcopy=yes: original copied to schedule.yaml~, overwritten in place, backup deleted",
		func(tb testing.TB, path string, data []byte) {
			old, err := os.ReadFile(path)
			mustDo(tb, err)
			mustDo(tb, os.WriteFile(path+"~", old, 0o600))
			writeChunks(tb, path, data)
			mustDo(tb, os.Remove(path+"~"))
		}},
	{"overwrite in place: truncate and write", saveInPlace},
	{"VS Code in place: truncate, then the buffer written in chunks", writeChunks},
	{"VS Code atomic: temp file in the same dir renamed over", saveByRename},
	{"sed -i: ./sedXXXXXX written in the same dir, renamed over",
		func(tb testing.TB, path string, data []byte) {
			tmp := filepath.Join(filepath.Dir(path), "sedAb12Cd")
			writeChunks(tb, tmp, data)
			mustDo(tb, os.Rename(tmp, path))
		}},
	{"real sed -i", func(tb testing.TB, path string, data []byte) {
		runTool(tb, path, data, "sed", sedInPlace(`s/"20:30"/"21:15"/`, path)...)
	}},
	{"real vim, default settings", func(tb testing.TB, path string, data []byte) {
		runTool(tb, path, data, vimBinary(tb), "-u", "NONE", "-N", "-i", "NONE", "-es", "-c", `%s/"20:30"/"21:15"/`, "-c", "wq", path)
	}},
	{"real vim, backupcopy=yes", func(tb testing.TB, path string, data []byte) {
		runTool(tb, path, data, vimBinary(tb), "-u", "NONE", "-N", "-i", "NONE", "-es", "-c", "set backupcopy=yes", "-c", `%s/"20:30"/"21:15"/`, "-c", "wq", path)
	}},
}

// runTool runs a real editing tool that changes the magnesium time and
// checks that it wrote data.
func runTool(tb testing.TB, path string, data []byte, name string, args ...string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Fatalf("%s is needed for this test (Debian: apt-get install sed vim-tiny): %v", name, err)
	}
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		tb.Fatalf("%s: %v\n%s", name, err, out)
	}
	got, err := os.ReadFile(path)
	mustDo(tb, err)
	if string(got) != string(data) {
		tb.Fatalf("%s wrote:\n%s\nwant:\n%s", name, got, data)
	}
}

func sedInPlace(script, path string) []string {
	if runtime.GOOS == "darwin" || strings.HasSuffix(runtime.GOOS, "bsd") {
		return []string{"-i", "", "-e", script, path}
	}
	return []string{"-i", "-e", script, path}
}

// vimBinary returns the vim on PATH: vim, or Debian's vim.tiny.
func vimBinary(tb testing.TB) string {
	for _, v := range []string{"vim", "vim.tiny"} {
		if _, err := exec.LookPath(v); err == nil {
			return v
		}
	}
	tb.Fatal("vim is needed for this test (Debian: apt-get install vim-tiny)")
	return ""
}

// TestReloadEditorSaves saves the schedule as editors do against the
// running daemon: the next reload has the new schedule, with no reload
// of a half-saved file in between.
func TestReloadEditorSaves(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix editors")
	}
	for _, tt := range editorSaves {
		t.Run(tt.name, func(t *testing.T) {
			h := startLiveDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:10"))
			h.idleUntil(berlin(t, "2026-11-25 20:30"))
			tt.save(t, h.opts.SchedulePath, []byte(editValid))
			if got := magnesiumAt(liveAfter(t, h)); got != "21:15" {
				t.Fatalf("first reload after the save: magnesium at %s, want 21:15; log:\n%s", got, h.log.String())
			}
			h.idleUntil(berlin(t, "2026-11-25 21:15"))
			h.clock.Advance(65 * time.Minute)
			if m := h.nextShown(); m.Reminder != "magnesium" {
				t.Fatalf("shown %+v, want magnesium at its new time", m)
			}
			if log := h.log.String(); strings.Contains(log, "level=ERROR") || strings.Contains(log, "built-in default") {
				t.Errorf("a half-saved file was loaded:\n%s", log)
			}
		})
	}
}

// TestReloadBurstEndsOnTheLastWrite writes the file several times in a
// row through the real watcher: the schedule live at the end is the last
// write's. That a burst within the debounce folds into one reload is
// TestDebouncerFoldsABurst's, on a bubble's clock: here how fast the
// writes follow each other is the machine's, so how many reloads they
// make, and whether one of them met a file between its truncation and
// its write, is not asserted (editors' saves are TestReloadEditorSaves').
func TestReloadBurstEndsOnTheLastWrite(t *testing.T) {
	h := startLiveDaemon(t, berlinSchedule, berlin(t, "2026-11-25 20:10"))
	h.idleUntil(berlin(t, "2026-11-25 20:30"))
	for m := 1; m <= 5; m++ {
		saveInPlace(t, h.opts.SchedulePath, []byte(strings.Replace(berlinSchedule, `"20:30"`, fmt.Sprintf(`"21:0%d"`, m), 1)))
	}
	for magnesiumAt(liveAfter(t, h)) != "21:05" {
	}
	h.idleUntil(berlin(t, "2026-11-25 21:05"))
}

// TestReloadInvalidThenFixed: an invalid save keeps the running schedule
// and tells the user once, however often it is saved; the fixed save is
// live at once and says so.
func TestReloadInvalidThenFixed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		saveByRename(t, h.opts.SchedulePath, []byte(editInvalid))
		if s := h.savedLive(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		h.settled()
		m := h.nextShown()
		if m.Title != "Your bedtime schedule has an error" ||
			!strings.Contains(m.Body, h.opts.SchedulePath+`:3:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`) ||
			!strings.Contains(m.Body, "Running the previous schedule until it is fixed.") {
			t.Fatalf("error notification = %+v", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 20:30")) // the old schedule runs on

		// Saved again, still with the same error (and another change): no
		// second notification.
		saveInPlace(t, h.opts.SchedulePath, []byte(strings.Replace(editInvalid, "Water!", "Drink!", 1)))
		if s := h.savedLive(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		h.settled()
		h.nothingShown()
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		saveByRename(t, h.opts.SchedulePath, []byte(editValid))
		if got := magnesiumAt(h.savedLive()); got != "21:15" {
			t.Fatalf("fixed file: magnesium at %s, want 21:15", got)
		}
		if m := h.nextShown(); m.Title != "Your bedtime schedule is fixed" {
			t.Fatalf("after the fix, shown %+v; want the fixed notification (and only one error notification before it)", m)
		}
		h.idleUntil(berlin(t, "2026-11-25 21:15"))
		h.clock.Advance(65 * time.Minute)
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("shown %+v, want magnesium at 21:15", m)
		}
		if n := strings.Count(h.log.String(), "level=ERROR msg=\"schedule error\""); n != 2 {
			t.Errorf("%d error lines logged, want one per invalid save", n)
		}
	})
}

// TestReloadInvalidAtStart: a daemon started with the file broken outside
// its reminders has no schedule to keep: it says so, and records it
// (state.ProblemNoSchedule) for status and doctor to tell from one that
// keeps its previous schedule, until the file is fixed. One whose file
// breaks later records no such problem.
func TestReloadInvalidAtStart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, zoneInvalid, berlin(t, "2026-11-25 20:10"), "")
		h.settled()
		if m := h.nextShown(); m.Title != "Your bedtime schedule has an error" || !strings.HasSuffix(m.Body, "No reminders until it is fixed.") {
			t.Fatalf("error notification = %+v", m)
		}
		if got := problems(h)[state.ProblemNoSchedule]; got != noScheduleProblem {
			t.Errorf("no-schedule problem = %q, want %q", got, noScheduleProblem)
		}
		saveByRename(t, h.opts.SchedulePath, []byte(editValid))
		if s := h.savedLive(); s == nil {
			t.Fatal("the fixed file was not taken")
		}
		if got := problems(h); len(got) != 0 {
			t.Errorf("after the fix, problems = %q, want none", got)
		}
		// Broken again: the daemon now keeps what it has.
		saveByRename(t, h.opts.SchedulePath, []byte(editInvalid))
		if s := h.savedLive(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		got := problems(h)
		if _, ok := got[state.ProblemNoSchedule]; ok || got[state.ProblemSchedule] == "" {
			t.Errorf("broken after a good load, problems = %q; want the schedule's only", got)
		}
	})
}

// problems returns the state's problems once the daemon has settled.
func problems(h *harness) map[string]string {
	h.t.Helper()
	synctest.Wait()
	st, _ := h.state()
	return st.Problems
}

// TestInvalidAtStartRunsTheRemindersWithoutErrors: a daemon started with
// an error in one reminder, and no last good copy (the first start, or an
// upgrade whose checks the copy fails too), runs the file's other
// reminders rather than none, says so in the notice, the log and the
// state (state.ProblemPartialSchedule), and takes the whole file once it
// is fixed. The file itself is not touched, nor kept as the last good copy.
func TestInvalidAtStartRunsTheRemindersWithoutErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// magnesium at 25:00 is the error; hydration every 2h from 08:00.
		h := startBubbleRun(t, editInvalid, berlin(t, "2026-11-25 09:50"), "")
		h.settled()
		if m := h.nextShown(); m.Title != "Your bedtime schedule has an error" || !strings.HasSuffix(m.Body, "Running its other reminders until it is fixed.") {
			t.Fatalf("error notification = %+v", m)
		}
		got := problems(h)
		if got[state.ProblemPartialSchedule] != partialScheduleProblem || got[state.ProblemNoSchedule] != "" || got[state.ProblemSchedule] == "" {
			t.Errorf("problems = %q; want the schedule's and the partial one", got)
		}
		h.logHas("running the reminders without errors until it is fixed")
		h.idleUntil(berlin(t, "2026-11-25 10:00"))
		h.clock.Set(berlin(t, "2026-11-25 10:00"))
		if m := h.nextShown(); m.Reminder != "hydration" {
			t.Fatalf("shown %+v, want hydration at 10:00", m)
		}
		if _, err := os.Stat(filepath.Join(h.opts.StateDir, LastGoodName)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a last good copy was kept of a file with errors: %v", err)
		}
		if got, _ := os.ReadFile(h.opts.SchedulePath); string(got) != editInvalid {
			t.Error("the schedule file was changed")
		}

		// Fixed: all of it runs, and the problems are gone.
		saveByRename(t, h.opts.SchedulePath, []byte(editValid))
		if s := h.savedLive(); s == nil || len(s.Enabled()) != 2 {
			t.Fatalf("the fixed file was not taken whole: %+v", s)
		}
		if got := problems(h); len(got) != 0 {
			t.Errorf("after the fix, problems = %q, want none", got)
		}
	})
}

// TestInvalidAtStartRunsTheLastGoodCopy: a file that broke while bedtime
// was stopped (an edit, then a reboot) does not leave it without
// reminders: the schedule it last loaded, kept in the state directory,
// runs until the file is fixed, and the notice and the state say so.
func TestInvalidAtStartRunsTheLastGoodCopy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, editValid, berlin(t, "2026-11-25 20:10"), "") // magnesium at 21:15
		h.stop()
		copyPath := filepath.Join(h.opts.StateDir, LastGoodName)
		if fi, err := os.Stat(copyPath); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("last good copy: %v, %v; want a private file", fi, err)
		}

		h2 := startBubbleRun(t, editInvalid, berlin(t, "2026-11-25 20:20"), h.opts.StateDir)
		h2.settled()
		if m := h2.nextShown(); m.Title != "Your bedtime schedule has an error" || !strings.HasSuffix(m.Body, "Running the previous schedule until it is fixed.") {
			t.Fatalf("error notification = %+v", m)
		}
		st, _ := h2.state()
		if _, ok := st.Problems[state.ProblemNoSchedule]; ok || st.Problems[state.ProblemSchedule] == "" {
			t.Errorf("problems = %q; want the schedule's only (a schedule runs)", st.Problems)
		}
		h2.idleUntil(berlin(t, "2026-11-25 21:15"))
		h2.clock.Set(berlin(t, "2026-11-25 21:15"))
		if m := h2.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("shown %+v, want the last good copy's magnesium at 21:15", m)
		}
		if got, _ := os.ReadFile(h2.opts.SchedulePath); string(got) != editInvalid {
			t.Error("the schedule file was changed; only the copy stands in for it")
		}
		h2.logHas("running the last good copy until it is fixed")

		// Fixed: the file runs, and becomes the copy.
		saveByRename(t, h2.opts.SchedulePath, []byte(berlinSchedule))
		if s := h2.savedLive(); s == nil {
			t.Fatal("the fixed file was not taken")
		}
		synctest.Wait()
		if got, _ := os.ReadFile(copyPath); string(got) != berlinSchedule {
			t.Errorf("last good copy = %q, want the fixed file", got)
		}
	})
}

// TestReloadInvalidInGerman: the notice of a broken schedule, and the
// problem status shows, are in the language its language: key names (read
// in spite of the errors), with the file's place, names and values as
// they are; and the count of the other errors in the right plural.
func TestReloadInvalidInGerman(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		german := "language: de\n" + berlinSchedule
		h := startBubbleRun(t, german, berlin(t, "2026-11-25 20:10"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		broken := strings.Replace(strings.Replace(german, `"20:30"`, `"25:00"`, 1), "every: 2h", "every: 2x", 1)
		saveByRename(t, h.opts.SchedulePath, []byte(broken))
		if s := h.savedLive(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		h.settled()
		m := h.nextShown()
		first := h.opts.SchedulePath + `:4:19: Erinnerung "magnesium": at: "25:00" ist keine Uhrzeit (erwartet: 00:00 bis 23:59; Mitternacht ist 00:00)`
		if m.Title != "Dein bedtime-Plan hat 2 Fehler" || !strings.HasPrefix(m.Body, first+"\n") ||
			!strings.Contains(m.Body, "Und 1 weiterer: `bedtime validate` zeigt alle.") ||
			!strings.HasSuffix(m.Body, "Der bisherige Plan läuft weiter, bis er berichtigt ist.") {
			t.Fatalf("error notification = %+v", m)
		}
		st, _ := h.state()
		// The state keeps the problem in English (status --json);
		// status says it in German.
		firstEN := h.opts.SchedulePath + `:4:19: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`
		if got, want := st.Problems[state.ProblemSchedule], firstEN+" (and 1 more)"; got != want {
			t.Errorf("problem = %q, want %q", got, want)
		}
		_, err := config.LoadIn(h.opts.SchedulePath, time.UTC)
		var es config.Errors
		if !errors.As(err, &es) {
			t.Fatalf("the broken file loads with %v", err)
		}
		if got, want := ScheduleProblemIn(es.Locale(func(string) string { return "" }), st.Problems[state.ProblemSchedule], es), first+" (und 1 weiterer)"; got != want {
			t.Errorf("problem in German = %q, want %q", got, want)
		}
		// The log stays English, for whoever reads it.
		if !strings.Contains(h.log.String(), `reminder \"magnesium\": at: \"25:00\" is not a time of day`) {
			t.Errorf("the log does not have the English error:\n%s", h.log.String())
		}
		saveByRename(t, h.opts.SchedulePath, []byte(german))
		if s := h.savedLive(); s == nil {
			t.Fatal("the fixed file was not taken")
		}
		if m := h.nextShown(); m.Title != "Dein bedtime-Plan ist berichtigt" || m.Body != "Der neue Plan gilt jetzt." {
			t.Fatalf("after the fix, shown %+v", m)
		}
	})
}

// TestReloadDeletedThenRecreated: deleting the file falls back to the
// built-in default; writing it again makes it live again.
func TestReloadDeletedThenRecreated(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		mustDo(t, os.Remove(h.opts.SchedulePath))
		s := h.savedLive()
		if s == nil || s.Path != "" {
			t.Fatalf("after delete: %+v, want the built-in default", s)
		}
		if log := h.log.String(); !strings.Contains(log, `from="built-in default (no file at `+h.opts.SchedulePath+`)"`) {
			t.Errorf("fallback not logged:\n%s", log)
		}
		if m := h.nextShown(); m.Title != "Your bedtime schedule file is gone" || !strings.Contains(m.Body, h.opts.SchedulePath) {
			t.Errorf("deletion notification = %+v", m)
		}
		next := scheduler.Upcoming(s.Jobs(), h.clock.Now(), 1)
		if len(next) == 0 {
			t.Fatal("the default schedule has nothing to do")
		}
		h.idleUntil(next[0].At)

		// Re-created the way `bedtime edit` and `bedtime init` write it.
		mustDo(t, config.WriteFile(h.opts.SchedulePath, []byte(editValid)))
		if got := magnesiumAt(h.savedLive()); got != "21:15" {
			t.Fatalf("re-created file: magnesium at %s, want 21:15", got)
		}
		h.idleUntil(berlin(t, "2026-11-25 21:15"))
		h.nothingShown()
	})
}

// TestReloadDoesNotRefire: a reminder that already fired today at its
// fixed time does not fire again because the file was saved, though it is
// still within its catch-up grace.
func TestReloadDoesNotRefire(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:29"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))
		h.clock.Advance(time.Minute)
		if m := h.nextShown(); m.Reminder != "magnesium" {
			t.Fatalf("shown %+v, want magnesium", m)
		}
		tomorrow := berlin(t, "2026-11-26 08:00") // hydration's next
		h.idleUntil(tomorrow)
		h.clock.Advance(30 * time.Minute) // 21:00, within magnesium's 2h catch-up

		// An unrelated change, saved as vim does.
		unrelated := strings.Replace(berlinSchedule, "Water!", "Drink!", 1)
		editorSaves[0].save(t, h.opts.SchedulePath, []byte(unrelated))
		s := h.savedLive()
		if r, ok := s.Reminder("hydration"); s == nil || !ok || r.Title != "Drink!" {
			t.Fatalf("the unrelated change is not live: %+v", s)
		}
		h.idleUntil(tomorrow)
		h.clock.Set(tomorrow)
		if m := h.nextShown(); m.Reminder != "hydration" || m.Title != "Drink!" {
			t.Fatalf("shown %+v, want only tomorrow's hydration: magnesium fired again after the save", m)
		}
		h.nothingShown()
		if n := strings.Count(h.log.String(), "msg=fired reminder=magnesium"); n != 1 {
			t.Errorf("magnesium fired %d times, want once:\n%s", n, h.log.String())
		}
	})
}

// TestReloadOneNoticeForOneBadSave: the daemon was seen to tell twice of
// one bad save. The notice was keyed on the first error with its line
// and column, and sent at once: a save read half-way (truncated, then
// written, further apart than the debounce on a loaded machine) told of
// "the file is empty" and then of the real error, a good save read so
// told of an error and then "fixed", and the same mistake moved to
// another line by a later save was told again. Each phase here is saves
// read in quick succession, then the file left as it is.
func TestReloadOneNoticeForOneBadSave(t *testing.T) {
	const (
		badTime     = `at: "25:00" is not a time of day`
		badDuration = `every: "2x" is not a duration`
		fixed       = "Your bedtime schedule is fixed"
	)
	cut := editInvalid[:strings.Index(editInvalid, "between")] // YAML cut short
	otherBad := strings.Replace(berlinSchedule, "every: 2h", "every: 2x", 1)
	tests := []struct {
		name   string
		phases [][]string // the file as each reload read it
		want   []string   // the notices, by a part of their title or body
	}{
		{"bad save read half-way: empty, then written", [][]string{{"", editInvalid}}, []string{badTime}},
		{"bad save read half-way: cut short, then written", [][]string{{cut, editInvalid}}, []string{badTime}},
		{"good save read half-way", [][]string{{"", editValid}}, nil},
		{"an editor that writes twice", [][]string{{editInvalid, editInvalid}}, []string{badTime}},
		{"the same mistake moved by a later save", [][]string{{editInvalid}, {"# moved down\n" + editInvalid}}, []string{badTime}},
		{"another mistake later", [][]string{{editInvalid}, {otherBad}}, []string{badTime, badDuration}},
		{"fixed, then broken again the same way", [][]string{{editInvalid}, {editValid}, {editInvalid}}, []string{badTime, fixed, badTime}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := startBubbleRun(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
				var got []notify.Message
				for _, reads := range tt.phases {
					for _, data := range reads {
						saveInPlace(t, h.opts.SchedulePath, []byte(data))
						h.savedLive()
					}
					h.settled()
					for len(h.shown) > 0 {
						got = append(got, <-h.shown)
					}
				}
				ok := len(got) == len(tt.want)
				for i := 0; ok && i < len(got); i++ {
					ok = strings.Contains(got[i].Title+"\n"+got[i].Body, tt.want[i])
				}
				if !ok {
					t.Errorf("notices:\n%+v\nwant, in order, ones with %q", got, tt.want)
				}
			})
		})
	}
}
