package ntfy

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
)

// PrivateTitle and PrivateBody are what a channel with private: true
// shows instead of the reminder's text, in English; the message's Lang
// translates them (they are catalog keys).
const (
	PrivateTitle = "bedtime reminder"
	PrivateBody  = "It is time for one of your reminders."
)

// Options tune the ntfy channels; the zero value is fine.
type Options struct {
	// Timeout bounds one publish or check request; 0 means 20s.
	Timeout time.Duration
	// MinBackoff and MaxBackoff bound the wait before the reply stream
	// reconnects; 0 means 1s and 1m.
	MinBackoff, MaxBackoff time.Duration
	// Stall is how long the reply stream may stay silent (ntfy sends a
	// keepalive every 45s) before it is reconnected; 0 means 3m.
	Stall time.Duration
	// Logger receives one line per event; nil means slog.Default().
	Logger *slog.Logger
	// Transport carries the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	if o.Stall <= 0 {
		o.Stall = 3 * time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	return o
}

// Channel is a channel that publishes to an ntfy topic and reads answers
// from its reply topic.
type Channel struct {
	name  string
	cfg   config.NtfyChannel
	token string // the access token; never logged
	o     Options
	hc    *http.Client
}

var _ channel.Replier = (*Channel)(nil)

// New returns the ntfy channel name configured by c. It reads the access
// token from c.TokenFile, if any, refusing a file that is not a regular
// file, 0600 and the user's.
func New(name string, c config.NtfyChannel, o Options) (*Channel, error) {
	o = o.withDefaults()
	if c.ReplyTopic == "" {
		c.ReplyTopic = c.Topic + "-reply"
	}
	n := &Channel{name: name, cfg: c, o: o, hc: &http.Client{Transport: o.Transport, CheckRedirect: noRedirects}}
	if c.TokenFile != "" {
		tok, err := readToken(c.TokenFile)
		if err != nil {
			return nil, err
		}
		n.token = tok
	}
	return n, nil
}

// Maker is channel.FromConfig's NtfyMaker: New with the default Options,
// logging to log.
func Maker(name string, c config.NtfyChannel, log *slog.Logger) (channel.Channel, error) {
	n, err := New(name, c, Options{Logger: log})
	if err != nil {
		return nil, err // not a nil *Channel in a non-nil interface
	}
	return n, nil
}

var _ channel.NtfyMaker = Maker

func readToken(path string) (string, error) {
	if err := channel.CheckPrivateFile(path); err != nil {
		return "", fmt.Errorf("token_file: %w", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("token_file: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" || strings.ContainsAny(tok, " \t\r\n") {
		return "", fmt.Errorf("token_file: %w", &channel.FileError{Format: "%s does not hold one token (want one line such as tk_...)", Args: []any{path}})
	}
	return tok, nil
}

// Name returns the channel's name.
func (n *Channel) Name() string { return n.name }

// redact shows enough of a topic to recognise it, not enough to use it.
func redact(topic string) string {
	if len(topic) <= 4 {
		return "…"
	}
	return topic[:4] + "…"
}

// ntfyAction is an ntfy action button.
type ntfyAction struct {
	Action  string            `json:"action"`
	Label   string            `json:"label"`
	URL     string            `json:"url"`
	Method  string            `json:"method,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    string            `json:"body,omitempty"`
	Clear   bool              `json:"clear,omitempty"`
}

// ntfyPublish is ntfy's JSON publish request.
type ntfyPublish struct {
	Topic    string       `json:"topic"`
	Title    string       `json:"title,omitempty"`
	Message  string       `json:"message"`
	Priority int          `json:"priority,omitempty"`
	Tags     []string     `json:"tags,omitempty"`
	Click    string       `json:"click,omitempty"`
	Actions  []ntfyAction `json:"actions,omitempty"`
}

// ntfyMessage is one line of ntfy's JSON stream.
type ntfyMessage struct {
	ID      string       `json:"id"`
	Time    int64        `json:"time"`
	Event   string       `json:"event"`
	Topic   string       `json:"topic"`
	Message string       `json:"message"`
	Actions []ntfyAction `json:"actions"`
}

// replyBody is what the phone's Done and Snooze buttons publish.
type replyBody struct {
	Bedtime int            `json:"bedtime"`
	Ref     string         `json:"ref,omitempty"`
	Action  channel.Action `json:"action,omitempty"`
	Token   string         `json:"token,omitempty"`
	Check   bool           `json:"check,omitempty"`
}

func (n *Channel) publishBody(d channel.Delivery) ntfyPublish {
	m := d.Message
	l := m.Locale()
	p := ntfyPublish{Topic: n.cfg.Topic, Title: m.Title, Message: m.Body, Priority: n.cfg.Priority, Tags: m.Tags, Click: m.Click}
	if n.cfg.Private {
		p.Title, p.Message, p.Tags = l.Sprintf(PrivateTitle), l.Sprintf(PrivateBody), nil
	}
	if m.Answers {
		type button struct {
			label  string
			action channel.Action
		}
		buttons := []button{{l.Sprintf("Done"), channel.ActionDone}, {l.Sprintf("Snooze"), channel.ActionSnooze}}
		if len(m.Choices) > 0 {
			buttons = nil
			for i, label := range m.Choices[:min(len(m.Choices), channel.MaxChoices)] {
				buttons = append(buttons, button{label, channel.ChoiceAction(i)})
			}
		}
		for _, a := range buttons {
			body, _ := json.Marshal(replyBody{Bedtime: 1, Ref: d.Ref, Action: a.action, Token: d.Tokens[a.action]})
			p.Actions = append(p.Actions, ntfyAction{
				Action: "http", Label: a.label, URL: n.cfg.Server + "/" + n.cfg.ReplyTopic, Method: http.MethodPost,
				Headers: map[string]string{"Content-Type": "application/json"}, Body: string(body), Clear: true,
			})
		}
	}
	return p
}

// Deliver publishes d to the topic. After a first attempt it first looks
// on the server for the message an earlier attempt may have published.
func (n *Channel) Deliver(ctx context.Context, d channel.Delivery) error {
	if d.Attempt > 1 && d.Message.Answers && d.Ref != "" {
		found, err := n.published(ctx, d)
		switch {
		case err != nil:
			n.o.Logger.Debug("cannot look for an earlier copy on the ntfy server; publishing again", "channel", n.name, "err", err)
		case found:
			n.o.Logger.Info("an earlier attempt reached the ntfy server after all; not publishing again",
				"channel", n.name, "reminder", d.Reminder, "scheduled", d.Scheduled)
			return nil
		}
	}
	body, err := json.Marshal(n.publishBody(d))
	if err != nil {
		return channel.Permanent(err)
	}
	resp, err := n.do(ctx, http.MethodPost, n.cfg.Server+"/", "application/json", bytes.NewReader(body), true)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return httpError(resp, "publish to topic "+redact(n.cfg.Topic))
}

// published reports whether the topic holds a message for d's instant
// published since d's first attempt.
func (n *Channel) published(ctx context.Context, d channel.Delivery) (bool, error) {
	since := d.First.Add(-time.Minute).Unix()
	u := fmt.Sprintf("%s/%s/json?poll=1&since=%d", n.cfg.Server, n.cfg.Topic, since)
	resp, err := n.do(ctx, http.MethodGet, u, "", nil, true)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if err := httpError(resp, "poll"); err != nil {
		return false, err
	}
	sc := lineScanner(resp.Body)
	for sc.Scan() {
		var m ntfyMessage
		if json.Unmarshal(sc.Bytes(), &m) != nil || m.Event != "message" {
			continue
		}
		for _, a := range m.Actions {
			var rb replyBody
			if json.Unmarshal([]byte(a.Body), &rb) == nil && rb.Ref == d.Ref {
				return true, nil
			}
		}
	}
	return false, sc.Err()
}

// Check checks that the server answers, that the token (if any) is valid
// and may publish to the topic (by publishing a test message), that the
// reply topic can be read, and that the phone's buttons, which carry no
// token, may publish to it. What it finds, the fix and the test message
// are in l's language; an error of the network or the server is quoted as
// it is.
func (n *Channel) Check(ctx context.Context, l *locale.Locale) channel.CheckResult {
	where := l.Sprintf("ntfy %s, topic %s", n.cfg.Server, redact(n.cfg.Topic))
	fail := func(detail, fix string) channel.CheckResult {
		return channel.CheckResult{Detail: l.Sprintf("%s: %s", where, detail), Fix: fix}
	}
	resp, err := n.do(ctx, http.MethodGet, n.cfg.Server+"/v1/health", "", nil, false)
	if err != nil {
		return fail(err.Error(), l.Sprintf("check the server URL and the network; for ntfy.sh, open https://ntfy.sh in a browser"))
	}
	resp.Body.Close()
	body, _ := json.Marshal(ntfyPublish{Topic: n.cfg.Topic, Title: "bedtime doctor", Message: l.Sprintf("Test message: if your phone shows this, bedtime's reminders reach it."), Tags: []string{"white_check_mark"}})
	resp, err = n.do(ctx, http.MethodPost, n.cfg.Server+"/", "application/json", bytes.NewReader(body), true)
	if err != nil {
		return fail(err.Error(), l.Sprintf("check the server URL and the network"))
	}
	err = httpError(resp, "publish a test message")
	resp.Body.Close()
	var se *StatusError
	if errors.As(err, &se) && se.Code == http.StatusUnauthorized {
		return fail(l.Sprintf("the access token is not valid"), l.Sprintf("make a new token (ntfy token add, or the web app's Account page) and put it in token_file"))
	}
	if errors.As(err, &se) && se.Code == http.StatusForbidden {
		fix := l.Sprintf("give your user write access to the topic (ntfy access <user> <topic> rw)")
		if n.token == "" {
			fix = l.Sprintf("this server wants a login: put an access token in a file and name it in token_file")
		}
		return fail(l.Sprintf("not allowed to publish to the topic"), fix)
	}
	if errors.As(err, &se) && se.Code/100 == 3 {
		return fail(err.Error(), l.Sprintf("ntfy never redirects: put the server's own address in server: (bedtime follows no redirect, so the token and the messages go nowhere else)"))
	}
	if err != nil {
		return fail(err.Error(), l.Sprintf("try again later; if it persists, check the server's status"))
	}
	resp, err = n.do(ctx, http.MethodGet, n.cfg.Server+"/"+n.cfg.ReplyTopic+"/auth", "", nil, true)
	if err != nil {
		return fail(err.Error(), l.Sprintf("check the network"))
	}
	err = httpError(resp, "read the reply topic")
	resp.Body.Close()
	if err != nil {
		return fail(l.Sprintf("%s; Done and Snooze from the phone cannot arrive", err.Error()), l.Sprintf("give your user read access to the reply topic (ntfy access <user> %s ro)", redact(n.cfg.ReplyTopic)))
	}
	body, _ = json.Marshal(replyBody{Bedtime: 1, Check: true})
	resp, err = n.do(ctx, http.MethodPost, n.cfg.Server+"/"+n.cfg.ReplyTopic, "application/json", bytes.NewReader(body), false)
	if err != nil {
		return fail(err.Error(), l.Sprintf("check the network"))
	}
	err = httpError(resp, "publish to the reply topic without a token, as the phone's buttons do")
	resp.Body.Close()
	if err != nil {
		return fail(err.Error(), l.Sprintf("let everyone write to the reply topic (answers carry their own proof): ntfy access everyone <reply topic> wo"))
	}
	detail := l.Sprintf("%s: reachable, a test message was published (it should be on your phone now), answers can come back on the reply topic", where)
	if n.cfg.Private {
		detail = l.Sprintf("%s; private: the phone shows %q, not the reminder's text", detail, l.Sprintf(PrivateTitle))
	}
	return channel.CheckResult{OK: true, Detail: detail}
}

// RandomTopic returns a new ntfy topic name nobody can guess: "bedtime-"
// and 20 random letters and digits (about 103 bits). On a public server
// the topic is the only secret.
func RandomTopic() string {
	const abc = "abcdefghijkmnopqrstuvwxyz23456789" // no l, 0, 1: easy to type on a phone
	b := make([]byte, 20)
	for i := range b {
		b[i] = abc[randIntn(len(abc))]
	}
	return "bedtime-" + string(b)
}

// randIntn returns a uniform random number in [0, n) from crypto/rand.
func randIntn(n int) int {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic("ntfy: no randomness: " + err.Error())
	}
	return int(v.Int64())
}
