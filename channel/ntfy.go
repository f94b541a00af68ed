package channel

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
)

// PrivateTitle and PrivateBody are what a channel with private: true
// shows instead of the reminder's text.
const (
	PrivateTitle = "bedtime reminder"
	PrivateBody  = "It is time for one of your reminders."
)

// NtfyOptions tune the ntfy channels; the zero value is fine.
type NtfyOptions struct {
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

func (o NtfyOptions) withDefaults() NtfyOptions {
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

// Ntfy is a channel that publishes to an ntfy topic and reads answers from
// its reply topic.
type Ntfy struct {
	name  string
	cfg   config.NtfyChannel
	token string // the access token; never logged
	o     NtfyOptions
	hc    *http.Client
}

var _ Replier = (*Ntfy)(nil)

// NewNtfy returns the ntfy channel name configured by c. It reads the
// access token from c.TokenFile, if any, refusing a file that is not a
// regular file, 0600 and the user's.
func NewNtfy(name string, c config.NtfyChannel, o NtfyOptions) (*Ntfy, error) {
	o = o.withDefaults()
	if c.ReplyTopic == "" {
		c.ReplyTopic = c.Topic + "-reply"
	}
	n := &Ntfy{name: name, cfg: c, o: o, hc: &http.Client{Transport: o.Transport, CheckRedirect: noRedirects}}
	if c.TokenFile != "" {
		tok, err := readToken(c.TokenFile)
		if err != nil {
			return nil, err
		}
		n.token = tok
	}
	return n, nil
}

func readToken(path string) (string, error) {
	if err := checkPrivateFile(path); err != nil {
		return "", fmt.Errorf("token_file: %w", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("token_file: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" || strings.ContainsAny(tok, " \t\r\n") {
		return "", fmt.Errorf("token_file: %s does not hold one token (want one line such as tk_...)", path)
	}
	return tok, nil
}

// Name returns the channel's name.
func (n *Ntfy) Name() string { return n.name }

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
	Bedtime int    `json:"bedtime"`
	Ref     string `json:"ref,omitempty"`
	Action  Action `json:"action,omitempty"`
	Token   string `json:"token,omitempty"`
	Check   bool   `json:"check,omitempty"`
}

func (n *Ntfy) publishBody(d Delivery) ntfyPublish {
	m := d.Message
	p := ntfyPublish{Topic: n.cfg.Topic, Title: m.Title, Message: m.Body, Priority: n.cfg.Priority, Tags: m.Tags, Click: m.Click}
	if n.cfg.Private {
		p.Title, p.Message, p.Tags = PrivateTitle, PrivateBody, nil
	}
	if m.Answers {
		for _, a := range []struct {
			label  string
			action Action
		}{{"Done", ActionDone}, {"Snooze", ActionSnooze}} {
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
func (n *Ntfy) Deliver(ctx context.Context, d Delivery) error {
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
		return Permanent(err)
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
func (n *Ntfy) published(ctx context.Context, d Delivery) (bool, error) {
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

// do sends one request with the timeout of a publish.
func (n *Ntfy) do(ctx context.Context, method, u, ctype string, body io.Reader, auth bool) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, n.o.Timeout)
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		cancel()
		return nil, Permanent(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if auth && n.token != "" {
		req.Header.Set("Authorization", "Bearer "+n.token)
	}
	resp, err := n.hc.Do(req)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("cannot reach %s: %w", n.cfg.Server, stripURL(err))
	}
	resp.Body = cancelOnClose{resp.Body, cancel}
	return resp, nil
}

// noRedirects makes the client return a redirect as the answer. ntfy
// never needs one, and following it would take the publish, with its
// answer tokens, elsewhere; Go would even send the access token along
// when only the port or the scheme differs (http.Client copies the
// Authorization header to the same host name).
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// stripURL drops the URL from a *url.Error, which would show the topic.
func stripURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c cancelOnClose) Close() error { err := c.ReadCloser.Close(); c.cancel(); return err }

// StatusError is an HTTP error answer of the ntfy server.
type StatusError struct {
	// Code is the HTTP status code; Msg is the server's message.
	Code int
	Msg  string
	// Location is where a redirect (3xx) points, each segment of its
	// path shortened like a topic; bedtime follows no redirect.
	Location string
	what     string
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("%s: the server answered %d %s", e.what, e.Code, http.StatusText(e.Code))
	if e.Msg != "" {
		s += " (" + e.Msg + ")"
	}
	if e.Code/100 == 3 {
		loc := e.Location
		if loc == "" {
			loc = "none given"
		}
		s += ", a redirect to " + loc + ", not followed"
	}
	return s
}

// redactURL shows a URL's scheme and host, and each path segment as
// redact shows a topic.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return strconv.Quote(redact(raw))
	}
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme + "://")
	}
	b.WriteString(u.Host)
	for seg := range strings.SplitSeq(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			b.WriteString("/" + redact(seg))
		}
	}
	return b.String()
}

// httpError returns nil for a 2xx answer, else a *StatusError, marked
// Permanent unless retrying may help (408, 429 and 5xx).
func httpError(resp *http.Response, what string) error {
	if resp.StatusCode/100 == 2 {
		return nil
	}
	var e struct {
		Error string `json:"error"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	_ = json.Unmarshal(b, &e)
	err := &StatusError{Code: resp.StatusCode, Msg: e.Error, what: what}
	if loc := resp.Header.Get("Location"); loc != "" {
		err.Location = redactURL(loc)
	}
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout {
		return err
	}
	return Permanent(err)
}

// Check checks that the server answers, that the token (if any) is valid
// and may publish to the topic (by publishing a test message), that the
// reply topic can be read, and that the phone's buttons, which carry no
// token, may publish to it.
func (n *Ntfy) Check(ctx context.Context) CheckResult {
	where := fmt.Sprintf("ntfy %s, topic %s", n.cfg.Server, redact(n.cfg.Topic))
	fail := func(detail, fix string) CheckResult {
		return CheckResult{Detail: where + ": " + detail, Fix: fix}
	}
	resp, err := n.do(ctx, http.MethodGet, n.cfg.Server+"/v1/health", "", nil, false)
	if err != nil {
		return fail(err.Error(), "check the server URL and the network; for ntfy.sh, open https://ntfy.sh in a browser")
	}
	resp.Body.Close()
	body, _ := json.Marshal(ntfyPublish{Topic: n.cfg.Topic, Title: "bedtime doctor", Message: "Test message: if your phone shows this, bedtime's reminders reach it.", Tags: []string{"white_check_mark"}})
	resp, err = n.do(ctx, http.MethodPost, n.cfg.Server+"/", "application/json", bytes.NewReader(body), true)
	if err != nil {
		return fail(err.Error(), "check the server URL and the network")
	}
	err = httpError(resp, "publish a test message")
	resp.Body.Close()
	var se *StatusError
	if errors.As(err, &se) && se.Code == http.StatusUnauthorized {
		return fail("the access token is not valid", "make a new token (ntfy token add, or the web app's Account page) and put it in token_file")
	}
	if errors.As(err, &se) && se.Code == http.StatusForbidden {
		fix := "give your user write access to the topic (ntfy access <user> <topic> rw)"
		if n.token == "" {
			fix = "this server wants a login: put an access token in a file and name it in token_file"
		}
		return fail("not allowed to publish to the topic", fix)
	}
	if errors.As(err, &se) && se.Code/100 == 3 {
		return fail(err.Error(), "ntfy never redirects: put the server's own address in server: (bedtime follows no redirect, so the token and the messages go nowhere else)")
	}
	if err != nil {
		return fail(err.Error(), "try again later; if it persists, check the server's status")
	}
	resp, err = n.do(ctx, http.MethodGet, n.cfg.Server+"/"+n.cfg.ReplyTopic+"/auth", "", nil, true)
	if err != nil {
		return fail(err.Error(), "check the network")
	}
	err = httpError(resp, "read the reply topic")
	resp.Body.Close()
	if err != nil {
		return fail(err.Error()+"; Done and Snooze from the phone cannot arrive", "give your user read access to the reply topic (ntfy access <user> "+redact(n.cfg.ReplyTopic)+" ro)")
	}
	body, _ = json.Marshal(replyBody{Bedtime: 1, Check: true})
	resp, err = n.do(ctx, http.MethodPost, n.cfg.Server+"/"+n.cfg.ReplyTopic, "application/json", bytes.NewReader(body), false)
	if err != nil {
		return fail(err.Error(), "check the network")
	}
	err = httpError(resp, "publish to the reply topic without a token, as the phone's buttons do")
	resp.Body.Close()
	if err != nil {
		return fail(err.Error(), "let everyone write to the reply topic (answers carry their own proof): ntfy access everyone <reply topic> wo")
	}
	private := ""
	if n.cfg.Private {
		private = "; private: the phone shows \"" + PrivateTitle + "\", not the reminder's text"
	}
	return CheckResult{OK: true, Detail: where + ": reachable, a test message was published (it should be on your phone now), answers can come back on the reply topic" + private}
}

// Listen reads the reply topic as a JSON stream until ctx ends.
func (n *Ntfy) Listen(ctx context.Context, since string, yield func(Reply)) error {
	if since == "" {
		since = strconv.FormatInt(time.Now().Unix(), 10)
	}
	backoff := n.o.MinBackoff
	var last time.Time // when the message since names was published
	var lastErr string
	for {
		opened, err := n.stream(ctx, since, func(r Reply) {
			if r.ID != "" {
				since = r.ID
				if !r.Time.IsZero() {
					last = r.Time
				}
			}
			yield(r)
		})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var se *StatusError
		if errors.As(err, &se) && se.Code == http.StatusBadRequest && !last.IsZero() {
			// A server that does not know the id any more: ask by time
			// (what arrives twice is ignored as already answered).
			since, last = strconv.FormatInt(last.Unix(), 10), time.Time{}
		}
		if opened {
			backoff = n.o.MinBackoff
		}
		if IsPermanent(err) { // a 4xx: a person must fix something first
			backoff = max(backoff, 10*n.o.MaxBackoff)
		}
		// The same failure again (the server down for hours) is logged
		// once, not at every try.
		level := slog.LevelWarn
		if err != nil && !opened && failureKey(err) == lastErr {
			level = slog.LevelDebug
		}
		if err != nil {
			lastErr = failureKey(err)
		}
		n.o.Logger.Log(ctx, level, "ntfy reply stream ended; reconnecting", "channel", n.name, "err", err, "in", backoff)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, n.o.MaxBackoff)
	}
}

// stream reads one connection of the reply stream. It reports whether the
// server opened the stream.
func (n *Ntfy) stream(ctx context.Context, since string, yield func(Reply)) (opened bool, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stall := time.AfterFunc(n.o.Stall, cancel)
	defer stall.Stop()
	u := fmt.Sprintf("%s/%s/json?since=%s", n.cfg.Server, n.cfg.ReplyTopic, url.QueryEscape(since))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, err
	}
	if n.token != "" {
		req.Header.Set("Authorization", "Bearer "+n.token)
	}
	resp, err := n.hc.Do(req)
	if err != nil {
		return false, fmt.Errorf("cannot reach %s: %w", n.cfg.Server, stripURL(err))
	}
	defer resp.Body.Close()
	if err := httpError(resp, "subscribe to the reply topic"); err != nil {
		return false, err
	}
	sc := lineScanner(resp.Body)
	for sc.Scan() {
		stall.Reset(n.o.Stall)
		var m ntfyMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			// One bad line is skipped, not the stream: reading again
			// from the last good id would meet it again, and what
			// follows it (a valid Done) would never be read. A field of
			// the wrong type leaves the others read, the id among them.
			r := Reply{Err: fmt.Errorf("the server sent a line bedtime cannot read: %w", err)}
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				r.ID = validID(m.ID)
			}
			yield(r)
			continue
		}
		switch m.Event {
		case "open":
			if !opened {
				n.o.Logger.Debug("ntfy reply stream open", "channel", n.name)
			}
			opened = true
		case "message":
			yield(parseReply(m))
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("the server sent a line longer than %d KiB", maxLine>>10)
		}
		return opened, err
	}
	return opened, io.ErrUnexpectedEOF
}

// maxLine bounds a line of a JSON stream. ntfy's messages are at most
// 4 KiB of text plus their fields; a longer line ends the connection, so
// a server that never ends a line costs at most this much memory.
const maxLine = 64 << 10

// lineScanner reads the lines of a JSON stream, at most maxLine each.
func lineScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4<<10), maxLine)
	return sc
}

var idRE = regexp.MustCompile(`^[-_A-Za-z0-9]{1,64}$`)

// validID returns id if it looks like an ntfy message id, else "": an id
// is sent back as since= and kept in the outbox, so a server's garbage
// must not become one.
func validID(id string) string {
	if idRE.MatchString(id) {
		return id
	}
	return ""
}

func parseReply(m ntfyMessage) Reply {
	r := Reply{ID: validID(m.ID)}
	if m.Time > 0 {
		r.Time = time.Unix(m.Time, 0)
	}
	var b replyBody
	if err := json.Unmarshal([]byte(m.Message), &b); err != nil || b.Bedtime != 1 {
		r.Err = errors.New("not an answer from bedtime's buttons")
		return r
	}
	if b.Check {
		r.Check = true
		return r
	}
	if b.Action != ActionDone && b.Action != ActionSnooze {
		r.Err = fmt.Errorf("unknown action %q", b.Action)
		return r
	}
	r.Ref, r.Action, r.Token = b.Ref, b.Action, b.Token
	return r
}

// failureKey names a failure to reach the server for "the same failure
// again": every way a connection can fail while the server is down
// (refused, reset, timed out) is one.
func failureKey(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return "dial"
	}
	return err.Error()
}
