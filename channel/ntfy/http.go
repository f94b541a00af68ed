package ntfy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bedtime-app/bedtime/channel"
)

// do sends one request with the timeout of a publish.
func (n *Channel) do(ctx context.Context, method, u, ctype string, body io.Reader, auth bool) (*http.Response, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, n.o.Timeout)
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		cancel()
		return nil, channel.Permanent(err)
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
		if errors.Is(err, context.DeadlineExceeded) && parent.Err() == nil {
			// Reached, or not, but no answer: a slow server or network.
			return nil, fmt.Errorf("%s did not answer within %s: %w", n.cfg.Server, n.o.Timeout, context.DeadlineExceeded)
		}
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
	return channel.Permanent(err)
}
