// Package calendar exports the coming firings of a schedule as an
// iCalendar file (RFC 5545), so that a calendar app, on a phone too, can
// remind without bedtime running.
//
// The export is a snapshot: one VEVENT per firing, never a recurrence
// rule, because daylight-saving jumps, windows and bedtime-relative times
// make rules inexact. The firings are scheduler.Walk's, the merge behind
// scheduler.Upcoming (and so `bedtime next`), instant for instant. Each event carries
//
//   - a UID that depends only on the reminder and the instant
//     ("magnesium-20261201T193000Z@bedtime"), so exporting again and
//     importing over an earlier export updates events instead of doubling
//     them;
//   - the reminder's title as SUMMARY and the text the notification shows
//     for that instant as DESCRIPTION;
//   - DTSTART in the reminder's time zone (TZID with the IANA name) and a
//     VTIMEZONE for each zone used, whose observances are read from Go's
//     zone data for the exported span; a zone without an IANA name (a bare
//     TZ rule) is written in UTC instead;
//   - a display alarm (VALARM) at the start.
//
// The iCalendar text itself is written by github.com/arran4/golang-ical,
// which does the escaping and the 75-octet line folding.
package calendar
