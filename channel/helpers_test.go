package channel

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
)

const (
	topic = "bedtime-Xq7rT2pL9w"
	reply = topic + "-reply"
)

// fixture is a dispatcher with one ntfy channel, "phone", on a server
// double in memory. Make it inside a synctest bubble (inBubble): every
// wait is on the bubble's clock, which starts at 2000-01-01 00:00 UTC
// whatever the date, and moves on at once when everything waits.
type fixture struct {
	t       *testing.T
	srv     *ntfytest.Server
	dir     string
	log     *testutil.LogBuffer
	reports chan Report
	d       *Dispatcher
	cfg     config.NtfyChannel
	nopts   NtfyOptions
	clock   scheduler.Clock
	// at is a scheduled instant: the bubble's start, in Berlin.
	at time.Time
}

// inBubble runs f in a synctest bubble.
func inBubble(t *testing.T, f func(t *testing.T)) { synctest.Test(t, f) }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := ntfytest.NewInMemory(t)
	srv.Keepalive = 45 * time.Second
	f := &fixture{t: t, srv: srv, dir: t.TempDir(), log: &testutil.LogBuffer{}, reports: make(chan Report, 1000),
		cfg:   config.NtfyChannel{Server: srv.URL(), Topic: topic, ReplyTopic: reply, Priority: 4},
		clock: scheduler.TimerClock{}, at: time.Now().In(berlin)}
	f.nopts = NtfyOptions{Timeout: 20 * time.Second, MinBackoff: time.Second, MaxBackoff: time.Minute,
		Stall: 3 * time.Minute, Logger: f.log.Logger(slog.LevelDebug), Transport: srv.Transport()}
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
	d, err := Open(Options{Dir: f.dir, Channels: map[string]Channel{"phone": n}, Logger: f.log.Logger(slog.LevelDebug), Clock: f.clock,
		Report: func(r Report) { f.reports <- r }, MinBackoff: 5 * time.Second, MaxBackoff: 5 * time.Minute})
	if err != nil {
		f.t.Fatal(err)
	}
	f.d = d
	f.t.Cleanup(func() { d.Close() })
	return d
}

// final waits for the next report that is not a retry.
func (f *fixture) final() Report {
	f.t.Helper()
	for {
		select {
		case r := <-f.reports:
			if r.State != StatePending {
				return r
			}
		case <-time.After(24 * time.Hour):
			f.t.Fatalf("no final report within a day")
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
	case <-time.After(24 * time.Hour):
		f.t.Fatalf("no report within a day")
	}
	return Report{}
}

func (f *fixture) answer(d *Dispatcher) Answer {
	f.t.Helper()
	select {
	case a := <-d.Answers():
		return a
	case <-time.After(time.Hour):
		f.t.Fatalf("no answer within an hour")
	}
	return Answer{}
}

// noAnswer checks that no answer comes while everything settles and the
// clock moves on by within.
func noAnswer(t *testing.T, d *Dispatcher, within time.Duration) {
	t.Helper()
	select {
	case a := <-d.Answers():
		t.Fatalf("unexpected answer %+v", a)
	case <-time.After(within):
	}
}

// waitSubscribed checks, once everything waits, that the dispatcher reads
// the reply topic.
func (f *fixture) waitSubscribed() {
	f.t.Helper()
	synctest.Wait()
	if n := f.srv.Subscribers(reply); n != 1 {
		f.t.Fatalf("%d readers of the reply topic, want the dispatcher", n)
	}
}

func (f *fixture) press(m ntfytest.Message, label string) {
	f.t.Helper()
	a, ok := m.Action(label)
	if !ok {
		f.t.Fatalf("message has no %q action: %+v", label, m.Actions)
	}
	if err := f.srv.Press(context.Background(), a); err != nil {
		f.t.Fatal(err)
	}
}

var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	// at2030 is an instant for code that reads no clock (tokens, a
	// command's arguments); a Dispatcher's fixtures are relative to its
	// clock (fixture.at).
	at2030 = time.Date(2026, 12, 1, 20, 30, 0, 0, berlin)
	msg    = Message{Title: "Magnesium", Body: "Take your magnesium with a glass of water.", Tags: []string{"pill"}, Answers: true}
)

// waitLog checks, once everything waits, that the log has a line
// containing s.
func (f *fixture) waitLog(s string) {
	f.t.Helper()
	synctest.Wait()
	if !strings.Contains(f.log.String(), s) {
		f.t.Fatalf("no log line with %q", s)
	}
}
