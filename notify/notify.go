// Package notify delivers reminders to the user's desktop.
//
// The daemon talks to one small interface, Notifier. Backends implement it:
// the desktop through beeep (every OS), and the log as the last fallback.
package notify

import (
	"context"
	"log/slog"
)

// Message is one notification to show.
type Message struct {
	// Reminder is the name of the reminder this message is for. A newer
	// message for the same reminder replaces an unanswered older one.
	Reminder string
	// Title is the summary line; Body the text below it. Both are shown
	// literally.
	Title, Body string
}

// Notifier shows messages to the user.
type Notifier interface {
	// Notify shows m. It returns an error when m could not be delivered.
	Notify(ctx context.Context, m Message) error
}

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
