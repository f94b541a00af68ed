// Package scheduler turns reminder schedules into exact wall-clock firings.
//
// A Schedule answers two questions about one reminder: when is it next due
// after a given instant (Next), and when was it last due at or before one
// (Prev). The schedules here follow local wall-clock time with these rules:
//
//   - A fixed local time fires once on each day it is scheduled. If a
//     daylight-saving jump skips that time, it fires at the first instant
//     after the jump; if the time occurs twice, only the first occurrence
//     counts. Times of one reminder that land on the same instant fire once.
//   - An interval (every) counts real elapsed time from its window's start.
//
// Cron expressions mean what they mean to cronie and Vixie cron:
//
//   - A day field (day-of-month or day-of-week) that starts with "*", as
//     "*" and "*/2" do, leaves the day unrestricted, so a day must match
//     both fields: "0 0 */2 * mon" is Mondays that are odd days of the
//     month. Only when both day fields are restricted does a day match
//     either: "0 0 13 * fri" is the 13th and every Friday. The descriptors
//     are the expressions they stand for (@weekly is "0 0 * * 0").
//   - In the day-of-week field 0 and 7 are both Sunday, ranges run up to 7
//     ("5-7", "1-7/2" is Mon, Wed, Fri, Sun), and a range that ends on
//     Sunday written as 0 ("fri-sun", "5-0") runs to the end of the week.
//   - robfig/cron's extensions stay: "?" is "*", and "N/step" is
//     "N-max/step" (max being 7 for the day of the week).
//
// robfig/cron parses the fields; the day fields' rules are applied around
// it. Its own Next skips spring-forward times and repeats fall-back ones,
// so the times are computed here, on the fields' bit sets: a cron's Next
// and Prev cost about the same whether it fires every minute or once in
// years.
//
// An Engine holds the schedules of all reminders and decides, for a given
// wall-clock instant, which reminders are due, which were missed and when to
// wake up next. It is driven by a Clock, so tests can simulate a year in
// milliseconds and jump the clock as suspend/resume and clock changes do.
// What was already handled (the last instant per reminder, snoozes, skips,
// a pause) it asks of a Book: the daemon's is its state, the one place
// that is kept, and the daemon records each event the engine hands over;
// NewEngine keeps a book of its own, for tests and tools.
package scheduler
