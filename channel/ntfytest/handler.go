package ntfytest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

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
