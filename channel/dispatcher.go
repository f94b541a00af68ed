package channel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
)

// OutboxFile is the name of the outbox in the state directory.
const OutboxFile = "outbox.json"

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

// entry is one reminder instant on one channel.
type entry struct {
	Reminder  string    `json:"reminder"`
	Scheduled time.Time `json:"scheduled"`
	Deadline  time.Time `json:"deadline"`
	Channel   string    `json:"channel"`
	Message   Message   `json:"message"`
	State     State     `json:"state"`
	Attempts  int       `json:"attempts,omitempty"`
	First     time.Time `json:"first,omitzero"`
	Next      time.Time `json:"next,omitzero"`
	Done      time.Time `json:"done,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	Answered  bool      `json:"answered,omitempty"`
}

func (e *entry) key() string { return e.Reminder + "\x00" + instant(e.Scheduled) + "\x00" + e.Channel }

// outbox is the file.
type outbox struct {
	Entries []*entry `json:"entries"`
	// Cursors holds, per channel, the id of the last reply read.
	Cursors map[string]string `json:"cursors,omitempty"`
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

func (d *Dispatcher) path() string { return filepath.Join(d.o.Dir, OutboxFile) }

func (d *Dispatcher) load() error {
	b, err := os.ReadFile(d.path())
	if errors.Is(err, fs.ErrNotExist) {
		d.box = outbox{Cursors: map[string]string{}}
		return nil
	}
	if err != nil {
		return fmt.Errorf("channel: %w", err)
	}
	if err := json.Unmarshal(b, &d.box); err != nil {
		// Never lose the file: move it aside and start empty.
		aside := d.path() + ".corrupt-" + d.o.Clock.Now().Format("20060102T150405")
		if rerr := os.Rename(d.path(), aside); rerr != nil {
			return fmt.Errorf("channel: %s does not parse (%v) and cannot be moved aside: %w", d.path(), err, rerr)
		}
		d.log.Warn("outbox does not parse; moved it aside and started from an empty one", "path", d.path(), "moved_to", aside, "err", err)
		d.box = outbox{}
	}
	if d.box.Cursors == nil {
		d.box.Cursors = map[string]string{}
	}
	return nil
}

// save writes the outbox atomically; the caller holds d.mu.
func (d *Dispatcher) save() error {
	now := d.o.Clock.Now()
	d.box.Entries = slices.DeleteFunc(d.box.Entries, func(e *entry) bool {
		return e.State != StatePending && now.Sub(e.Scheduled) > d.o.Retain
	})
	b, err := json.MarshalIndent(d.box, "", "  ")
	if err != nil {
		return err
	}
	if err := config.WriteFile(d.path(), append(b, '\n')); err != nil {
		if d.saveErr == nil {
			d.log.Error("cannot write the outbox", "err", err)
		}
		d.saveErr = err
		return err
	}
	d.saveErr = nil
	d.cursorMoved = false
	return nil
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
		wait := d.o.MinBackoff << min(e.Attempts-1, 20)
		if wait > d.o.MaxBackoff || wait <= 0 {
			wait = d.o.MaxBackoff
		}
		e.Next = now.Add(wait)
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

// listen reads the replies of r and passes the verified ones on.
func (d *Dispatcher) listen(ctx context.Context, r Replier, since string) {
	defer d.wg.Done()
	err := r.Listen(ctx, since, func(rp Reply) { d.reply(ctx, r.Name(), rp) })
	if err != nil && ctx.Err() == nil {
		d.log.Error("stopped reading answers", "channel", r.Name(), "err", err)
	}
}

// reply verifies one reply and, when it is a fresh answer, sends it on
// Answers before it is marked answered (so an answer is not lost when
// bedtime stops between the two).
func (d *Dispatcher) reply(ctx context.Context, channel string, rp Reply) {
	log := d.log.With("channel", channel, "id", rp.ID)
	if rp.Err != nil || rp.Check {
		d.mu.Lock()
		level, more := d.ignored(channel, rp.ID, "not an answer", slog.LevelWarn)
		d.mu.Unlock()
		if rp.Check {
			log.Debug("reply topic check message ignored")
		} else {
			log.Log(ctx, level, "ignored a message on the reply topic", moreLikeIt([]any{"err", rp.Err}, more)...)
		}
		return
	}
	d.mu.Lock()
	var e *entry
	for _, x := range d.box.Entries {
		if d.sign.ref(x.Reminder, x.Scheduled) == rp.Ref {
			e = x
			if x.Answered {
				break
			}
		}
	}
	var problem string
	switch {
	case e == nil:
		problem = "stale: no reminder sent in the last " + config.FormatDuration(d.o.Retain) + " has this reference"
	case !d.sign.valid(e.Reminder, e.Scheduled, rp.Action, rp.Token):
		problem = "spoofed: the token is wrong"
	case e.Answered:
		problem = "already answered"
	}
	if problem != "" {
		level := slog.LevelWarn
		if problem == "already answered" {
			level = slog.LevelInfo
		}
		level, more := d.ignored(channel, rp.ID, problem, level)
		d.mu.Unlock()
		if problem == "already answered" {
			log.Log(ctx, level, "ignored an answer: the reminder was already answered", moreLikeIt([]any{"reminder", e.Reminder, "scheduled", e.Scheduled}, more)...)
		} else {
			log.Log(ctx, level, "ignored an answer", moreLikeIt([]any{"why", problem}, more)...)
		}
		return
	}
	a := Answer{Reminder: e.Reminder, Scheduled: e.Scheduled, Action: rp.Action, Channel: channel, Time: rp.Time}
	if a.Time.IsZero() {
		a.Time = d.o.Clock.Now()
	}
	d.mu.Unlock()
	log.Info("answer from a channel", "reminder", a.Reminder, "scheduled", a.Scheduled, "action", a.Action)
	select {
	case d.answers <- a:
	case <-ctx.Done():
		return
	}
	d.mu.Lock()
	for _, x := range d.box.Entries {
		if x.Reminder == a.Reminder && x.Scheduled.Equal(a.Scheduled) {
			x.Answered = true
			if x.Channel == channel && x.State == StatePending {
				// The phone answered, so an attempt arrived after all.
				x.State, x.Done, x.LastError = StateSent, d.o.Clock.Now(), ""
			}
		}
	}
	if rp.ID != "" {
		d.box.Cursors[channel] = rp.ID
	}
	d.save()
	d.mu.Unlock()
}

// ignored notes a reply that was read and ignored, for a reason of kind;
// the caller holds d.mu. The cursor moves on in memory only: it is written
// with the next change of the outbox or at Close (after a crash the reply
// is read again and ignored again), so a flood of junk costs no write per
// line. It returns the level to log at: level for the first of a kind in
// a minute, Debug for the others, counted in more (the number not logged
// at level since the last one that was).
func (d *Dispatcher) ignored(channel, id, kind string, level slog.Level) (slog.Level, int) {
	if id != "" && d.box.Cursors[channel] != id {
		d.box.Cursors[channel] = id
		d.cursorMoved = true
	}
	if d.quiet == nil {
		d.quiet = map[string]*quiet{}
	}
	key := channel + "\x00" + kind
	now := d.o.Clock.Now()
	q := d.quiet[key]
	if q != nil && !now.Before(q.at) && now.Sub(q.at) < time.Minute {
		q.n++
		return slog.LevelDebug, 0
	}
	more := 0
	if q != nil {
		more = q.n
	}
	d.quiet[key] = &quiet{at: now}
	return level, more
}

// moreLikeIt adds to attrs how many more like it were logged at Debug.
func moreLikeIt(attrs []any, more int) []any {
	if more > 0 {
		attrs = append(attrs, "more_like_it", more)
	}
	return attrs
}

// quiet is when a kind of ignored reply was last logged at its level and
// how many were logged at Debug since.
type quiet struct {
	at time.Time
	n  int
}

// String describes the outbox, for debugging.
func (d *Dispatcher) String() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var b strings.Builder
	for _, e := range d.box.Entries {
		fmt.Fprintf(&b, "%s %s %s %s attempts=%d\n", e.Reminder, instant(e.Scheduled), e.Channel, e.State, e.Attempts)
	}
	return b.String()
}
