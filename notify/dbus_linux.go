package notify

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
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

// platformBackends returns the Linux chain: the session bus directly (the
// log comes after it in every chain). beeep would only reach the same
// notification server through the same bus, with fewer features.
func platformBackends(o Options) []backend {
	return []backend{newDBus(o)}
}

var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeMarkup escapes the characters a body-markup server would read as markup.
func escapeMarkup(s string) string { return markupEscaper.Replace(s) }

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
	busID  string // the bus's id (org.freedesktop.DBus.GetId); empty when unknown

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
		actions = []string{keyStop, m.Labels.or(m.Labels.Stop, "Stop")}
	case len(m.Choices) > 0:
		for i, label := range m.Choices[:min(len(m.Choices), MaxChoices)] {
			actions = append(actions, keyChoice+strconv.Itoa(i), label)
		}
	default:
		if m.Start {
			actions = append(actions, keyStart, m.Labels.or(m.Labels.Start, "Start"))
		}
		actions = append(actions, keyDone, m.Labels.or(m.Labels.Done, "Done"), keySnooze, m.Labels.or(m.Labels.Snooze, "Snooze"))
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
