package locale

// errorsMessages are the command line's own errors and what the remaining
// commands say: cobra's and pflag's errors said anew, the wrong number of
// arguments, done, snooze, skip and pause when they cannot, init, edit,
// install, uninstall, start, stop, restart, sync, version and next's
// flags; and the comments of the schedule file init writes
// (templateMessages).
var errorsMessages = []entry{
	// The command line: words that name no command, flags, arguments.
	{Key: "unknown command %s for %s"},
	{Key: "Did you mean this?"},
	{Key: "unknown flag: --%s"},
	{Key: "unknown shorthand flag: %q in -%s"},
	{Key: "-%s is read as a flag: a length of time is never negative; give one over zero, such as 45m"},
	{Key: "flag needs an argument: --%s"},
	{Key: "flag needs an argument: %q in -%s"},
	{Key: "invalid argument %q for %q flag: %s"},
	{Key: "bad flag syntax: %s"},
	{Key: "want a whole number"},
	{Key: "want true or false"},
	{Key: "want a duration such as 90m or 2h"},
	{Key: "%s takes %d arguments, got %d", One: "%s takes %d argument, got %d", Arg: 2},
	{Key: "%s takes at most %d arguments, got %d", One: "%s takes at most %d argument, got %d", Arg: 2},
	{Key: "%s takes at least %d arguments, got %d", One: "%s takes at least %d argument, got %d", Arg: 2},
	{Key: "%s takes %d to %d arguments, got %d", One: "%s takes %d to %d argument, got %d", Arg: 3},
	{Key: "%s takes no arguments, got %s"},
	{Key: "%s has no command %s (its commands: %s)"},
	{Key: "usage: %s"},
	{Key: "example: %s"},
	{Key: "--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location"},
	{Key: "no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)"},
	{Key: "--count %s: want 1 or more"},
	{Key: "--count %s: want 1 to %s"},
	{Key: "--days %s: want 1 or more"},
	{Key: "--days %s: want 1 to %s (ten years)"},
	{Key: "--days %s: want 1 to %s"},
	{Key: "--days lists the nights; leave it out when you record one"},
	{Key: "give --ics: iCalendar is the only export format"},
	{Key: "--by-device needs sync: in the schedule and this computer joined (see bedtime sync)"},
	{Key: "--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)"},
	{Key: "commit"},
	// bedtime --version (cobra's flag; %s is the version).
	{Key: "bedtime version %s"},

	// pause, snooze, skip and done when they cannot.
	{Key: "the schedule file has errors; fix them first (`bedtime validate`)"},
	{Key: "no reminder %q in the schedule (have %s)"},
	{Key: "the change is made, but it could not be written to the history (%v); stats will not count it."},
	{Key: "nothing to mark done: %s"},
	{Key: "nothing to snooze: %s"},
	{Key: "%s is not due"},
	{Key: "%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons"},
	{Key: "%s was last %s at %s"},
	{Key: "%s was already %s at %s"},
	{Key: "expired"},
	{Key: "; it is next due %s (`bedtime skip %s` skips that one)"},
	{Key: "%q is not a duration (want e.g. 45m or 2h)"},
	{Key: "%q is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)"},
	{Key: "%q is longer than a pause can be (%s days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)"},
	{Key: "--until: %q is not a time of day (want HH:MM)"},
	{Key: "give only one of DURATION, --until and --today"},
	{Key: "%q is not a snooze time (want 1m to 24h, such as 10m)"},
	{Key: "%s is disabled in the schedule; there is nothing to skip"},
	{Key: "%s has no next firing"},

	// run, and install with a daemon running.
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop`"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop`"},
	{Key: "bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run bedtime %s again"},

	// install, uninstall, start, stop, restart.
	{Key: "cannot find the bedtime binary: %v"},
	{Key: "bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there"},
	{Key: "cannot find the default schedule file: %v"},
	{Key: "cannot resolve the schedule path %q: %v"},
	{Key: "no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead"},
	{Key: "cannot install the bedtime service: %v"},
	{Key: "The bedtime that ran before the install runs again (pid %s)."},
	{Key: "bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it."},
	{Key: "bedtime exited as soon as it was started (exit status %s)"},
	{Key: "bedtime was ended by %s as soon as it was started"},
	{Key: "bedtime did not finish starting within %s, so systemd stopped it"},
	{Key: "%s; systemd tries again by itself in a few seconds"},
	{Key: "see why with `%s`"},
	{Key: "installed, but cannot read its status: %v"},
	{Key: "installed %s %s"},
	{Key: "chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops"},
	{Key: "it runs %s %s, now and at every login"},
	{Key: "%s beside it is %s and this bedtime is %s: the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again."},
	{Key: "there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then"},
	{Key: "cannot install the tray: %v"},
	{Key: "installed the tray's autostart %s"},
	{Key: "its status icon starts at your next login (`bedtime tray` shows it now)"},
	{Key: "cannot uninstall the bedtime service: %v"},
	{Key: "bedtime is not installed as a service; nothing to do"},
	{Key: "bedtime is stopped and uninstalled; your schedule, state and history are kept"},
	{Key: "cannot start bedtime: %v"},
	{Key: "cannot stop bedtime: %v"},
	{Key: "cannot restart bedtime: %v"},
	{Key: "bedtime started"},
	{Key: "bedtime stopped"},
	{Key: "bedtime was not running; nothing to stop"},
	{Key: "bedtime restarted"},
	{Key: "cannot read the bedtime service's status: %v"},

	// init, edit and their backups.
	{Key: "%s already exists; edit it, or use --force to replace it with the default (it is backed up first)"},
	{Key: "%s is the default schedule already; nothing to do."},
	{Key: "Backed up the old schedule to %s"},
	{Key: "Wrote the default schedule to %s"},
	{Key: "Edit it, then check it with `bedtime validate`."},
	{Key: "To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s"},
	{Key: "(see docs/channels.md, \"Phone and other channels\")."},
	{Key: "cannot remove old backups: %v"},
	{Key: "cannot read the schedule: %v"},
	{Key: "cannot make a private copy: %v"},
	{Key: "%v; %s not changed"},
	{Key: "no editor found (tried %s); set $VISUAL or $EDITOR"},
	{Key: "editor %q not found (the shell said 127); set $VISUAL or $EDITOR"},
	{Key: "editor %q not found; set $VISUAL or $EDITOR"},
	{Key: "cannot read the edited copy: %v; %s not changed"},
	{Key: "No changes; %s left as it was."},
	{Key: "No changes; no schedule file written (the built-in default stays in use)."},
	{Key: "The editor (%s) returned at once, with no change: it opened the copy in a window and did not wait for you."},
	{Key: "To have bedtime edit wait, set VISUAL to its waiting form: \"code --wait\", \"subl -w\", \"gedit -s\"."},
	{Key: "Save and close the file in that window, then press Enter here (Ctrl+D gives up):"},
	{Key: "The copy stays at %s with what you save there; %s is left as it was."},
	{Key: "Installed %s: %s."},
	{Key: "Backed up the previous schedule to %s"},
	{Key: "%s was removed while you edited; writing it anew"},

	// notify, routine, diary, tips and tray.
	{Key: "--variant %s: variants count from 1 (the first); leave out --variant for today's text"},
	{Key: "--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s"},
	{Key: "Shown: %s"},
	{Key: "This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`."},
	{Key: "%s or %s"},
	{Key: "Press %s on it: waiting up to %s (nothing is recorded)..."},
	{Key: "You pressed %s. Nothing was recorded."},
	{Key: "You closed it without pressing a button."},
	{Key: "No answer within %s."},
	{Key: "Stopped waiting. Nothing was recorded."},
	{Key: "give either a routine to play or --stop, not both"},
	{Key: "cannot load routines: %v"},
	{Key: "unknown routine %q: want one of %s"},
	{Key: "Stopped."},
	{Key: "bedtime is not running, so it plays no routine."},
	{Key: "Asked bedtime to stop a routine, if one is playing."},
	{Key: "the schedule file has errors, so its routines are unknown; run `bedtime validate`"},
	{Key: "cannot find the state directory: %v"},
	{Key: "--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)"},
	{Key: "--now records the night going on now; leave out --night"},
	{Key: "unknown topic %q: want one of %s"},
	{Key: "the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work."},
	{Key: "the bedtime tray is already running"},
	{Key: "the tray needs your desktop session's bus (%v); run `bedtime tray` inside your desktop session"},
	{Key: "no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one"},
	{Key: "cannot lock the tray: %v"},
	{Key: "cannot find a place for the report: %v"},
	{Key: "cannot write the report: %v"},
	{Key: "wrote %s, but found no xdg-open to open it (package xdg-utils)"},
	{Key: "no terminal found to run `bedtime edit` in (install xterm, or run it in one)"},
	{Key: "cannot start %s: %v"},

	// Why bedtime diary refuses a value (diary.Error).
	{Key: "want a date such as 2026-03-14 (YYYY-MM-DD)"},
	{Key: "is in the future (the latest night is %s)"},
	{Key: "is more than a year back (the earliest night is %s)"},
	{Key: "want none, some or bad"},
	{Key: "want 0 to %s"},
	{Key: "want 0 (no pain) to 10 (the worst)"},
	{Key: "want 0 (slept well) to 10 (hardly slept)"},
	{Key: "want left, right or both"},
	{Key: "contradicts the other answers (cramps were said too)"},
	{Key: "is for a night with cramps; this one says none"},
	{Key: "nothing to record (give --cramps, --severity, --sleep, --leg or --note)"},
	{Key: "is not valid UTF-8 text"},
	{Key: "is %s characters long; at most %s"},
	{Key: "holds a control character (%s) at byte %s; write it on one line"},

	// sync init and sync join.
	{Key: "this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again"},
	{Key: "Made a sync key (fingerprint %s), kept in %s, readable by you alone."},
	{Key: "This computer is device %s."},
	{Key: "On each other computer, run:"},
	{Key: "The key is the one secret: whoever has it and the folder can read your record."},
	{Key: "Never put it in the synced folder; copy it by hand, or in a file you delete after."},
	{Key: "%q is neither a key nor a file holding one: %v"},
	{Key: "This computer has this key already (fingerprint %s)."},
	{Key: "this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed"},
	{Key: "Joined with key %s; this computer is device %s."},
	{Key: "The running bedtime takes the key at once and shares, without a restart; `bedtime doctor` shows the devices it sees."},
	{Key: "Once the schedule names the folder, the running bedtime starts sharing, without a restart; `bedtime doctor` shows the devices it sees."},
	{Key: "The schedule names the folder %s."},
	{Key: "Name the synced folder in the schedule on each computer (`bedtime edit`):"},
	{Key: "no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)"},
	{Key: "bedtime is not installed as a service; run \"bedtime install\" first"},
	{Key: "not a bedtime key (it should start with %q)"},
	{Key: "not a bedtime key: the part after %q is damaged (copy the whole line again)"},
	{Key: "%s (not synced or not mounted yet?); this computer works alone until it is there"},
	{Key: "%v; showing this computer's record alone"},

	// bedtime export --ics FILE, on the terminal once the file is written.
	{Key: "Wrote %d reminders of the next %d days to %s", One: "Wrote %d reminder of the next %d days to %s", Arg: 1},
}

// templateMessages are the comments of the schedule file `bedtime init`
// writes (config's template.yaml) that are said in the person's language
// (config.TemplateIn): each is one comment's English text, line by line
// without the "# " or the example before it on its line. Keys, values and
// commented-out examples are not among them: they stay as they are.
var templateMessages = []entry{
	{Key: "bedtime schedule: when to remind you of the habits that prevent night leg\n" +
		"cramps. Edit it by hand; the running daemon picks up every save. Check it\n" +
		"with `bedtime validate`, see what comes next with `bedtime next`."},
	{Key: "Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n" +
		"30m, 2h or 1h30m."},
	{Key: "an IANA zone; default: the system's zone"},
	{Key: "en, de, fr or es; default: from LANG"},
	{Key: "When you go to bed. One time for every night..."},
	{Key: "...or one per weekday (a time from 00:00 to 05:59 counts as the night\n" +
		"that begins on that day: fri: \"00:30\" is the early hours of Saturday):"},
	{Key: "Idle this long (no keyboard or mouse input), or the screen locked, means\n" +
		"you are away (1m to 2h; default 5m). What a reminder due while you are\n" +
		"away does is its when_away (below)."},
	{Key: "A break to stand and stretch for 2-3 minutes, every hour of the\n" +
		"working day. `cron` takes a standard five-field cron expression\n" +
		"(minute hour day-of-month month day-of-week) or @daily, @hourly..."},
	{Key: "Water through the day, every two hours, not late in the evening.\n" +
		"`every` counts from the start of `between` (08:00, 10:00, ...), or from\n" +
		"midnight without it; a firing exactly at the window's end is included."},
	{Key: "Magnesium in the evening. `at` takes one time or a list:\n" +
		"at: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\n" +
		"especially if you have kidney problems."},
	{Key: "The calf-stretch routine, 30 minutes before bedtime."},
	{Key: "A short stretch in the morning on working days. `days` works with every\n" +
		"form but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends."},
	{Key: "The morning question of the cramp diary: \"Leg cramps last night?\" with\n" +
		"the buttons None, Some and Bad, on the phone too when a channel is set.\n" +
		"It waits until you are first at the computer after 06:00 (up to 12\n" +
		"hours); the answer goes to the diary (`bedtime diary` adds details,\n" +
		"`bedtime report` sums it up for you and your doctor). A night left\n" +
		"unanswered counts as unknown, never as \"no cramps\". Turn it off with\n" +
		"enabled: false."},
	{Key: "A reminder of your own needs a title or message. Every reminder also\n" +
		"takes, all optional:"},
	{Key: "switch it off without deleting it"},
	{Key: "replace the built-in title"},
	{Key: "replace the built-in text"},
	{Key: "your own texts, shown in turn"},
	{Key: "how long Snooze puts it off (default 10m)"},
	{Key: "how late it may still come after the computer\n" +
		"slept (default 2h for once-a-day reminders,\n" +
		"otherwise 0: a missed one is skipped)"},
	{Key: "come back every 15 minutes until you press\n" +
		"Done or run `bedtime done NAME` (at most 3 times)"},
	{Key: "while you are away or locked: hold it until you\n" +
		"are back (default), skip it (default for\n" +
		"movement), or show it anyway"},
	{Key: "in a call (microphone or camera in use) or with\n" +
		"a fullscreen window: hold it until that ends\n" +
		"(default), or show it anyway"},
	{Key: "stay on screen until answered (default); false:\n" +
		"the notification server's timeout; or a time: 2m"},
	{Key: "true (or a sound name such as bell) plays a sound"},
	{Key: "Guided routines of your own, for a reminder's `routine:` (built in:\n" +
		"calf-stretch, morning-stretch)."},
}

// TemplateComments returns the English texts of the schedule template's
// comments that are translated (templateMessages), in template order.
func TemplateComments() []string {
	out := make([]string, len(templateMessages))
	for i, e := range templateMessages {
		out[i] = e.Key
	}
	return out
}
