package channel_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/locale"
)

// TestPhoneDone is the whole way: a reminder is published to the topic
// with Done and Snooze buttons, the phone's Done is pressed by replaying
// the http action the message carries, and the dispatcher yields the
// answer.
func TestPhoneDone(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Hour), msg, []string{"desktop", "phone"}); err != nil {
			t.Fatal(err)
		}
		if r := f.final(); r.State != channel.StateSent || r.Attempt != 1 || r.Channel != "phone" || r.Err != nil {
			t.Fatalf("report = %+v, want sent on the first attempt", r)
		}
		ms := f.srv.Messages(topic)
		if len(ms) != 1 {
			t.Fatalf("%d messages on the topic, want 1", len(ms))
		}
		m := ms[0]
		if m.Title != msg.Title || m.Message != msg.Body || m.Priority != 4 || strings.Join(m.Tags, ",") != "pill" {
			t.Errorf("published %+v", m)
		}
		if len(m.Actions) != 2 {
			t.Fatalf("actions = %+v, want Done and Snooze", m.Actions)
		}
		for _, a := range m.Actions {
			if a.Action != "http" || a.Method != http.MethodPost || a.URL != f.srv.URL()+"/"+reply || !a.Clear {
				t.Errorf("action %+v, want an http POST to the reply topic that clears the notification", a)
			}
			if strings.Contains(a.Body, "magnesium") {
				t.Errorf("the action's body names the reminder: %s", a.Body)
			}
		}
		f.waitSubscribed()
		f.press(m, "Done")
		a := f.answer(d)
		if a.Reminder != "magnesium" || !a.Scheduled.Equal(f.at) || a.Action != channel.ActionDone || a.Channel != "phone" {
			t.Fatalf("answer = %+v", a)
		}
		// Pressing again (or Snooze after Done) changes nothing: one
		// outcome per instant.
		f.press(m, "Snooze")
		f.press(m, "Done")
		noAnswer(t, d, time.Minute)
	})
}

func TestPrivate(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.cfg.Private = true
		d := f.open()
		if err := d.Send("magnesium", f.at, time.Time{}, msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		f.final()
		m := f.srv.Messages(topic)[0]
		if m.Title != ntfy.PrivateTitle || m.Message != ntfy.PrivateBody || len(m.Tags) != 0 {
			t.Fatalf("private message = %q / %q / %v, want the neutral text", m.Title, m.Message, m.Tags)
		}
		raw, _ := json.Marshal(m)
		for _, secret := range []string{"agnesium", "water", "pill"} {
			if strings.Contains(string(raw), secret) {
				t.Errorf("the private message contains %q: %s", secret, raw)
			}
		}
		f.waitSubscribed()
		f.press(m, "Snooze")
		if a := f.answer(d); a.Reminder != "magnesium" || a.Action != channel.ActionSnooze {
			t.Fatalf("answer = %+v", a)
		}
	})
}

// TestOutages: whatever goes wrong with the server, the reminder arrives
// exactly once, or is given up when retrying cannot help.
func TestOutages(t *testing.T) {
	tests := []struct {
		name      string
		before    func(f *fixture)
		afterFail func(f *fixture) // after the first failed attempt
		state     channel.State
		messages  int
	}{
		{"server down", func(f *fixture) { f.srv.Stop() }, func(f *fixture) { f.srv.Start(f.t) }, channel.StateSent, 1},
		{"5xx", func(f *fixture) { f.srv.FailNext(500, 502, 503) }, nil, channel.StateSent, 1},
		{"too many requests", func(f *fixture) { f.srv.FailNext(429) }, nil, channel.StateSent, 1},
		// The server stores the message but answers too late: the retry
		// finds it on the server and does not publish it again.
		{"slow", func(f *fixture) { f.srv.SetDelay(time.Minute) }, func(f *fixture) { f.srv.SetDelay(0) }, channel.StateSent, 1},
		{"forbidden", func(f *fixture) { f.srv.FailNext(403) }, nil, channel.StateFailed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				f := newFixture(t)
				tt.before(f)
				d := f.open()
				if err := d.Send("magnesium", f.at, time.Now().Add(time.Hour), msg, []string{"phone"}); err != nil {
					t.Fatal(err)
				}
				var r channel.Report
				if tt.state == channel.StateSent {
					first := f.retry()
					if first.Err == nil {
						t.Fatalf("first attempt reported no error")
					}
					if tt.afterFail != nil {
						tt.afterFail(f)
					}
				}
				r = f.final()
				if r.State != tt.state {
					t.Fatalf("final report %+v, want %s", r, tt.state)
				}
				if got := len(f.srv.Messages(topic)); got != tt.messages {
					t.Fatalf("%d messages on the topic, want %d", got, tt.messages)
				}
				if d.Pending() != 0 {
					t.Errorf("Pending = %d, want 0", d.Pending())
				}
			})
		})
	}
}

func TestGiveUpAtDeadline(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		for range 40 {
			f.srv.FailNext(500)
		}
		d := f.open()
		start := time.Now()
		if err := d.Send("magnesium", f.at, start.Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		r := f.final()
		// Attempts at 0, 5, 15 and 35 s; the next would be at 75 s,
		// past the deadline.
		if r.State != channel.StateFailed || r.Err == nil || r.Attempt != 4 {
			t.Fatalf("report = %+v, want given up after 4 attempts", r)
		}
		if el := time.Since(start); el != 35*time.Second {
			t.Errorf("gave up after %v, want 35s (when the next wait would pass the deadline)", el)
		}
		if !strings.Contains(f.log.String(), "gave up") {
			t.Errorf("no log line says it gave up:\n%s", f.log)
		}
	})
}

// TestSendDoesNotWait: Send returns at once even when the server is slow,
// so the desktop notification is never delayed by the phone.
func TestSendDoesNotWait(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.SetDelay(10 * time.Second)
		d := f.open()
		start := time.Now()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"desktop", "phone"}); err != nil {
			t.Fatal(err)
		}
		// The bubble's clock moves only while everything waits: had Send
		// waited for the server, it would have moved.
		if el := time.Since(start); el != 0 {
			t.Fatalf("Send took %v of the clock with a slow server, want it not to wait", el)
		}
		if r := f.final(); r.State != channel.StateSent {
			t.Fatalf("report = %+v", r)
		}
	})
}

func TestSendTwiceSendsOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		for range 3 {
			if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
				t.Fatal(err)
			}
		}
		f.final()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		noAnswer(t, d, time.Minute)
		if got := len(f.srv.Messages(topic)); got != 1 {
			t.Fatalf("%d messages, want 1", got)
		}
		if err := d.Send("magnesium", f.at, time.Time{}, msg, []string{"pager"}); err == nil || !strings.Contains(err.Error(), `no channel "pager"`) {
			t.Errorf("Send to an unknown channel = %v", err)
		}
	})
}

// TestRestart: what one dispatcher could not deliver, the next one on the
// same state directory does, once; and an answer given while bedtime was
// not running arrives when it runs again.
func TestRestart(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.Stop()
		d1 := f.open()
		if err := d1.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		f.retry()
		d1.Close()
		if !strings.Contains(readFile(t, filepath.Join(f.dir, channel.OutboxFile)), `"pending"`) {
			t.Fatal("the outbox does not hold the pending entry")
		}
		f.srv.Start(t)
		d2 := f.open()
		if r := f.final(); r.State != channel.StateSent || r.Attempt != 2 {
			t.Fatalf("after the restart: %+v, want sent on the second attempt", r)
		}
		if err := d2.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		d2.Close()
		d3 := f.open()
		noAnswer(t, d3, time.Minute)
		ms := f.srv.Messages(topic)
		if len(ms) != 1 {
			t.Fatalf("%d messages after restarts, want 1", len(ms))
		}
		d3.Close()
		// Done is pressed while bedtime is not running.
		f.press(ms[0], "Done")
		d4 := f.open()
		if a := f.answer(d4); a.Reminder != "magnesium" || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v", a)
		}
		d4.Close()
		d5 := f.open()
		noAnswer(t, d5, time.Minute) // not answered twice
	})
}

// TestStreamDropped: answers are not lost when the reply stream breaks or
// the server is down for a while.
func TestStreamDropped(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		at0900 := f.at.Add(-11*time.Hour - 30*time.Minute)
		for _, at := range []time.Time{at0900, f.at} {
			if err := d.Send("magnesium", at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
				t.Fatal(err)
			}
			f.final()
		}
		ms := f.srv.Messages(topic)
		f.waitSubscribed()
		f.press(ms[0], "Done")
		if a := f.answer(d); !a.Scheduled.Equal(at0900) {
			t.Fatalf("answer = %+v", a)
		}
		f.srv.DropStreams()
		f.srv.Stop()
		snooze, _ := ms[1].Action("Snooze")
		f.srv.Publish(reply, snooze.Body) // as the phone would, while bedtime cannot hear
		f.srv.Start(t)
		a := f.answer(d)
		if !a.Scheduled.Equal(f.at) || a.Action != channel.ActionSnooze {
			t.Fatalf("answer after the outage = %+v", a)
		}
		if !strings.Contains(f.log.String(), "reconnecting") {
			t.Errorf("no log line says the stream reconnects")
		}
		noAnswer(t, d, time.Minute)
	})
}

// TestSpoofedAndStale: someone who knows the topics cannot answer.
func TestSpoofedAndStale(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		f.final()
		m := f.srv.Messages(topic)[0]
		done, _ := m.Action("Done")
		snooze, _ := m.Action("Snooze")
		var body replyBody
		json.Unmarshal([]byte(done.Body), &body)
		f.waitSubscribed()

		wrongToken := body
		wrongToken.Token = strings.Repeat("0", 32)
		swapped := body // Done's token does not make a Snooze
		swapped.Action = channel.ActionSnooze
		otherRef := body
		otherRef.Ref = strings.Repeat("a", 24)
		for _, b := range []any{wrongToken, swapped, otherRef, "hello", map[string]any{"bedtime": 1, "action": "delete"}} {
			var s string
			if str, ok := b.(string); ok {
				s = str
			} else {
				raw, _ := json.Marshal(b)
				s = string(raw)
			}
			f.srv.Publish(reply, s)
		}
		for _, want := range []string{"spoofed: the token is wrong", "stale: no reminder sent", "not an answer from bedtime", `unknown action \"delete\"`} {
			f.waitLog(want)
		}
		noAnswer(t, d, time.Minute)
		if err := f.srv.Press(context.Background(), snooze); err != nil {
			t.Fatal(err)
		}
		if a := f.answer(d); a.Action != channel.ActionSnooze {
			t.Fatalf("answer = %+v", a)
		}
	})
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestToken: the access token goes to the server in the Authorization
// header and nowhere else: not in the message, not in the log.
func TestToken(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		const tok = "tk_s3cr3tt0k3nabcdefghijklmnop"
		f := newFixture(t)
		f.srv.RequireToken(tok, reply)
		f.cfg.TokenFile = ntfytest.TokenFile(t, tok, 0o600)
		d := f.open()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		if r := f.final(); r.State != channel.StateSent {
			t.Fatalf("report = %+v", r)
		}
		m := f.srv.Messages(topic)[0]
		raw, _ := json.Marshal(m)
		if strings.Contains(string(raw), tok) {
			t.Fatalf("the published message carries the token: %s", raw)
		}
		f.waitSubscribed()
		f.press(m, "Done") // without a token, as the phone's button does
		f.answer(d)
		n, _ := ntfy.New("phone", f.cfg, f.nopts)
		if c := n.Check(context.Background(), locale.English); !c.OK {
			t.Fatalf("Check = %+v", c)
		}
		if strings.Contains(f.log.String(), tok) || strings.Contains(f.log.String(), topic) {
			t.Fatalf("the log shows the token or the whole topic:\n%s", f.log)
		}
	})
}

// TestSetChannels: after a reload that drops a channel, what waited for it
// is given up and reported; a channel added works at once.
func TestSetChannels(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.Stop()
		d := f.open()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		f.retry()
		d.SetChannels(map[string]channel.Channel{})
		if r := f.final(); r.State != channel.StateFailed || !strings.Contains(r.Err.Error(), "no longer in the schedule") {
			t.Fatalf("report = %+v", r)
		}
		f.srv.Start(t)
		n, _ := ntfy.New("phone", f.cfg, f.nopts)
		d.SetChannels(map[string]channel.Channel{"phone": n})
		if err := d.Send("magnesium", f.at.Add(24*time.Hour), time.Now().Add(time.Minute), msg, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		if r := f.final(); r.State != channel.StateSent || !r.Scheduled.Equal(f.at.Add(24*time.Hour)) {
			t.Fatalf("report = %+v", r)
		}
		if got := len(f.srv.Messages(topic)); got != 1 {
			t.Fatalf("%d messages, want 1", got)
		}
	})
}

// TestSnoozedComesBackToThePhone: Snooze pressed on the phone, the
// reminder shows again (a new showing of the same instant) and goes to
// the phone again; its Done counts, while the first Snooze, replayed by
// the server, does not answer the new showing (it was given before it).
func TestSnoozedComesBackToThePhone(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.ReplayAll(true)
		d := f.open()
		first := msg
		first.Showing = time.Now()
		if err := d.Send("magnesium", f.at, time.Now().Add(time.Hour), first, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		f.final()
		f.waitSubscribed()
		m1 := f.srv.Messages(topic)[0]
		f.press(m1, "Snooze")
		if a := f.answer(d); a.Action != channel.ActionSnooze {
			t.Fatalf("answer = %+v, want the snooze", a)
		}
		time.Sleep(10 * time.Minute) // the snooze ends: shown again
		again := msg
		again.Showing = time.Now()
		for range 2 { // sent once, however often asked
			if err := d.Send("magnesium", f.at, time.Now().Add(time.Hour), again, []string{"phone"}); err != nil {
				t.Fatal(err)
			}
		}
		if r := f.final(); r.State != channel.StateSent {
			t.Fatalf("report = %+v, want the showing again sent", r)
		}
		ms := f.srv.Messages(topic)
		if len(ms) != 2 {
			t.Fatalf("%d messages on the topic, want 2 (the first showing and the one after the snooze)", len(ms))
		}
		f.srv.DropStreams()
		noAnswer(t, d, time.Minute) // the old Snooze read again answers nothing
		f.press(ms[1], "Done")
		if a := f.answer(d); a.Action != channel.ActionDone || !a.Scheduled.Equal(f.at) {
			t.Fatalf("answer = %+v, want Done of the instant", a)
		}
		f.srv.DropStreams()
		noAnswer(t, d, time.Minute) // nor does anything read again now
	})
}
