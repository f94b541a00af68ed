package channel_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
)

const (
	topic = "bedtime-Xq7rT2pL9w"
	reply = topic + "-reply"
)

// The Dispatcher with a real ntfy channel (package channel/ntfy, which an
// internal test of package channel cannot import), the one channel that
// can be answered: what is published, answers and what is done with them,
// outages, restarts and hostile servers. The ntfy channel by itself is
// tested in its own package.

// fixture is a dispatcher with one ntfy channel, "phone", on a server
// double in memory. Make it inside a synctest bubble (inBubble): every
// wait is on the bubble's clock, which starts at 2000-01-01 00:00 UTC
// whatever the date, and moves on at once when everything waits.
type fixture struct {
	t       *testing.T
	srv     *ntfytest.Server
	dir     string
	log     *testutil.LogBuffer
	reports chan channel.Report
	d       *channel.Dispatcher
	cfg     config.NtfyChannel
	nopts   ntfy.Options
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
	f := &fixture{t: t, srv: srv, dir: t.TempDir(), log: &testutil.LogBuffer{}, reports: make(chan channel.Report, 1000),
		cfg:   config.NtfyChannel{Server: srv.URL(), Topic: topic, ReplyTopic: reply, Priority: 4},
		clock: scheduler.TimerClock{}, at: time.Now().In(berlin)}
	f.nopts = ntfy.Options{Timeout: 20 * time.Second, MinBackoff: time.Second, MaxBackoff: time.Minute,
		Stall: 3 * time.Minute, Logger: f.log.Logger(slog.LevelDebug), Transport: srv.Transport()}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log:\n%s", f.log)
		}
	})
	return f
}

// open opens a Dispatcher on the fixture's directory.
func (f *fixture) open() *channel.Dispatcher {
	f.t.Helper()
	n, err := ntfy.New("phone", f.cfg, f.nopts)
	if err != nil {
		f.t.Fatal(err)
	}
	d, err := channel.Open(channel.Options{Dir: f.dir, Channels: map[string]channel.Channel{"phone": n}, Logger: f.log.Logger(slog.LevelDebug), Clock: f.clock,
		Report: func(r channel.Report) { f.reports <- r }, MinBackoff: 5 * time.Second, MaxBackoff: 5 * time.Minute})
	if err != nil {
		f.t.Fatal(err)
	}
	f.d = d
	f.t.Cleanup(func() { d.Close() })
	return d
}

// final waits for the next report that is not a retry.
func (f *fixture) final() channel.Report {
	f.t.Helper()
	for {
		select {
		case r := <-f.reports:
			if r.State != channel.StatePending {
				return r
			}
		case <-time.After(24 * time.Hour):
			f.t.Fatalf("no final report within a day")
		}
	}
}

// retry waits for a report of a failed attempt that is retried.
func (f *fixture) retry() channel.Report {
	f.t.Helper()
	select {
	case r := <-f.reports:
		if r.State != channel.StatePending {
			f.t.Fatalf("report %+v, want a retry", r)
		}
		return r
	case <-time.After(24 * time.Hour):
		f.t.Fatalf("no report within a day")
	}
	return channel.Report{}
}

func (f *fixture) answer(d *channel.Dispatcher) channel.Answer {
	f.t.Helper()
	select {
	case a := <-d.Answers():
		return a
	case <-time.After(time.Hour):
		f.t.Fatalf("no answer within an hour")
	}
	return channel.Answer{}
}

// noAnswer checks that no answer comes while everything settles and the
// clock moves on by within.
func noAnswer(t *testing.T, d *channel.Dispatcher, within time.Duration) {
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
	msg       = channel.Message{Title: "Magnesium", Body: "Take your magnesium with a glass of water.", Tags: []string{"pill"}, Answers: true}
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

// replyBody is what the phone's buttons publish on the reply topic (as
// package ntfy writes it into their actions), for answers made up by hand.
type replyBody struct {
	Bedtime int            `json:"bedtime"`
	Ref     string         `json:"ref,omitempty"`
	Action  channel.Action `json:"action,omitempty"`
	Token   string         `json:"token,omitempty"`
}
