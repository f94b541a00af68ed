package ntfy

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// The ntfy channel by itself: its token file, doctor's check, redirects,
// the reply stream while the server is down. What it does under a
// Dispatcher (publishing, answers, outages, hostile servers) is tested
// beside the Dispatcher, in package channel_test.

const (
	topic = "bedtime-Xq7rT2pL9w"
	reply = topic + "-reply"
)

var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	at2030    = time.Date(2026, 12, 1, 20, 30, 0, 0, berlin)
	msg       = channel.Message{Title: "Magnesium", Body: "Take your magnesium with a glass of water.", Tags: []string{"pill"}, Answers: true}
)

// fixture is the configuration of an ntfy channel, "phone", on a server
// double in memory, and its options. Make it inside a synctest bubble
// (inBubble) to use the server: every wait is on the bubble's clock.
type fixture struct {
	t    *testing.T
	srv  *ntfytest.Server
	log  *testutil.LogBuffer
	cfg  config.NtfyChannel
	opts Options
}

// inBubble runs f in a synctest bubble.
func inBubble(t *testing.T, f func(t *testing.T)) { synctest.Test(t, f) }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := ntfytest.NewInMemory(t)
	srv.Keepalive = 45 * time.Second
	f := &fixture{t: t, srv: srv, log: &testutil.LogBuffer{},
		cfg: config.NtfyChannel{Server: srv.URL(), Topic: topic, ReplyTopic: reply, Priority: 4}}
	f.opts = Options{Timeout: 20 * time.Second, MinBackoff: time.Second, MaxBackoff: time.Minute,
		Stall: 3 * time.Minute, Logger: f.log.Logger(slog.LevelDebug), Transport: srv.Transport()}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("log:\n%s", f.log)
		}
	})
	return f
}

func TestTokenFileRefused(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link")
	good := ntfytest.TokenFile(t, "tk_x", 0o600)
	os.Symlink(good, link)
	empty := ntfytest.TokenFile(t, "", 0o600)
	tests := []struct {
		name, path, want string
	}{
		{"readable by others", ntfytest.TokenFile(t, "tk_x", 0o644), "can be read or changed by others (mode 0644); fix: chmod 600"},
		{"group-readable", ntfytest.TokenFile(t, "tk_x", 0o640), "(mode 0640)"},
		{"a directory", dir, "is not a regular file"},
		{"a symlink", link, "is not a regular file"},
		{"missing", filepath.Join(dir, "nope"), "no such file"},
		{"empty", empty, "does not hold one token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newFixture(t).cfg
			c.TokenFile = tt.path
			_, err := New("phone", c, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "token_file: ") {
				t.Fatalf("New = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	const tok = "tk_goodtoken"
	tests := []struct {
		name      string
		setup     func(f *fixture)
		ok        bool
		detail    string
		fix       string
		published int
	}{
		{"public server", func(f *fixture) {}, true, "reachable, a test message was published", "", 1},
		{"down", func(f *fixture) { f.srv.Stop() }, false, "cannot reach", "check the server URL", 0},
		{"too slow", func(f *fixture) { f.srv.SetDelay(time.Minute) }, false, "did not answer within 20s", "check the server URL", 1},
		{"wrong token", func(f *fixture) {
			f.srv.RequireToken(tok, reply)
			f.cfg.TokenFile = ntfytest.TokenFile(f.t, "tk_wrong", 0o600)
		}, false, "the access token is not valid", "make a new token", 0},
		{"token needed", func(f *fixture) { f.srv.RequireToken(tok, reply) }, false, "not allowed to publish", "token_file", 0},
		{"buttons cannot answer", func(f *fixture) {
			f.srv.RequireToken(tok)
			f.cfg.TokenFile = ntfytest.TokenFile(f.t, tok, 0o600)
		}, false, "without a token, as the phone's buttons do", "ntfy access everyone", 1},
		{"private", func(f *fixture) { f.cfg.Private = true }, true, `private: the phone shows "bedtime reminder"`, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				f := newFixture(t)
				tt.setup(f)
				n, err := New("phone", f.cfg, f.opts)
				if err != nil {
					t.Fatal(err)
				}
				c := n.Check(context.Background(), locale.English)
				if c.OK != tt.ok || !strings.Contains(c.Detail, tt.detail) || !strings.Contains(c.Fix, tt.fix) {
					t.Fatalf("Check = %+v, want ok=%v, detail with %q, fix with %q", c, tt.ok, tt.detail, tt.fix)
				}
				if strings.Contains(c.Detail, topic) {
					t.Errorf("the detail shows the whole topic: %s", c.Detail)
				}
				if got := len(f.srv.Messages(topic)); got != tt.published {
					t.Errorf("%d test messages, want %d", got, tt.published)
				}
			})
		})
	}
}

// TestHeadersPublish checks the double's header form of publishing, the
// other form ntfy documents, so that the double is right about both.
func TestHeadersPublish(t *testing.T) {
	srv := ntfytest.New(t)
	req, _ := http.NewRequest(http.MethodPost, srv.URL()+"/"+topic, strings.NewReader("Stretch your calves"))
	req.Header.Set("X-Title", "Calf stretch")
	req.Header.Set("X-Priority", "5")
	req.Header.Set("X-Tags", "bed, zzz")
	req.Header.Set("X-Actions", `[{"action":"http","label":"Done","url":"`+srv.URL()+"/"+reply+`","body":"x"}]`)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	m := srv.Messages(topic)[0]
	if m.Title != "Calf stretch" || m.Message != "Stretch your calves" || m.Priority != 5 || strings.Join(m.Tags, "|") != "bed|zzz" || m.Actions[0].Label != "Done" {
		t.Fatalf("message = %+v", m)
	}
	if err := ntfytest.Press(context.Background(), m.Actions[0]); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(reply); len(got) != 1 || got[0].Message != "x" {
		t.Fatalf("reply topic = %+v", got)
	}
}

// TestListenQuietWhileDown: a server that stays down is retried with
// backoff and logged once, not at every try.
func TestListenQuietWhileDown(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.Stop()
		n, err := New("phone", f.cfg, f.opts)
		if err != nil {
			t.Fatal(err)
		}
		// Tries at 0, 1, 3, 7, 15 and 31 s (backoff 1 s doubling).
		ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
		defer cancel()
		n.Listen(ctx, "", func(channel.Reply) { t.Error("a reply from a server that is down") })
		log := f.log.String()
		tries := strings.Count(log, "reconnecting")
		warns := strings.Count(log, "level=WARN msg=\"ntfy reply stream ended")
		if tries != 6 || warns != 1 {
			t.Fatalf("%d tries, %d logged as warnings; want several tries and one warning:\n%s", tries, warns, log)
		}
	})
}

// TestMaker: Maker is FromConfig's maker of ntfy channels: the channel, or
// the error and no channel at all (not a nil *Channel, which a caller
// would take for a channel).
func TestMaker(t *testing.T) {
	tests := []struct {
		name  string
		token string // a token file with this mode; 0 for none
		mode  os.FileMode
		err   string
	}{
		{name: "no token"},
		{name: "a token", token: "tk_abc", mode: 0o600},
		{name: "a token others can read", token: "tk_abc", mode: 0o644, err: "token_file: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.NtfyChannel{Server: "http://127.0.0.1:9", Topic: topic}
			if tt.token != "" {
				c.TokenFile = ntfytest.TokenFile(t, tt.token, tt.mode)
			}
			ch, err := Maker("phone", c, slog.New(slog.DiscardHandler))
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || ch != nil {
					t.Fatalf("Maker = %#v, %v; want no channel and an error starting %q", ch, err, tt.err)
				}
				var fe *channel.FileError
				if !errors.As(err, &fe) {
					t.Errorf("Maker's error %v is not a *channel.FileError (doctor says it in the person's language)", err)
				}
				return
			}
			n, ok := ch.(*Channel)
			if err != nil || !ok || n.Name() != "phone" || n.cfg.ReplyTopic != topic+"-reply" {
				t.Fatalf("Maker = %#v, %v; want the channel phone, replies on %s-reply", ch, err, topic)
			}
		})
	}
}

func TestRandomTopic(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tp := RandomTopic()
		if !strings.HasPrefix(tp, "bedtime-") || len(tp) != 28 || !topicRE(tp) {
			t.Fatalf("RandomTopic = %q", tp)
		}
		if seen[tp] {
			t.Fatalf("RandomTopic repeated %q", tp)
		}
		seen[tp] = true
	}
}

func topicRE(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return len(s) <= 64
}
