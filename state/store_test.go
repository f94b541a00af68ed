package state

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// open returns a Store in a fresh directory whose warnings go to the
// returned buffer.
func open(t *testing.T) (*Store, *bytes.Buffer) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "bedtime"))
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	s.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	return s, &logs
}

func TestLoadMissingIsEmpty(t *testing.T) {
	s, logs := open(t)
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st.Last == nil || st.Snoozes == nil || st.Skips == nil || st.Open == nil || st.Closed == nil || st.Problems == nil {
		t.Errorf("Load of a missing file = %+v, want non-nil maps", st)
	}
	if !st.PausedUntil.IsZero() || len(st.Problems) != 0 || len(st.Last) != 0 {
		t.Errorf("Load of a missing file = %+v, want empty", st)
	}
	if _, err := os.Stat(s.StatePath()); err == nil {
		t.Error("Load created the state file")
	}
	if logs.Len() != 0 {
		t.Errorf("Load of a missing file logged %q", logs)
	}
}

func TestUpdateRoundTripAndPermissions(t *testing.T) {
	s, _ := open(t)
	at := time.Date(2026, 11, 25, 21, 0, 0, 0, time.FixedZone("CET", 3600))
	err := s.Update(func(st *State) error {
		st.Last["magnesium"] = at
		st.PausedUntil = at.Add(time.Hour)
		st.Snoozes["water"] = at.Add(10 * time.Minute)
		st.Skips["calf-stretch"] = at.Add(90 * time.Minute)
		st.Closed["magnesium"] = Outcome{Scheduled: at, Kind: Done, At: at.Add(2 * time.Minute)}
		st.Open["water"] = Instant{Scheduled: at, Status: Held, Since: at, Via: "no notification server"}
		st.SetProblem(ProblemSchedule, "schedule.yaml:3:5: bad")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Append(Event{At: at, Reminder: "magnesium", Kind: Fired, Scheduled: at}); err != nil {
		t.Fatal(err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !st.Last["magnesium"].Equal(at) || !st.PausedUntil.Equal(at.Add(time.Hour)) || !st.Snoozes["water"].Equal(at.Add(10*time.Minute)) ||
		!st.Skips["calf-stretch"].Equal(at.Add(90*time.Minute)) || !st.Closed["magnesium"].At.Equal(at.Add(2*time.Minute)) ||
		st.Open["water"].Status != Held || st.Problems[ProblemSchedule] != "schedule.yaml:3:5: bad" {
		t.Errorf("Load after Update = %+v", st)
	}
	if runtime.GOOS == "windows" {
		return // no Unix permission bits
	}
	for path, want := range map[string]os.FileMode{
		s.Dir(): 0o700, s.StatePath(): 0o600, s.HistoryPath(): 0o600,
		filepath.Join(s.Dir(), "state.lock"): 0o600, filepath.Join(s.Dir(), "history.lock"): 0o600,
	} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), got, want)
		}
	}
	entries, _ := os.ReadDir(s.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestUpdateErrorWritesNothing(t *testing.T) {
	s, _ := open(t)
	if err := s.Update(func(st *State) error { st.Last["a"] = time.Unix(1, 0); return nil }); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.StatePath())
	boom := fmt.Errorf("no such reminder %q", "magnsium")
	err := s.Update(func(st *State) error { st.Last["b"] = time.Unix(2, 0); return boom })
	if err != boom {
		t.Errorf("Update = %v, want fn's error", err)
	}
	after, _ := os.ReadFile(s.StatePath())
	if !bytes.Equal(before, after) {
		t.Errorf("a failed Update changed the file:\n%s\nto\n%s", before, after)
	}
}

func TestProblemsHoldWhatIsStillTrue(t *testing.T) {
	s, _ := open(t)
	set := func(key, msg string, wantChanged bool) {
		t.Helper()
		if err := s.Update(func(st *State) error {
			if got := st.SetProblem(key, msg); got != wantChanged {
				t.Errorf("SetProblem(%q, %q) changed = %v, want %v", key, msg, got, wantChanged)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	set(ProblemSchedule, "schedule.yaml:3:5: bad", true)
	set(ProblemSchedule, "schedule.yaml:3:5: bad", false)
	set(ProblemNotifications, "no notification server", true)
	set(ProblemSchedule, "", true) // fixed
	st, _ := s.Load()
	if len(st.Problems) != 1 || st.Problems[ProblemNotifications] != "no notification server" {
		t.Errorf("Problems = %v, want only the notification problem", st.Problems)
	}
}

func TestCorruptStateIsMovedAside(t *testing.T) {
	tests := []struct{ name, data string }{
		{"garbage", "\x00\x01 not json at all"},
		{"truncated", `{"last": {"magnesium": "2026-11-25T21:00:00+01:00"}, "paused_un`},
		{"empty", ""},
		{"wrong type", `["a", "list"]`},
		{"bad time", `{"paused_until": "tomorrow"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, via := range []string{"Load", "Update"} {
				t.Run(via, func(t *testing.T) {
					s, logs := open(t)
					if err := os.WriteFile(s.StatePath(), []byte(tt.data), 0o600); err != nil {
						t.Fatal(err)
					}
					var st State
					var err error
					if via == "Load" {
						st, err = s.Load()
					} else {
						err = s.Update(func(got *State) error { st = *got; return nil })
					}
					if err != nil {
						t.Fatalf("%s = %v, want no error", via, err)
					}
					if st.Last == nil || len(st.Last) != 0 || !st.PausedUntil.IsZero() {
						t.Errorf("%s = %+v, want an empty State", via, st)
					}
					moved, _ := filepath.Glob(s.StatePath() + ".corrupt-*")
					if len(moved) != 1 {
						t.Fatalf("moved-aside files = %v, want one", moved)
					}
					if b, _ := os.ReadFile(moved[0]); string(b) != tt.data {
						t.Errorf("the moved-aside file holds %q, want the bad file %q", b, tt.data)
					}
					if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "moved_to="+moved[0]) {
						t.Errorf("no warning naming %s; logs: %s", moved[0], logs)
					}
					// The next Load is clean and quiet.
					logs.Reset()
					if _, err := s.Load(); err != nil || logs.Len() != 0 {
						t.Errorf("second Load = %v, logs %q", err, logs)
					}
				})
			}
		})
	}
}

func TestCorruptStateTwiceKeepsBoth(t *testing.T) {
	s, _ := open(t)
	for _, bad := range []string{"one{", "two{"} {
		os.WriteFile(s.StatePath(), []byte(bad), 0o600)
		if _, err := s.Load(); err != nil {
			t.Fatal(err)
		}
	}
	moved, _ := filepath.Glob(s.StatePath() + ".corrupt-*")
	if len(moved) != 2 {
		t.Errorf("moved-aside files = %v, want both bad files kept", moved)
	}
}

// TestConcurrentUpdatesLoseNothing runs Updates from many goroutines, each
// on its own Store for the same directory, as separate processes would.
func TestConcurrentUpdatesLoseNothing(t *testing.T) {
	s, _ := open(t)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine, err := Open(s.Dir())
			if err != nil {
				t.Error(err)
				return
			}
			for i := range each {
				key := fmt.Sprintf("g%d-%d", w, i)
				if err := mine.Update(func(st *State) error { st.Last[key] = time.Unix(int64(i), 0); return nil }); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Last) != workers*each {
		t.Errorf("%d changes survived, want %d", len(st.Last), workers*each)
	}
}

// TestConcurrentUpdatesFromProcesses runs two helper processes that each
// make many Updates and Appends at once.
func TestConcurrentUpdatesFromProcesses(t *testing.T) {
	s, logs := open(t)
	const each = 60
	var cmds []*exec.Cmd
	for _, prefix := range []string{"a", "b"} {
		cmd := helper(t, "update", s.Dir(), prefix, strconv.Itoa(each))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper: %v", err)
		}
	}
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Last) != 2*each {
		t.Errorf("%d changes survived, want %d", len(st.Last), 2*each)
	}
	evs, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2*each || logs.Len() != 0 {
		t.Errorf("%d events in the history, want %d; logs %q", len(evs), 2*each, logs)
	}
}

// TestKillAtAnyMoment kills a helper process that loops on Update and
// Append with SIGKILL at random moments, many times, and checks that the
// state still loads and the history holds only whole events.
func TestKillAtAnyMoment(t *testing.T) {
	s, logs := open(t)
	rounds := 60
	if testing.Short() {
		rounds = 10
	}
	var lastN int64
	for round := range rounds {
		cmd := helper(t, "loop", s.Dir(), "k", "0")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the helper is inside its loop, then let it run for
		// a random moment (0 to 20 ms) before the kill.
		ready := make([]byte, 1)
		if _, err := out.Read(ready); err != nil {
			t.Fatalf("round %d: helper did not start: %v", round, err)
		}
		time.Sleep(time.Duration(round*1777%20000) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		logs.Reset()
		st, err := s.Load()
		if err != nil {
			t.Fatalf("round %d: Load after kill: %v", round, err)
		}
		if moved, _ := filepath.Glob(s.StatePath() + ".corrupt-*"); len(moved) > 0 {
			t.Fatalf("round %d: the state file was corrupt after a kill: %v", round, moved)
		}
		n := count(st.Last["k"])
		if n < lastN {
			t.Fatalf("round %d: the counter went back from %d to %d", round, lastN, n)
		}
		lastN = n
		evs, err := s.History(time.Time{})
		if err != nil {
			t.Fatalf("round %d: History after kill: %v", round, err)
		}
		for _, ev := range evs {
			if ev.Reminder != "k" || ev.Kind != Shown || ev.Detail == "" {
				t.Fatalf("round %d: a broken event in the history: %+v", round, ev)
			}
		}
		// Every Update's event is appended inside it, after the change: so
		// the history holds at least every counted change.
		if int64(len(evs)) < n {
			t.Fatalf("round %d: %d events for counter %d", round, len(evs), n)
		}
		if c := strings.Count(logs.String(), "skipped unreadable lines"); c > 1 {
			t.Fatalf("round %d: %d warnings about the history, want at most one", round, c)
		}
		if strings.Contains(logs.String(), "lines=") && !strings.Contains(logs.String(), "lines=1 ") {
			t.Fatalf("round %d: more than one torn line: %s", round, logs)
		}
	}
	if lastN == 0 {
		t.Fatal("the helper never got to write; the test proved nothing")
	}
	t.Logf("%d kills, %d updates survived", rounds, lastN)
	// A kill while the temporary file was being written leaves it behind;
	// the next Update clears it.
	if err := s.Update(func(*State) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if temps, _ := filepath.Glob(filepath.Join(s.Dir(), tempPrefix+"*")); len(temps) > 0 {
		t.Errorf("temporary files left after an Update: %v", temps)
	}
}

// count reads the helper's counter, kept as a time.
func count(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// helper returns a command that runs this test binary as a helper process.
func helper(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "GO_WANT_HELPER_PROCESS=1", "HELPER_ARGS="+strings.Join(args, "\x1f"))
	return cmd
}

// TestHelperProcess is not a test: it is the helper process of the tests
// above. "update DIR PREFIX N" makes N Updates, each with an Append;
// "loop DIR KEY 0" counts in Last[KEY] and appends an event per count
// until it is killed, printing one byte once it has started.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
		return
	}
	args := strings.Split(os.Getenv("HELPER_ARGS"), "\x1f")
	mode, dir, key := args[0], args[1], args[2]
	n, _ := strconv.Atoi(args[3])
	s, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	switch mode {
	case "update":
		for i := range n {
			k := fmt.Sprintf("%s-%d", key, i)
			err := s.Update(func(st *State) error {
				st.Last[k] = time.Unix(int64(i), 0)
				return s.Append(Event{At: time.Now(), Reminder: k, Kind: Done})
			})
			if err != nil {
				fail(err)
			}
		}
	case "loop":
		os.Stdout.Write([]byte{'.'})
		for {
			err := s.Update(func(st *State) error {
				next := count(st.Last[key]) + 1
				st.Last[key] = time.Unix(next, 0)
				st.SetProblem(ProblemSchedule, strings.Repeat("x", int(next%200)))
				return s.Append(Event{At: time.Now(), Reminder: key, Kind: Shown, Scheduled: time.Unix(next, 0),
					Detail: strings.Repeat("d", 1+int(next%3000))})
			})
			if err != nil {
				fail(err)
			}
		}
	}
	os.Exit(0)
}
