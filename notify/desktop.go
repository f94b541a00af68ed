package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/locale"
)

// Defaults for Options.
const (
	// DefaultCallTimeout bounds one delivery attempt.
	DefaultCallTimeout = 2 * time.Second
	// DefaultRetryFor is how long a message is held when Message.Deadline is zero.
	DefaultRetryFor = 3 * time.Minute
	// DefaultRetryMin is the first pause between retries.
	DefaultRetryMin = 250 * time.Millisecond
	// DefaultRetryMax is the longest pause between retries.
	DefaultRetryMax = 15 * time.Second
	// MaxDNDPoll is the longest pause between two readings of GNOME's Do
	// Not Disturb setting while it holds a message.
	MaxDNDPoll = 30 * time.Second
	// DefaultDNDCache is how long one reading of GNOME's Do Not Disturb
	// setting is reused.
	DefaultDNDCache = 2 * time.Second
)

// AppName is the application name on every notification.
const AppName = "bedtime"

// DesktopEntry is the desktop-entry hint: the name of bedtime's .desktop file
// without the extension.
const DesktopEntry = "bedtime"

// Category is the category hint on every reminder.
const Category = "x-bedtime.reminder"

// Options configures New. The zero value is ready to use.
type Options struct {
	// Logger receives one line per kind of failure (not one per reminder),
	// missed reminders, and the messages of the log fallback. Nil means
	// slog.Default().
	Logger *slog.Logger

	// OnResponse is called with each Response: Done, Snooze, Dismissed and
	// Expired from the notification server, Missed for held messages that
	// ran out of time. It is called from one goroutine, one Response at a
	// time, and should return quickly. Nil drops responses.
	OnResponse func(Response)

	// CallTimeout bounds each delivery attempt on the bus, all its D-Bus
	// calls together (the connection's handshake too), and each beeep
	// call. A Notify call the server has not answered by then is not sent
	// again: its answer is awaited in the background. Zero means
	// DefaultCallTimeout.
	CallTimeout time.Duration

	// RetryFor is how long a message with no Deadline is held and retried
	// while no notification server is on the bus or Do Not Disturb is on.
	// Zero means DefaultRetryFor. A negative value turns holding off:
	// Notify makes one attempt and returns its error (for `bedtime notify`
	// and `bedtime doctor`).
	RetryFor time.Duration

	// RetryMin and RetryMax bound the exponential backoff between retries.
	// Zero means DefaultRetryMin and DefaultRetryMax. A server that appears
	// on the bus, or Do Not Disturb ending, triggers a retry at once.
	RetryMin, RetryMax time.Duration

	// DNDPoll is how often a message held by GNOME's Do Not Disturb (the
	// show-banners setting, of which GNOME sends no news on the bus) reads
	// the setting again. Zero means RetryMax; it is never more than
	// MaxDNDPoll.
	DNDPoll time.Duration

	// DNDCache is how long one reading of GNOME's show-banners setting is
	// reused, so that a burst of reminders runs gsettings once. Zero means
	// DefaultDNDCache.
	DNDCache time.Duration

	// Icon is the notification icon: a file path or a themed icon name.
	// Empty means the bedtime icon, written once to CacheDir.
	Icon string

	// CacheDir is where the bedtime icon is written. Empty means
	// os.UserCacheDir()/bedtime.
	CacheDir string

	// Clock gives the current time, for deadlines and Response.At, and
	// the waits between retries. Nil means the real clock. A D-Bus call's
	// CallTimeout runs on the real clock whatever Clock is: the call waits
	// on a socket.
	Clock Clock

	// Now, when Clock is nil, replaces only the real clock's readings:
	// deadlines and Response.At come from it, and a wait until t is
	// t.Sub(Now()) of real time. Nil means time.Now.
	Now func() time.Time
}

// Clock is the time a Desktop runs on; scheduler.FakeClock is one for
// tests.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// WaitUntil blocks until the time reaches t or ctx is done. It may
	// return early; callers check Now again.
	WaitUntil(ctx context.Context, t time.Time)
}

// realClock is the system's clock, or real timers with the readings of
// now (Options.Now).
type realClock struct{ now func() time.Time }

func (c realClock) Now() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

func (c realClock) WaitUntil(ctx context.Context, t time.Time) {
	timer := time.NewTimer(t.Sub(c.Now()))
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	}
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() (Options, error) {
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{
		{"CallTimeout", &o.CallTimeout, DefaultCallTimeout},
		{"RetryMin", &o.RetryMin, DefaultRetryMin},
		{"RetryMax", &o.RetryMax, DefaultRetryMax},
		{"DNDPoll", &o.DNDPoll, 0},
		{"DNDCache", &o.DNDCache, DefaultDNDCache},
	} {
		if *d.v < 0 {
			return o, fmt.Errorf("notify: %s is %v, want a positive duration or zero for the default", d.name, *d.v)
		}
		if *d.v == 0 {
			*d.v = d.def
		}
	}
	if o.RetryMax < o.RetryMin {
		o.RetryMax = o.RetryMin
	}
	if o.DNDPoll == 0 {
		o.DNDPoll = o.RetryMax
	}
	o.DNDPoll = min(o.DNDPoll, MaxDNDPoll)
	if o.RetryFor == 0 {
		o.RetryFor = DefaultRetryFor
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.OnResponse == nil {
		o.OnResponse = func(Response) {}
	}
	if o.Clock == nil {
		o.Clock = realClock{now: o.Now}
	}
	return o, nil
}

// backend is one way to show a message.
type backend interface {
	Notifier
	// Name names the backend in errors, such as "d-bus".
	Name() string
	// Close stops the backend's goroutines.
	Close() error
}

// Desktop is the Notifier the daemon uses: it tries the desktop backends in
// order and falls back to the log. Its methods are safe for concurrent use.
type Desktop struct {
	backends   []backend
	log        Log
	onResponse func(Response)
	now        func() time.Time
}

var _ Notifier = (*Desktop)(nil)

// New returns the Desktop notifier for this OS: on Linux the session D-Bus,
// then the log; elsewhere beeep, then the log. New does not connect to anything; the bus is found
// and connected on the first Notify, so a bus that appears later is used.
// New fails only for invalid options. Call Close when done.
func New(opts Options) (*Desktop, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	if o.Icon == "" {
		o.Icon = installIcon(o.CacheDir, o.Logger)
	}
	return &Desktop{backends: platformBackends(o), log: Log{Logger: o.Logger}, onResponse: o.OnResponse, now: o.Clock.Now}, nil
}

// Notify shows m through the first backend that takes it. A message held for
// a notification server or for the end of Do Not Disturb counts as taken: it
// is reported Held, then Shown or Missed through Options.OnResponse. A
// message that a backend shows at once is reported Shown (by the session
// bus from its dispatcher; by a fallback such as beeep from this call). When
// no backend takes m, Notify writes m to the log and returns a *NotShownError
// that says in one sentence why and what to do, and wraps each backend's
// error (ErrNoSessionBus, ErrNoServer, ErrTimeout...). When a backend reports
// ErrInhibited (Do Not Disturb, with holding turned off) or ErrTimeout (the
// bus or the server is there but slow, and may still show m), the later
// desktop backends are not tried: they would go through the same bus, and a
// slow server would show m twice.
func (d *Desktop) Notify(ctx context.Context, m Message) error {
	var errs []error
	for _, b := range d.backends {
		e := b.Notify(ctx, m)
		if e == nil {
			if !reportsShown(b) {
				d.onResponse(Response{Reminder: m.Reminder, Action: Shown, At: d.now(), Scheduled: m.Scheduled, Step: m.Step, Via: b.Name()})
			}
			return nil
		}
		errs = append(errs, &backendError{name: b.Name(), err: e})
		if errors.Is(e, ErrInhibited) || errors.Is(e, ErrTimeout) {
			// The desktop asked for quiet, or has m already: no other way round it.
			break
		}
	}
	d.log.Notify(ctx, m)
	if len(errs) == 0 {
		return nil
	}
	err := &NotShownError{Reminder: m.Reminder, Errs: errs}
	d.log.Logger.DebugContext(ctx, "notification not shown", "reminder", m.Reminder, "detail", err.Detail())
	return err
}

// NotShownError is the error of Desktop.Notify when no backend could show a
// message. Its text is one sentence saying why and what to do; Detail has
// every backend's own error.
type NotShownError struct {
	// Reminder is the Message.Reminder that was not shown.
	Reminder string
	// Errs are the errors of the backends tried, in order, each naming its
	// backend.
	Errs []error
}

// Error returns one sentence: why the reminder was not shown, from the first
// backend's error, and what to do about it.
func (e *NotShownError) Error() string { return e.In(locale.English) }

// In is Error in l's language: the sentence and the explanation are
// catalog messages; what the system said (ExplainIn's last case) stays as
// it came.
func (e *NotShownError) In(l *locale.Locale) string {
	return l.Sprintf("cannot show reminder %q: %s", e.Reminder, ExplainIn(l, e.Errs[0]))
}

// Unwrap returns the backends' errors, so that errors.Is finds ErrNoServer
// and the others.
func (e *NotShownError) Unwrap() []error { return e.Errs }

// Detail returns every backend's error, for the debug log and `bedtime
// doctor`, such as "d-bus: no notification server on the session bus (...);
// beeep: exit status 1".
func (e *NotShownError) Detail() string {
	parts := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		parts[i] = err.Error()
	}
	return strings.Join(parts, "; ")
}

// backendError is one backend's error, named.
type backendError struct {
	name string
	err  error
}

func (e *backendError) Error() string {
	// beeep's errors already start with "beeep: ".
	return e.name + ": " + strings.TrimPrefix(e.err.Error(), e.name+": ")
}
func (e *backendError) Unwrap() error { return e.err }

// Explain says in one short sentence, without a leading capital, what err
// (from Notify or Probe) means for the user's reminders and what to do.
func Explain(err error) string { return ExplainIn(locale.English, err) }

// ExplainIn is Explain in l's language. The sentences are catalog
// messages (locale/messages_doctor.go); an error it does not know is
// quoted as it came, the words of the system.
func ExplainIn(l *locale.Locale, err error) string {
	switch {
	case errors.Is(err, ErrNoSessionBus):
		return l.Sprintf("there is no session bus; run bedtime inside your desktop session, or set DBUS_SESSION_BUS_ADDRESS")
	case errors.Is(err, ErrStartFailed):
		return l.Sprintf("no notification server is running: D-Bus tried to start one, and it failed; run `bedtime doctor`, and see its error with `journalctl --user -b`")
	case errors.Is(err, ErrNoServer):
		return l.Sprintf("no notification server is running; log in to a desktop that has one (GNOME, KDE, Xfce) or start one such as dunst or mako, and check `bedtime doctor`")
	case errors.Is(err, ErrInhibited):
		return l.Sprintf("do not disturb is on; turn it off to see reminders")
	case errors.Is(err, ErrBus):
		return l.Sprintf("the session bus does not answer; log out and in again, or point DBUS_SESSION_BUS_ADDRESS at your desktop session's bus")
	case errors.Is(err, ErrTimeout):
		return l.Sprintf("the notification server did not answer in time; if no popup comes, restart it (or log out and in again)")
	case errors.Is(err, ErrUnsupported):
		return l.Sprintf("this system has no notification centre bedtime can use")
	case errors.Is(err, ErrClosed):
		return l.Sprintf("bedtime is shutting down")
	}
	var be *backendError
	if errors.As(err, &be) {
		err = be.err
	}
	return l.Sprintf("%s; run `bedtime doctor` to see why", err.Error())
}

// Withdraw takes reminder's notification off the screen on every backend
// that can, and drops a message held for it.
func (d *Desktop) Withdraw(ctx context.Context, reminder string) error {
	var err error
	for _, b := range d.backends {
		if w, ok := b.(Withdrawer); ok {
			if e := w.Withdraw(ctx, reminder); e != nil && err == nil {
				err = e
			}
		}
	}
	return err
}

var _ Withdrawer = (*Desktop)(nil)

// Adopt takes back a popup an earlier process showed, on the first backend
// that can.
func (d *Desktop) Adopt(ctx context.Context, reminder string, scheduled time.Time, popup string) bool {
	for _, b := range d.backends {
		if a, ok := b.(Adopter); ok && a.Adopt(ctx, reminder, scheduled, popup) {
			return true
		}
	}
	return false
}

var _ Adopter = (*Desktop)(nil)

// reportsShown reports whether b tells of Shown and Held itself.
func reportsShown(b backend) bool {
	r, ok := b.(interface{ reportsShown() bool })
	return ok && r.reportsShown()
}

// Close stops the backends. Messages still held are reported as Missed.
func (d *Desktop) Close() error {
	var err error
	for _, b := range d.backends {
		if e := b.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}
