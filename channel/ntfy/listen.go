package ntfy

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/backoff"
)

// Listen reads the reply topic as a JSON stream until ctx ends.
func (n *Channel) Listen(ctx context.Context, since string, yield func(channel.Reply)) error {
	if since == "" {
		since = strconv.FormatInt(time.Now().Unix(), 10)
	}
	retry := backoff.Policy{Min: n.o.MinBackoff, Max: n.o.MaxBackoff}
	failures := 0      // connections in a row that did not open the stream
	var last time.Time // when the message since names was published
	var lastErr string
	for {
		opened, err := n.stream(ctx, since, func(r channel.Reply) {
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
			failures = 0
		}
		failures++
		wait := retry.Wait(failures)
		if channel.IsPermanent(err) { // a 4xx: a person must fix something first
			wait = max(wait, 10*n.o.MaxBackoff)
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
		n.o.Logger.Log(ctx, level, "ntfy reply stream ended; reconnecting", "channel", n.name, "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// stream reads one connection of the reply stream. It reports whether the
// server opened the stream.
func (n *Channel) stream(ctx context.Context, since string, yield func(channel.Reply)) (opened bool, err error) {
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
			r := channel.Reply{Err: fmt.Errorf("the server sent a line bedtime cannot read: %w", err)}
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

// validID returns id if it looks like an ntfy message id, else "": an id
// is sent back as since= and kept in the outbox, so a server's garbage
// must not become one.
func validID(id string) string {
	if config.IsNtfyToken(id) {
		return id
	}
	return ""
}

func parseReply(m ntfyMessage) channel.Reply {
	r := channel.Reply{ID: validID(m.ID)}
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
	if _, choice := b.Action.Choice(); b.Action != channel.ActionDone && b.Action != channel.ActionSnooze && !choice {
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
