package locale

// messages are the catalog's messages, keyed by their English text. Add a
// message here, then its translation to de.go, fr.go and es.go; the tests
// fail until every shipped language has it with the same placeholders.
var messages = []entry{
	// Notification buttons.
	{Key: "Done"},
	{Key: "Snooze"},
	{Key: "Start"},
	{Key: "Stop"},

	// The morning question of the cramp diary (content.CrampQuestion)
	// and its buttons.
	{Key: "Leg cramps last night?"},
	{Key: "One tap for your cramp diary. Add details any time with bedtime diary."},
	{Key: "None"},
	{Key: "Some"},
	{Key: "Bad"},

	// bedtime next: the table's header, how far off a firing is, and its
	// notes (the JSON output stays English: it is for programs).
	{Key: "No reminders are scheduled: every reminder is disabled."},
	{Key: "WHEN"},
	{Key: "REMINDER"},
	{Key: "IN"},
	{Key: "in %s"},
	{Key: "in %s (%s)"},
	{Key: "snoozed"},
	{Key: "skipped"},
	{Key: "paused"},
	{Key: "%ds"},
	{Key: "%dm"},
	{Key: "%dh %02dm"},
	{Key: "%dd %dh"},

	// A guided routine's notifications: each step's title, and the close
	// of a routine without words of its own.
	{Key: "%s (%d of %d)"},
	{Key: "Done."},

	// A guided routine in the terminal (bedtime routine).
	{Key: "%s: %d steps, about %s. Press Ctrl+C to stop.", One: "%s: %d step, about %s. Press Ctrl+C to stop.", Arg: 2},
	{Key: "Step %d of %d: %s"},
	{Key: "%s left"},
	{Key: "done"},

	// bedtime tips: the list of topics.
	{Key: "Tips to prevent night leg cramps. Run `bedtime tips TOPIC` to read one."},
	{Key: "Cramping right now? Run `bedtime cramp`."},

	// bedtime status: its lines' labels, the service, the next reminder,
	// today's strip and the computers (status --json stays English).
	{Key: "service:"},
	{Key: "unit:"},
	{Key: "schedule:"},
	{Key: "next:"},
	{Key: "paused:"},
	{Key: "coming:"},
	{Key: "presence:"},
	{Key: "today:"},
	{Key: "devices:"},
	{Key: "problems:"},
	{Key: "note:"},
	{Key: "unknown"},
	{Key: "unknown: %s"},
	{Key: "bedtime: installed, running (pid %s since %s)"},
	{Key: "bedtime: installed, not running (%s)"},
	{Key: "bedtime: running (pid %s since %s), started by hand"},
	{Key: "bedtime: running (pid %s since %s), but not installed as a service"},
	{Key: "bedtime: not running"},
	{Key: `bedtime: not installed as a service (run "bedtime install")`},
	{Key: "%s; install writes %s"},
	{Key: "the schedule file has errors; run `bedtime validate`"},
	{Key: "none (every reminder is disabled)"},
	{Key: "%s at %s (in %s)"},
	{Key: "until %s (%s more)"},
	{Key: "0h"},
	{Key: "24h"},
	{Key: "%s done  %s shown  %s missed  %s skipped  %s due  (now %s)"},
	{Key: "you are here"},
	{Key: "never heard from"},
	{Key: "heard from %s ago"},
	{Key: ", this computer"},

	// bedtime stats: the figures per reminder (stats --json stays English).
	{Key: "No history yet: bedtime records what happens to each reminder while it runs (`bedtime install` starts it at every login)."},
	{Key: "The last %d days, %s to %s:", One: "The last %d day, %s to %s:"},
	{Key: "DAYS"},
	{Key: "DONE"},
	{Key: "SHOWN"},
	{Key: "SNOOZED"},
	{Key: "DISMISSED"},
	{Key: "UNANSWERED"},
	{Key: "MISSED"},
	{Key: "SKIPPED"},
	{Key: "STREAK"},
	{Key: "%s of %s"},
	{Key: "%s of %s (%s%%)"},
	{Key: "%d days", One: "%d day"},
	{Key: "Days, oldest first: %s done  %s shown, not done  %s missed  %s skipped  %s nothing due"},
	{Key: "Each number counts scheduled instants, each once. DONE: done of those due (skipped ones are not due);"},
	{Key: "a due instant was done, dismissed, unanswered (shown and left, or still waiting) or missed (never shown)."},
	{Key: "%d old history lines matched no instant and are not counted.", One: "%d old history line matched no instant and is not counted."},

	// bedtime diary: the list of the last nights.
	{Key: "The last %d nights, by the date each began:", One: "The last %d night, by the date it began:"},
	{Key: "NIGHT"},
	{Key: "CRAMPS"},
	{Key: "COUNT"},
	{Key: "SEVERITY"},
	{Key: "SLEEP"},
	{Key: "LEG"},
	{Key: "NOTE"},
	{Key: "no answer"},
	{Key: "none"},
	{Key: "yes"},
	{Key: "bad"},
	{Key: "%s (%d answers)", One: "%s (%d answer)", Arg: 2},
	{Key: "left"},
	{Key: "right"},
	{Key: "both"},
	{Key: "Add or correct a night: bedtime diary --cramps N [--severity 0-10] [--sleep 0-10] [--night YYYY-MM-DD]."},
}
