// Package testutil holds what bedtime's tests share: a log buffer that
// many goroutines may write to, golden files rewritten with -update, a
// bound on how long a call may block, and the one wait by looking again
// (WaitFor) for what runs outside a testing/synctest bubble, and a
// program stamped with a version (StampedProgram). It is
// imported by tests only.
package testutil

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// LogBuffer collects log output from several goroutines. With Limit set,
// it keeps only about the last Limit bytes (a test that logs for long).
type LogBuffer struct {
	Limit int

	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.Limit > 0 && l.b.Len() > l.Limit {
		rest := append([]byte(nil), l.b.Bytes()[l.b.Len()-l.Limit/2:]...)
		l.b.Reset()
		l.b.Write(rest)
	}
	return l.b.Write(p)
}

// String returns what was written.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Len returns how many bytes it holds.
func (l *LogBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}

// Count returns how many lines contain s.
func (l *LogBuffer) Count(s string) int {
	n := 0
	for _, line := range strings.Split(l.String(), "\n") {
		if strings.Contains(line, s) {
			n++
		}
	}
	return n
}

// Logger returns a text logger at level that writes to l.
func (l *LogBuffer) Logger(level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: level}))
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the output the tests get")

// Golden compares got with the golden file testdata/name of the package
// under test (name uses slashes, such as "bad/tab.err"). With -update it
// writes got to the file instead, creating its directory.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("cannot create the golden file's directory: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("cannot write the golden file: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("cannot read the golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it; then look at the diff):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// Within fails the test when fn does not return within d: for a call
// that must not block, where a hang would otherwise stall the whole test
// binary until its timeout. It is a bound, not a measurement.
func Within(t testing.TB, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}

// Poll is how often WaitFor looks again.
const Poll = 5 * time.Millisecond

// WaitFor waits until cond holds, looking every Poll, and fails the test
// (saying what it waited for, and the log if one is given) when it does
// not hold within d. It is for what a test cannot be told and cannot run
// in a testing/synctest bubble: another process (a D-Bus server, a shell
// script, a service manager) or the kernel's file events. In a bubble,
// synctest.Wait says when the code under test is done; poll only where
// it cannot. d is a bound against a hang, not a measurement.
func WaitFor(t testing.TB, d time.Duration, what string, cond func() bool, log ...fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			var logs []string
			for _, l := range log {
				logs = append(logs, l.String())
			}
			t.Fatalf("%s: not within %v%s", what, d, strings.Join(append([]string{""}, logs...), "; log:\n"))
		}
		time.Sleep(Poll)
	}
}
