// Package texts chooses the words a firing of a reminder shows: the
// user's own variants from the schedule file, else the built-in ones from
// content, rotated so that the same text never shows twice in a row, with
// the user's title and message winning over the chosen variant.
//
// The rotation depends only on the reminder, the local date of the firing,
// how many firings of that reminder came before it that day and which
// text the one before showed, so the
// daemon (which shows the texts), `bedtime notify` (which shows one now)
// and the calendar export (which writes them ahead) pick the same words
// for the same firing when they walk the same firings in order.
//
// It stands above config (it needs config.Reminder) and content (the
// built-in words); it cannot live in content, which config imports.
package texts
