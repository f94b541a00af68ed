package service

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/userlock"
)

// The test binary doubles as a stand-in for "bedtime run": with
// BEDTIME_TEST_DAEMON set it takes the daemon's real lock in
// $BEDTIME_TEST_STATE (userlock.Take), writes its arguments to
// $BEDTIME_TEST_ARGS (with $BEDTIME_TEST_PROGRAM set, the program it was
// started as first, on a line of its own), and exits cleanly on SIGTERM,
// as bedtime run does.
// BEDTIME_TEST_DAEMON=stubborn ignores SIGTERM; =fail exits at once with a
// message on stderr. BEDTIME_TEST_INSTALL makes it instead run an XDG
// install of itself, for the test that its stdout is not held open.
func TestMain(m *testing.M) {
	switch {
	case os.Getenv("BEDTIME_TEST_DAEMON") != "":
		os.Exit(fakeDaemon(os.Getenv("BEDTIME_TEST_DAEMON")))
	case os.Getenv("BEDTIME_TEST_INSTALL") != "" && installFromChild != nil:
		os.Exit(installFromChild())
	}
	os.Exit(m.Run())
}

// installFromChild is set where the XDG manager exists (xdg_test.go).
var installFromChild func() int

func fakeDaemon(mode string) int {
	if mode == "fail" {
		fmt.Fprintln(os.Stderr, "bedtime: the schedule file has errors")
		return 1
	}
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	if mode == "stubborn" {
		signal.Ignore(syscall.SIGTERM)
	}
	// The arguments are written whole (renamed into place) before the lock
	// is taken: a manager's Start returns once the lock is held, and the
	// test reads them then. (Written after it, the test read them while
	// they were still to come, or half written, on a loaded machine.)
	if p := os.Getenv("BEDTIME_TEST_ARGS"); p != "" {
		tmp := p + ".tmp." + strconv.Itoa(os.Getpid())
		args := os.Args[1:]
		if os.Getenv("BEDTIME_TEST_PROGRAM") != "" {
			args = os.Args
		}
		if err := os.WriteFile(tmp, []byte(strings.Join(args, "\n")), 0o600); err != nil || os.Rename(tmp, p) != nil {
			fmt.Fprintln(os.Stderr, "cannot write the arguments:", err)
			return 1
		}
	}
	lock, err := userlock.Take(os.Getenv("BEDTIME_TEST_STATE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer lock.Unlock()
	fmt.Println("fake daemon started")
	if mode == "stubborn" {
		select {}
	}
	<-term
	return 0
}

// testOptions are Options with a fresh state directory, which the fake
// daemons started by this test (and their children) use.
func testOptions(t *testing.T) Options {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "state")
	t.Setenv("BEDTIME_TEST_STATE", dir)
	return Options{StateDir: dir, StopTimeout: 3 * time.Second}
}

// waitRunning waits until a daemon holds the lock in opts.StateDir and
// returns its pid.
func waitRunning(t *testing.T, opts Options) int {
	t.Helper()
	// Another process: it cannot say when it is up, so the test looks
	// again. The lock is taken a moment before the pid is written next to
	// it.
	var pid int
	testutil.WaitFor(t, 10*time.Second, "a daemon holding the lock", func() bool {
		p, _, ok := opts.running()
		pid = p
		return ok && p != 0
	})
	return pid
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
