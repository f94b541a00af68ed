package presence

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeIdle is a source without events: the time since the last input,
// on the bubble's clock, and how often it was asked.
type fakeIdle struct {
	mu        sync.Mutex
	lastInput time.Time
	asked     int
	err       error
}

func (f *fakeIdle) input() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lastInput = time.Now()
}

func (f *fakeIdle) idle(context.Context) (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	return time.Since(f.lastInput), f.err
}

func (f *fakeIdle) questions() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.asked
}

// TestIdlePoller: a source without events turns away at the moment
// away.after without input passes, is asked once per away.after while
// the person types, and notices a return within one poll, unasked.
func TestIdlePoller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const away, poll = 5 * time.Minute, 5 * time.Second
		src := &fakeIdle{lastInput: time.Now()}
		var mu sync.Mutex
		var got []event
		var lost []error
		p := &idlePoller{idle: src.idle, away: away, poll: poll, now: time.Now, source: SourceX11, s: sink{
			emit: func(ev event) { mu.Lock(); got = append(got, ev); mu.Unlock() },
			lost: func(_ string, err error) { mu.Lock(); lost = append(lost, err); mu.Unlock() },
		}}
		defer p.stop()
		events := func() []event {
			synctest.Wait()
			mu.Lock()
			defer mu.Unlock()
			return append([]event(nil), got...)
		}
		start := time.Now()
		if ev, err := p.check(t.Context()); err != nil || ev.kind != evActive {
			t.Fatalf("first check = %+v, %v; want active", ev, err)
		}

		// Typing for an hour, a key every 70 s: the poller asks again when
		// away.after would pass since the last input it saw, never sooner.
		// 70 s does not divide away.after, so a question never falls on
		// the instant of a key, where the order in the bubble is not fixed.
		const gap = 70 * time.Second
		want, ask := 1, away // the first check, then one at start+away
		for typed := gap; typed <= time.Hour; typed += gap {
			time.Sleep(gap)
			src.input()
			if ask < typed {
				// Asked during this sleep: it saw the key before.
				want++
				ask = typed - gap + away
			}
		}
		if n := src.questions(); n != want || n > 1+int(time.Hour/(away-gap)) {
			t.Errorf("asked %d times in an hour of typing, want %d (once per %v since the last key)", n, want, away)
		}
		for _, ev := range events() {
			if ev.kind != evActive {
				t.Fatalf("while typing: %+v, want active only", ev)
			}
		}

		// No input: away exactly when away.after has passed.
		last := time.Now()
		mu.Lock()
		got = nil
		mu.Unlock()
		time.Sleep(away - time.Millisecond)
		for _, ev := range events() {
			if ev.kind == evIdle {
				t.Fatalf("idle before away.after: %+v", ev)
			}
		}
		time.Sleep(time.Millisecond)
		evs := events()
		if len(evs) == 0 || evs[len(evs)-1].kind != evIdle || !evs[len(evs)-1].at.Equal(last) {
			t.Fatalf("at away.after: %+v, want idle since %v", evs, last.Sub(start))
		}

		// Away for an hour: one question per poll.
		before := src.questions()
		time.Sleep(time.Hour + time.Millisecond) // past the tick at the hour
		synctest.Wait()
		if n := src.questions() - before; n != int(time.Hour/poll) {
			t.Errorf("asked %d times in an hour away, want %d (one per %v)", n, time.Hour/poll, poll)
		}

		// Back: noticed within one poll, without anyone asking.
		time.Sleep(poll / 2)
		src.input()
		back := time.Now()
		time.Sleep(poll/2 + time.Millisecond)
		evs = events()
		if ev := evs[len(evs)-1]; ev.kind != evActive || !ev.at.Equal(back) {
			t.Fatalf("a poll after the return: %+v, want active at %v", ev, back.Sub(start))
		}

		// A source that fails is lost.
		src.mu.Lock()
		src.err = errors.New("connection closed")
		src.mu.Unlock()
		time.Sleep(away)
		synctest.Wait()
		mu.Lock()
		n := len(lost)
		mu.Unlock()
		if n != 1 {
			t.Errorf("lost %d times after the source failed, want once", n)
		}
	})
}

// TestIdlePollerStop: after stop nothing is asked or emitted.
func TestIdlePollerStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		src := &fakeIdle{lastInput: time.Now()}
		emitted := 0
		p := &idlePoller{idle: src.idle, away: time.Minute, poll: time.Second, now: time.Now, source: SourceX11,
			s: sink{emit: func(event) { emitted++ }, lost: func(string, error) { emitted++ }}}
		if _, err := p.check(t.Context()); err != nil {
			t.Fatal(err)
		}
		p.stop()
		time.Sleep(time.Hour)
		synctest.Wait()
		if n := src.questions(); n != 1 || emitted != 0 {
			t.Errorf("after stop: asked %d times (want 1, before), emitted %d (want 0)", n, emitted)
		}
		if _, err := p.check(t.Context()); err == nil {
			t.Error("check after stop succeeded")
		}
	})
}
