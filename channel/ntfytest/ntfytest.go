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
	"net"
	"net/http"
	"regexp"
	"slices"
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
