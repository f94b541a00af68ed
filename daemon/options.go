package daemon

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/presence"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// Options configure Run. SchedulePath and StateDir are required; the
// other zero values mean the defaults their comments give.
type Options struct {
	// SchedulePath is the schedule file. Builtin ignores it and runs the
	// built-in default schedule.
	SchedulePath string
	Builtin      bool
	// StateDir holds the state, the history and the per-user lock.
	StateDir string
	// Clock is the wall clock; nil means the system's.
	Clock scheduler.Clock
	// Logger gets one line per event; nil means slog.Default().
	Logger *slog.Logger
	// Notifier builds the notifier reminders are shown with; onResponse
	// receives the user's answers. Nil means notify.New.
	Notifier func(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error)
	// ZoneFile is the system's time zone setting, watched for changes;
	// empty means /etc/localtime.
	ZoneFile string
	// ReloadSignals make the daemon reload the schedule (SIGHUP on Unix).
	ReloadSignals []os.Signal
	// Debounce is how long a burst of file events must be quiet before
	// the daemon reloads; zero means DefaultDebounce.
	Debounce time.Duration
	// Version is logged at start.
	Version string
	// OnReload, when set, is called after the schedule is loaded, at the
	// start and at each reload, with the schedule now in use, or nil when
	// the file was rejected (bedtime run: sync follows the schedule's
	// sync: section). OnControl, when set, is called after the daemon
	// applied the state file. (For tests.)
	OnReload  func(*config.Schedule)
	OnControl func(state.State)
	// Ready, when set, is called once the daemon has started: it holds
	// the per-user lock, has loaded its schedule (or the built-in
	// default) and watches it, and is about to wait for the first
	// reminder. bedtime run tells systemd then (service.Ready), so that
	// systemctl start, and bedtime install, return only once it runs.
	// It is not called when Run fails before that.
	Ready func()
	// AlsoWatch are more files to watch, by path, each with what to call
	// when it changes (bedtime run: the sync key, which sync then takes
	// without a restart).
	AlsoWatch map[string]func()
	// Probe asks the desktop's notification server what it is, for the
	// start-up line that says whether reminders can be shown; nil means
	// notify.Probe with the default Notifier, and no probe with another.
	Probe func(context.Context) (notify.Report, error)
	// Presence opens the watch on whether the person is at the computer;
	// nil means presence.Open.
	Presence func(context.Context, presence.Options) (presence.Monitor, presence.Report)
	// Busy opens what says whether the person is busy (in a call, or with
	// a fullscreen window); nil means busy.Open on this machine.
	Busy func(context.Context) (Busy, busy.Report)
	// Ntfy makes the phone channels (ntfy.Maker, of package
	// channel/ntfy); nil: a schedule's ntfy channels are reported and
	// left out. The daemon's package does not link the HTTP client, so
	// that a program that runs no phone channel does not either.
	Ntfy channel.NtfyMaker
	// HandOver, when set, is asked about each schedule the daemon is to
	// run (at start and after each reload), before its channels open;
	// true means another program runs it: the daemon opens no channel for
	// it, and HandOver's caller stops the daemon (bedtime-daemon, which
	// has no ntfy client, hands a schedule with a phone channel to
	// bedtime run so).
	HandOver func(*config.Schedule) bool
	// busyEvery, when not zero, replaces busyRecheck (for tests).
	busyEvery time.Duration
	// Watch watches the files, by path, and calls a file's function when
	// it changes, until ctx is done; nil means the daemon's own watcher on
	// fsnotify. A test in a testing/synctest bubble gives its own and says
	// itself when a file changed: a goroutine waiting on inotify is never
	// durably blocked, so the bubble's time would never move.
	Watch func(ctx context.Context, files map[string]func()) error
	// WriteRetry is how often changes that could not be written (a full
	// disk) are tried again; zero means DefaultWriteRetry.
	WriteRetry time.Duration
	// OnRecord, when set, is called with the history events of each change
	// the daemon records, after they are written. (For tests.)
	OnRecord func([]state.Event)
	// Devices, when set, decides between the person's computers (package
	// devices; see Elector): a firing is shown here only when this
	// computer is elected, and sent to the phone only from the one that
	// sends to it. Nil: this computer is the only one.
	Devices Elector
	// ShowWithin is how long a firing held for another computer waits for
	// it to show or answer it before it is shown here; zero means two
	// minutes (devices.ShowWithin).
	ShowWithin time.Duration
}

// Elector decides between the person's computers; devices.Peers is one.
type Elector interface {
	// Elect returns "" when this computer shows a firing now, given where
	// its person is (here: "here", "away", "locked", "" unknown; input:
	// the last input), else the name of the computer that does.
	Elect(here string, input time.Time) string
	// Handled reports whether another computer showed, answered or
	// skipped the instant; with since set (a snooze shown again), whether
	// it showed or ended it from since on.
	Handled(reminder string, scheduled, since time.Time) bool
	// SendsToPhone reports whether this computer sends to the channels
	// other than the desktop.
	SendsToPhone() bool
}

// DefaultWriteRetry is how often changes that could not be written are
// tried again.
const DefaultWriteRetry = 30 * time.Second

// DefaultDebounce is how long the file watcher waits for a burst of events
// to end before it reloads.
const DefaultDebounce = 100 * time.Millisecond

func (o Options) withDefaults() Options {
	if o.ShowWithin <= 0 {
		o.ShowWithin = 2 * time.Minute
	}
	if o.Clock == nil {
		o.Clock = scheduler.SystemClock{}
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Notifier == nil {
		o.Notifier = DesktopNotifier
		if o.Probe == nil {
			o.Probe = notify.Probe
		}
	}
	if o.ZoneFile == "" {
		o.ZoneFile = "/etc/localtime"
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.WriteRetry <= 0 {
		o.WriteRetry = DefaultWriteRetry
	}
	if o.Presence == nil {
		o.Presence = presence.Open
	}
	if o.Busy == nil {
		o.Busy = func(ctx context.Context) (Busy, busy.Report) { return busy.Open(ctx, busy.Options{}) }
	}
	return o
}

// DesktopNotifier is the default Options.Notifier: the desktop through
// notify.New, with the log as its last fallback.
func DesktopNotifier(log *slog.Logger, onResponse func(notify.Response)) (notify.Notifier, func() error, error) {
	d, err := notify.New(notify.Options{Logger: log, OnResponse: onResponse})
	if err != nil {
		return nil, nil, err
	}
	return d, d.Close, nil
}
