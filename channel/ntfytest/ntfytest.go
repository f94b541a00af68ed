// Package ntfytest is an ntfy server double for tests: it listens on
// 127.0.0.1 and speaks the part of ntfy's documented protocol bedtime uses
// (https://docs.ntfy.sh/publish/ and /subscribe/api/):
//
//   - publishing with POST or PUT to /<topic> (the body is the message,
//     X-Title, X-Priority, X-Tags, X-Click and X-Actions headers, or their
//     short forms) or to / with a JSON body naming the topic;
//   - subscribing with GET /<topic>/json: a stream of one JSON object per
//     line, an "open" event first, then "message" events and a
//     "keepalive" now and then; since= (all, a Unix time or a message id)
//     asks for cached messages, and poll=1 returns them and ends;
//   - GET /<topic>/auth, GET /v1/health, and access tokens in an
//     Authorization: Bearer header (401 for a wrong one, 403 without one).
//
// New listens on 127.0.0.1, for code that dials by itself (a daemon given
// the server's URL in a schedule file). NewInMemory serves over net.Pipe
// connections that only the server's own Transport dials: nothing blocks
// on the operating system, so it runs inside a testing/synctest bubble,
// where its timers (keepalives, SetDelay) are on the bubble's clock.
//
// It can fail on purpose: be down (Stop, Start), answer 5xx (FailNext),
// answer slowly after storing the message (SetDelay), drop every open
// stream mid-way (DropStreams), replay everything on every subscription
// (ReplayAll), and answer requests as the test says (Intercept). Press
// replays an "http" action the way the ntfy phone app does when its button
// is pressed.
package ntfytest

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Action is an action button of a message.
type Action struct {
	ID      string            `json:"id,omitempty"`
	Action  string            `json:"action"`
	Label   string            `json:"label"`
	URL     string            `json:"url,omitempty"`
	Method  string            `json:"method,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    string            `json:"body,omitempty"`
	Clear   bool              `json:"clear,omitempty"`
}

// Message is a message as the server stores and streams it.
type Message struct {
	ID       string   `json:"id"`
	Time     int64    `json:"time"`
	Event    string   `json:"event"`
	Topic    string   `json:"topic"`
	Title    string   `json:"title,omitempty"`
	Message  string   `json:"message,omitempty"`
	Priority int      `json:"priority,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Click    string   `json:"click,omitempty"`
	Actions  []Action `json:"actions,omitempty"`
}

// Action returns the message's action labelled label.
func (m Message) Action(label string) (Action, bool) {
	for _, a := range m.Actions {
		if a.Label == label {
			return a, true
		}
	}
	return Action{}, false
}

// Server is the double.
type Server struct {
	// Keepalive is how often a stream gets a keepalive event; set it
	// before the first subscription. The default is 45s, as in ntfy.
	Keepalive time.Duration
	// Now stamps messages with their time; nil means time.Now. Set it
	// before the first message.
	Now func() time.Time

	addr string
	mem  bool // served over net.Pipe; ln is the listener while up
	ln   *pipeListener

	mu        sync.Mutex
	srv       *http.Server
	msgs      []Message
	subs      map[*sub]bool
	fail      []int
	delay     time.Duration
	token     string
	anonWrite map[string]bool
	publishes int
	requests  []string
	replayAll bool
	intercept func(w http.ResponseWriter, r *http.Request) bool
}

type sub struct {
	topic string
	ch    chan Message
	drop  chan struct{}
}

var (
	topicRE   = regexp.MustCompile(`^/([-_A-Za-z0-9]{1,64})$`)
	jsonRE    = regexp.MustCompile(`^/([-_A-Za-z0-9]{1,64})/json$`)
	authRE    = regexp.MustCompile(`^/([-_A-Za-z0-9]{1,64})/auth$`)
	topicName = regexp.MustCompile(`^[-_A-Za-z0-9]{1,64}$`)
	idRE      = regexp.MustCompile(`^[-_A-Za-z0-9]{12}$`)
)

// New starts a server on 127.0.0.1 and stops it when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{Keepalive: 45 * time.Second, subs: map[*sub]bool{}, anonWrite: map[string]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("ntfytest: %v", err)
	}
	s.addr = ln.Addr().String()
	s.serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// NewInMemory starts a server reachable only through its Transport (and
// Client and Press), and stops it when the test ends. Its URL names a host
// that does not resolve.
func NewInMemory(t testing.TB) *Server {
	t.Helper()
	s := &Server{Keepalive: 45 * time.Second, subs: map[*sub]bool{}, anonWrite: map[string]bool{}, addr: "ntfy.test", mem: true}
	s.serveMem()
	t.Cleanup(s.Stop)
	return s
}

// URL returns the server's base URL.
func (s *Server) URL() string { return "http://" + s.addr }

// Transport returns what carries requests to the server: for a server in
// memory, a transport that dials it whatever the address (use it for one
// test: it belongs to the server); otherwise a new http.Transport.
func (s *Server) Transport() *http.Transport {
	if !s.mem {
		return &http.Transport{}
	}
	return &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		s.mu.Lock()
		ln := s.ln
		s.mu.Unlock()
		if ln == nil {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
		}
		return ln.dial(ctx)
	}}
}

// Client returns an http.Client on Transport.
func (s *Server) Client() *http.Client { return &http.Client{Transport: s.Transport()} }

// Press is the package's Press through the server's Client.
func (s *Server) Press(ctx context.Context, a Action) error {
	c := s.Client()
	defer c.CloseIdleConnections()
	return press(ctx, c, a)
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) serveMem() {
	ln := &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	s.serve(ln)
}

// pipeListener is a net.Listener whose connections are net.Pipe ends.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "ntfy.test" }

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error { l.once.Do(func() { close(l.done) }); return nil }

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

func (l *pipeListener) dial(ctx context.Context) (net.Conn, error) {
	srv, cli := net.Pipe()
	select {
	case l.conns <- srv:
		return cli, nil
	case <-l.done:
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *Server) serve(ln net.Listener) {
	srv := &http.Server{Handler: http.HandlerFunc(s.handle), ReadHeaderTimeout: 5 * time.Second}
	s.mu.Lock()
	s.srv = srv
	s.mu.Unlock()
	go srv.Serve(ln)
}

// Stop takes the server down: the port refuses connections and every
// open connection is closed. The stored messages are kept.
func (s *Server) Stop() {
	s.mu.Lock()
	srv := s.srv
	s.srv, s.ln = nil, nil
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// Start brings a stopped server up again on the same address.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	if s.mem {
		s.serveMem()
		return
	}
	var ln net.Listener
	var err error
	for range 50 { // the port may linger for a moment
		if ln, err = net.Listen("tcp", s.addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("ntfytest: cannot listen on %s again: %v", s.addr, err)
	}
	s.serve(ln)
}

// FailNext makes the next len(codes) publish requests fail with those
// status codes, without storing the message.
func (s *Server) FailNext(codes ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = append(s.fail, codes...)
}

// SetDelay makes publish requests answer only after d, once the message
// is stored and sent to the subscribers (a slow server or network).
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// RequireToken makes the server want the access token tok for everything
// but publishing to the topics anonymousWrite.
func (s *Server) RequireToken(tok string, anonymousWrite ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = tok
	for _, t := range anonymousWrite {
		s.anonWrite[t] = true
	}
}

// ReplayAll makes every subscription get all the cached messages of its
// topic, whatever since= asks for, as a server that lost its place would.
func (s *Server) ReplayAll(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replayAll = on
}

// Intercept makes f see every request first: when it returns true it has
// answered the request (with a fault of the test's making), otherwise the
// server answers it. Nil removes it.
func (s *Server) Intercept(f func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.intercept = f
}

// DropStreams breaks every open subscription mid-stream, the way a lost
// connection does.
func (s *Server) DropStreams() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for sb := range s.subs {
		close(sb.drop)
		delete(s.subs, sb)
	}
}

// Subscribers returns how many streams are open on topic.
func (s *Server) Subscribers(topic string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for sb := range s.subs {
		if sb.topic == topic {
			n++
		}
	}
	return n
}

// Messages returns the messages published to topic, oldest first.
func (s *Server) Messages(topic string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.msgs {
		if m.Topic == topic {
			out = append(out, m)
		}
	}
	return out
}

// Requests returns "METHOD path" of every request so far.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Publish publishes a message with body to topic, as anyone who knows the
// topic can.
func (s *Server) Publish(topic, body string) Message {
	return s.store(Message{Topic: topic, Message: body})
}

func newID() string {
	const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 12)
	rand.Read(b)
	for i := range b {
		b[i] = abc[int(b[i])%len(abc)]
	}
	return string(b)
}

func (s *Server) store(m Message) Message {
	m.ID, m.Time, m.Event = newID(), s.now().Unix(), "message"
	if m.Message == "" {
		m.Message = "triggered"
	}
	for i := range m.Actions {
		m.Actions[i].ID = newID()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	for sb := range s.subs {
		if sb.topic == m.Topic {
			select {
			case sb.ch <- m:
			default: // a subscriber that does not read loses the stream
				close(sb.drop)
				delete(s.subs, sb)
			}
		}
	}
	return m
}

func writeErr(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	fmt.Fprintf(w, `{"code":%d01,"http":%d,"error":%q}`+"\n", code, code, msg)
}

// allowed checks the access token; write says whether r publishes to
// topic.
func (s *Server) allowed(w http.ResponseWriter, r *http.Request, topic string, write bool) bool {
	s.mu.Lock()
	tok, anon := s.token, s.anonWrite[topic]
	s.mu.Unlock()
	h := r.Header.Get("Authorization")
	if h != "" {
		if tok == "" || h != "Bearer "+tok {
			writeErr(w, http.StatusUnauthorized, "unauthorized")
			return false
		}
		return true
	}
	if tok != "" && !(write && anon) {
		writeErr(w, http.StatusForbidden, "forbidden")
		return false
	}
	return true
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.Method+" "+r.URL.Path)
	intercept := s.intercept
	s.mu.Unlock()
	if intercept != nil && intercept(w, r) {
		return
	}
	p := r.URL.Path
	switch {
	case r.Method == http.MethodGet && p == "/v1/health":
		io.WriteString(w, `{"healthy":true}`+"\n")
	case (r.Method == http.MethodPost || r.Method == http.MethodPut) && p == "/":
		var m Message
		body, _ := io.ReadAll(io.LimitReader(r.Body, 16384))
		if err := json.Unmarshal(body, &m); err != nil || !topicName.MatchString(m.Topic) {
			writeErr(w, http.StatusBadRequest, "invalid request: request body must be message JSON")
			return
		}
		if m.Priority < 0 || m.Priority > 5 {
			writeErr(w, http.StatusBadRequest, "invalid priority")
			return
		}
		for _, a := range m.Actions {
			if a.Action != "view" && a.Action != "http" && a.Action != "broadcast" && a.Action != "copy" {
				writeErr(w, http.StatusBadRequest, "invalid action")
				return
			}
		}
		if len(m.Actions) > 3 {
			writeErr(w, http.StatusBadRequest, "too many actions")
			return
		}
		s.publish(w, r, m)
	case (r.Method == http.MethodPost || r.Method == http.MethodPut) && topicRE.MatchString(p):
		m := Message{Topic: topicRE.FindStringSubmatch(p)[1]}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 4096))
		m.Message = strings.TrimSpace(string(body))
		m.Title = header(r, "X-Title", "Title", "t")
		m.Click = header(r, "X-Click", "Click")
		if v := header(r, "X-Priority", "Priority", "prio", "p"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 5 {
				writeErr(w, http.StatusBadRequest, "invalid priority")
				return
			}
			m.Priority = n
		}
		if v := header(r, "X-Tags", "Tags", "tag", "ta"); v != "" {
			for _, t := range strings.Split(v, ",") {
				m.Tags = append(m.Tags, strings.TrimSpace(t))
			}
		}
		if v := header(r, "X-Actions", "Actions", "action"); v != "" {
			if err := json.Unmarshal([]byte(v), &m.Actions); err != nil {
				writeErr(w, http.StatusBadRequest, "invalid actions (the double reads only the JSON form)")
				return
			}
		}
		s.publish(w, r, m)
	case r.Method == http.MethodGet && jsonRE.MatchString(p):
		s.subscribe(w, r, jsonRE.FindStringSubmatch(p)[1])
	case r.Method == http.MethodGet && authRE.MatchString(p):
		if s.allowed(w, r, authRE.FindStringSubmatch(p)[1], false) {
			io.WriteString(w, `{"success":true}`+"\n")
		}
	default:
		writeErr(w, http.StatusNotFound, "page not found")
	}
}

func header(r *http.Request, names ...string) string {
	for _, n := range names {
		if v := r.Header.Get(n); v != "" {
			return v
		}
		if v := r.URL.Query().Get(strings.ToLower(strings.TrimPrefix(n, "X-"))); v != "" {
			return v
		}
	}
	return ""
}

func (s *Server) publish(w http.ResponseWriter, r *http.Request, m Message) {
	if !s.allowed(w, r, m.Topic, true) {
		return
	}
	s.mu.Lock()
	var fail int
	if len(s.fail) > 0 {
		fail, s.fail = s.fail[0], s.fail[1:]
	}
	delay := s.delay
	s.mu.Unlock()
	if fail != 0 {
		writeErr(w, fail, http.StatusText(fail))
		return
	}
	m = s.store(m)
	s.mu.Lock()
	s.publishes++
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(m)
}

// since returns the stored messages of topic that since= asks for.
func (s *Server) since(topic, since string) ([]Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	switch {
	case since == "" || since == "none":
		return nil, true
	case since == "all":
		for _, m := range s.msgs {
			if m.Topic == topic {
				out = append(out, m)
			}
		}
	default:
		if n, err := strconv.ParseInt(since, 10, 64); err == nil {
			for _, m := range s.msgs {
				if m.Topic == topic && m.Time >= n {
					out = append(out, m)
				}
			}
			return out, true
		}
		if !idRE.MatchString(since) {
			return nil, false
		}
		i := slices.IndexFunc(s.msgs, func(m Message) bool { return m.ID == since })
		if i < 0 { // like ntfy: an id no longer cached asks for nothing old
			return nil, true
		}
		for _, m := range s.msgs[i+1:] {
			if m.Topic == topic {
				out = append(out, m)
			}
		}
	}
	return out, true
}

func (s *Server) subscribe(w http.ResponseWriter, r *http.Request, topic string) {
	if !s.allowed(w, r, topic, false) {
		return
	}
	q := r.URL.Query()
	poll := q.Get("poll") == "1" || q.Get("poll") == "true"
	sinceArg := q.Get("since")
	s.mu.Lock()
	if poll && sinceArg == "" || s.replayAll {
		sinceArg = "all"
	}
	s.mu.Unlock()
	sb := &sub{topic: topic, ch: make(chan Message, 64), drop: make(chan struct{})}
	if !poll { // subscribe before reading the cache, so nothing falls between
		s.mu.Lock()
		s.subs[sb] = true
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			delete(s.subs, sb)
			s.mu.Unlock()
		}()
	}
	old, ok := s.since(topic, sinceArg)
	if !ok {
		writeErr(w, http.StatusBadRequest, "invalid since parameter")
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	enc := json.NewEncoder(w)
	fl, _ := w.(http.Flusher)
	send := func(m Message) bool {
		if err := enc.Encode(m); err != nil {
			return false
		}
		if fl != nil {
			fl.Flush()
		}
		return true
	}
	if poll {
		for _, m := range old {
			send(m)
		}
		return
	}
	if !send(Message{ID: newID(), Time: s.now().Unix(), Event: "open", Topic: topic}) {
		return
	}
	seen := map[string]bool{}
	for _, m := range old {
		seen[m.ID] = true
		if !send(m) {
			return
		}
	}
	tick := time.NewTicker(s.Keepalive)
	defer tick.Stop()
	for {
		select {
		case m := <-sb.ch:
			if seen[m.ID] {
				continue
			}
			if !send(m) {
				return
			}
		case <-tick.C:
			if !send(Message{ID: newID(), Time: s.now().Unix(), Event: "keepalive", Topic: topic}) {
				return
			}
		case <-sb.drop:
			panic(http.ErrAbortHandler) // cut the connection, no clean end
		case <-r.Context().Done():
			return
		}
	}
}

// Press does what the ntfy phone app does when the button of an "http"
// action is pressed: it sends the action's request.
func Press(ctx context.Context, a Action) error {
	return press(ctx, http.DefaultClient, a)
}

func press(ctx context.Context, c *http.Client, a Action) error {
	if a.Action != "http" {
		return fmt.Errorf("ntfytest: action %q is %q, not http", a.Label, a.Action)
	}
	method := a.Method
	if method == "" {
		method = http.MethodPost // ntfy's default for http actions
	}
	req, err := http.NewRequestWithContext(ctx, method, a.URL, strings.NewReader(a.Body))
	if err != nil {
		return err
	}
	for k, v := range a.Headers {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("ntfytest: pressing %q: %s: %s", a.Label, resp.Status, b)
	}
	return nil
}
