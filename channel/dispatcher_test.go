package channel_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestRetainOnTheDispatchersClock: an entry is kept for Retain after its
// instant as the Dispatcher's clock counts, whatever the time package
// says. The clock here is set years before the bubble's (2000-01-01), so
// retention read from time.Now would have dropped the entry at once and
// called its Done stale (issue 19, item 1).
func TestRetainOnTheDispatchersClock(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		clock := scheduler.NewFakeClock(time.Date(1990, 6, 1, 20, 30, 0, 0, berlin))
		f.clock, f.srv.Now = clock, clock.Now
		d := f.open()
		first := clock.Now()
		send := func(at time.Time) {
			t.Helper()
			if err := d.Send("magnesium", at, at.Add(time.Hour), msg, []string{"phone"}); err != nil {
				t.Fatal(err)
			}
			if r := f.final(); r.State != channel.StateSent || !r.Scheduled.Equal(at) {
				t.Fatalf("report = %+v, want %s sent", r, at)
			}
		}
		kept := func(at time.Time) bool { return strings.Contains(d.String(), channel.Instant(at)) }
		send(first)
		m := f.srv.Messages(topic)[0]

		clock.Advance(47 * time.Hour)
		send(clock.Now()) // the outbox is written again: a chance to drop what is old
		if !kept(first) {
			t.Fatalf("the first instant was dropped 47h after it (Retain is 48h):\n%s", d)
		}
		f.waitSubscribed()
		f.press(m, "Done")
		if a := f.answer(d); !a.Scheduled.Equal(first) || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v, want Done for %s", a, first)
		}

		clock.Advance(2 * time.Hour)
		send(clock.Now())
		if kept(first) {
			t.Fatalf("the first instant is still kept 49h after it:\n%s", d)
		}
		if !kept(first.Add(47 * time.Hour)) {
			t.Fatalf("the instant of 2h ago was dropped:\n%s", d)
		}
		f.press(m, "Snooze")
		f.waitLog("stale: no reminder sent in the last 48h has this reference")
		noAnswer(t, d, time.Minute)
	})
}
