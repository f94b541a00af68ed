package locale

// helpMessages are the command line's help: each command's summary and
// description, its flags, the argument names of its usage line, and
// cobra's help and usage layout (cmd/bedtime/help.go writes them). Each
// key is the English text as the command has it, so that the man pages
// and shell completions, which stay English, read the same. Command and
// flag names stay as typed in every language.
var helpMessages = []entry{
	// The layout of every help page (cobra's usage, written again).
	{Key: "Usage:"},
	{Key: "[flags]"},
	{Key: "[command]"},
	{Key: "Aliases:"},
	{Key: "Examples:"},
	{Key: "Available Commands:"},
	{Key: "Additional Commands:"},
	{Key: "Flags:"},
	{Key: "Global Flags:"},
	{Key: "Additional help topics:"},
	{Key: `Use "%s [command] --help" for more information about a command.`},
	// bedtime help TOPIC, for a topic that is no command (cobra's %#q of
	// the words given: [`foo` `bar`]).
	{Key: "Unknown help topic %#q"},
	// A flag's line: the name of its value (pflag's, by type), its
	// default, cobra's own -h and -v.
	{Key: "string"},
	{Key: "int"},
	{Key: "duration"},
	{Key: "(default %s)"},
	{Key: "(DEPRECATED: %s)"},
	{Key: "help for %s"},
	{Key: "version for %s"},

	// bedtime (the root)
	{Key: "Reminders that prevent night leg cramps"},
	{Key: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening (ask a doctor first, especially with
kidney problems) and the calf stretch before bed.

Not medical advice: if cramps are severe or frequent, see a doctor.`},
	{Key: "schedule file (default: the user's config dir)/bedtime/schedule.yaml"},

	// bedtime cramp
	{Key: "What to do during a cramp, and when to see a doctor"},
	{Key: `cramp prints what to do while a leg cramp hurts: stretch, massage, warm,
walk it out, raise the leg; and the signs that mean seeing a doctor.`},

	// bedtime diary
	{Key: "Keep the cramp diary: how last night went, or a cramp now"},
	{Key: `diary records how a night went: whether there were leg cramps, how many,
how bad (0 no pain to 10 the worst), how much they disturbed sleep (0 not at
all to 10), which leg, and a note. A night belongs to the date it began: a
cramp at 3 a.m. on the 7th is the night of the 6th. --night defaults to last
night; a night in the future or more than a year back is refused.

Without flags it lists the last 14 nights (--days N for more); a night
nobody answered for is "no answer", never "no cramps". Say it again to correct it: the latest
answer wins, and the diary keeps what was said and when.

--now records a cramp as it happens and prints what to do about it.

  bedtime diary --cramps 0                      last night: no cramps
  bedtime diary --cramps 2 --severity 6 --sleep 4 --leg left
  bedtime diary --night 2026-03-14 --note "long walk that day"
  bedtime diary --now                           a cramp, right now`},
	{Key: "how many cramps (0: a night without)"},
	{Key: "which leg: left, right or both"},
	{Key: "the night, by the date it began (YYYY-MM-DD; default: last night)"},
	{Key: "a note (one line, at most 1000 characters)"},
	{Key: "record a cramp happening now, and show what to do"},
	{Key: "how many nights to list, up to last night"},
	{Key: "how bad, 0 (no pain) to 10 (the worst)"},
	{Key: "how much they disturbed sleep, 0 (not at all) to 10"},

	// bedtime doctor
	{Key: "Check that reminders can reach you, and say how to fix what is wrong"},
	{Key: `doctor checks, one line each, what bedtime needs to show reminders: the
session bus, a notification server on it (with its name, version and whether
it shows Done and Snooze buttons), a test notification, the schedule file,
the background service, the time zone, how bedtime tells whether you are
at the computer (presence), each channel of the schedule (an ntfy server
gets a test message), with sync the folder and the other computers, and
any file bedtime moved aside from its records. Each failed check says how
to fix it. The exit status is 1 when any check fails.`},

	// bedtime done
	{Key: "Mark the reminder that is due now done (stops its snooze and repeats)"},
	{Key: `done marks the reminder's instant that is on screen, held or snoozed now, or
the one that came due within its catch-up grace, as done. Each instant is done
once: a second done says when it was done and changes nothing.`},
	{Key: "NAME"},

	// bedtime edit
	{Key: "Edit the schedule file safely, like crontab -e"},
	{Key: `Open a private copy of the schedule file in your editor ($VISUAL, else
$EDITOR, else nano or vi; notepad on Windows). When the editor exits, the
copy is checked: a valid schedule is installed at once (the previous file is
kept as a dated .bak beside it; the last 10 are kept) and a running bedtime
picks it up. If it has errors, they are listed and you choose: edit again,
keep the file as it was, or save it anyway. With no schedule file yet, you start from the commented
default and the file is created when you save.`},

	// bedtime export
	{Key: "Export the coming reminders as a calendar file"},
	{Key: `Export the reminders of the coming days as an iCalendar (.ics) file, one
event with an alarm per reminder, to import into a calendar app (a phone's
too), which then reminds you without bedtime. Left out are the firings that
will not fire, those "bedtime next" marks skipped or paused, and the
reminders that ask a question (ask:, such as cramp-diary): a calendar
cannot take the answer. It is a snapshot: export and import again after you
change the schedule, skip a reminder or pause.`},
	{Key: "--ics [--days N] [-o FILE]"},
	{Key: "how many days ahead, 1 to %d"},
	{Key: "write iCalendar (RFC 5545)"},
	{Key: "write to FILE (private, replaced atomically; in a directory, bedtime.ics there) instead of standard output"},

	// bedtime help
	{Key: "Help about any command"},
	{Key: `Help provides help for any command in the application.
Simply type bedtime help [path to command] for full details.`},

	// bedtime init
	{Key: "Write the default schedule to the schedule file, to edit"},
	{Key: `Write the built-in default schedule, with comments that explain every
setting, to the schedule file. An existing file is left alone unless
--force, and then it is backed up first (the last 10 backups are kept).`},
	{Key: "replace an existing file (after backing it up)"},

	// bedtime install
	{Key: "Start bedtime now and at every login, as a per-user service"},
	{Key: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux (an XDG autostart entry where
there is no systemd user manager), a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime-daemon run --config
<schedule>" (the daemon alone, beside bedtime; "bedtime run" where there
is none) with the schedule given by --config, which must exist, or
the default one, which need not yet: until "bedtime init" writes it, the
service runs the built-in default, and it takes the file when it appears.

Running install again updates the service to the current binary and options.`},
	{Key: "also start the status icon (bedtime tray) at every login"},

	// bedtime logs
	{Key: "Show what the daemon logged: the journal under systemd, its log file otherwise"},
	{Key: `logs shows the daemon's log: one line per event (started, fired, done,
schedule loaded or rejected, problems). Under systemd it is the journal
(journalctl --user -u bedtime.service); a bedtime started by hand or from the
desktop's autostart writes a log file of at most about 2 MiB in the state
directory, which logs shows instead.`},
	{Key: "keep showing new lines as they come (Ctrl+C stops)"},
	{Key: "how many of the last lines to show"},

	// bedtime next
	{Key: "Show the next reminders"},
	{Key: `Show the next reminders of the schedule, across all enabled reminders, in
time order, strictly after --from (default: now). IN counts from now, with
--from too: a firing already past says how long ago it was. Without --from
it also shows the snoozes and repeats waiting, and marks the firings that a
skip or a pause will leave out.`},
	{Key: "how many firings to show"},
	{Key: "show firings after this time (RFC 3339; default now)"},
	{Key: "print a JSON array of {reminder, at}"},

	// bedtime notify
	{Key: "Show a reminder's notification now, to try the setup, the texts and the buttons"},
	{Key: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant) and the buttons it has when it
fires (Done, Snooze, and Start when it has a routine). bedtime then waits
up to --wait for you to press one and says which you pressed. Nothing is
recorded: the reminder's state and history stay as they were. With --wait 0
the notification has no buttons and bedtime does not wait. Exits non-zero,
with the reason, when it cannot be shown.`},
	{Key: "show text variant N (1 = the first) instead of today's"},
	{Key: "how long to wait for a button to be pressed (0: show it without buttons and return)"},

	// bedtime pause
	{Key: "Pause all reminders for a while (default 1h)"},
	{Key: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h; at most
30 days, 720h), until the next HH:MM, or for the rest of today. Reminders due
meanwhile are skipped and recorded as such. "bedtime resume" ends the pause
early. For a longer break, turn the reminders off (enabled: false, "bedtime
edit") or stop bedtime ("bedtime uninstall").`},
	{Key: "[DURATION | --until HH:MM | --today]"},
	{Key: "pause for the rest of today"},
	{Key: "pause until the next HH:MM"},

	// bedtime report
	{Key: "Write a report of the cramp diary and the habits, for you and your doctor"},
	{Key: `report writes one HTML file, readable in any browser and printable on two
pages, that puts the cramp diary beside the habits over the last --weeks
weeks: cramp nights per week and how bad, each habit's weekly share done, a
calendar of nights against the evening's habits, nights after a habit was
done compared with nights after it was not (counts: what happened, not why),
the schedule in force and a short summary. It needs no network and runs no
script; the file is private (0600).

--csv writes one row per night instead, for a spreadsheet (to standard
output unless -o names a file); docs/diary.md lists its columns.`},
	{Key: "write one row per night as CSV"},
	{Key: "the file to write (default: bedtime-report.html; with --csv standard output; - for standard output)"},
	{Key: "how many weeks, up to last night"},

	// bedtime restart
	{Key: "Restart the bedtime service"},

	// bedtime resume
	{Key: "End a pause"},

	// bedtime routine
	{Key: "Guide you through a stretch routine, step by step"},
	{Key: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop. A routine the daemon plays (Start on a reminder) has a
Stop button on each step; "bedtime routine --stop" stops it too.`},
	{Key: "[NAME | --stop]"},
	{Key: "stop the routine the running daemon plays"},

	// bedtime run
	{Key: "Run the reminder daemon in the foreground"},
	{Key: `Run the reminder daemon in the foreground: it shows each reminder on time,
reloads the schedule file when it is saved (or on SIGHUP), and stops on
Ctrl+C or SIGTERM. "bedtime install" runs it as a service instead.`},
	{Key: "use the built-in default schedule and ignore any schedule file"},
	{Key: "while the schedule file does not exist, use the built-in default; take the file when it appears"},

	// bedtime skip
	{Key: "Skip a reminder's next firing only"},

	// bedtime snooze
	{Key: "Show a due reminder again after a while (default: its snooze time)"},
	{Key: `snooze puts off the reminder that is on screen or held now, or the one that
came due within its catch-up grace, and shows it again after DURATION (default:
the reminder's snooze time).`},
	{Key: "NAME [DURATION]"},

	// bedtime start
	{Key: "Start the installed bedtime service"},

	// bedtime stats
	{Key: "Show how the habits are going: per reminder, done, missed and streaks"},
	{Key: `stats reads bedtime's history and shows, for each reminder, how often it
was shown, done, snoozed, skipped and missed over the last --days days, how
often it was done when it was due (adherence), a strip with one mark per
day, and the current streak of days on which it was done.

A reminder counts as done when you press Done on it or run "bedtime done".

--calendar draws a month-by-month grid instead, one cell a day, of the
cramp diary's nights (by the date each began) or, with --habit NAME, of one
reminder, over the last --days days rounded up to whole weeks (default
there: 12 weeks) up to last night; in colour on a terminal (unless NO_COLOR
is set), --ascii without.

With sync on (see bedtime sync), the figures are those of all your
computers together, each instant once; --by-device shows what each one
recorded.`},
	{Key: "draw the strips with ASCII characters only"},
	{Key: "with sync on, one table per computer: what each recorded"},
	{Key: "draw a month-by-month grid of the nights (or of --habit)"},
	{Key: "how many days to sum up, today included"},
	{Key: "with --calendar: the reminder to draw instead of the nights"},
	{Key: "print the figures as JSON"},

	// bedtime status
	{Key: "Say whether bedtime is running, what comes next and how today went"},
	{Key: `status says whether bedtime is installed as a service and running (with its
process id and since when), which service manager it uses and where the
service is defined, which schedule it uses, whether it is paused, the next
five reminders, a picture of today with a mark per reminder (done, shown,
missed, skipped, still due) and the daemon's last errors. It exits with
status 3 when bedtime is not running.`},
	{Key: "draw today's strip with ASCII characters only"},
	{Key: "print the status as JSON"},

	// bedtime stop
	{Key: "Stop bedtime (the service, or one started by hand) until the next login or start"},

	// bedtime sync
	{Key: "Share one record between your computers through a synced folder"},
	{Key: `sync sets up sharing between your computers. Each computer writes what
happens to its reminders, sealed with a key your computers share, into a
folder that a sync tool you already use (Syncthing, Nextcloud, Dropbox...)
keeps the same on each; status and stats then show one record for you.

  bedtime sync init          on the first computer: makes the key
  bedtime sync join KEY      on each other computer

and on each, the schedule names the folder:

  sync:
    folder: ~/Sync/bedtime

See docs/several-computers.md.`},

	// bedtime sync init
	{Key: "Make the key your computers share, and say what to run on the next one"},
	{Key: "make a new key even if this computer has one"},

	// bedtime sync join
	{Key: "Join this computer with the key `bedtime sync init` printed on another"},
	{Key: `join keeps the key that "bedtime sync init" printed on your first computer, so
this one can read and write the shared record. Give the key itself, a file
holding it, or - to read it from standard input (so it stays out of your
shell's history).`},
	{Key: "KEY|FILE|-"},
	{Key: "replace this computer's key"},

	// bedtime tips
	{Key: "How to prevent night leg cramps, by topic"},
	{Key: `tips prints how to prevent night leg cramps on one topic. Without a topic it
lists the topics: %s.`},
	{Key: "[TOPIC]"},

	// bedtime tray
	{Key: "Show a status icon: what comes next, pause, and today's answers"},
	{Key: `tray shows bedtime's status icon in the panel's tray (a StatusNotifierItem on
Linux; the notification area on Windows) until you quit it from its menu. The
icon says whether bedtime runs, is paused or has a reminder waiting for an
answer; its tooltip says what comes next; its menu answers reminders (Done,
Snooze), pauses, resumes and skips as the commands of the same names do, lists
today's reminders, opens the schedule in your editor (through bedtime edit)
and starts bedtime when it is not running. It runs beside the daemon, as a
process of its own; "bedtime install --tray" starts it at every login.

On GNOME the tray needs the AppIndicator extension; "bedtime doctor" checks
for a tray host. macOS is not supported yet.`},

	// bedtime uninstall
	{Key: "Stop bedtime and remove the per-user service"},
	{Key: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`},

	// bedtime validate
	{Key: "Check the schedule file"},
	{Key: `Check the schedule file and print every problem with its line and column,
or a one-line summary when it is valid. Exits 1 when the file has errors.`},

	// bedtime version
	{Key: "Print the version, the commit it was built from and the Go version"},
}
