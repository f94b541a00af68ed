package presence

import (
	"context"
	"errors"
	"sync"
	"time"
)

// X11AwayPoll is how often a source without events (X11) is asked while
// the person is away, so that a return is known within it even when
// nobody asks (`bedtime status`). While the person is here it is asked
// once, when away.after without input would have passed.
const X11AwayPoll = 5 * time.Second

// idlePoller keeps a source without events current by asking it only when
// the answer can have changed: while the person is here, at the moment
// away.after of no input would have passed (one question per away.after
// at most, however much they type); while away, every poll. The clock is
// the time package's, so a test runs it in a testing/synctest bubble.
type idlePoller struct {
	// idle asks the source how long ago the last input was.
	idle func(ctx context.Context) (time.Duration, error)
	// away is away.after; poll the interval while away.
	away, poll time.Duration
	now        func() time.Time
	source     string
	s          sink

	mu     sync.Mutex
	timer  *time.Timer
	closed bool
}

// check asks the source now, and sets the timer for the next question.
func (p *idlePoller) check(ctx context.Context) (event, error) {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return event{}, errors.New("closed")
	}
	idle, err := p.idle(ctx)
	if err != nil {
		return event{}, err
	}
	at := p.now().Add(-idle)
	ev := event{kind: evActive, at: at, source: p.source}
	next := p.away - idle
	if idle >= p.away {
		ev.kind, next = evIdle, p.poll
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return event{}, errors.New("closed")
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(max(next, time.Millisecond), p.tick)
	return ev, nil
}

// tick is the timer's question: its answer goes to the sink.
func (p *idlePoller) tick() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ev, err := p.check(ctx)
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	switch {
	case closed:
	case err != nil:
		p.s.lost(p.source, err)
	default:
		p.s.emit(ev)
	}
}

// stop ends the questions; no event is emitted after it returns, except
// by a tick already under way, which the monitor drops (its generation
// is over).
func (p *idlePoller) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.timer != nil {
		p.timer.Stop()
	}
}
