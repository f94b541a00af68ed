package locale

// reportMessages are the report for the doctor (bedtime report's HTML;
// its CSV stays English: it is for programs) and its terminal calendar
// (stats --calendar). Words the report shares with the rest of bedtime
// (none, bad, cramps, no answer, done, skipped, missed...) are in
// messages.go.
var reportMessages = []entry{
	// The page's title, heading and the line under it.
	{Key: "Night leg cramps: %s"},
	{Key: "Night leg cramps and the habits against them"},
	{Key: "%s (%d nights) · made by bedtime on %s · times in %s", One: "%s (%d night) · made by bedtime on %s · times in %s", Arg: 2},
	{Key: "%s to %s"},
	{Key: "%s, %s"},

	// A report with nothing in it.
	{Key: "There is nothing to show for this period yet:"},
	{Key: `no night has an answer in the cramp diary and no reminder was recorded. Answer the morning question "%s", or run %s, and the report fills in.`},

	// In short: the summary and the caution.
	{Key: "In short"},
	{Key: "No night of these %d has an answer in the diary, so nothing can be said about cramps."},
	{Key: "Cramps on %d of the %d nights with an answer (%d of them bad).", One: "Cramps on %d of the %d night with an answer (%d of them bad).", Arg: 2},
	{Key: "Cramps on %d of the %d nights with an answer.", One: "Cramps on %d of the %d night with an answer.", Arg: 2},
	{Key: "%d nights have no answer: unknown, not counted as nights without.", One: "%d night has no answer: unknown, not counted as nights without."},
	{Key: "First %d weeks: cramps on %d of %d nights answered.", One: "First week: cramps on %[2]d of %[3]d nights answered."},
	{Key: "Last %d weeks: %d of %d.", One: "Last week: %[2]d of %[3]d."},
	{Key: "Severity, where given (%d nights): %s on average, on a scale of 0 to 10.", One: "Severity, where given (%d night): %s on average, on a scale of 0 to 10."},
	{Key: "Sleep disturbed, where given (%d nights): %s on average, 0 not at all to 10.", One: "Sleep disturbed, where given (%d night): %s on average, 0 not at all to 10."},
	{Key: "%s %d of %d (%s)"},
	{Key: "Reminders done of those due: %s."},
	{Key: "%s%%"},
	{Key: "This report shows what happened, not why. Talk it over with a doctor."},

	// Nights with cramps, per week: the chart, its legend and its table.
	{Key: "Nights with cramps, per week"},
	{Key: "Nights with and without cramps, per week"},
	{Key: "week of %s: %d %s"},
	{Key: "some"},
	{Key: "weeks, by the date of their first night"},
	{Key: "bad (the Bad button, or severity 7 or more)"},
	{Key: "no answer (unknown)"},
	{Key: "Week of"},
	{Key: "of them bad"}, // the weekly table's column after Cramps: a part of it, not a fourth kind of night
	{Key: "Cramps"},
	{Key: "No answer"},
	{Key: "Severity, mean 0-10"},
	{Key: "Sleep disturbed, mean 0-10"},

	// The habits, per week.
	{Key: "The habits, per week: share of reminders done"},
	{Key: "Share of each habit done, per week"},
	{Key: "%s, week of %s: %d of %d done"},
	{Key: "Habit"},
	{Key: "All"},
	{Key: "Each cell: reminders done of those due that week; – nothing due. Skipped on purpose (paused, away) is not due."},

	// The calendar of nights and evening habits.
	{Key: "Calendar: each night, and the habits of the evening it began"},
	{Key: "Calendar of nights and the evening's habits"},
	{Key: "night"},
	{Key: "%s done"},
	{Key: "%s not done"},
	{Key: "%s skipped"},
	{Key: "Night:"},
	{Key: "bad (white dot)"},
	{Key: "Habits:"},
	{Key: "not done"},
	{Key: "never shown"},
	{Key: "%s never shown"},
	{Key: "blank: not due"},
	{Key: "BAD"},
	{Key: "no habits"},
	{Key: "Each cell: the day of the month, the night (none, some, BAD, ? no answer), then %s (✓ done, ✗ not done, ? never shown, - skipped, · not due)."},

	// The comparison: counts, never a cause.
	{Key: "Nights after a habit was done, and after it was not"},
	{Key: "After a day it was done"},
	{Key: "After a day it was due and not done"},
	{Key: "cramps on %d of %d nights", One: "cramps on %d of %d night", Arg: 2},
	{Key: "cramps on %d of %d nights (+%d unanswered)", One: "cramps on %d of %d night (+%d unanswered)", Arg: 2},
	{Key: "no such day"},
	{Key: "Never shown"},
	{Key: "Days it was never shown (computer off or asleep) are left out, as unknown."},
	{Key: "Ask a doctor before taking magnesium, especially if you have kidney problems."},
	{Key: "Counts only. Nights without an answer are left out and counted apart. This shows what happened, not why: many things change from night to night. Talk it over with a doctor."},

	// Notes and the schedule.
	{Key: "Notes"},
	{Key: "%d earlier notes in the CSV (bedtime report --csv).", One: "%d earlier note in the CSV (bedtime report --csv)."},
	{Key: "The schedule in force"},
	// When each reminder is due (config.Reminder.Describe): the words are
	// bedtime's, the values (times, durations, a cron expression) the
	// person's, as the schedule file writes them. The days come last, as
	// "%s, %s" with the short day names when they are not one of these.
	{Key: "at %s"},
	{Key: "every %s"},
	{Key: "every %s between %s and %s"},
	{Key: "%s before bedtime"},
	{Key: "cron %s"},
	{Key: "%s, weekdays"},
	{Key: "%s, weekends"},
	{Key: "off"},
	{Key: "Unknown."},
	{Key: "From %s."},
	{Key: "Changes in the period, as the history shows them: %s."},
	{Key: "%s from %s to %s"},
	{Key: "%s first on %s"},
	{Key: "%s last on %s"},
	{Key: "No reminder came or went in the period, as far as the history shows."},

	// The terminal calendar (stats --calendar).
	{Key: "Nights"},
	{Key: "bad cramps"},
	{Key: "shown, not done"},
	{Key: "nothing due"},
	{Key: "A night belongs to the date it began; blank: outside the period."},
	{Key: "Blank: outside the period."},
	{Key: "no habit %q in the history or the schedule (there are: %s)"},
	// bedtime report and stats --calendar: what the commands say.
	{Key: "Wrote %s: %s to %s. Open it in a browser, or print it."},
	{Key: "the built-in default (no schedule file)"},
	{Key: "%s (it has errors; run bedtime validate)"},
	{Key: "cannot write the report"},
	{Key: "--weeks %s: want 1 to %d (ten years)"},
	{Key: "--habit draws a calendar; add --calendar"},
	{Key: "--calendar draws a grid; for the figures use bedtime report --csv"},

	// bedtime logs: its own messages (the log's lines are the daemon's,
	// short and stable, in English).
	{Key: "-n %s: want 1 to 100000 lines"},
	{Key: "no log yet at %s: bedtime writes it when it runs (`bedtime install`, or `bedtime run` in a terminal)"},
	{Key: "[… %s more bytes of this line left out]"},
}
