package ntfy

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// elsewhere is a listener a redirect points to; it records what reaches
// it.
type elsewhere struct {
	*httptest.Server
	mu   sync.Mutex
	got  []string
	auth []string
}

func newElsewhere(t *testing.T) *elsewhere {
	e := &elsewhere{}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.got = append(e.got, r.Method+" "+r.URL.Path)
		e.auth = append(e.auth, r.Header.Get("Authorization"))
		e.mu.Unlock()
		w.Write([]byte(`{"id":"xxxxxxxxxxxx","event":"open"}` + "\n"))
	}))
	t.Cleanup(e.Close)
	return e
}

func (e *elsewhere) requests() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.got...)
}

// TestNoRedirects: a server answering 307 with a Location on another
// port of the same host (where Go's client would send the Authorization
// header along) gets its redirect reported, not followed: nothing, least
// of all the token, reaches the other listener, from a publish, a look
// for an earlier copy, the reply stream or doctor's check (issue 19,
// item 8).
func TestNoRedirects(t *testing.T) {
	const tok = "tk_redirectsecretabcdefghijkl"
	other := newElsewhere(t)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	otherHost := strings.TrimPrefix(other.URL, "http://")

	for _, withToken := range []bool{true, false} {
		cfg := config.NtfyChannel{Server: redirector.URL, Topic: topic, ReplyTopic: reply}
		if withToken {
			cfg.TokenFile = ntfytest.TokenFile(t, tok, 0o600)
		}
		log := &testutil.LogBuffer{}
		n, err := New("phone", cfg, Options{Logger: log.Logger(slog.LevelDebug)})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		d := channel.Delivery{Reminder: "magnesium", Scheduled: at2030, Message: msg, Ref: "r", Tokens: map[channel.Action]string{channel.ActionDone: "t"}}
		for _, attempt := range []int{1, 2} {
			d.Attempt, d.First = attempt, at2030
			err := n.Deliver(ctx, d)
			want := "publish to topic bedt…: the server answered 307 Temporary Redirect, a redirect to http://" + otherHost + ", not followed"
			if err == nil || err.Error() != want {
				t.Errorf("token %v, attempt %d: Deliver = %v, want %q", withToken, attempt, err, want)
			}
			if !channel.IsPermanent(err) {
				t.Errorf("Deliver = %v, want a permanent error (retrying cannot help)", err)
			}
		}
		_, err = n.stream(ctx, "all", func(r channel.Reply) { t.Errorf("a reply through a redirect: %+v", r) })
		wantStream := "subscribe to the reply topic: the server answered 307 Temporary Redirect, a redirect to http://" + otherHost + "/bedt…/…, not followed"
		if err == nil || err.Error() != wantStream {
			t.Errorf("stream = %v, want %q", err, wantStream)
		}
		c := n.Check(ctx, locale.English)
		if c.OK || !strings.Contains(c.Detail, "307") || !strings.Contains(c.Fix, "ntfy never redirects") {
			t.Errorf("Check = %+v, want the redirect reported", c)
		}
		if strings.Contains(log.String(), tok) {
			t.Errorf("the log shows the token:\n%s", log)
		}
	}
	if got := other.requests(); len(got) != 0 {
		t.Fatalf("the listener a redirect named got %v (Authorization %q)", got, other.auth)
	}
}
