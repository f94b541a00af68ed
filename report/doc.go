// Package report turns the cramp diary and the reminders' history into
// what a person and a doctor can read in a minute: a self-contained HTML
// page (HTML, CSV and a terminal calendar grid are three views of one
// Report).
//
// Build is a pure function of its Input (the diary's entries, the
// history's events, the schedule in force, the clock and the zone): it
// folds the diary into nights (diary.Fold), the history into each
// reminder's day marks and weekly counts (state.Instants and state.Stats),
// and puts both side by side, one night per date it began. A night without
// an answer is unknown and is never counted as a night without cramps.
//
// The HTML (WriteHTML) needs no network and no script: styles and charts
// are inline, the charts are SVG drawn by a small template (bars and
// cells need no chart library, and html/template escapes every word a
// person typed), each chart followed by a table of the same figures, in
// the Okabe-Ito colours that stay apart for colour-blind readers, with
// words or symbols in the cells too. It prints on at most two A4 or Letter
// pages for 8 weeks. Where it compares (nights after a habit was done or
// not), it gives counts and says that this shows what happened, not why,
// and to talk it over with a doctor; it says nothing medical beyond the
// article the reminders come from.
//
// WriteCSV writes one row per night (columns in CSVColumns); WriteCalendar
// a month-by-month grid of the nights or of one habit for a terminal.
package report
