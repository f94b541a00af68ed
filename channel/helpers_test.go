package channel

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
)

const (
	topic = "bedtime-Xq7rT2pL9w"
	reply = topic + "-reply"
)

// logBuffer collects log lines for a test.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// fixture is a dispatcher with one ntfy channel, "phone", on a server
// double.
type fixture struct {
	t       *testing.T
	srv     *ntfytest.Server
	dir     string
	log     *logBuffer
	reports chan Report
	d       *Dispatcher
	cfg     config.NtfyChannel
	nopts   NtfyOptions
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := ntfytest.New(t)
	srv.Keepalive = 50 * time.Millisecond
	f := &fixture{t: t, srv: srv, dir: t.TempDir(), log: &logBuffer{}, reports: make(chan Report, 100),
		cfg: config.NtfyChannel{Server: srv.URL(), Topic: topic, ReplyTopic: reply, Priority: 4}}
	f.nopts = NtfyOptions{Timeout: 300 * time.Millisecond, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
		Stall: 2 * time.Second, Logger: f.log.logger()}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log:\n%s", f.log)
		}
	})
	return f
}

// open opens a Dispatcher on the fixture's directory.
func (f *fixture) open() *Dispatcher {
	f.t.Helper()
	n, err := NewNtfy("phone", f.cfg, f.nopts)
	if err != nil {
		f.t.Fatal(err)
	}
	d, err := Open(Options{Dir: f.dir, Channels: map[string]Channel{"phone": n}, Logger: f.log.logger(),
		Report: func(r Report) { f.reports <- r }, MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond})
	if err != nil {
		f.t.Fatal(err)
	}
	f.d = d
	f.t.Cleanup(func() { d.Close() })
	return d
}

// report waits for the next report that is not a retry.
func (f *fixture) final() Report {
	f.t.Helper()
	for {
		select {
		case r := <-f.reports:
			if r.State != StatePending {
				return r
			}
		case <-time.After(10 * time.Second):
			f.t.Fatalf("no final report within 10s")
		}
	}
}

// retry waits for a report of a failed attempt that is retried.
func (f *fixture) retry() Report {
	f.t.Helper()
	select {
	case r := <-f.reports:
		if r.State != StatePending {
			f.t.Fatalf("report %+v, want a retry", r)
		}
		return r
	case <-time.After(10 * time.Second):
		f.t.Fatalf("no report within 10s")
	}
	return Report{}
}

func (f *fixture) answer(d *Dispatcher) Answer {
	f.t.Helper()
	select {
	case a := <-d.Answers():
		return a
	case <-time.After(10 * time.Second):
		f.t.Fatalf("no answer within 10s")
	}
	return Answer{}
}

func noAnswer(t *testing.T, d *Dispatcher, within time.Duration) {
	t.Helper()
	select {
	case a := <-d.Answers():
		t.Fatalf("unexpected answer %+v", a)
	case <-time.After(within):
	}
}

// waitSubscribed waits until the dispatcher reads the reply topic.
func (f *fixture) waitSubscribed() {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for f.srv.Subscribers(reply) == 0 {
		if time.Now().After(deadline) {
			f.t.Fatal("the dispatcher did not subscribe to the reply topic within 10s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func press(t *testing.T, m ntfytest.Message, label string) {
	t.Helper()
	a, ok := m.Action(label)
	if !ok {
		t.Fatalf("message has no %q action: %+v", label, m.Actions)
	}
	if err := ntfytest.Press(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	at2030    = time.Date(2026, 12, 1, 20, 30, 0, 0, berlin)
	msg       = Message{Title: "Magnesium", Body: "Take your magnesium with a glass of water.", Tags: []string{"pill"}, Answers: true}
)

// waitLog waits until the log has a line containing s.
func (f *fixture) waitLog(s string) {
	f.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(f.log.String(), s) {
		if time.Now().After(deadline) {
			f.t.Fatalf("no log line with %q within 10s", s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
