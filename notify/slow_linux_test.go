package notify_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// TestSlowServerOnePopup: a server that answers every call after five times
// the call timeout (issue 12: 3 s against 2 s gave 10 popups in 90 s for one
// firing, with dead buttons). Each message is shown once, its buttons work,
// and a newer message for the same reminder, sent while the first call is
// still unanswered, replaces the first popup instead of adding one.
func TestSlowServerOnePopup(t *testing.T) {
	h := newHarness(t, notify.Options{CallTimeout: 60 * time.Millisecond, RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, RetryFor: time.Minute})
	cfg := notifytest.DefaultConfig
	cfg.ReplyDelay = 300 * time.Millisecond
	srv := h.bus.StartServer(t, cfg)

	// The first reminder also waits for the server's description.
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch"})
	if got := srv.Next(t).Summary; got != "Stretch" {
		t.Fatalf("first call = %q, want Stretch", got)
	}
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 10:00"})
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 10:05"})
	first := srv.Next(t)
	second := srv.Next(t)
	if first.Summary != "Water at 10:00" || second.Summary != "Water at 10:05" || second.ReplacesID != first.ID {
		t.Fatalf("calls: %q (id %d), then %q replacing %d; want 10:00, then 10:05 replacing it",
			first.Summary, first.ID, second.Summary, second.ReplacesID)
	}
	// Another reminder goes through the same slow server after them; by
	// the time it arrives, a resent one would have arrived too.
	h.notify(t, notify.Message{Reminder: "walk", Title: "Walk"})
	if got := srv.Next(t).Summary; got != "Walk" {
		t.Fatalf("last call = %q, want Walk", got)
	}
	if calls := srv.Calls(); len(calls) != 4 {
		t.Fatalf("%d Notify calls, want 4 (no resending): %+v", len(calls), calls)
	}
	// The buttons of the late popup answer.
	if err := srv.InvokeAction(second.ID, "done"); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "water", notify.Done)
	if n := srv.MethodCalls("GetCapabilities"); n != 1 {
		t.Errorf("GetCapabilities called %d times, want once", n)
	}
	if n := h.log.Count("did not answer in time"); n != 1 {
		t.Errorf("%d lines about the slow server, want 1:\n%s", n, h.log)
	}
}

// TestSlowServerNoFallback: with holding off (bedtime notify, doctor), a
// Notify call that times out reports ErrTimeout and the message is not sent
// a second way.
func TestSlowServerNoFallback(t *testing.T) {
	h := newHarness(t, notify.Options{CallTimeout: 60 * time.Millisecond, RetryFor: -1})
	cfg := notifytest.DefaultConfig
	cfg.Delay = 150 * time.Millisecond
	srv := h.bus.StartServer(t, cfg)
	m := notify.Message{Reminder: "water", Title: "Water"}
	var err error
	// The first calls may time out on the server's description; the
	// message itself is sent at most once.
	for i := 0; i < 20 && len(srv.Calls()) == 0; i++ {
		err = h.d.Notify(context.Background(), m)
		if err == nil {
			break
		}
		if !errors.Is(err, notify.ErrTimeout) {
			t.Fatalf("Notify = %v, want ErrTimeout", err)
		}
	}
	n := srv.Next(t)
	if err := h.d.Notify(context.Background(), notify.Message{Reminder: "stretch", Title: "Stretch"}); err != nil && !errors.Is(err, notify.ErrTimeout) {
		t.Fatal(err)
	}
	srv.Next(t)
	if calls := srv.Calls(); len(calls) != 2 {
		t.Fatalf("%d Notify calls, want 2 (water once, then stretch): %+v", len(calls), calls)
	}
	if err := srv.InvokeAction(n.ID, "snooze"); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "water", notify.Snooze)
}

// TestCapabilitiesCached: a reminder costs one call; what the server said is
// asked again only when another server takes the name, and the first call
// the new server gets already uses its own capabilities.
func TestCapabilitiesCached(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, RetryFor: time.Minute})
	plain := notifytest.Config{Name: "plain", Capabilities: []string{"body"}}
	a := h.bus.StartServer(t, plain)
	for range 5 {
		h.notify(t, notify.Message{Reminder: "water", Title: "Water", Body: "Tom & Jerry", Sound: notify.DefaultSound})
		if n := a.Next(t); n.Body != "Tom & Jerry" || n.Hint("sound-name") != nil {
			t.Fatalf("plain server got body %q, sound %v", n.Body, n.Hint("sound-name"))
		}
	}
	for _, m := range []string{"GetCapabilities", "GetServerInformation"} {
		if n := a.MethodCalls(m); n != 1 {
			t.Errorf("%s called %d times for 5 reminders, want once", m, n)
		}
	}

	a.Stop()
	rich := notifytest.Config{Name: "rich", Capabilities: []string{"actions", "body", "body-markup", "sound"}}
	b := h.bus.StartServer(t, rich)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water", Body: "Tom & Jerry", Sound: notify.DefaultSound})
	n := b.Next(t)
	if n.Body != "Tom &amp; Jerry" || n.Hint("sound-name") != "message-new-instant" || len(n.Actions) == 0 {
		t.Fatalf("new server got body %q, sound %v, actions %q; want its own capabilities used", n.Body, n.Hint("sound-name"), n.Actions)
	}
	if got := len(b.Calls()); got != 1 {
		t.Fatalf("new server got %d calls, want 1", got)
	}
}

// silentBus is a unix socket that accepts connections and never answers,
// as a hung bus does. Each connection is closed when the client closes it.
func silentBus(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bedtime-silent-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "bus")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		conns []net.Conn
	)
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				io.Copy(io.Discard, c) // until the client hangs up
				c.Close()
			}()
		}
	}()
	return "unix:path=" + sock
}

// openFDs counts this process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(fds)
}

// settle waits until this process has at most goroutines goroutines and
// fds open descriptors, and fails the test with the counts if it does not
// within notifytest.Wait.
func settle(t *testing.T, goroutines, fds int) {
	t.Helper()
	// The connections' goroutines end as the real bus closes them: the
	// runtime's counters, looked at again.
	var g, f int
	testutil.WaitFor(t, notifytest.Wait, "the retries' goroutines and descriptors released", func() bool {
		g, f = runtime.NumGoroutine(), openFDs(t)
		return g <= goroutines && f <= fds
	}, stacks(func() string {
		return fmt.Sprintf("%d goroutines (want <= %d) and %d open fds (want <= %d)", g, goroutines, f, fds)
	}))
}

// stacks is what settle shows when it fails: the counts it saw, then
// every goroutine's stack.
type stacks func() string

func (s stacks) String() string {
	buf := make([]byte, 1<<20)
	return s() + "\n" + string(buf[:runtime.Stack(buf, true)])
}

// TestSilentBusLeaksNothing: a bus that accepts connections and never
// completes the handshake (issue 12) costs neither a socket nor a goroutine
// per attempt, whether a held reminder is retried, Notify is called again
// and again, or doctor probes.
func TestSilentBusLeaksNothing(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", silentBus(t))
	discard := slog.New(slog.DiscardHandler)
	ctx := context.Background()

	// One warm-up, so that lazily started runtime goroutines are counted.
	probeCtx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	notify.Probe(probeCtx)
	cancel()
	g0, f0 := runtime.NumGoroutine(), openFDs(t)

	missed := make(chan notify.Response, 1)
	held, err := notify.New(notify.Options{Logger: discard, CacheDir: t.TempDir(), CallTimeout: 10 * time.Millisecond,
		RetryMin: time.Millisecond, RetryMax: 2 * time.Millisecond, RetryFor: 400 * time.Millisecond,
		OnResponse: func(r notify.Response) {
			if r.Action != notify.Held && r.Action != notify.Shown {
				missed <- r
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := held.Notify(ctx, notify.Message{Reminder: "water", Title: "Water"}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-missed:
		if r.Action != notify.Missed {
			t.Fatalf("response %v, want missed", r.Action)
		}
	case <-time.After(notifytest.Wait):
		t.Fatal("no missed response")
	}
	held.Close()

	once, err := notify.New(notify.Options{Logger: discard, CacheDir: t.TempDir(), CallTimeout: 10 * time.Millisecond, RetryFor: -1})
	if err != nil {
		t.Fatal(err)
	}
	for range 50 {
		if err := once.Notify(ctx, notify.Message{Reminder: "water", Title: "Water"}); !errors.Is(err, notify.ErrTimeout) {
			t.Fatalf("Notify on a silent bus = %v, want ErrTimeout", err)
		}
	}
	once.Close()
	for range 50 {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
		if _, err := notify.Probe(ctx); !errors.Is(err, notify.ErrTimeout) {
			t.Fatalf("Probe on a silent bus = %v, want ErrTimeout", err)
		}
		cancel()
	}
	settle(t, g0+2, f0+2)
}

// TestAnswerBeforeTheReply: the server's ActionInvoked overtakes its
// reply to the Notify call (a button pressed while the reply is on its
// way): the answer is kept until the reply says whose it is, not lost.
func TestAnswerBeforeTheReply(t *testing.T) {
	h := newHarness(t, notify.Options{CallTimeout: 5 * time.Second})
	cfg := notifytest.DefaultConfig
	cfg.ReplyDelay = 300 * time.Millisecond
	srv := h.bus.StartServer(t, cfg)
	sched := time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC)
	done := make(chan error, 1)
	go func() {
		done <- h.d.Notify(context.Background(), notify.Message{Reminder: "calf-stretch", Title: "Step 1", Scheduled: sched, Step: 1, Stop: true})
	}()
	n := srv.Next(t) // received; the reply is still 300 ms away
	if err := srv.InvokeAction(n.ID, "stop"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if r := h.response(t); r.Action != notify.Stop || r.Step != 1 || !r.Scheduled.Equal(sched) {
		t.Fatalf("response = %+v, want Stop on step 1", r)
	}
}
