package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bedtime-app/bedtime/internal/backoff"
)

// The freedesktop Notifications API on the session bus.
const (
	busName  = "org.freedesktop.Notifications"
	busPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	busIface = "org.freedesktop.Notifications"

	propsIface = "org.freedesktop.DBus.Properties"
)

// Action keys on the buttons.
const (
	keyDone   = "done"
	keySnooze = "snooze"
	keyStart  = "start"
	keyStop   = "stop"
	// keyChoice and the index name a button of Message.Choices.
	keyChoice = "choice-"
)

// platformBackends returns the Linux chain: the session bus directly, then
// beeep, which is only called when a session bus exists.
func platformBackends(o Options) []backend {
	return []backend{
		newDBus(o),
		newBeeep(o, true, exportSessionBus),
	}
}

// exportSessionBus makes sure a session bus exists before beeep runs, and
// that godbus and notify-send under beeep use the one found here rather than
// starting one with dbus-launch.
func exportSessionBus() error {
	bus, err := FindSessionBus()
	if err != nil {
		return err
	}
	if bus.Source != "DBUS_SESSION_BUS_ADDRESS" {
		return os.Setenv("DBUS_SESSION_BUS_ADDRESS", bus.Address)
	}
	return nil
}

// failure is a kind of delivery failure; each is logged once until a
// delivery succeeds again.
type failure int

const (
	failNoBus failure = iota
	failNoServer
	failTimeout
	failInhibited
	failBannersOff
	failBus
	failServer
	nFailures
)

var failureLogs = [nFailures]string{
	failNoBus:      "no session bus: reminders go to the log only; run bedtime inside the desktop session or set DBUS_SESSION_BUS_ADDRESS",
	failNoServer:   "no notification server on the session bus: holding reminders and retrying",
	failTimeout:    "the notification server did not answer in time: waiting for it, without sending anything twice",
	failInhibited:  "do not disturb is on: holding reminders until it ends",
	failBannersOff: "do not disturb is on (GNOME's show-banners setting is off): holding reminders until it ends",
	failBus:        "cannot reach the session bus: retrying",
	failServer:     "the notification server refused a notification: retrying",
}

func kindOf(err error) failure {
	switch {
	case errors.Is(err, ErrNoSessionBus):
		return failNoBus
	case errors.Is(err, ErrNoServer):
		return failNoServer
	case errors.Is(err, ErrBus):
		// Before ErrTimeout: a bus that does not complete the handshake.
		return failBus
	case errors.Is(err, errBannersOff):
		return failBannersOff
	case errors.Is(err, ErrInhibited):
		return failInhibited
	case errors.Is(err, ErrTimeout):
		return failTimeout
	default:
		return failServer
	}
}

// dbusBackend talks to the notification server on the session bus.
type dbusBackend struct {
	o   Options
	log *slog.Logger

	banners *banners // GNOME's Do Not Disturb setting, cached

	// ctx ends when the backend is closed.
	ctx    context.Context
	cancel context.CancelFunc

	connMu sync.Mutex
	conn   *dbus.Conn

	mu       sync.Mutex
	ids      map[uint32]shown    // unanswered notification id -> what it shows
	last     map[string]uint32   // reminder -> its unanswered notification id
	pending  map[string]*pending // reminder -> message held for later
	flights  map[string]*flight  // reminder -> its Notify call not yet answered
	early    map[uint32]Action   // answers to ids not yet known, while calls are in flight
	info     *infoFetch          // what the server said; nil to ask again
	retryNow bool                // retry everything held at the next wake
	failed   [nFailures]bool     // failure kinds logged since the last delivery
	closed   bool
	queue    []Response // responses not yet passed to OnResponse

	kick    chan struct{} // wakes the retry loop
	respond chan struct{} // wakes the response dispatcher
	wg      sync.WaitGroup
}

// shown is what an unanswered notification on the screen is about.
type shown struct {
	reminder  string
	scheduled time.Time
	step      int
}

// respondTo returns a Response of a about m.
func (d *dbusBackend) respondTo(m Message, a Action, detail string) Response {
	return Response{Reminder: m.Reminder, Action: a, At: d.o.Now(), Scheduled: m.Scheduled, Step: m.Step, Detail: detail}
}

// heldReasons says, per kind of failure, why a message is held.
var heldReasons = [nFailures]string{
	failNoBus:      "no session bus",
	failNoServer:   "no notification server",
	failTimeout:    "the notification server did not answer",
	failInhibited:  "do not disturb",
	failBannersOff: "do not disturb",
	failBus:        "the session bus cannot be reached",
	failServer:     "the notification server refused it",
}

// pending is a message held until a server can show it.
type pending struct {
	m        Message
	why      string // why it is held
	deadline time.Time
	next     time.Time // next attempt
	failures int       // attempts in a row that failed and were retried
}

func newDBus(o Options) *dbusBackend {
	ctx, cancel := context.WithCancel(context.Background())
	d := &dbusBackend{
		o: o, log: o.Logger, ctx: ctx, cancel: cancel,
		banners: newBanners(o),
		ids:     map[uint32]shown{},
		last:    map[string]uint32{},
		pending: map[string]*pending{},
		flights: map[string]*flight{},
		early:   map[uint32]Action{},
		kick:    make(chan struct{}, 1),
		respond: make(chan struct{}, 1),
	}
	d.wg.Add(2)
	go d.retryLoop()
	go d.dispatch()
	return d
}

func (d *dbusBackend) Name() string { return "d-bus" }

// reportsShown: the session bus backend reports Shown and Held through
// OnResponse itself, from its dispatcher, in order with the answers.
func (d *dbusBackend) reportsShown() bool { return true }

// Notify makes one attempt to show m. When no server is on the bus, the
// server does not answer, or Do Not Disturb is on, it holds m for retries
// until m's deadline and returns nil; unless holding is turned off
// (Options.RetryFor < 0), then it returns the error.
func (d *dbusBackend) Notify(ctx context.Context, m Message) error {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return ErrClosed
	}
	// A newer message replaces an older one still held: one of another
	// firing was missed; one of the same firing (a routine step after its
	// reminder, a snooze) lives on in the newer.
	if old := d.pending[m.Reminder]; old != nil {
		delete(d.pending, m.Reminder)
		d.replacedLocked(old, m)
	}
	d.mu.Unlock()

	err := d.attempt(ctx, m)
	if err == nil {
		d.delivered()
		return nil
	}
	d.failure(err)
	if errors.Is(err, errInFlight) && d.o.RetryFor >= 0 {
		// Sent, and its answer awaited: never sent twice.
		return nil
	}
	if d.o.RetryFor < 0 || !retryable(err) || ctx.Err() != nil && !errors.Is(err, ErrTimeout) {
		return err
	}
	now := d.o.Now()
	deadline := m.Deadline
	if deadline.IsZero() {
		deadline = now.Add(d.o.RetryFor)
	}
	if !now.Before(deadline) {
		return err
	}
	p := &pending{m: m, deadline: deadline, why: heldReasons[kindOf(err)]}
	d.schedule(p, err, now)
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return ErrClosed
	}
	if old := d.pending[m.Reminder]; old != nil {
		d.replacedLocked(old, m)
	}
	d.pending[m.Reminder] = p
	d.queueLocked(d.respondTo(m, Held, p.why))
	d.mu.Unlock()
	d.wake(false)
	return nil
}

// retryable reports whether a later attempt may succeed where err failed.
func retryable(err error) bool {
	return !errors.Is(err, ErrNoSessionBus) && !errors.Is(err, context.Canceled) && !errors.Is(err, ErrClosed)
}

// schedule sets p's next attempt after a failure with err: exponential
// backoff, except that Do Not Disturb is waited out (its end wakes the loop)
// with a slow poll for servers that do not signal it.
func (d *dbusBackend) schedule(p *pending, err error, now time.Time) {
	if errors.Is(err, errBannersOff) {
		// GNOME says nothing on the bus when it ends: read it again.
		p.next = now.Add(d.o.DNDPoll)
		return
	}
	if errors.Is(err, ErrInhibited) {
		p.next = now.Add(d.o.RetryMax)
		return
	}
	p.failures++
	p.next = now.Add(backoff.Policy{Min: d.o.RetryMin, Max: d.o.RetryMax}.Wait(p.failures))
}

// wake wakes the retry loop; with now set, everything held is tried at once.
func (d *dbusBackend) wake(now bool) {
	if now {
		d.mu.Lock()
		d.retryNow = true
		d.mu.Unlock()
	}
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// retryLoop retries held messages when they are due, or at once when woken
// by a server appearing or Do Not Disturb ending, and reports the ones whose
// deadline passed as Missed.
func (d *dbusBackend) retryLoop() {
	defer d.wg.Done()
	t := time.NewTimer(time.Hour)
	t.Stop()
	for {
		d.mu.Lock()
		var wake time.Time
		for _, p := range d.pending {
			for _, w := range []time.Time{p.next, p.deadline} {
				if wake.IsZero() || w.Before(wake) {
					wake = w
				}
			}
		}
		d.mu.Unlock()
		if !wake.IsZero() {
			t.Reset(max(wake.Sub(d.o.Now()), 0))
		}
		select {
		case <-d.ctx.Done():
			t.Stop()
			return
		case <-d.kick:
		case <-t.C:
		}
		t.Stop()
		d.retryDue()
	}
}

func (d *dbusBackend) retryDue() {
	now := d.o.Now()
	d.mu.Lock()
	force := d.retryNow
	d.retryNow = false
	var due []*pending
	for name, p := range d.pending {
		switch {
		case !now.Before(p.deadline):
			delete(d.pending, name)
			d.missLocked(p)
		case force || !now.Before(p.next):
			due = append(due, p)
		}
	}
	d.mu.Unlock()
	for _, p := range due {
		if d.ctx.Err() != nil {
			return
		}
		err := d.attempt(d.ctx, p.m)
		if err == nil {
			d.delivered()
		} else {
			d.failure(err)
		}
		d.mu.Lock()
		if d.pending[p.m.Reminder] == p {
			switch {
			case err == nil, errors.Is(err, errInFlight):
				delete(d.pending, p.m.Reminder)
			case !retryable(err):
				delete(d.pending, p.m.Reminder)
				d.missLocked(p)
			default:
				d.schedule(p, err, d.o.Now())
			}
		}
		d.mu.Unlock()
	}
}

// replacedLocked reports held p, replaced by m, as missed unless m is
// about the same firing. d.mu must be held.
func (d *dbusBackend) replacedLocked(p *pending, m Message) {
	if m.Scheduled.IsZero() || !p.m.Scheduled.Equal(m.Scheduled) {
		d.missLocked(p)
	}
}

// missLocked reports p as missed. d.mu must be held.
func (d *dbusBackend) missLocked(p *pending) {
	d.log.Warn("reminder missed: no notification could be shown before its deadline",
		"reminder", p.m.Reminder, "title", p.m.Title, "deadline", p.deadline.Format(time.RFC3339))
	d.queueLocked(d.respondTo(p.m, Missed, "never shown: "+p.why))
}

// queueLocked queues r for OnResponse. d.mu must be held.
func (d *dbusBackend) queueLocked(r Response) {
	d.queue = append(d.queue, r)
	select {
	case d.respond <- struct{}{}:
	default:
	}
}

// dispatch passes queued responses to OnResponse one at a time, so that
// OnResponse may call Notify.
func (d *dbusBackend) dispatch() {
	defer d.wg.Done()
	for {
		d.mu.Lock()
		q := d.queue
		d.queue = nil
		d.mu.Unlock()
		for _, r := range q {
			d.o.OnResponse(r)
		}
		if len(q) > 0 {
			continue
		}
		select {
		case <-d.respond:
		case <-d.ctx.Done():
			d.mu.Lock()
			q := d.queue
			d.queue = nil
			d.mu.Unlock()
			for _, r := range q {
				d.o.OnResponse(r)
			}
			return
		}
	}
}

// failure logs err's kind unless it was logged since the last delivery.
func (d *dbusBackend) failure(err error) {
	k := kindOf(err)
	d.mu.Lock()
	seen := d.failed[k]
	d.failed[k] = true
	d.mu.Unlock()
	if !seen {
		d.log.Warn(failureLogs[k], "err", err)
	}
}

// delivered notes a delivery, ending every failure logged before it.
func (d *dbusBackend) delivered() {
	d.mu.Lock()
	var recovered, dndEnded bool
	for k, f := range d.failed {
		dnd := failure(k) == failInhibited || failure(k) == failBannersOff
		recovered = recovered || f && !dnd
		dndEnded = dndEnded || f && dnd
		d.failed[k] = false
	}
	d.mu.Unlock()
	if recovered {
		d.log.Info("notifications are delivered again")
	}
	if dndEnded {
		d.log.Info("do not disturb has ended: delivering held reminders")
	}
}

// attempt shows m once, within the call timeout. What the server said
// about itself (capabilities, name, Do Not Disturb) comes from the cache
// (server_linux.go), so a reminder costs one round trip: the Notify call.
// When that call is not answered in time it stays in flight and attempt
// returns errInFlight: the answer is awaited in the background and m is not
// sent again. While a call for m.Reminder is in flight, attempt returns
// errBusy without sending.
func (d *dbusBackend) attempt(ctx context.Context, m Message) error {
	ctx, cancel := context.WithTimeout(ctx, d.o.CallTimeout)
	defer cancel()
	conn, err := d.connection(ctx)
	if err != nil {
		return err
	}
	info, err := d.serverInfo(ctx, conn)
	if err != nil {
		return err
	}
	if info.inhibited {
		// Confirm it, for servers that do not signal its end.
		if on, err := d.readInhibited(ctx, conn); err != nil {
			return err
		} else if on {
			return ErrInhibited
		}
	}
	serverName := func() (string, error) { return info.name, nil }
	if err := d.checkBanners(ctx, serverName, info.hasInhibited); err != nil {
		return err
	}

	body := m.Body
	if info.has("body-markup") {
		body = escapeMarkup(body)
	}
	var actions []string
	switch {
	case !info.has("actions") || m.NoActions:
	case m.Stop:
		actions = []string{keyStop, "Stop"}
	case len(m.Choices) > 0:
		for i, label := range m.Choices[:min(len(m.Choices), MaxChoices)] {
			actions = append(actions, keyChoice+strconv.Itoa(i), label)
		}
	default:
		if m.Start {
			actions = append(actions, keyStart, "Start")
		}
		actions = append(actions, keyDone, "Done", keySnooze, "Snooze")
	}
	hints := map[string]dbus.Variant{
		"urgency":       dbus.MakeVariant(m.Urgency.level()),
		"category":      dbus.MakeVariant(Category),
		"desktop-entry": dbus.MakeVariant(DesktopEntry),
	}
	if m.Sound != "" && info.has("sound") {
		hints["sound-name"] = dbus.MakeVariant(m.Sound)
	}
	return d.send(ctx, conn, info.owner, m, body, actions, hints, expireTimeout(m.Expire, len(actions) > 0))
}

// expireTimeout returns the expire_timeout argument for Message.Expire e:
// -1 for the server's default, 0 for never.
func expireTimeout(e time.Duration, buttons bool) int32 {
	switch {
	case e == ServerDefault:
		return -1
	case e < 0:
		return 0
	case e > 0:
		return max(int32(min(e.Milliseconds(), math.MaxInt32)), 1)
	case buttons:
		// A reminder to answer stays until it is answered.
		return 0
	}
	return -1
}

func isDBusError(err error) bool {
	var e dbus.Error
	var pe *dbus.Error
	return errors.As(err, &e) || errors.As(err, &pe)
}

func dbusErrorName(err error) string {
	var e dbus.Error
	if errors.As(err, &e) {
		return e.Name
	}
	var pe *dbus.Error
	if errors.As(err, &pe) {
		return pe.Name
	}
	return ""
}

// classify turns an error from a call on conn into one that wraps
// ErrNoServer, ErrTimeout or ErrBus where it is one of those.
func (d *dbusBackend) classify(conn *dbus.Conn, err error) error {
	switch dbusErrorName(err) {
	case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
		return fmt.Errorf("%w (%v)", ErrNoServer, err)
	case "org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout", "org.freedesktop.DBus.Error.TimedOut":
		return fmt.Errorf("%w (%v)", ErrTimeout, err)
	case "":
	default:
		if name := dbusErrorName(err); strings.HasPrefix(name, "org.freedesktop.DBus.Error.Spawn.") {
			// D-Bus activation started a server, and it failed.
			return fmt.Errorf("%w: %w (%s)", ErrNoServer, ErrStartFailed, dbusErrorText(err))
		}
		return fmt.Errorf("the notification server answered with an error: %s", dbusErrorText(err))
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w within %v", ErrTimeout, d.o.CallTimeout)
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, dbus.ErrClosed) || !conn.Connected():
		d.dropConnection(conn)
		return fmt.Errorf("%w: %w", ErrBus, err)
	}
	return fmt.Errorf("talking to the notification server: %w", err)
}

// dbusErrorText returns the message of a D-Bus error, or the error's text.
func dbusErrorText(err error) string {
	var e dbus.Error
	var pe *dbus.Error
	switch {
	case errors.As(err, &e):
		pe = &e
	case errors.As(err, &pe):
	default:
		return err.Error()
	}
	if len(pe.Body) > 0 {
		if s, ok := pe.Body[0].(string); ok && s != "" {
			return s
		}
	}
	return pe.Name
}

// connection returns the connection to the session bus, connecting first
// when there is none or the last one broke.
func (d *dbusBackend) connection(ctx context.Context) (*dbus.Conn, error) {
	d.connMu.Lock()
	defer d.connMu.Unlock()
	if d.conn != nil && d.conn.Connected() {
		return d.conn, nil
	}
	d.conn = nil
	bus, err := FindSessionBus()
	if err != nil {
		return nil, err
	}
	conn, err := connect(ctx, bus.Address)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBus, err)
	}
	sigs := make(chan *dbus.Signal, 16)
	conn.Signal(sigs)
	for _, match := range [][]dbus.MatchOption{
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busIface), dbus.WithMatchMember("ActionInvoked")},
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(busIface), dbus.WithMatchMember("NotificationClosed")},
		{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(busPath), dbus.WithMatchInterface(propsIface), dbus.WithMatchMember("PropertiesChanged")},
		{dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, busName)},
	} {
		if err := conn.AddMatchSignalContext(ctx, match...); err != nil {
			conn.Close()
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w: the session bus at %q did not answer", ErrTimeout, bus.Address)
			}
			return nil, fmt.Errorf("%w: %w", ErrBus, err)
		}
	}
	// Ids from an earlier connection belong to a server on a bus that is
	// gone (a new login): replacing them on this one could close someone
	// else's notification.
	d.mu.Lock()
	clear(d.ids)
	clear(d.last)
	d.info = nil
	d.mu.Unlock()
	d.conn = conn
	d.wg.Add(1)
	go d.signals(sigs)
	return conn, nil
}

// dropConnection forgets conn if it is the current connection.
func (d *dbusBackend) dropConnection(conn *dbus.Conn) {
	d.connMu.Lock()
	if d.conn == conn {
		d.conn = nil
	}
	d.connMu.Unlock()
	conn.Close()
}

// signals handles the signals of one connection until it closes.
func (d *dbusBackend) signals(ch <-chan *dbus.Signal) {
	defer d.wg.Done()
	for {
		select {
		case <-d.ctx.Done():
			return
		case s, ok := <-ch:
			if !ok {
				return
			}
			d.signal(s)
		}
	}
}

func (d *dbusBackend) signal(s *dbus.Signal) {
	switch s.Name {
	case busIface + ".ActionInvoked":
		var id uint32
		var key string
		if dbus.Store(s.Body, &id, &key) != nil {
			return
		}
		var a Action
		switch key {
		case keyDone:
			a = Done
		case keySnooze:
			a = Snooze
		case keyStart:
			a = Start
		case keyStop:
			a = Stop
		default:
			i, err := strconv.Atoi(strings.TrimPrefix(key, keyChoice))
			if !strings.HasPrefix(key, keyChoice) || err != nil || i < 0 || i >= MaxChoices {
				return
			}
			a = ChoiceAction(i)
		}
		d.answer(id, a)
	case busIface + ".NotificationClosed":
		var id, reason uint32
		if dbus.Store(s.Body, &id, &reason) != nil {
			return
		}
		switch reason {
		case 1:
			d.answer(id, Expired)
		case 2:
			d.answer(id, Dismissed)
		default:
			// Closed by a call (ours, or replaced) or for no stated reason:
			// nothing the user did.
			d.answer(id, 0)
		}
	case propsIface + ".PropertiesChanged":
		var iface string
		var changed map[string]dbus.Variant
		var invalidated []string
		if dbus.Store(s.Body, &iface, &changed, &invalidated) != nil || iface != busIface {
			return
		}
		v, ok := changed["Inhibited"]
		if on, isBool := v.Value().(bool); ok && isBool {
			d.setInhibited(nil, on)
			if !on {
				d.wake(true)
			}
		}
		for _, p := range invalidated {
			if p == "Inhibited" {
				d.forgetServer()
				d.wake(true)
			}
		}
	case "org.freedesktop.DBus.NameOwnerChanged":
		var name, oldOwner, newOwner string
		if dbus.Store(s.Body, &name, &oldOwner, &newOwner) != nil || name != busName {
			return
		}
		// Another server, or none: what the old one said is void.
		d.forgetServer()
		if oldOwner != "" {
			// The server went away, and its notifications with it.
			d.mu.Lock()
			clear(d.ids)
			clear(d.last)
			d.mu.Unlock()
		}
		if newOwner != "" {
			d.wake(true)
		}
	}
}

// answer records that notification id was answered with a; a zero a
// forgets id without a Response. Ids bedtime did not send, or already
// answered, are ignored: a server that closes a notification after an
// action was invoked does not turn Done into Dismissed.
func (d *dbusBackend) answer(id uint32, a Action) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.ids[id]; !ok && len(d.flights) > 0 {
		// The server's signal can overtake the reply to a Notify call
		// still in flight: keep the first answer to an id not yet known
		// until the reply says whose it is.
		if _, seen := d.early[id]; !seen {
			d.early[id] = a
		}
		return
	}
	d.answerLocked(id, a)
}

// answerLocked is answer with d.mu held.
func (d *dbusBackend) answerLocked(id uint32, a Action) {
	n, ok := d.ids[id]
	if !ok {
		return
	}
	delete(d.ids, id)
	if d.last[n.reminder] == id {
		delete(d.last, n.reminder)
	}
	if a != 0 {
		d.queueLocked(Response{Reminder: n.reminder, Action: a, At: d.o.Now(), Scheduled: n.scheduled, Step: n.step})
	}
}

// Withdraw closes the notification shown for reminder, forgetting its id
// first so that the server's NotificationClosed gives no Response, and
// drops a message held for it.
func (d *dbusBackend) Withdraw(ctx context.Context, reminder string) error {
	d.mu.Lock()
	delete(d.pending, reminder)
	id, ok := d.last[reminder]
	if ok {
		delete(d.last, reminder)
		delete(d.ids, id)
	}
	d.mu.Unlock()
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, d.o.CallTimeout)
	defer cancel()
	conn, err := d.connection(ctx)
	if err != nil {
		return err
	}
	if err := conn.Object(busName, busPath).CallWithContext(ctx, busIface+".CloseNotification", 0, id).Err; err != nil {
		return d.classify(conn, err)
	}
	return nil
}

// Close stops the backend, reports messages still held as Missed, and
// closes the connection.
func (d *dbusBackend) Close() error {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return nil
	}
	d.closed = true
	for name, p := range d.pending {
		delete(d.pending, name)
		d.missLocked(p)
	}
	d.mu.Unlock()
	d.cancel()
	d.connMu.Lock()
	conn := d.conn
	d.conn = nil
	d.connMu.Unlock()
	var err error
	if conn != nil {
		err = conn.Close()
	}
	d.wg.Wait()
	return err
}

// Probe reports the session bus and what the notification server on it
// offers, for `bedtime doctor`. Each call is bounded by DefaultCallTimeout.
// It returns what it found so far with an error wrapping ErrNoSessionBus,
// ErrNoServer or ErrTimeout when a step fails.
func Probe(ctx context.Context) (Report, error) {
	var r Report
	bus, err := FindSessionBus()
	if err != nil {
		return r, err
	}
	r.Bus = bus
	ctx, cancel := context.WithTimeout(ctx, DefaultCallTimeout)
	defer cancel()
	conn, err := connect(ctx, bus.Address)
	if err != nil {
		return r, fmt.Errorf("%w: %w", ErrBus, err)
	}
	defer conn.Close()
	d := &dbusBackend{o: Options{CallTimeout: DefaultCallTimeout}}
	obj := conn.Object(busName, busPath)
	if err := obj.CallWithContext(ctx, busIface+".GetServerInformation", 0).
		Store(&r.Server.Name, &r.Server.Vendor, &r.Server.Version, &r.Server.SpecVersion); err != nil {
		return r, d.classify(conn, err)
	}
	if err := obj.CallWithContext(ctx, busIface+".GetCapabilities", 0).Store(&r.Capabilities); err != nil {
		return r, d.classify(conn, err)
	}
	var inhibited dbus.Variant
	hasInhibited := false
	if err := obj.CallWithContext(ctx, propsIface+".Get", 0, busIface, "Inhibited").Store(&inhibited); err == nil {
		r.Inhibited, r.InhibitedKnown = inhibited.Value().(bool)
		hasInhibited = r.InhibitedKnown
	}
	if r.Server.Name == gnomeServer || !hasInhibited {
		r.ShowBanners, r.ShowBannersKnown = probeBanners(ctx)
		if r.ShowBannersKnown {
			r.Inhibited = r.Inhibited || !r.ShowBanners
			r.InhibitedKnown = true
		}
	}
	return r, nil
}
