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

// Engine decides which jobs are due. It remembers, per job, the last
// scheduled instant it handled, so no instant is handled twice, even when
// the clock is set back by less than the job's period.
//
// A last instant later than now is suspect: the clock ran ahead when it
// was handled (or the state says so), or has been set back since. If it is
// the job's very next instant, it stays, and is not handled again.
// Otherwise it would silence the job until the clock gets there, so Due
// logs it once and forgets it: the job is due again at its next instant
// after now.
type Engine struct {
	mu      sync.Mutex
	jobs    []Job
	last    map[string]time.Time
	once    map[string][]time.Time // extra one-off instants (snoozes)
	skip    map[string]time.Time   // per job: a scheduled instant not to show
	paused  time.Time              // nothing is shown before this instant
	changed chan struct{}
	log     *slog.Logger
}

// NewEngine returns an Engine for jobs.
func NewEngine(jobs []Job) *Engine {
	e := &Engine{last: map[string]time.Time{}, once: map[string][]time.Time{}, skip: map[string]time.Time{}, changed: make(chan struct{}, 1)}
	e.jobs = append(e.jobs, jobs...)
	return e
}

// SetJobs replaces the jobs, keeping what the engine remembers of jobs
// whose names stay: a reminder that already fired today does not fire
// again because the schedule was reloaded. A running Run notices at once.
func (e *Engine) SetJobs(jobs []Job) {
	e.mu.Lock()
	e.jobs = append([]Job(nil), jobs...)
	keep := map[string]bool{}
	for _, j := range jobs {
		keep[j.Name] = true
	}
	for name := range e.last {
		if !keep[name] {
			delete(e.last, name)
		}
	}
	e.mu.Unlock()
	e.poke()
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

// SetLast records t as the last handled instant of the named job, as when
// state is restored after a restart. A t later than the clock is handled
// as Engine says.
func (e *Engine) SetLast(name string, t time.Time) {
	e.mu.Lock()
	e.last[name] = t
	e.mu.Unlock()
	e.poke()
}

// Last returns the last handled instant of the named job.
func (e *Engine) Last(name string) (time.Time, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	t, ok := e.last[name]
	return t, ok
}

// FireOnceAt makes the named job due once more at t, besides its schedule
// (a snooze).
func (e *Engine) FireOnceAt(name string, t time.Time) {
	e.mu.Lock()
	e.once[name] = append(e.once[name], t)
	e.mu.Unlock()
	e.poke()
}

// SetOnce replaces the extra instants of the named job with t alone; the
// zero t drops them.
func (e *Engine) SetOnce(name string, t time.Time) {
	e.mu.Lock()
	if t.IsZero() {
		delete(e.once, name)
	} else {
		e.once[name] = []time.Time{t}
	}
	e.mu.Unlock()
	e.poke()
}

// CancelOnce drops the extra instants FireOnceAt added for the named job
// (the user pressed Done, so no snooze or repeat is needed).
func (e *Engine) CancelOnce(name string) {
	e.mu.Lock()
	delete(e.once, name)
	e.mu.Unlock()
	e.poke()
}

// Once returns the extra instants pending for the named job, in no
// particular order.
func (e *Engine) Once(name string) []time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Time(nil), e.once[name]...)
}

// SkipAt makes the named job's scheduled instant t a Skip instead of a
// Fire. The zero t clears it.
func (e *Engine) SkipAt(name string, t time.Time) {
	e.mu.Lock()
	if t.IsZero() {
		delete(e.skip, name)
	} else {
		e.skip[name] = t
	}
	e.mu.Unlock()
	e.poke()
}

// PauseUntil makes every instant due before t a Skip (Paused). The zero
// t resumes.
func (e *Engine) PauseUntil(t time.Time) {
	e.mu.Lock()
	e.paused = t
	e.mu.Unlock()
	e.poke()
}

func (e *Engine) poke() {
	select {
	case e.changed <- struct{}{}:
	default:
	}
}

// Due handles every job at wall-clock time now. For each job whose
// schedule came due since the last handled instant, it returns one event:
// Fire for the most recent due instant if it is less late than the job's
// catch-up grace (or OnTime), otherwise Miss. It also returns when the
// next job comes due (the zero Time if none will).
//
// A job that has never been handled starts from now: the past does not
// fire.
func (e *Engine) Due(now time.Time) (events []Event, next time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var suspect []string // jobs marked handled at a time still to come
	var latest time.Time
	for _, j := range e.jobs {
		last, ok := e.last[j.Name]
		if !ok {
			last = now
			e.last[j.Name] = now
		}
		if last.After(now) && !j.Schedule.Next(now).Equal(last) {
			suspect = append(suspect, j.Name)
			latest = later(latest, last)
			last = now
			e.last[j.Name] = now
		}
		if ev, ok := e.due(j, last, now); ok {
			if ev.Kind == Fire && ev.Scheduled.Equal(e.skip[j.Name]) {
				ev.Kind = Skip
			}
			if ev.Kind == Fire && ev.Scheduled.Before(e.paused) {
				ev.Kind, ev.Paused = Skip, true
			}
			if !ev.Scheduled.Before(e.skip[j.Name]) {
				delete(e.skip, j.Name) // passed: forget it
			}
			events = append(events, ev)
			e.last[j.Name] = ev.Scheduled
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
	for name, ts := range e.once {
		keep := ts[:0]
		for _, t := range ts {
			if t.After(now) {
				keep = append(keep, t)
				if next.IsZero() || t.Before(next) {
					next = t
				}
				continue
			}
			ev := Event{Kind: Fire, Job: name, Scheduled: t, At: now, Once: true}
			switch {
			case t.Before(e.paused):
				ev.Kind, ev.Paused = Skip, true
			case ev.Late() > OnceGrace:
				ev.Kind = Miss // a snooze from before a long sleep
			}
			events = append(events, ev)
		}
		if len(keep) == 0 {
			delete(e.once, name)
		} else {
			e.once[name] = keep
		}
	}
	return events, next
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
