package daemon

import (
	"errors"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// writer writes the daemon's changes to the state and the history. A
// change is decided once, on the state as it is, through a state.Tx; what
// the decision changed is kept as data (state.Change). Changes submitted
// while a write is under way are written together in the next one, so a
// burst of firings and answers costs a few writes, not one each.
//
// A change that cannot be written (a full disk, the state's lock held by
// another process) is logged once, kept in memory as its Changes, and
// written, before anything newer, with the next write that succeeds or by
// a retry every retryEvery: the reminder is still shown meanwhile, and
// nothing is lost or written twice. The history lines of a change whose
// state was written but whose history append failed are kept as they are.
//
// The writer also holds the daemon's view of the state: the state as last
// read or written, with what is kept applied. Decisions are made on it
// when the state file cannot be read.
//
// And it holds the state as the daemon last acted on what others wrote to
// it (acted): the state read for the last refresh, with the daemon's own
// changes since applied. A refresh hands it over with the view, so that
// what a command or another computer changed is acted on though a write
// of the daemon's own read it into the view first.
type writer struct {
	store      *state.Store
	log        *slog.Logger
	retryEvery time.Duration
	// onRecord, when set, is called with the history events of each
	// successful write.
	onRecord func([]state.Event)
	// onChange, when set, is called after the view changed in what the
	// engine asks of it (see asksAgain).
	onChange func()

	mu       sync.Mutex // guards the fields below it
	queue    []job
	writing  bool // a goroutine is in write
	retryNow bool
	retry    *time.Timer
	stopped  bool
	view     state.State
	readErr  error // of the last read
	acted    state.State

	// Owned by the goroutine in write.
	backlog    []state.Change // decided, not yet written
	unrecorded []state.Event  // written to the state, not to the history
}

// job is one queued piece of work for the writer.
type job struct {
	// decide decides a change on the state; nil for none.
	decide func(*state.Tx)
	// read makes the writer read the state file into its view.
	read bool
	// seen, with read, is given the state as the daemon last acted on it
	// (see writer) and the view read, or the read's error. Of the reads
	// written together, the first is given what changed; the others
	// nothing more.
	seen func(prev, cur state.State, err error)
	// after, when set, is called once the job is done (written, kept or
	// failed).
	after func()
}

func newWriter(store *state.Store, log *slog.Logger, retryEvery time.Duration, onRecord func([]state.Event), initial state.State) *writer {
	return &writer{store: store, log: log, retryEvery: retryEvery, onRecord: onRecord, view: initial.Clone(), acted: initial.Clone()}
}

// submit queues the change decide decides, and returns at once unless no
// write is under way: then the caller writes it (and whatever comes in
// meanwhile) itself. after, if not nil, is called when it is done.
func (w *writer) submit(decide func(*state.Tx), after func()) {
	w.enqueue(job{decide: decide, after: after})
}

// change is submit, returning when the change is written or kept.
func (w *writer) change(decide func(*state.Tx)) {
	done := make(chan struct{})
	w.submit(decide, func() { close(done) })
	<-done
}

// refresh reads the state file (a control command changed it) into the
// view, with what is kept applied, and returns the view, and prev, the
// state as the daemon last acted on it with its own changes since: what
// differs between them is what others changed.
func (w *writer) refresh() (prev, st state.State, err error) {
	done := make(chan struct{})
	w.enqueue(job{read: true, seen: func(p, c state.State, e error) { prev, st, err = p, c, e }, after: func() { close(done) }})
	<-done
	return prev, st, err
}

// current reads the state file into the view, with what is kept applied,
// and returns the view: the state as it is now, as far as the daemon can
// tell (when the file cannot be read, the view as it was, with what is
// kept). What others changed is left for refresh to hand over.
func (w *writer) current() state.State {
	done := make(chan struct{})
	w.enqueue(job{read: true, after: func() { close(done) }})
	<-done
	return w.View()
}

// handOver gives the read jobs of batch that ask for it what they read
// (see job.seen), and makes the view the state the daemon acts on from
// now.
func (w *writer) handOver(batch []job) {
	if !slices.ContainsFunc(batch, func(j job) bool { return j.seen != nil }) {
		return
	}
	w.mu.Lock()
	prev, cur, err := w.acted, w.view.Clone(), w.readErr
	if err == nil {
		w.acted = cur.Clone()
	}
	w.mu.Unlock()
	for _, j := range batch {
		if j.seen != nil {
			j.seen(prev, cur.Clone(), err)
			prev = cur.Clone() // already handed over
		}
	}
}

// ownChangesLocked applies the daemon's own changes to acted: they are no news
// of others. w.mu is held.
func (w *writer) ownChangesLocked(cs []state.Change) {
	w.acted.ApplyChanges(cs)
}

// View returns a copy of the daemon's view of the state.
func (w *writer) View() state.State {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.view.Clone()
}

func (w *writer) enqueue(j job) {
	w.mu.Lock()
	w.queue = append(w.queue, j)
	writing := w.writing
	w.writing = true
	w.mu.Unlock()
	if !writing {
		w.write()
	}
}

// write writes the queued jobs, batch after batch, until the queue is
// empty. Only one goroutine writes at a time: the one that found no write
// under way.
func (w *writer) write() {
	for {
		w.mu.Lock()
		batch := w.queue
		w.queue = nil
		if len(batch) == 0 && !w.retryNow {
			w.writing = false
			w.mu.Unlock()
			return
		}
		w.retryNow = false
		w.mu.Unlock()
		w.writeBatch(batch)
	}
}

func (w *writer) writeBatch(batch []job) {
	poke := false
	reads := false
	defer func() {
		if reads {
			w.handOver(batch)
		}
		if poke && w.onChange != nil {
			w.onChange()
		}
		for _, j := range batch {
			if j.after != nil {
				j.after()
			}
		}
	}()
	decides := 0
	for _, j := range batch {
		if j.decide != nil {
			decides++
		}
		reads = reads || j.read
	}
	kept := len(w.backlog) + len(w.unrecorded)
	if decides == 0 && kept == 0 {
		if reads {
			w.read()
			poke = true
		}
		return
	}
	poke = reads
	var decided []state.Change
	ran := false
	evs, err := w.store.Record(func(st *state.State) ([]state.Event, error) {
		ran = true
		all := append([]state.Event(nil), w.unrecorded...)
		// What is kept is replayed as it was decided; a step that no
		// longer applies (the instant was answered from the command line
		// meanwhile) is dropped, said once.
		applies := w.backlog[:0:0]
		for _, c := range w.backlog {
			evs, err := st.ApplyChange(c)
			if err != nil {
				continue
			}
			applies = append(applies, c)
			all = append(all, evs...)
		}
		if refused := len(w.backlog) - len(applies); refused > 0 {
			w.log.Info("changes kept in memory no longer apply", "changes", refused)
			w.backlog = applies
		}
		decided = append(decided, w.restoreLast(st)...)
		changed := len(w.backlog) > 0
		snoozes := maps.Clone(st.Snoozes)
		for _, j := range batch {
			if j.decide != nil {
				tx := state.NewTx(st)
				j.decide(tx)
				decided = append(decided, tx.Changes()...)
				all = append(all, tx.Events()...)
				poke = poke || asksAgain(tx.Changes())
			}
		}
		poke = poke || dropsSnooze(snoozes, st.Snoozes)
		w.setView(*st, nil)
		if !changed && len(decided) == 0 && len(all) == 0 {
			return nil, state.ErrUnchanged
		}
		return all, nil
	})
	if !ran {
		// The state could not even be read (its lock held elsewhere): the
		// changes are decided on the view, the state as last written with
		// what is kept, so that the reminders still show; they are
		// written, in order, when the state can be.
		w.mu.Lock()
		if reads {
			w.readErr = err
		}
		snoozes := maps.Clone(w.view.Snoozes)
		for _, j := range batch {
			if j.decide != nil {
				tx := state.NewTx(&w.view)
				j.decide(tx)
				w.backlog = append(w.backlog, tx.Changes()...)
				w.ownChangesLocked(tx.Changes())
				poke = poke || asksAgain(tx.Changes())
			}
		}
		poke = poke || dropsSnooze(snoozes, w.view.Snoozes)
		w.mu.Unlock()
		w.retryLater(err, kept)
		return
	}
	w.mu.Lock()
	w.ownChangesLocked(decided)
	w.mu.Unlock()
	var unrecorded *state.UnrecordedError
	switch {
	case err == nil:
		w.backlog, w.unrecorded = nil, nil
		if kept > 0 {
			w.log.Info("wrote the changes kept in memory", "changes", kept)
		}
		if w.onRecord != nil && len(evs) > 0 {
			w.onRecord(evs)
		}
		return
	case errors.As(err, &unrecorded):
		w.backlog, w.unrecorded = nil, unrecorded.Events
	default:
		w.backlog = append(w.backlog, decided...)
	}
	w.retryLater(err, kept)
}

// asksAgain reports whether cs change what makes the engine wake earlier
// than it planned: a snooze or a repeat set, a skip, a pause. (A snooze
// dropped, by itself or by an answer's step, is dropsSnooze's.)
func asksAgain(cs []state.Change) bool {
	for _, c := range cs {
		if c.Snooze != nil && !c.Snooze.At.IsZero() || c.Skip != nil || c.Pause != nil {
			return true
		}
	}
	return false
}

// dropsSnooze reports whether a snooze or a repeat in before is gone or
// moved in after: an answer (Done, Skip...) ended its instant, so the
// engine, which may be waiting for it, plans anew. Without this it would
// wake at an instant that no longer comes, and until then say it waits
// for it; only the watcher's news of the daemon's own write told it
// sooner, which is no news to rely on (a test's fake clock raced it).
func dropsSnooze(before, after map[string]time.Time) bool {
	for name, t := range before {
		if at, ok := after[name]; !ok || !at.Equal(t) {
			return true
		}
	}
	return false
}

// read reads the state file into the view, with the backlog applied and
// the last handled instants it lost kept (the next write writes them).
func (w *writer) read() {
	st, err := w.store.Load()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.readErr = err
	if err != nil {
		return
	}
	st.ApplyChanges(w.backlog)
	for name, t := range w.view.Last {
		if cur, ok := st.Last[name]; !ok || cur.Before(t) {
			st.Last[name] = t
		}
	}
	w.view = st
}

// restoreLast puts back into st the last handled instants the view has and
// st lost or has earlier (the state directory was removed, or its file
// moved aside as corrupt), so that a restart does not show those reminders
// again, and returns those changes. The last instants only ever move back
// through a change of the daemon's (a clock set back), which the view has.
func (w *writer) restoreLast(st *state.State) []state.Change {
	w.mu.Lock()
	last := maps.Clone(w.view.Last)
	w.mu.Unlock()
	tx := state.NewTx(st)
	for name, t := range last {
		if cur, ok := st.Last[name]; !ok || cur.Before(t) {
			tx.SetLast(name, t)
		}
	}
	return tx.Changes()
}

func (w *writer) setView(st state.State, readErr error) {
	w.mu.Lock()
	w.view, w.readErr = st.Clone(), readErr
	w.mu.Unlock()
}

// retryLater logs a failed write (once, while kept changes wait) and
// makes sure a retry comes.
func (w *writer) retryLater(err error, kept int) {
	if kept == 0 {
		w.log.Error("cannot write the state or the history; keeping the changes in memory and retrying", "err", err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.retry == nil && !w.stopped {
		w.retry = time.AfterFunc(w.retryEvery, func() {
			w.mu.Lock()
			w.retry = nil
			if w.writing || w.stopped {
				// The goroutine writing now tries what is kept with its
				// batch, and arms the next retry if that fails.
				w.mu.Unlock()
				return
			}
			w.retryNow = true
			w.writing = true
			w.mu.Unlock()
			w.write()
		})
	}
}

// stop makes a last try to write what is kept, stops the retries, and
// returns how many changes and history lines could not be written.
func (w *writer) stop() (left int) {
	w.mu.Lock()
	if w.retry != nil {
		w.retry.Stop()
		w.retry = nil
	}
	w.stopped = true
	w.retryNow = true // the last try for what a full disk held back
	w.mu.Unlock()
	done := make(chan struct{})
	w.enqueue(job{after: func() { left = len(w.backlog) + len(w.unrecorded); close(done) }}) // on the writer
	<-done
	return left
}
