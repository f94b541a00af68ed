package channel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
)

// Action is what an answer from a channel asks for.
type Action string

// The actions a person can answer with.
const (
	ActionDone   Action = "done"
	ActionSnooze Action = "snooze"
)

// MaxChoices is how many Message.Choices a message may have.
const MaxChoices = 10

// ChoiceAction is the action of the button Message.Choices[i].
func ChoiceAction(i int) Action { return Action("choice-" + strconv.Itoa(i)) }

// Choice reports which of Message.Choices a answers, if it is a choice.
func (a Action) Choice() (int, bool) {
	rest, ok := strings.CutPrefix(string(a), "choice-")
	i, err := strconv.Atoi(rest)
	if !ok || err != nil || i < 0 || i >= MaxChoices || ChoiceAction(i) != a {
		return 0, false
	}
	return i, true
}

// Message is what a channel shows for one reminder instant.
type Message struct {
	// Title and Body are the reminder's text.
	Title, Body string
	// Tags are ntfy tags (emoji short codes such as "bed"); other
	// channels ignore them.
	Tags []string
	// Click is a URL the phone opens when the notification is tapped;
	// empty for none.
	Click string
	// Answers offers Done and Snooze buttons where the channel has them,
	// or, when Choices are set, one button per choice (labels) that
	// answers with ChoiceAction(its index).
	Answers bool
	Choices []string `json:",omitempty"`
	// Lang is the language (a tag locale.Parse reads) of the words the
	// channel adds itself: the Done and Snooze buttons and a private
	// channel's text. Empty, or one bedtime does not speak, is English.
	// Choices come already in the person's language.
	Lang string `json:",omitempty"`
	// Showing is when this showing of the instant began: its first, or a
	// snooze or a repeat showing it again. Each showing is sent once,
	// and an answer counts for the showing it was given to. Zero: the
	// instant's only showing.
	Showing time.Time `json:",omitzero"`
}

// Locale returns the locale of m.Lang, English when it names none bedtime
// speaks: the language of the words a channel adds itself.
func (m Message) Locale() *locale.Locale {
	if m.Lang == "" {
		return locale.English
	}
	l, err := locale.Parse(m.Lang)
	if err != nil {
		return locale.English
	}
	return l
}

// Delivery is one attempt to deliver one reminder instant on one channel.
type Delivery struct {
	// Reminder and Scheduled name the instant.
	Reminder  string
	Scheduled time.Time
	// Message is what to show.
	Message Message
	// Ref identifies the instant in an answer without naming the
	// reminder.
	Ref string
	// Tokens holds, per action, the token an answer must carry.
	Tokens map[Action]string
	// Attempt counts the attempts, from 1; First is when the first one
	// began. An attempt after the first may find that an earlier one
	// arrived after all.
	Attempt int
	First   time.Time
}

// Channel delivers reminders somewhere other than the desktop.
type Channel interface {
	// Name returns the channel's name in the schedule file.
	Name() string
	// Deliver delivers d. An error that retrying cannot fix is marked
	// with Permanent.
	Deliver(ctx context.Context, d Delivery) error
	// Check says whether the channel can deliver, for `bedtime doctor`,
	// in l's language.
	Check(ctx context.Context, l *locale.Locale) CheckResult
}

// Reply is one message read from a channel's reply stream, not yet
// verified.
type Reply struct {
	// ID is the server's id of the message; Time is when it was
	// published.
	ID   string
	Time time.Time
	// Ref, Action and Token are what the phone's button sent.
	Ref    string
	Action Action
	Token  string
	// Check marks the harmless message `bedtime doctor` publishes to
	// test that the reply topic is writable.
	Check bool
	// Err says why the message is not a reply bedtime understands.
	Err error
}

// Replier is a Channel whose messages can be answered (ntfy).
type Replier interface {
	Channel
	// Listen reads replies until ctx ends, starting after the message
	// with id since (all new ones when since is empty) and reconnecting
	// with backoff when the connection fails. It calls yield for each
	// message, in order.
	Listen(ctx context.Context, since string, yield func(Reply)) error
}

// Answer is a verified answer from a channel: the person pressed Done or
// Snooze for one reminder instant on, say, their phone.
type Answer struct {
	Reminder  string
	Scheduled time.Time
	Action    Action
	// Channel is the channel the answer came from; Time is when it was
	// given.
	Channel string
	Time    time.Time
}

// CheckResult is what a channel's Check found, one line of `bedtime
// doctor`.
type CheckResult struct {
	// OK reports whether the channel can deliver.
	OK bool
	// Detail says what was found; Fix says what to do when not OK.
	Detail, Fix string
}

// FileError is why a channel refuses a file it reads (token_file): a
// message of the locale catalog and its arguments, so that `bedtime
// doctor` can say it in the person's language.
type FileError struct {
	Format string
	Args   []any
}

func (e *FileError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// In returns the error in l's language.
func (e *FileError) In(l *locale.Locale) string { return l.Sprintf(e.Format, e.Args...) }

// permanent marks an error retrying cannot fix.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent marks err as one that retrying cannot fix (a bad token, a
// program that failed), so the Dispatcher gives up at once.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}

// NtfyMaker makes the channel of a schedule's ntfy: section, logging to
// log: ntfy.Maker (package channel/ntfy), which links net/http and
// crypto/tls, so that a program that runs no phone channel does not.
type NtfyMaker func(name string, c config.NtfyChannel, log *slog.Logger) (Channel, error)

// ErrNoNtfy is why FromConfig without an NtfyMaker leaves out an ntfy
// channel.
var ErrNoNtfy = errors.New("this program does not run phone (ntfy) channels")

// FromConfig builds the channels of the schedule s, the ntfy channels with
// ntfy, which gets log; with a nil ntfy, each is an error naming it that
// wraps ErrNoNtfy. The ntfy channels read their token files now: a token
// file that is missing, not a regular file, not 0600 or not the user's is
// an error naming it. Every channel that can be built is returned, with
// the errors of the others joined.
func FromConfig(s *config.Schedule, ntfy NtfyMaker, log *slog.Logger) (map[string]Channel, error) {
	out := map[string]Channel{}
	var errs []error
	for name, c := range s.Channels {
		switch {
		case c.Ntfy != nil:
			if ntfy == nil {
				errs = append(errs, fmt.Errorf("channel %q: %w", name, ErrNoNtfy))
				continue
			}
			n, err := ntfy(name, *c.Ntfy, log)
			if err != nil {
				errs = append(errs, fmt.Errorf("channel %q: %w", name, err))
				continue
			}
			out[name] = n
		case c.Command != nil:
			out[name] = NewCommand(name, *c.Command)
		}
	}
	return out, errors.Join(errs...)
}
