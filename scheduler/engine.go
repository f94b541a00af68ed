package scheduler

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// OnTime is how late a firing may be and still count as on time, whatever
// a job's catch-up grace: the wake-up itself takes a moment.
const OnTime = time.Minute

// OnceGrace is how late an extra firing (a snooze or a repeat) may still
// be shown, after the machine slept or bedtime was not running.
const OnceGrace = time.Hour

// MaxFolded bounds how many instants that came due in one gap (while the
// machine slept or bedtime was not running) an Event lists.
const MaxFolded = 100

// Job is one reminder as the Engine sees it.
type Job struct {
	// Name identifies the job across reloads.
	Name string
	// Schedule says when the job is due.
	Schedule Schedule
	// CatchUp is how late a firing may still happen after the machine
	// slept or the program was not running. Later than that, the firing
	// is reported as missed instead.
	CatchUp time.Duration
}

// EventKind says what happened to a scheduled instant.
type EventKind int

const (
	// Fire means the job is due now: show the reminder.
	Fire EventKind = iota
	// Miss means the job was due but is too late to show.
	Miss
	// Skip means the job was due but the user asked to skip it, or
	// paused all reminders.
	Skip
)

func (k EventKind) String() string {
	switch k {
	case Miss:
		return "missed"
	case Skip:
		return "skipped"
	}
	return "fire"
}

// Event is the outcome of one scheduled instant of one job.
type Event struct {
	Kind EventKind
	Job  string
	// Scheduled is the instant the job was due.
	Scheduled time.Time
	// At is the wall-clock time the engine handled it.
	At time.Time
	// Superseded counts earlier instants that were due in the same gap
	// (while the machine slept) and are folded into this one; Folded
	// lists them, oldest first, up to MaxFolded.
	Superseded int
	Folded     []time.Time
	// Once is true for an extra firing asked for with FireOnceAt (a
	// snooze or a repeat), false for one from the schedule.
	Once bool
	// Paused is true for a Skip caused by a pause rather than a skip of
	// this job.
	Paused bool
}

// Late returns how long after its scheduled instant the event was handled.
func (e Event) Late() time.Duration { return e.At.Sub(e.Scheduled) }

// Engine decides which jobs are due. It asks its Book for the last
// scheduled instant handled per job, so no instant is handled twice, even
// when the clock is set back by less than the job's period.
//
// A last instant later than now is suspect: the clock ran ahead when it
// was handled (or the state says so), or has been set back since. If it is
// the job's very next instant, it stays, and is not handled again.
// Otherwise it would silence the job until the clock gets there, so Due
// logs it once and counts the job from now: it is due again at its next
// instant after now.
//
// A job the book knows nothing of, or one that a reload brings back after
// an earlier one dropped it, is counted from when the engine first sees it:
// the past does not fire.
type Engine struct {
	mu   sync.Mutex
	jobs []Job
	book Book
	// own is the engine's own book (NewEngine), which Due records into;
	// nil when the owner keeps the book (NewEngineWith).
	own *memBook
	// from holds, per job, the instant the engine counts it from when the
	// book's last is missing, older than the job's return, or suspect.
	from map[string]time.Time
	// fresh holds the jobs a reload added that an earlier one lacked: the
	// book's last of them is from before, and is not caught up on.
	fresh map[string]bool
	// suspect holds, per job, the suspect last instant already logged.
	suspect map[string]time.Time
	setJobs bool // SetJobs (or NewEngine with jobs) was called
	changed chan struct{}
	log     *slog.Logger
}

// NewEngine returns an Engine for jobs that keeps its own book: Due records
// what it hands over, and SetLast, FireOnceAt, SkipAt and PauseUntil
// change it.
func NewEngine(jobs []Job) *Engine {
	own := &memBook{last: map[string]time.Time{}, once: map[string][]time.Time{}, skip: map[string]time.Time{}}
	e := newEngine(jobs, own)
	e.own = own
	return e
}

// NewEngineWith returns an Engine for jobs that asks book, which its
// owner keeps: Due changes nothing in it, and the methods that change the
// engine's own book (SetLast, FireOnceAt, SetOnce, CancelOnce, SkipAt,
// PauseUntil) do nothing.
func NewEngineWith(jobs []Job, book Book) *Engine { return newEngine(jobs, book) }

func newEngine(jobs []Job, book Book) *Engine {
	e := &Engine{book: book, from: map[string]time.Time{}, fresh: map[string]bool{}, suspect: map[string]time.Time{}, changed: make(chan struct{}, 1)}
	e.jobs = append(e.jobs, jobs...)
	e.setJobs = len(jobs) > 0
	return e
}

// SetJobs replaces the jobs. A job whose name stays keeps what the book
// says of it: a reminder that already fired today does not fire again
// because the schedule was reloaded. A job new to the engine since the
// last SetJobs is counted from now. A running Run notices at once.
func (e *Engine) SetJobs(jobs []Job) {
	e.mu.Lock()
	had := map[string]bool{}
	for _, j := range e.jobs {
		had[j.Name] = true
	}
	keep := map[string]bool{}
	for _, j := range jobs {
		keep[j.Name] = true
		if e.setJobs && !had[j.Name] {
			e.fresh[j.Name] = true
			delete(e.from, j.Name)
		}
	}
	for name := range e.from {
		if !keep[name] {
			delete(e.from, name)
		}
	}
	for name := range e.fresh {
		if !keep[name] {
			delete(e.fresh, name)
		}
	}
	if e.own != nil {
		for name := range e.own.last {
			if !keep[name] {
				delete(e.own.last, name)
			}
		}
	}
	e.jobs = append([]Job(nil), jobs...)
	e.setJobs = true
	e.mu.Unlock()
	e.Poke()
}

// Jobs returns a copy of the engine's jobs.
func (e *Engine) Jobs() []Job {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Job(nil), e.jobs...)
}

// SetLogger makes the engine log to l (a last handled instant in the
// future) instead of slog.Default().
func (e *Engine) SetLogger(l *slog.Logger) {
	e.mu.Lock()
	e.log = l
	e.mu.Unlock()
}

// Poke makes a running Run ask the book again at once: its owner changed
// it.
func (e *Engine) Poke() {
	select {
	case e.changed <- struct{}{}:
	default:
	}
}

// lastOf returns the instant the engine counts job j from at now; and,
// when that instant is suspect and not logged yet, the suspect instant.
func (e *Engine) lastOf(j Job, now time.Time) (last, suspect time.Time) {
	name := j.Name
	l, ok := e.book.Last(name)
	f, counted := e.from[name]
	if !counted && (!ok || e.fresh[name]) {
		f, counted = now, true
		e.from[name] = now
		if e.own != nil && !ok {
			e.own.last[name] = now
		}
	}
	last = l
	if !ok || counted && !l.After(f) {
		last = f
	}
	if last.After(now) && !j.Schedule.Next(now).Equal(last) {
		if s, seen := e.suspect[name]; seen && counted && s.Equal(last) {
			return f, time.Time{} // logged already
		}
		e.suspect[name] = last
		e.from[name] = now
		if e.own != nil {
			e.own.last[name] = now
		}
		return now, last
	}
	return last, time.Time{}
}

// Due handles every job at wall-clock time now. For each job whose
// schedule came due since the last handled instant, it returns one event:
// Fire for the most recent due instant if it is less late than the job's
// catch-up grace (or OnTime), otherwise Miss. It also returns when the
// next job comes due (the zero Time if none will). The book's owner
// records the events before Due is called again (an engine with its own
// book records them itself).
//
// A job that has never been handled starts from now: the past does not
// fire.
func (e *Engine) Due(now time.Time) (events []Event, next time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var suspect []string // jobs marked handled at a time still to come
	var latest time.Time
	paused := e.book.PausedUntil()
	for _, j := range e.jobs {
		last, bad := e.lastOf(j, now)
		if !bad.IsZero() {
			suspect = append(suspect, j.Name)
			latest = later(latest, bad)
		}
		if ev, ok := e.due(j, last, now); ok {
			skip := e.book.Skip(j.Name)
			if ev.Kind == Fire && ev.Scheduled.Equal(skip) {
				ev.Kind = Skip
			}
			if ev.Kind == Fire && ev.Scheduled.Before(paused) {
				ev.Kind, ev.Paused = Skip, true
			}
			events = append(events, ev)
			if e.own != nil {
				if !ev.Scheduled.Before(skip) {
					delete(e.own.skip, j.Name) // passed: forget it
				}
				e.own.last[j.Name] = ev.Scheduled
			}
			last = ev.Scheduled
		}
		if n := j.Schedule.Next(later(last, now)); !n.IsZero() && (next.IsZero() || n.Before(next)) {
			next = n
		}
	}
	if len(suspect) > 0 {
		l := e.log
		if l == nil {
			l = slog.Default()
		}
		l.Warn("reminders marked handled at a time still to come; the clock ran ahead or was set back: they are due again from now",
			"reminders", suspect, "marked", latest.Format(time.RFC3339), "now", now.Format(time.RFC3339))
	}
	for _, name := range e.againNames() {
		for _, t := range e.book.Again(name) {
			if t.After(now) {
				if next.IsZero() || t.Before(next) {
					next = t
				}
				continue
			}
			ev := Event{Kind: Fire, Job: name, Scheduled: t, At: now, Once: true}
			switch {
			case t.Before(paused):
				ev.Kind, ev.Paused = Skip, true
			case ev.Late() > OnceGrace:
				ev.Kind = Miss // a snooze from before a long sleep
			}
			events = append(events, ev)
		}
		if e.own != nil {
			keep := e.own.once[name][:0]
			for _, t := range e.own.once[name] {
				if t.After(now) {
					keep = append(keep, t)
				}
			}
			if len(keep) == 0 {
				delete(e.own.once, name)
			} else {
				e.own.once[name] = keep
			}
		}
	}
	return events, next
}

// againNames are the jobs whose extra instants Due looks at: the jobs, and
// with the engine's own book any name snoozed in it.
func (e *Engine) againNames() []string {
	names := make([]string, 0, len(e.jobs))
	seen := map[string]bool{}
	for _, j := range e.jobs {
		if !seen[j.Name] {
			seen[j.Name] = true
			names = append(names, j.Name)
		}
	}
	if e.own != nil {
		for name := range e.own.once {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	return names
}

func (e *Engine) due(j Job, last, now time.Time) (Event, bool) {
	newest := j.Schedule.Prev(now)
	if newest.IsZero() || !newest.After(last) {
		return Event{}, false
	}
	ev := Event{Kind: Fire, Job: j.Name, Scheduled: newest, At: now}
	// List the instants folded into this one, up to a bound.
	for t := j.Schedule.Next(last); !t.IsZero() && t.Before(newest) && ev.Superseded < MaxFolded; t = j.Schedule.Next(t) {
		ev.Superseded++
		ev.Folded = append(ev.Folded, t)
	}
	grace := j.CatchUp
	if grace < OnTime {
		grace = OnTime
	}
	if ev.Late() > grace {
		ev.Kind = Miss
	}
	return ev, true
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Run handles due jobs as the clock reaches them, calling handle for each
// event, until ctx is done. It sleeps in between: one wake-up per due
// instant, plus one when the clock is changed or the jobs change.
func (e *Engine) Run(ctx context.Context, clock Clock, handle func(Event)) {
	e.RunBatch(ctx, clock, func(events []Event) {
		for _, ev := range events {
			handle(ev)
		}
	})
}

// RunBatch is Run with the events that come due together handed over in
// one call, so that the caller can record them in one write.
func (e *Engine) RunBatch(ctx context.Context, clock Clock, handle func([]Event)) {
	for ctx.Err() == nil {
		events, next := e.Due(clock.Now())
		if len(events) > 0 {
			handle(events)
		}
		wctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			if next.IsZero() {
				<-wctx.Done()
				return
			}
			clock.WaitUntil(wctx, next)
		}()
		select {
		case <-done:
		case <-e.changed:
		case <-ctx.Done():
		}
		cancel()
		<-done
	}
}
