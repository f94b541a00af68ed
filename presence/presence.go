package presence

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/internal/durfmt"
)

// State is whether the person is at the computer.
type State int

// The states, from most to least present.
const (
	// Here means there was input within away.after and the screen is not
	// locked, or that no source can tell.
	Here State = iota
	// Away means no input for at least away.after.
	Away
	// Locked means the screen is locked or the screen saver is up.
	Locked
)

var stateNames = [...]string{Here: "here", Away: "away", Locked: "locked"}

// String returns the lower-case name of s: "here", "away" or "locked".
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("State(%d)", int(s))
	}
	return stateNames[s]
}

// MarshalText returns the name of s, so that JSON has "here", "away" or
// "locked".
func (s State) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(stateNames) {
		return nil, fmt.Errorf("presence: invalid state %d", int(s))
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText reads a name written by MarshalText.
func (s *State) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if n == string(b) {
			*s = State(i)
			return nil
		}
	}
	return fmt.Errorf("presence: unknown state %q (want here, away or locked)", b)
}

// Status is the person's state, since when, and which source said so.
// Its JSON form is {"state": "away", "since": RFC 3339, "source": "..."}.
type Status struct {
	// State is here, away or locked.
	State State `json:"state"`
	// Since is when the state began: for Away the last input, for Locked
	// the lock, for Here the input or unlock that ended the last absence
	// (or when watching began).
	Since time.Time `json:"since"`
	// Source names the source that decided the state, such as "GNOME idle
	// monitor"; "none" when no source works.
	Source string `json:"source"`
}

// String formats s as "away since 12:03:04 (GNOME idle monitor)".
func (s Status) String() string {
	return fmt.Sprintf("%s since %s (%s)", s.State, s.Since.Format(time.TimeOnly), s.Source)
}

// Describe formats s at now for people, as `bedtime status` shows it:
// "away for 12m (GNOME idle monitor)", "here for 2h5m (none)"; under a
// minute in seconds.
func (s Status) Describe(now time.Time) string {
	d := now.Sub(s.Since)
	if d < 0 {
		d = 0
	}
	if d >= time.Minute {
		d = d.Truncate(time.Minute)
	} else {
		d = d.Truncate(time.Second)
	}
	return fmt.Sprintf("%s for %s (%s)", s.State, durfmt.Format(d), s.Source)
}

// Monitor watches whether the person is at the computer.
type Monitor interface {
	// Current returns the state now. Sources without events (X11) are
	// asked here, so call it when a reminder is due rather than trusting
	// the last value from Changes, which may be X11AwayPoll late.
	Current(ctx context.Context) Status
	// Changes delivers every change of state the sources report by
	// themselves. A slow reader misses intermediate states, never the
	// latest one. The channel is closed by Close.
	Changes() <-chan Status
	// Source names the sources in use, such as "GNOME idle monitor; locks:
	// logind".
	Source() string
	// Close stops watching and releases the connections.
	Close() error
}

// DefaultAwayAfter is how long without input counts as away unless the
// schedule says otherwise.
const DefaultAwayAfter = 5 * time.Minute

// Options configure Open. The zero value watches the user's own desktop.
type Options struct {
	// AwayAfter is how long without input counts as away; zero means
	// DefaultAwayAfter.
	AwayAfter time.Duration
	// Logger receives one line when the sources are chosen or change, and
	// one per change of state at debug level; nil discards them.
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Getenv reads the environment: DBUS_SESSION_BUS_ADDRESS,
	// DBUS_SYSTEM_BUS_ADDRESS, XDG_RUNTIME_DIR, WAYLAND_DISPLAY, DISPLAY,
	// XDG_SESSION_TYPE and XDG_SESSION_ID. Nil means os.Getenv.
	Getenv func(string) string
	// Only, when not empty, limits the sources tried to these names
	// (SourceMutter, SourceWayland, ...), for tests and for `bedtime
	// doctor` on a machine with several desktops.
	Only []string

	// awayPoll, when not zero, replaces X11AwayPoll (for tests).
	awayPoll time.Duration
}

// pollEvery returns how often a source without events is asked while the
// person is away.
func (o Options) pollEvery() time.Duration {
	if o.awayPoll > 0 {
		return o.awayPoll
	}
	return X11AwayPoll
}

// Names of the sources, as they appear in Status.Source and Report.
const (
	SourceMutter      = "GNOME idle monitor"
	SourceWayland     = "Wayland ext-idle-notify-v1"
	SourceX11         = "X11 MIT-SCREEN-SAVER"
	SourceLogind      = "logind"
	SourceScreenSaver = "screen saver"
	SourceNone        = "none"
)

// Attempt is one source Open tried.
type Attempt struct {
	// Source names the source, such as SourceMutter.
	Source string
	// Role is "idle" or "lock": what the source was tried for.
	Role string
	// Used reports whether the source is in use.
	Used bool
	// Why says why it is not used, or, when used, what it watches.
	Why string
}

// Report says which sources Open chose and why the others are not used.
type Report struct {
	// Idle names the idle source in use, or SourceNone.
	Idle string
	// Locks name the lock sources in use; empty when none works.
	Locks []string
	// AwayAfter is the idle time that counts as away.
	AwayAfter time.Duration
	// OnDemand reports whether the idle source has no events and is
	// polled (X11): Changes then says the person came back from away up
	// to X11AwayPoll late, and whoever holds something until then and
	// wants it sooner asks Current.
	OnDemand bool
	// Tried lists every source tried, in order.
	Tried []Attempt
}

// String says in one line which sources are used and why the others are
// not, for `bedtime doctor`.
func (r Report) String() string {
	var b strings.Builder
	if r.Idle == SourceNone || r.Idle == "" {
		b.WriteString("none: no idle source, so reminders come as if you were always here")
	} else {
		fmt.Fprintf(&b, "%s (away after %s of no input)", r.Idle, durfmt.Format(r.AwayAfter))
	}
	if len(r.Locks) > 0 {
		fmt.Fprintf(&b, "; locks from %s", strings.Join(r.Locks, " and "))
	} else {
		b.WriteString("; no lock source: a locked screen is not detected")
	}
	var not []string
	for _, a := range r.Tried {
		// A source tried for idleness and locks fails once, said once.
		if line := fmt.Sprintf("%s: %s", a.Source, a.Why); !a.Used && !slices.Contains(not, line) {
			not = append(not, line)
		}
	}
	if len(not) > 0 {
		fmt.Fprintf(&b, "; not used: %s", strings.Join(not, "; "))
	}
	return b.String()
}

// source returns the Monitor.Source text for r.
func (r Report) source() string {
	s := r.Idle
	if s == "" {
		s = SourceNone
	}
	if len(r.Locks) > 0 {
		s += "; locks: " + strings.Join(r.Locks, ", ")
	}
	return s
}

// withDefaults returns o with its zero fields filled in.
func (o Options) withDefaults() Options {
	if o.AwayAfter <= 0 {
		o.AwayAfter = DefaultAwayAfter
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	return o
}

// wants reports whether o allows the source name.
func (o Options) wants(name string) bool {
	if len(o.Only) == 0 {
		return true
	}
	for _, n := range o.Only {
		if n == name {
			return true
		}
	}
	return false
}
