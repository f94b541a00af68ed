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
// robfig/cron is used only to parse cron expressions; its own Next skips
// spring-forward times and repeats fall-back ones, so the times are computed
// here.
//
// An Engine holds the schedules of all reminders and decides, for a given
// wall-clock instant, which reminders are due, which were missed and when to
// wake up next. It is driven by a Clock, so tests can simulate a year in
// milliseconds and jump the clock as suspend/resume and clock changes do.
package scheduler
