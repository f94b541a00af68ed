package testutil

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLogBufferFromManyGoroutines(t *testing.T) {
	var l LogBuffer
	log := l.Logger(slog.LevelInfo)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				log.Info("tick", "g", i)
			}
		}()
	}
	wg.Wait()
	log.Debug("below the level")
	if got, want := l.Count("msg=tick"), 400; got != want {
		t.Fatalf("Count = %d, want %d", got, want)
	}
	if l.Count("below the level") != 0 {
		t.Fatal("a debug line got through an info logger")
	}
}

func TestLogBufferLimitKeepsTheEnd(t *testing.T) {
	l := LogBuffer{Limit: 1000}
	for i := range 1000 {
		fmt.Fprintf(&l, "line %d\n", i)
	}
	if l.Len() > 1100 {
		t.Fatalf("Len = %d with a limit of 1000", l.Len())
	}
	if !strings.HasSuffix(l.String(), "line 999\n") || l.Count("line 0\n") != 0 {
		t.Fatalf("kept %q", l.String())
	}
}

func TestWaitForReturnsOnceTheConditionHolds(t *testing.T) {
	n := 0
	WaitFor(t, time.Minute, "the third look", func() bool { n++; return n == 3 })
	if n != 3 {
		t.Fatalf("looked %d times, want 3", n)
	}
}

func TestWaitForFailsAfterItsBound(t *testing.T) {
	var l LogBuffer
	l.Write([]byte("what happened\n"))
	ft := &fatalT{TB: t}
	func() {
		defer func() { recover() }()
		WaitFor(ft, 3*Poll, "never", func() bool { return false }, &l)
	}()
	if !strings.Contains(ft.msg, "never: not within 15ms; log:\nwhat happened") {
		t.Fatalf("failed with %q", ft.msg)
	}
}

// fatalT records Fatalf and stops the goroutine's call as Fatal does.
type fatalT struct {
	testing.TB
	msg string
}

func (f *fatalT) Helper() {}
func (f *fatalT) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	panic("fatal")
}
