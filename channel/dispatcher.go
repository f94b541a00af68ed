package channel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/backoff"
	"github.com/bedtime-app/bedtime/scheduler"
)

// Defaults of Options.
const (
	DefaultDeadline   = time.Hour
	DefaultMinBackoff = 5 * time.Second
	DefaultMaxBackoff = 5 * time.Minute
	DefaultRetain     = 48 * time.Hour
)

// Options configure a Dispatcher.
type Options struct {
	// Dir is the state directory, where the outbox and the secret live.
	Dir string
	// Channels are the channels by name (desktop is not one of them).
	Channels map[string]Channel
	// Logger receives one line per event; nil means slog.Default().
	Logger *slog.Logger
	// Report, when set, is called after each attempt, from the
	// channel's goroutine; it must not block for long.
	Report func(Report)
	// MinBackoff and MaxBackoff bound the wait between attempts; zero
	// means DefaultMinBackoff and DefaultMaxBackoff.
	MinBackoff, MaxBackoff time.Duration
	// Retain is how long after its scheduled instant an entry is kept,
	// so that the instant is not sent again and its answer is known;
	// zero means DefaultRetain.
	Retain time.Duration
	// Clock is the wall clock of scheduled instants, deadlines, backoff
	// and retention: one clock for all of them (the daemon's). Nil means
	// scheduler.SystemClock.
	Clock scheduler.Clock
}

// State is where an outbox entry is.
type State string

// The states of an outbox entry.
const (
	StatePending State = "pending"
	StateSent    State = "sent"
	StateFailed  State = "failed"
)

// Report is the outcome of one delivery attempt.
type Report struct {
	Reminder  string
	Scheduled time.Time
	Channel   string
	// Attempt counts from 1.
	Attempt int
	// State is StateSent, StatePending (retried at Next) or StateFailed
	// (given up).
	State State
	Next  time.Time
	// Err is why the attempt failed; nil when sent.
	Err error
	// ExitCode is a command channel's exit status, -1 when it was killed
	// or none ran.
	ExitCode int
}

// Dispatcher delivers reminders to channels through a persistent outbox
// and turns verified replies into Answers. Its methods are safe for
// concurrent use.
type Dispatcher struct {
	o       Options
	log     *slog.Logger
	sign    *signer
	answers chan Answer

	mu      sync.Mutex
	box     outbox
	kick    map[string]chan struct{}
	chans   map[string]Channel
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	closed  bool
	saveErr error
	// cursorMoved: a cursor changed since the outbox was written.
	cursorMoved bool
	quiet       map[string]*quiet
}

// Open loads the outbox in o.Dir (making the secret on first use) and
// starts one goroutine per channel, which resumes what an earlier
// Dispatcher left pending, and one per channel that can be answered,
// which reads its replies.
func Open(o Options) (*Dispatcher, error) {
	if o.Dir == "" {
		return nil, errors.New("channel: no state directory given")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultMinBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Retain <= 0 {
		o.Retain = DefaultRetain
	}
	if o.Clock == nil {
		o.Clock = scheduler.SystemClock{}
	}
	if err := os.MkdirAll(o.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("channel: %w", err)
	}
	sign, err := loadSecret(o.Dir)
	if err != nil {
		return nil, fmt.Errorf("channel: %w", err)
	}
	d := &Dispatcher{o: o, log: o.Logger, sign: sign, answers: make(chan Answer, 16)}
	if err := d.load(); err != nil {
		return nil, err
	}
	d.start(o.Channels)
	return d, nil
}

// start starts the goroutines of chans; pending entries of channels that
// are not among them are given up.
func (d *Dispatcher) start(chans map[string]Channel) {
	ctx, cancel := context.WithCancel(context.Background())
	d.mu.Lock()
	d.cancel = cancel
	d.chans = chans
	d.kick = map[string]chan struct{}{}
	var gone []Report
	for _, e := range d.box.Entries {
		if _, ok := chans[e.Channel]; !ok && e.State == StatePending {
			e.State, e.LastError, e.Done = StateFailed, "the channel is no longer in the schedule", d.o.Clock.Now()
			gone = append(gone, Report{Reminder: e.Reminder, Scheduled: e.Scheduled, Channel: e.Channel, Attempt: e.Attempts,
				State: StateFailed, Err: errors.New(e.LastError), ExitCode: -1})
		}
	}
	if len(gone) > 0 {
		d.save()
	}
	for name, ch := range chans {
		k := make(chan struct{}, 1)
		d.kick[name] = k
		d.wg.Add(1)
		go d.worker(ctx, ch, k)
		if r, ok := ch.(Replier); ok {
			d.wg.Add(1)
			go d.listen(ctx, r, d.since(name))
		}
	}
	d.mu.Unlock()
	for _, r := range gone {
		d.log.Warn("gave up delivering: the channel is no longer in the schedule", "reminder", r.Reminder, "scheduled", r.Scheduled, "channel", r.Channel)
		d.report(r)
	}
}

// since returns where the reply stream of channel resumes: after the last
// reply read, or, before the first, at the first attempt of the oldest
// entry kept (an answer to it cannot be older), or now. The caller holds
// d.mu.
func (d *Dispatcher) since(channel string) string {
	if c := d.box.Cursors[channel]; c != "" {
		return c
	}
	first := d.o.Clock.Now()
	for _, e := range d.box.Entries {
		if e.Channel == channel && !e.First.IsZero() && e.First.Before(first) {
			first = e.First
		}
	}
	return strconv.FormatInt(first.Unix(), 10)
}

// SetChannels replaces the channels (after the schedule was reloaded):
// their goroutines are restarted, and pending entries of channels that are
// gone are given up.
func (d *Dispatcher) SetChannels(chans map[string]Channel) {
	d.stop()
	d.mu.Lock()
	closed := d.closed
	d.mu.Unlock()
	if !closed {
		d.start(chans)
	}
}

func (d *Dispatcher) stop() {
	d.mu.Lock()
	cancel := d.cancel
	d.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	d.wg.Wait()
}

// Close stops the goroutines, waiting for attempts under way to end.
// Pending entries stay in the outbox for the next Dispatcher.
func (d *Dispatcher) Close() error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cursorMoved {
		return d.save()
	}
	return nil
}

// Answers returns the verified answers from the channels: Done or Snooze
// pressed on the phone. Each instant is answered at most once.
func (d *Dispatcher) Answers() <-chan Answer { return d.answers }

// Send queues the reminder instant (reminder, scheduled) with message m
// for each channel of names, to be delivered by the deadline (zero means
// DefaultDeadline after scheduled), and returns once the outbox is on
// disk, without waiting for any delivery. The name desktop is skipped (the
// caller shows the desktop notification itself). An instant already
// queued on a channel is not queued again. Unknown names are an error;
// the known ones are queued all the same.
func (d *Dispatcher) Send(reminder string, scheduled, deadline time.Time, m Message, names []string) error {
	if deadline.IsZero() {
		deadline = scheduled.Add(DefaultDeadline)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	have := map[string]bool{}
	for _, e := range d.box.Entries {
		have[e.key()] = true
	}
	var errs []error
	var queued []string
	for _, name := range names {
		if name == config.Desktop {
			continue
		}
		if _, ok := d.chans[name]; !ok {
			errs = append(errs, fmt.Errorf("channel: no channel %q", name))
			continue
		}
		e := &entry{Reminder: reminder, Scheduled: scheduled, Deadline: deadline, Channel: name, Message: m, State: StatePending, Next: d.o.Clock.Now()}
		if have[e.key()] {
			d.log.Debug("already queued; not sent again", "reminder", reminder, "scheduled", scheduled, "channel", name)
			continue
		}
		have[e.key()] = true
		d.box.Entries = append(d.box.Entries, e)
		queued = append(queued, name)
	}
	if len(queued) > 0 {
		if err := d.save(); err != nil {
			errs = append(errs, fmt.Errorf("channel: the reminder is queued but not saved: %w", err))
		}
	}
	for _, name := range queued {
		select {
		case d.kick[name] <- struct{}{}:
		default:
		}
	}
	return errors.Join(errs...)
}

// Pending returns how many entries wait to be delivered.
func (d *Dispatcher) Pending() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, e := range d.box.Entries {
		if e.State == StatePending {
			n++
		}
	}
	return n
}

func (d *Dispatcher) report(r Report) {
	if d.o.Report != nil {
		d.o.Report(r)
	}
}

// next returns the channel's entry due first and when it is due.
func (d *Dispatcher) next(channel string) (*entry, time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var best *entry
	for _, e := range d.box.Entries {
		if e.Channel != channel || e.State != StatePending {
			continue
		}
		if best == nil || e.Next.Before(best.Next) || (e.Next.Equal(best.Next) && e.Scheduled.Before(best.Scheduled)) {
			best = e
		}
	}
	if best == nil {
		return nil, time.Time{}
	}
	return best, best.Next
}

// worker delivers the entries of one channel, one at a time, waiting on
// the clock until the next one is due (not at all when none is pending).
func (d *Dispatcher) worker(ctx context.Context, ch Channel, kick chan struct{}) {
	defer d.wg.Done()
	for {
		e, due := d.next(ch.Name())
		switch {
		case e == nil:
			select {
			case <-ctx.Done():
			case <-kick:
			}
		case !due.After(d.o.Clock.Now()):
			d.attempt(ctx, ch, e)
		default:
			d.waitUntil(ctx, due, kick)
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// waitUntil waits on the clock until t, a kick (a new entry) or the end
// of ctx. The goroutine that watches for the kick has ended when it
// returns, so no later kick is taken by it.
func (d *Dispatcher) waitUntil(ctx context.Context, t time.Time, kick chan struct{}) {
	wctx, cancel := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-kick:
			cancel()
		case <-wctx.Done():
		}
	}()
	d.o.Clock.WaitUntil(wctx, t)
	cancel()
	<-watched
}

// attempt delivers e once and records the outcome.
func (d *Dispatcher) attempt(ctx context.Context, ch Channel, e *entry) {
	now := d.o.Clock.Now()
	d.mu.Lock()
	if !now.Before(e.Deadline) {
		e.State, e.Done = StateFailed, now
		if e.LastError == "" {
			e.LastError = "the deadline passed before it could be sent"
		}
		r := Report{Reminder: e.Reminder, Scheduled: e.Scheduled, Channel: e.Channel, Attempt: e.Attempts, State: StateFailed,
			Err: fmt.Errorf("gave up at the deadline: %s", e.LastError), ExitCode: -1}
		d.save()
		d.mu.Unlock()
		d.log.Warn("gave up delivering at the deadline", "reminder", r.Reminder, "scheduled", r.Scheduled, "channel", r.Channel, "attempts", r.Attempt, "err", e.LastError)
		d.report(r)
		return
	}
	e.Attempts++
	if e.First.IsZero() {
		e.First = now
	}
	// Saved before the attempt: after a crash during it, the next
	// attempt knows that this one may have arrived.
	d.save()
	dl := Delivery{Reminder: e.Reminder, Scheduled: e.Scheduled, Message: e.Message, Attempt: e.Attempts, First: e.First,
		Ref: d.sign.ref(e.Reminder, e.Scheduled), Tokens: map[Action]string{
			ActionDone:   d.sign.token(e.Reminder, e.Scheduled, ActionDone),
			ActionSnooze: d.sign.token(e.Reminder, e.Scheduled, ActionSnooze),
		}}
	for i := range e.Message.Choices[:min(len(e.Message.Choices), MaxChoices)] {
		dl.Tokens[ChoiceAction(i)] = d.sign.token(e.Reminder, e.Scheduled, ChoiceAction(i))
	}
	left := e.Deadline.Sub(now)
	d.mu.Unlock()

	// The time left, not the deadline itself: Now may be another clock
	// than the one contexts run on.
	actx, cancel := context.WithTimeout(ctx, left)
	err := ch.Deliver(actx, dl)
	cancel()
	if ctx.Err() != nil && err != nil {
		return // stopping: the entry stays pending for the next Dispatcher
	}

	now = d.o.Clock.Now()
	r := Report{Reminder: e.Reminder, Scheduled: e.Scheduled, Channel: e.Channel, Attempt: dl.Attempt, Err: err, ExitCode: -1}
	var xe *ExitError
	if errors.As(err, &xe) {
		r.ExitCode = xe.Code
	} else if err == nil {
		if _, ok := ch.(*Command); ok {
			r.ExitCode = 0
		}
	}
	d.mu.Lock()
	switch {
	case err == nil:
		e.State, e.Done, e.LastError = StateSent, now, ""
	case IsPermanent(err):
		e.State, e.Done, e.LastError = StateFailed, now, err.Error()
	default:
		e.LastError = err.Error()
		e.Next = now.Add(backoff.Policy{Min: d.o.MinBackoff, Max: d.o.MaxBackoff}.Wait(e.Attempts))
		if !e.Next.Before(e.Deadline) {
			e.State, e.Done = StateFailed, now
		}
	}
	r.State, r.Next = e.State, e.Next
	d.save()
	d.mu.Unlock()

	attrs := []any{"reminder", r.Reminder, "scheduled", r.Scheduled, "channel", r.Channel, "attempt", r.Attempt}
	if r.ExitCode >= 0 {
		attrs = append(attrs, "exit_status", r.ExitCode)
	}
	switch r.State {
	case StateSent:
		d.log.Info("delivered", attrs...)
	case StatePending:
		d.log.Warn("delivery failed; will retry", append(attrs, "err", err, "next", r.Next)...)
	case StateFailed:
		d.log.Warn("delivery failed; gave up", append(attrs, "err", err)...)
	}
	d.report(r)
}
