package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"
)

// Message is one notification to show.
type Message struct {
	// Reminder is the name of the reminder this message is for. A newer
	// message for the same reminder replaces an unanswered older one.
	Reminder string
	// Title is the summary line; Body the text below it. Both are shown
	// literally: characters that a server would read as markup are escaped.
	Title, Body string

	// Urgency is how insistent the notification is; the zero value is
	// UrgencyNormal.
	Urgency Urgency
	// Expire is how long the notification stays on screen. Zero means
	// until the user answers it when it has buttons (a reminder should not
	// vanish unseen) and the server's default otherwise; ServerDefault
	// means the server's default in either case; any other negative value
	// means until the user acts on it. Servers may ignore it (GNOME Shell
	// does).
	Expire time.Duration
	// Sound is a freedesktop sound name, such as DefaultSound, to play
	// with the notification (the sound-name hint). It is sent only to a
	// server that announces the "sound" capability. Empty means silent.
	Sound string
	// Deadline is the last moment the message is still worth showing. While
	// no notification server is on the bus or Do Not Disturb is on, the
	// message is held and retried until then, and reported as Missed after.
	// The zero value means Options.RetryFor after Notify is called.
	Deadline time.Time
	// NoActions leaves out the Done and Snooze buttons (for a test message).
	NoActions bool
	// Choices, when set, are the buttons' labels instead of Done and
	// Snooze: the message asks a question, and the button pressed answers
	// with ChoiceAction(its index).
	Choices []string
	// Start adds a "Start" button that starts the reminder's guided
	// routine (answered with the Start action).
	Start bool
	// Stop makes the message a step of a routine: its only button is
	// "Stop" (answered with the Stop action).
	Stop bool
	// Labels are the Done, Snooze, Start and Stop buttons' words in the
	// person's language (LabelsIn); an empty one is English.
	Labels Labels
	// Scheduled is the scheduled instant the message is about; Step is
	// the step of a guided routine it shows (0 for the reminder itself).
	// Both are passed back in every Response about the message.
	Scheduled time.Time
	Step      int
}

// Special values of Message.Expire.
const (
	// UntilAnswered keeps a notification on screen until the user acts on
	// it (expire_timeout 0).
	UntilAnswered time.Duration = -1
	// ServerDefault leaves how long a notification stays on screen to the
	// server (expire_timeout -1), also for one with buttons.
	ServerDefault time.Duration = math.MinInt64
)

// DefaultSound is the sound of a reminder with a sound and no sound name of
// its own: "message-new-instant", a standard notification sound of the
// freedesktop sound naming specification that every sound theme has.
const DefaultSound = "message-new-instant"

// Urgency is the urgency level of a notification.
type Urgency int

// Urgency levels. The zero value is UrgencyNormal.
const (
	UrgencyNormal Urgency = iota
	UrgencyLow
	UrgencyCritical
)

// level returns the freedesktop urgency byte for u.
func (u Urgency) level() byte {
	switch u {
	case UrgencyLow:
		return 0
	case UrgencyCritical:
		return 2
	default:
		return 1
	}
}

// Notifier shows messages to the user.
type Notifier interface {
	// Notify shows m. It returns an error when m could not be delivered.
	Notify(ctx context.Context, m Message) error
}

// Action is what became of a notification.
type Action int

// Actions reported in a Response.
const (
	// Done means the user pressed Done.
	Done Action = iota + 1
	// Snooze means the user pressed Snooze.
	Snooze
	// Dismissed means the user closed the notification without choosing.
	Dismissed
	// Expired means the notification timed out on screen unanswered.
	Expired
	// Missed means the message was never shown: no notification server
	// came up, or Do Not Disturb stayed on, until its deadline.
	Missed
	// Start means the user pressed Start, to begin the reminder's guided
	// routine.
	Start
	// Shown means a notification server accepted the message (Via says
	// which): it is on the screen.
	Shown
	// Held means the message could not be shown yet and is held for
	// retries until its deadline (Detail says why: no notification
	// server, do not disturb). Shown or Missed follows.
	Held
	// Stop means the user pressed Stop on a step of a routine.
	Stop
)

// choiceBase is the action of the first of Message.Choices.
const choiceBase Action = 1000

// MaxChoices is how many Message.Choices a message may have.
const MaxChoices = 10

// ChoiceAction is the action of the button Message.Choices[i].
func ChoiceAction(i int) Action { return choiceBase + Action(i) }

// Choice reports which of Message.Choices a answers, if it is a choice.
func (a Action) Choice() (int, bool) {
	if a >= choiceBase && a < choiceBase+MaxChoices {
		return int(a - choiceBase), true
	}
	return 0, false
}

var actionNames = [...]string{Done: "done", Snooze: "snooze", Dismissed: "dismissed", Expired: "expired", Missed: "missed", Start: "start", Shown: "shown", Held: "held", Stop: "stop"}

// String returns the lower-case name of a, such as "done".
func (a Action) String() string {
	if i, ok := a.Choice(); ok {
		return fmt.Sprintf("choice %d", i+1)
	}
	if a > 0 && int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("action(%d)", int(a))
}

// Response is one outcome of a notification: the user's answer to it, or
// the news that it was never shown.
type Response struct {
	// Reminder is the Message.Reminder the notification was for.
	Reminder string
	// Action is what happened.
	Action Action
	// At is when it happened.
	At time.Time
	// Scheduled and Step are those of the Message.
	Scheduled time.Time
	Step      int
	// Via names the backend that showed the message (Shown), such as
	// "d-bus" or "beeep".
	Via string
	// Popup, with Shown, is what the backend needs to find the popup
	// again after a restart (see Adopter); opaque, and empty when the
	// backend cannot.
	Popup string
	// Detail says why a message was held or missed.
	Detail string
}

// Errors that Notify and Probe wrap.
var (
	// ErrNoSessionBus means no D-Bus session bus could be found.
	ErrNoSessionBus = errors.New("no session bus")
	// ErrBus means the session bus was found but the connection to it
	// could not be made or broke.
	ErrBus = errors.New("session bus connection failed")
	// ErrNoServer means no notification server is on the session bus.
	ErrNoServer = errors.New("no notification server on the session bus")
	// ErrStartFailed means D-Bus tried to start the notification server on
	// demand (D-Bus activation) and the server failed, as dunst does when
	// it cannot open the display. Errors wrapping it also wrap ErrNoServer.
	ErrStartFailed = errors.New("D-Bus tried to start one, and it failed")
	// ErrTimeout means the bus or the notification server did not answer in time.
	ErrTimeout = errors.New("notification server did not answer in time")
	// ErrInhibited means the desktop has Do Not Disturb on.
	ErrInhibited = errors.New("notifications are inhibited (do not disturb)")
	// ErrUnsupported means the operation does not exist on this OS.
	ErrUnsupported = errors.New("not supported on this operating system")
	// ErrClosed means the notifier was closed.
	ErrClosed = errors.New("notifier closed")
)

// Log is a Notifier that writes each message to a structured logger. It
// never fails, so it is the last fallback.
type Log struct{ Logger *slog.Logger }

// Notify logs m.
func (l Log) Notify(ctx context.Context, m Message) error {
	lg := l.Logger
	if lg == nil {
		lg = slog.Default()
	}
	lg.InfoContext(ctx, "reminder", "reminder", m.Reminder, "title", m.Title, "body", m.Body)
	return nil
}

var _ Notifier = Log{}

// Adopter is a Notifier that can take back a popup an earlier process
// showed, from the Response.Popup it reported then: a later Withdraw closes
// it, an answer on it reaches OnResponse, and the next message of the
// reminder replaces it.
type Adopter interface {
	// Adopt takes back popup, shown for reminder's instant scheduled. It
	// reports false, and changes nothing, when the popup cannot be this
	// backend's (another login's bus, another notification server), so
	// that closing it could never close someone else's notification.
	Adopt(ctx context.Context, reminder string, scheduled time.Time, popup string) bool
}

// Withdrawer is a Notifier that can take a reminder's notification off the
// screen, as when it is answered elsewhere (`bedtime done`, the phone).
type Withdrawer interface {
	// Withdraw closes the notification shown for reminder, if any, and
	// drops a message held for it. It reports nothing through OnResponse.
	Withdraw(ctx context.Context, reminder string) error
}

// NoBusError says why FindSessionBus found no session bus; it wraps
// ErrNoSessionBus. Why is a format with one verb, for What (the address or
// the path looked at), so that it can be told in a person's language (it
// is a message of the locale catalog).
type NoBusError struct{ Why, What string }

func (e *NoBusError) Error() string {
	return ErrNoSessionBus.Error() + ": " + fmt.Sprintf(e.Why, e.What)
}

func (e *NoBusError) Unwrap() error { return ErrNoSessionBus }
