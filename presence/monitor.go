package presence

import (
	"context"
	"sync"
	"time"
)

// source is one open source of observations.
type source interface {
	// name returns the source's name, as in Report.
	name() string
	// close stops it; no event is emitted after close returns.
	close() error
}

// querier is a source that must be asked (X11): query returns what it
// sees now.
type querier interface {
	query(ctx context.Context) (event, error)
}

// sink is how sources report: emit an observation, or lost when the source
// stopped working (its connection closed, its bus name went away).
type sink struct {
	emit func(event)
	lost func(src string, err error)
}

// selection is the sources chosen by a selector.
type selection struct {
	idle   source // nil when no idle source works
	locks  []source
	report Report
}

// selector chooses the sources; it is called at Open and again whenever
// the session changes. The previous selection is closed first.
type selector interface {
	choose(ctx context.Context, opts Options, s sink) selection
	// watch calls changed when the session changes (a watched bus name
	// gets a new owner, a logind session starts or ends).
	watch(changed func())
	close() error
}

// monitor is the Monitor of Open.
type monitor struct {
	opts Options
	sel  selector

	mu      sync.Mutex
	gen     int // bumped at every selection; older sources are ignored
	cur     selection
	core    *core
	timer   *time.Timer
	changes chan Status
	closed  bool
	// chosenAt is when the sources were last chosen (monotonic clock).
	chosenAt time.Time

	reselectMu sync.Mutex // one selection at a time
}

// newMonitor chooses the first sources and starts watching.
func newMonitor(ctx context.Context, opts Options, sel selector) (*monitor, Report) {
	m := &monitor{opts: opts, sel: sel, changes: make(chan Status, 8)}
	m.selectSources(ctx, false)
	sel.watch(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		m.selectSources(ctx, true)
	})
	m.mu.Lock()
	defer m.mu.Unlock()
	return m, m.cur.report
}

// selectSources closes the current sources and chooses new ones.
func (m *monitor) selectSources(ctx context.Context, again bool) {
	m.reselectMu.Lock()
	defer m.reselectMu.Unlock()
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return
	}
	m.gen++
	gen := m.gen
	old := m.cur
	m.cur = selection{}
	m.mu.Unlock()
	closeSelection(old)

	s := sink{
		emit: func(ev event) { m.event(gen, ev) },
		lost: func(src string, err error) { m.lost(gen, src, err) },
	}
	// The core exists before the sources start, so that their first
	// events are not lost; events of this generation wait on mu.
	now := m.opts.Now()
	m.mu.Lock()
	prev := m.core
	m.core = newCore(m.opts.AwayAfter, SourceNone, now)
	if prev != nil {
		m.core.continueFrom(prev.last)
	}
	m.mu.Unlock()

	cur := m.sel.choose(ctx, m.opts, s)
	cur.report.AwayAfter = m.opts.AwayAfter

	m.mu.Lock()
	if m.closed || gen != m.gen {
		m.mu.Unlock()
		closeSelection(cur)
		return
	}
	m.cur = cur
	m.chosenAt = time.Now()
	if m.core.idleSrc == SourceNone {
		// No idle event from the new source yet.
		m.core.idleSrc = cur.report.Idle
	}
	m.publishLocked()
	m.mu.Unlock()
	switch {
	case again && cur.report.source() == old.report.source():
		m.opts.Logger.Debug("presence sources checked again, unchanged", "sources", cur.report.source())
	case again:
		m.opts.Logger.Info("presence sources changed", "sources", cur.report.source(), "report", cur.report.String())
	default:
		m.opts.Logger.Info("presence sources chosen", "sources", cur.report.source(), "away_after", m.opts.AwayAfter.String())
	}
}

func closeSelection(s selection) {
	if s.idle != nil {
		s.idle.close()
	}
	for _, l := range s.locks {
		l.close()
	}
}

// event applies ev from a source of generation gen.
func (m *monitor) event(gen int, ev event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed || gen != m.gen || m.core == nil {
		return
	}
	m.core.apply(ev)
	m.publishLocked()
}

// lost chooses the sources again after one stopped working.
func (m *monitor) lost(gen int, src string, err error) {
	m.mu.Lock()
	stale := m.closed || gen != m.gen
	m.mu.Unlock()
	if stale {
		return
	}
	m.opts.Logger.Info("presence source lost", "source", src, "err", err)
	go func() {
		// A source that fails right after it was chosen (a compositor
		// that accepts and hangs up) is chosen again at most once a
		// second.
		m.mu.Lock()
		wait := time.Second - time.Since(m.chosenAt)
		m.mu.Unlock()
		if wait > 0 {
			<-time.After(wait)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		m.mu.Lock()
		stale := m.closed || gen != m.gen
		m.mu.Unlock()
		if !stale {
			m.selectSources(ctx, true)
		}
	}()
}

// publishLocked sends the status when it changed and sets the timer for
// the next change by itself. m.mu is held.
func (m *monitor) publishLocked() {
	now := m.opts.Now()
	st, changed := m.core.status(now)
	if changed {
		m.opts.Logger.Debug("presence changed", "state", st.State.String(), "since", st.Since, "source", st.Source)
		m.send(st)
	}
	if m.timer != nil {
		m.timer.Stop()
		m.timer = nil
	}
	if at, ok := m.core.deadline(now); ok {
		gen := m.gen
		m.timer = time.AfterFunc(at.Sub(now), func() {
			m.mu.Lock()
			defer m.mu.Unlock()
			if !m.closed && gen == m.gen {
				m.publishLocked()
			}
		})
	}
}

// send delivers st on the changes channel, dropping the oldest undelivered
// status when the reader is behind. m.mu is held.
func (m *monitor) send(st Status) {
	for {
		select {
		case m.changes <- st:
			return
		default:
		}
		select {
		case <-m.changes:
		default:
		}
	}
}

// Current returns the state now, asking a source without events first.
func (m *monitor) Current(ctx context.Context) Status {
	m.mu.Lock()
	gen := m.gen
	q, _ := m.cur.idle.(querier)
	name := m.cur.report.Idle
	m.mu.Unlock()
	if q != nil {
		ev, err := q.query(ctx)
		if err != nil {
			m.lost(gen, name, err)
		} else {
			m.event(gen, ev)
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	st, changed := m.core.status(m.opts.Now())
	if changed && !m.closed {
		m.send(st)
	}
	return st
}

// Changes returns the channel of changes.
func (m *monitor) Changes() <-chan Status { return m.changes }

// Source names the sources in use.
func (m *monitor) Source() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cur.report.source()
}

// Close stops watching.
func (m *monitor) Close() error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	if m.timer != nil {
		m.timer.Stop()
	}
	cur := m.cur
	m.cur = selection{}
	m.mu.Unlock()
	m.reselectMu.Lock() // wait for a selection under way
	defer m.reselectMu.Unlock()
	closeSelection(cur)
	err := m.sel.close()
	m.mu.Lock()
	close(m.changes)
	m.mu.Unlock()
	return err
}

// Open chooses the sources for this desktop and starts watching. It always
// returns a working Monitor, at worst one that always says here; the
// Report says which sources are used and why the others are not. ctx
// bounds the probing of the sources, not the Monitor's life.
func Open(ctx context.Context, opts Options) (Monitor, Report) {
	opts = opts.withDefaults()
	return newMonitor(ctx, opts, newSelector(opts))
}
