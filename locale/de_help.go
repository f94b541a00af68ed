package locale

// deHelp are the German translations of helpMessages, by English key.
var deHelp = []pair{
	{Key: "Usage:", Other: "Aufruf:"},
	{Key: "[flags]", Other: "[Optionen]"},
	{Key: "[command]", Other: "[Befehl]"},
	{Key: "Aliases:", Other: "Aliasse:"},
	{Key: "Examples:", Other: "Beispiele:"},
	{Key: "Available Commands:", Other: "Verfügbare Befehle:"},
	{Key: "Additional Commands:", Other: "Weitere Befehle:"},
	{Key: "Flags:", Other: "Optionen:"},
	{Key: "Global Flags:", Other: "Globale Optionen:"},
	{Key: "Additional help topics:", Other: "Weitere Hilfethemen:"},
	{Key: "Use \"%s [command] --help\" for more information about a command.", Other: "\"%s [Befehl] --help\" zeigt mehr über einen Befehl."},
	{Key: "Unknown help topic %#q", Other: "Unbekanntes Hilfethema %#q"},
	{Key: "string", Other: "Text"},
	{Key: "int", Other: "Zahl"},
	{Key: "duration", Other: "Dauer"},
	{Key: "(default %s)", Other: "(Vorgabe %s)"},
	{Key: "(DEPRECATED: %s)", Other: "(VERALTET: %s)"},
	{Key: "help for %s", Other: "Hilfe zu %s"},
	{Key: "version for %s", Other: "Version von %s"},
	{Key: "Reminders that prevent night leg cramps", Other: "Erinnerungen, die nächtlichen Wadenkrämpfen vorbeugen"},
	{Key: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening (ask a doctor first, especially with
kidney problems) and the calf stretch before bed.

Not medical advice: if cramps are severe or frequent, see a doctor.`, Other: `bedtime läuft im Hintergrund und erinnert dich an die Gewohnheiten, die
nächtlichen Wadenkrämpfen vorbeugen: jede Stunde im Sitzen eine
Bewegungspause, Wasser über den Tag, Magnesium am Abend (frag vorher einen
Arzt, besonders bei Nierenproblemen) und die Wadendehnung vor dem
Schlafengehen.

Keine ärztliche Beratung: Sind die Krämpfe stark oder häufig, geh zum Arzt.`},
	{Key: "schedule file (default: the user's config dir)/bedtime/schedule.yaml", Other: "Plandatei (Vorgabe: Konfigurationsordner des Benutzers)/bedtime/schedule.yaml"},
	{Key: "What to do during a cramp, and when to see a doctor", Other: "Was bei einem Krampf hilft, und wann du zum Arzt solltest"},
	{Key: `cramp prints what to do while a leg cramp hurts: stretch, massage, warm,
walk it out, raise the leg; and the signs that mean seeing a doctor.`, Other: `cramp zeigt, was hilft, solange ein Wadenkrampf wehtut: dehnen, massieren,
wärmen, umhergehen, das Bein hochlegen; und die Zeichen, bei denen du zum
Arzt gehen solltest.`},
	{Key: "Keep the cramp diary: how last night went, or a cramp now", Other: "Krampftagebuch führen: wie die Nacht war, oder ein Krampf jetzt"},
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
  bedtime diary --now                           a cramp, right now`, Other: `diary hält fest, wie eine Nacht war: ob es Wadenkrämpfe gab, wie viele, wie
schlimm (0 kein Schmerz bis 10 der schlimmste), wie sehr sie den Schlaf
störten (0 gar nicht bis 10), welches Bein, und eine Notiz. Eine Nacht gehört
zu dem Datum, an dem sie begann: ein Krampf am 7. um 3 Uhr früh ist die Nacht
vom 6. --night ist ohne Angabe die letzte Nacht; eine Nacht in der Zukunft
oder mehr als ein Jahr zurück wird abgelehnt.

Ohne Optionen zeigt es die letzten 14 Nächte (--days N für mehr); eine
Nacht ohne Antwort heißt "keine Antwort", nie "keine Krämpfe". Zum Berichtigen einfach noch einmal
eintragen: Die neueste Antwort gilt, und das Tagebuch behält, was wann
gesagt wurde.

--now trägt einen Krampf ein, während er geschieht, und zeigt, was hilft.

  bedtime diary --cramps 0                      letzte Nacht: keine Krämpfe
  bedtime diary --cramps 2 --severity 6 --sleep 4 --leg left
  bedtime diary --night 2026-03-14 --note "langer Spaziergang an dem Tag"
  bedtime diary --now                           ein Krampf, genau jetzt`},
	{Key: "how many cramps (0: a night without)", Other: "wie viele Krämpfe (0: eine Nacht ohne)"},
	{Key: "which leg: left, right or both", Other: "welches Bein: left, right oder both"},
	{Key: "the night, by the date it began (YYYY-MM-DD; default: last night)", Other: "die Nacht, nach dem Datum, an dem sie begann (JJJJ-MM-TT; Vorgabe: letzte Nacht)"},
	{Key: "a note (one line, at most 1000 characters)", Other: "eine Notiz (eine Zeile, höchstens 1000 Zeichen)"},
	{Key: "record a cramp happening now, and show what to do", Other: "einen Krampf eintragen, der gerade geschieht, und zeigen, was hilft"},
	{Key: "how many nights to list, up to last night", Other: "wie viele Nächte aufgelistet werden, bis zur letzten Nacht"},
	{Key: "how bad, 0 (no pain) to 10 (the worst)", Other: "wie schlimm, 0 (kein Schmerz) bis 10 (der schlimmste)"},
	{Key: "how much they disturbed sleep, 0 (not at all) to 10", Other: "wie sehr sie den Schlaf störten, 0 (gar nicht) bis 10"},
	{Key: "Check that reminders can reach you, and say how to fix what is wrong", Other: "Prüfen, ob Erinnerungen dich erreichen, und sagen, wie sich Fehler beheben lassen"},
	{Key: `doctor checks, one line each, what bedtime needs to show reminders: the
session bus, a notification server on it (with its name, version and whether
it shows Done and Snooze buttons), a test notification, the schedule file,
the background service, the time zone, how bedtime tells whether you are
at the computer (presence), each channel of the schedule (an ntfy server
gets a test message), with sync the folder and the other computers, and
any file bedtime moved aside from its records. Each failed check says how
to fix it. The exit status is 1 when any check fails.`, Other: `doctor prüft, je eine Zeile, was bedtime braucht, um Erinnerungen zu zeigen:
den Sitzungsbus, einen Benachrichtigungsdienst darauf (mit Name, Version und
ob er die Knöpfe Erledigt und Später zeigt), eine Testbenachrichtigung, die
Plandatei, den Dienst im Hintergrund, die Zeitzone, wie bedtime erkennt, ob
du am Computer bist (Anwesenheit), jeden Kanal des Plans (ein ntfy-Server
bekommt eine Testnachricht), mit Sync den Ordner und die anderen Computer,
und jede Datei, die bedtime aus seinen Aufzeichnungen beiseitegelegt hat.
Jede fehlgeschlagene Prüfung sagt, wie du sie behebst. Der Exit-Status ist
1, wenn eine Prüfung fehlschlägt.`},
	{Key: "Mark the reminder that is due now done (stops its snooze and repeats)", Other: "Die jetzt fällige Erinnerung als erledigt eintragen (beendet ihr Verschieben und Wiederholen)"},
	{Key: `done marks the reminder's instant that is on screen, held or snoozed now, or
the one that came due within its catch-up grace, as done. Each instant is done
once: a second done says when it was done and changes nothing.`, Other: `done trägt den Zeitpunkt der Erinnerung als erledigt ein, der jetzt auf dem
Bildschirm, zurückgehalten oder verschoben ist, oder der innerhalb seiner
Nachholfrist fällig wurde. Jeder Zeitpunkt wird einmal erledigt: Ein zweites
done sagt, wann er erledigt wurde, und ändert nichts.`},
	{Key: "NAME", Other: "NAME"},
	{Key: "Edit the schedule file safely, like crontab -e", Other: "Die Plandatei sicher bearbeiten, wie crontab -e"},
	{Key: `Open a private copy of the schedule file in your editor ($VISUAL, else
$EDITOR, else nano or vi; notepad on Windows). When the editor exits, the
copy is checked: a valid schedule is installed at once (the previous file is
kept as a dated .bak beside it; the last 10 are kept) and a running bedtime
picks it up. If it has errors, they are listed and you choose: edit again,
keep the file as it was, or save it anyway. With no schedule file yet, you start from the commented
default and the file is created when you save.`, Other: `Öffnet eine private Kopie der Plandatei in deinem Editor ($VISUAL, sonst
$EDITOR, sonst nano oder vi; Notepad unter Windows). Wenn der Editor endet,
wird die Kopie geprüft: Ein gültiger Plan wird sofort übernommen (die
vorige Datei bleibt als datierte .bak daneben; die letzten 10 bleiben) und
ein laufendes bedtime liest ihn neu. Hat er Fehler, werden sie gezeigt und
du wählst: weiter bearbeiten, die Datei lassen, wie sie war, oder trotzdem
speichern. Gibt es noch keine Plandatei, beginnst du mit dem kommentierten
Standardplan, und die Datei entsteht beim Speichern.`},
	{Key: "Export the coming reminders as a calendar file", Other: "Die kommenden Erinnerungen als Kalenderdatei exportieren"},
	{Key: `Export the reminders of the coming days as an iCalendar (.ics) file, one
event with an alarm per reminder, to import into a calendar app (a phone's
too), which then reminds you without bedtime. Left out are the firings that
will not fire, those "bedtime next" marks skipped or paused, and the
reminders that ask a question (ask:, such as cramp-diary): a calendar
cannot take the answer. It is a snapshot: export and import again after you
change the schedule, skip a reminder or pause.`, Other: `Exportiert die Erinnerungen der kommenden Tage als iCalendar-Datei (.ics),
ein Termin mit Alarm je Erinnerung, zum Import in eine Kalender-App (auch
auf dem Handy), die dich dann ohne bedtime erinnert. Weggelassen werden die
Zeitpunkte, die nicht kommen, also die "bedtime next" als ausgelassen oder
pausiert markiert, und die Erinnerungen, die eine Frage stellen (ask:, etwa
cramp-diary): Ein Kalender kann die Antwort nicht annehmen. Es ist eine
Momentaufnahme: Nach einer Änderung des Plans, einem Auslassen oder einer
Pause erneut exportieren und importieren.`},
	{Key: "--ics [--days N] [-o FILE]", Other: "--ics [--days N] [-o DATEI]"},
	{Key: "how many days ahead, 1 to %d", Other: "wie viele Tage voraus, 1 bis %d"},
	{Key: "write iCalendar (RFC 5545)", Other: "iCalendar schreiben (RFC 5545)"},
	{Key: "write to FILE (private, replaced atomically; in a directory, bedtime.ics there) instead of standard output", Other: "in DATEI schreiben (privat, atomar ersetzt; in einem Verzeichnis dort bedtime.ics) statt auf die Standardausgabe"},
	{Key: "Help about any command", Other: "Hilfe zu jedem Befehl"},
	{Key: `Help provides help for any command in the application.
Simply type bedtime help [path to command] for full details.`, Other: `help zeigt die Hilfe zu jedem Befehl des Programms.
Gib einfach bedtime help [Pfad zum Befehl] ein, um alles zu sehen.`},
	{Key: "Write the default schedule to the schedule file, to edit", Other: "Den Standardplan in die Plandatei schreiben, zum Bearbeiten"},
	{Key: `Write the built-in default schedule, with comments that explain every
setting, to the schedule file. An existing file is left alone unless
--force, and then it is backed up first (the last 10 backups are kept).`, Other: `Schreibt den eingebauten Standardplan mit Kommentaren, die jede Einstellung
erklären, in die Plandatei. Eine vorhandene Datei bleibt unberührt, außer mit
--force, und dann wird sie zuerst gesichert (die letzten 10 Sicherungen
bleiben).`},
	{Key: "replace an existing file (after backing it up)", Other: "eine vorhandene Datei ersetzen (nachdem sie gesichert ist)"},
	{Key: "Start bedtime now and at every login, as a per-user service", Other: "bedtime jetzt und bei jeder Anmeldung starten, als Benutzerdienst"},
	{Key: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux (an XDG autostart entry where
there is no systemd user manager), a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime-daemon run --config
<schedule>" (the daemon alone, beside bedtime; "bedtime run" where there
is none) with the schedule given by --config, which must exist, or
the default one, which need not yet: until "bedtime init" writes it, the
service runs the built-in default, and it takes the file when it appears.

Running install again updates the service to the current binary and options.`, Other: `install lässt bedtime bei jeder Anmeldung mit deiner Desktop-Sitzung starten
und startet es jetzt: eine systemd-Benutzer-Unit unter Linux (ein
XDG-Autostart-Eintrag, wo es keinen systemd-Benutzerdienst gibt), ein
LaunchAgent unter macOS, ein Autostart-Eintrag bei der Anmeldung unter
Windows. Der Dienst führt "bedtime-daemon run --config <Plan>" aus (den
Daemon allein, neben bedtime; "bedtime run", wo es ihn nicht gibt), mit dem
Plan, den --config angibt und der existieren muss, oder dem vorgegebenen,
der es noch nicht muss: Bis "bedtime init" ihn schreibt, läuft der Dienst
mit dem eingebauten Standardplan, und er übernimmt die Datei, sobald sie
erscheint.

Ein erneutes install bringt den Dienst auf das aktuelle Programm und die
aktuellen Optionen.`},
	{Key: "also start the status icon (bedtime tray) at every login", Other: "auch das Statussymbol (bedtime tray) bei jeder Anmeldung starten"},
	{Key: "Show what the daemon logged: the journal under systemd, its log file otherwise", Other: "Zeigen, was der Daemon protokolliert hat: das Journal unter systemd, sonst seine Logdatei"},
	{Key: `logs shows the daemon's log: one line per event (started, fired, done,
schedule loaded or rejected, problems). Under systemd it is the journal
(journalctl --user -u bedtime.service); a bedtime started by hand or from the
desktop's autostart writes a log file of at most about 2 MiB in the state
directory, which logs shows instead.`, Other: `logs zeigt das Protokoll des Daemons: eine Zeile je Ereignis (gestartet,
ausgelöst, erledigt, Plan geladen oder abgelehnt, Probleme). Unter systemd ist
es das Journal (journalctl --user -u bedtime.service); ein bedtime, das von
Hand oder über den Autostart des Desktops gestartet wurde, schreibt eine
Logdatei von höchstens etwa 2 MiB im Zustandsordner, die logs dann zeigt.`},
	{Key: "keep showing new lines as they come (Ctrl+C stops)", Other: "neue Zeilen weiter zeigen, sobald sie kommen (Strg+C beendet)"},
	{Key: "how many of the last lines to show", Other: "wie viele der letzten Zeilen zeigen"},
	{Key: "Show the next reminders", Other: "Die nächsten Erinnerungen zeigen"},
	{Key: `Show the next reminders of the schedule, across all enabled reminders, in
time order, strictly after --from (default: now). IN counts from now, with
--from too: a firing already past says how long ago it was. Without --from
it also shows the snoozes and repeats waiting, and marks the firings that a
skip or a pause will leave out.`, Other: `Zeigt die nächsten Erinnerungen des Plans, über alle eingeschalteten
Erinnerungen, nach Zeit geordnet, und nur die nach --from (Vorgabe: jetzt):
eine genau zu --from fällige zählt nicht mit. IN zählt ab jetzt, auch mit
--from: ein schon vergangener Zeitpunkt sagt, wie lange er her ist. Ohne
--from zeigt es auch die wartenden Verschiebungen und Wiederholungen und
markiert, was ein Auslassen oder eine Pause ausfallen lässt.`},
	{Key: "how many firings to show", Other: "wie viele Zeitpunkte zeigen"},
	{Key: "show firings after this time (RFC 3339; default now)", Other: "Zeitpunkte nach dieser Zeit zeigen (RFC 3339; Vorgabe: jetzt)"},
	{Key: "print a JSON array of {reminder, at}", Other: "ein JSON-Array von {reminder, at} ausgeben"},
	{Key: "Show a reminder's notification now, to try the setup, the texts and the buttons", Other: "Die Benachrichtigung einer Erinnerung jetzt zeigen, um Einrichtung, Texte und Knöpfe auszuprobieren"},
	{Key: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant) and the buttons it has when it
fires (Done, Snooze, and Start when it has a routine). bedtime then waits
up to --wait for you to press one and says which you pressed. Nothing is
recorded: the reminder's state and history stay as they were. With --wait 0
the notification has no buttons and bedtime does not wait. Exits non-zero,
with the reason, when it cannot be shown.`, Other: `Zeigt jetzt die Benachrichtigung der Erinnerung NAME, mit dem Text, den sie
heute hätte (oder Variante N mit --variant), und den Knöpfen, die sie beim
Auslösen hat (Erledigt, Später, und Starten, wenn sie eine Übung hat).
bedtime wartet dann bis zu --wait, bis du einen drückst, und sagt, welchen.
Nichts wird eingetragen: Zustand und Verlauf der Erinnerung bleiben, wie sie
waren. Mit --wait 0 hat die Benachrichtigung keine Knöpfe und bedtime wartet
nicht. Endet mit einem Fehlerstatus und dem Grund, wenn sie sich nicht
zeigen lässt.`},
	{Key: "show text variant N (1 = the first) instead of today's", Other: "Textvariante N zeigen (1 = die erste) statt der von heute"},
	{Key: "how long to wait for a button to be pressed (0: show it without buttons and return)", Other: "wie lange auf einen Knopfdruck warten (0: ohne Knöpfe zeigen und zurückkehren)"},
	{Key: "Pause all reminders for a while (default 1h)", Other: "Alle Erinnerungen eine Weile pausieren (Vorgabe 1h)"},
	{Key: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h; at most
30 days, 720h), until the next HH:MM, or for the rest of today. Reminders due
meanwhile are skipped and recorded as such. "bedtime resume" ends the pause
early. For a longer break, turn the reminders off (enabled: false, "bedtime
edit") or stop bedtime ("bedtime uninstall").`, Other: `Pausiert alle Erinnerungen: für DAUER (etwa 90m oder 2h; Vorgabe 1h;
höchstens 30 Tage, 720h), bis zum nächsten HH:MM oder für den Rest des
Tages. Erinnerungen, die in der Zeit fällig werden, werden ausgelassen und
als solche eingetragen. "bedtime resume" beendet die Pause früher. Für eine
längere Auszeit schalte die Erinnerungen ab (enabled: false, "bedtime edit")
oder beende bedtime ("bedtime uninstall").`},
	{Key: "[DURATION | --until HH:MM | --today]", Other: "[DAUER | --until HH:MM | --today]"},
	{Key: "pause for the rest of today", Other: "für den Rest des Tages pausieren"},
	{Key: "pause until the next HH:MM", Other: "bis zum nächsten HH:MM pausieren"},
	{Key: "Write a report of the cramp diary and the habits, for you and your doctor", Other: "Einen Bericht über Krampftagebuch und Gewohnheiten schreiben, für dich und deinen Arzt"},
	{Key: `report writes one HTML file, readable in any browser and printable on two
pages, that puts the cramp diary beside the habits over the last --weeks
weeks: cramp nights per week and how bad, each habit's weekly share done, a
calendar of nights against the evening's habits, nights after a habit was
done compared with nights after it was not (counts: what happened, not why),
the schedule in force and a short summary. It needs no network and runs no
script; the file is private (0600).

--csv writes one row per night instead, for a spreadsheet (to standard
output unless -o names a file); docs/diary.md lists its columns.`, Other: `report schreibt eine HTML-Datei, lesbar in jedem Browser und auf zwei Seiten
druckbar, die das Krampftagebuch neben die Gewohnheiten der letzten --weeks
Wochen stellt: Krampfnächte je Woche und wie schlimm, der wöchentlich
erledigte Anteil jeder Gewohnheit, ein Kalender der Nächte neben den
Gewohnheiten des Abends, Nächte nach einer erledigten Gewohnheit verglichen
mit Nächten nach einer nicht erledigten (Zahlen: was geschah, nicht warum),
der geltende Plan und eine kurze Zusammenfassung. Er braucht kein Netz und
führt kein Skript aus; die Datei ist privat (0600).

--csv schreibt stattdessen eine Zeile je Nacht, für eine Tabellenkalkulation
(auf die Standardausgabe, außer -o nennt eine Datei); docs/diary.md nennt
die Spalten.`},
	{Key: "write one row per night as CSV", Other: "eine Zeile je Nacht als CSV schreiben"},
	{Key: "the file to write (default: bedtime-report.html; with --csv standard output; - for standard output)", Other: "die zu schreibende Datei (Vorgabe: bedtime-report.html; mit --csv die Standardausgabe; - für die Standardausgabe)"},
	{Key: "how many weeks, up to last night", Other: "wie viele Wochen, bis zur letzten Nacht"},
	{Key: "Restart the bedtime service", Other: "Den Dienst bedtime neu starten"},
	{Key: "End a pause", Other: "Eine Pause beenden"},
	{Key: "Guide you through a stretch routine, step by step", Other: "Dich Schritt für Schritt durch eine Dehnübung führen"},
	{Key: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop. A routine the daemon plays (Start on a reminder) has a
Stop button on each step; "bedtime routine --stop" stops it too.`, Other: `routine spielt eine angeleitete Übung ab: Jeder Schritt wird mit einem
Countdown ausgegeben und als Desktop-Benachrichtigung gezeigt, die die vorige
ersetzt.

Eingebaute Übungen: calf-stretch (die Vorgabe: die Wadendehnung an der Wand,
30 s, 3-mal je Bein, dann Fußkreisen und Fuß strecken und anziehen) und
morning-stretch. Strg+C beendet sie. Eine Übung, die der Daemon abspielt
(Starten an einer Erinnerung), hat bei jedem Schritt einen Knopf Beenden;
"bedtime routine --stop" beendet sie auch.`},
	{Key: "[NAME | --stop]", Other: "[NAME | --stop]"},
	{Key: "stop the routine the running daemon plays", Other: "die Übung beenden, die der laufende Daemon abspielt"},
	{Key: "Run the reminder daemon in the foreground", Other: "Den Erinnerungs-Daemon im Vordergrund ausführen"},
	{Key: `Run the reminder daemon in the foreground: it shows each reminder on time,
reloads the schedule file when it is saved (or on SIGHUP), and stops on
Ctrl+C or SIGTERM. "bedtime install" runs it as a service instead.`, Other: `Führt den Erinnerungs-Daemon im Vordergrund aus: Er zeigt jede Erinnerung
pünktlich, liest die Plandatei neu, wenn sie gespeichert wird (oder bei
SIGHUP), und endet bei Strg+C oder SIGTERM. "bedtime install" führt ihn
stattdessen als Dienst aus.`},
	{Key: "use the built-in default schedule and ignore any schedule file", Other: "den eingebauten Standardplan nutzen und jede Plandatei übergehen"},
	{Key: "while the schedule file does not exist, use the built-in default; take the file when it appears", Other: "solange die Plandatei nicht existiert, den eingebauten Standardplan nutzen; die Datei übernehmen, sobald sie erscheint"},
	{Key: "Skip a reminder's next firing only", Other: "Nur den nächsten Zeitpunkt einer Erinnerung auslassen"},
	{Key: "Show a due reminder again after a while (default: its snooze time)", Other: "Fällige Erinnerung später wieder zeigen (Vorgabe: ihr snooze)"},
	{Key: `snooze puts off the reminder that is on screen or held now, or the one that
came due within its catch-up grace, and shows it again after DURATION (default:
the reminder's snooze time).`, Other: `snooze verschiebt die Erinnerung, die jetzt auf dem Bildschirm oder
zurückgehalten ist, oder die, die innerhalb ihrer Nachholfrist fällig wurde,
und zeigt sie nach DAUER wieder (Vorgabe: die Verschiebezeit der
Erinnerung).`},
	{Key: "NAME [DURATION]", Other: "NAME [DAUER]"},
	{Key: "Start the installed bedtime service", Other: "Den installierten Dienst bedtime starten"},
	{Key: "Show how the habits are going: per reminder, done, missed and streaks", Other: "Zeigen, wie es mit den Gewohnheiten läuft: je Erinnerung erledigt, verpasst und Serien"},
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
recorded.`, Other: `stats liest den Verlauf von bedtime und zeigt für jede Erinnerung, wie oft
sie in den letzten --days Tagen gezeigt, erledigt, verschoben, ausgelassen
und verpasst wurde, wie oft sie erledigt wurde, wenn sie fällig war
(Einhaltung), einen Streifen mit einem Zeichen je Tag und die aktuelle Serie von
Tagen, an denen sie erledigt wurde.

Eine Erinnerung zählt als erledigt, wenn du auf ihr Erledigt drückst oder
"bedtime done" ausführst.

--calendar zeichnet stattdessen ein Raster Monat für Monat, eine Zelle je
Tag, der Nächte des Krampftagebuchs (nach dem Datum, an dem jede begann)
oder, mit --habit NAME, einer Erinnerung, über die letzten --days Tage,
auf ganze Wochen aufgerundet (Vorgabe dort: 12 Wochen), bis zur letzten
Nacht; farbig im Terminal (außer NO_COLOR ist gesetzt), mit --ascii ohne
Farbe.

Mit Sync (siehe bedtime sync) sind die Zahlen die all deiner Computer
zusammen, jeder Zeitpunkt einmal; --by-device zeigt, was jeder einzelne
festgehalten hat.`},
	{Key: "draw the strips with ASCII characters only", Other: "die Streifen nur mit ASCII-Zeichen zeichnen"},
	{Key: "with sync on, one table per computer: what each recorded", Other: "mit Sync eine Tabelle je Computer: was jeder festgehalten hat"},
	{Key: "draw a month-by-month grid of the nights (or of --habit)", Other: "die Nächte (oder --habit) Monat für Monat als Raster zeichnen"},
	{Key: "how many days to sum up, today included", Other: "wie viele Tage zusammenfassen, heute eingeschlossen"},
	{Key: "with --calendar: the reminder to draw instead of the nights", Other: "mit --calendar: die Erinnerung, die statt der Nächte gezeichnet wird"},
	{Key: "print the figures as JSON", Other: "die Zahlen als JSON ausgeben"},
	{Key: "Say whether bedtime is running, what comes next and how today went", Other: "Sagen, ob bedtime läuft, was als Nächstes kommt, wie der Tag lief"},
	{Key: `status says whether bedtime is installed as a service and running (with its
process id and since when), which service manager it uses and where the
service is defined, which schedule it uses, whether it is paused, the next
five reminders, a picture of today with a mark per reminder (done, shown,
missed, skipped, still due) and the daemon's last errors. It exits with
status 3 when bedtime is not running.`, Other: `status sagt, ob bedtime als Dienst installiert ist und läuft (mit
Prozessnummer und seit wann), welchen Dienstverwalter es nutzt und wo der
Dienst festgelegt ist, welchen Plan es nutzt, ob es pausiert ist, die
nächsten fünf Erinnerungen, ein Bild von heute mit einem Zeichen je
Erinnerung (erledigt, gezeigt, verpasst, ausgelassen, noch fällig) und die
letzten Fehler des Daemons. Der Exit-Status ist 3, wenn bedtime nicht
läuft.`},
	{Key: "draw today's strip with ASCII characters only", Other: "den Streifen von heute nur mit ASCII-Zeichen zeichnen"},
	{Key: "print the status as JSON", Other: "den Status als JSON ausgeben"},
	{Key: "Stop bedtime (the service, or one started by hand) until the next login or start", Other: "bedtime beenden (den Dienst, oder ein von Hand gestartetes) bis zur nächsten Anmeldung oder zum nächsten Start"},
	{Key: "Share one record between your computers through a synced folder", Other: "Einen Verlauf auf deinen Computern über einen Sync-Ordner teilen"},
	{Key: `sync sets up sharing between your computers. Each computer writes what
happens to its reminders, sealed with a key your computers share, into a
folder that a sync tool you already use (Syncthing, Nextcloud, Dropbox...)
keeps the same on each; status and stats then show one record for you.

  bedtime sync init          on the first computer: makes the key
  bedtime sync join KEY      on each other computer

and on each, the schedule names the folder:

  sync:
    folder: ~/Sync/bedtime

See docs/several-computers.md.`, Other: `sync richtet das Teilen zwischen deinen Computern ein. Jeder Computer
schreibt, was mit seinen Erinnerungen geschieht, versiegelt mit einem
Schlüssel, den deine Computer teilen, in einen Ordner, den ein Sync-Programm,
das du schon nutzt (Syncthing, Nextcloud, Dropbox...), auf allen gleich
hält; status und stats zeigen dann einen gemeinsamen Verlauf.

  bedtime sync init            auf dem ersten Computer: erzeugt den Schlüssel
  bedtime sync join SCHLÜSSEL  auf jedem weiteren Computer

und auf jedem nennt der Plan den Ordner:

  sync:
    folder: ~/Sync/bedtime

Siehe docs/several-computers.md.`},
	{Key: "Make the key your computers share, and say what to run on the next one", Other: "Den Schlüssel erzeugen, den deine Computer teilen, und sagen, was auf dem nächsten auszuführen ist"},
	{Key: "make a new key even if this computer has one", Other: "einen neuen Schlüssel erzeugen, auch wenn dieser Computer einen hat"},
	{Key: "Join this computer with the key `bedtime sync init` printed on another", Other: "Diesen Computer mit dem Schlüssel verbinden, den `bedtime sync init` auf einem anderen ausgegeben hat"},
	{Key: `join keeps the key that "bedtime sync init" printed on your first computer, so
this one can read and write the shared record. Give the key itself, a file
holding it, or - to read it from standard input (so it stays out of your
shell's history).`, Other: `join übernimmt den Schlüssel, den "bedtime sync init" auf deinem ersten
Computer ausgegeben hat, damit dieser den gemeinsamen Verlauf lesen und
schreiben kann. Gib den Schlüssel selbst an, eine Datei, die ihn enthält,
oder -, um ihn von der Standardeingabe zu lesen (so bleibt er aus dem
Verlauf deiner Shell).`},
	{Key: "KEY|FILE|-", Other: "SCHLÜSSEL|DATEI|-"},
	{Key: "replace this computer's key", Other: "den Schlüssel dieses Computers ersetzen"},
	{Key: "How to prevent night leg cramps, by topic", Other: "Wie du nächtlichen Wadenkrämpfen vorbeugst, nach Thema"},
	{Key: `tips prints how to prevent night leg cramps on one topic. Without a topic it
lists the topics: %s.`, Other: `tips zeigt, wie du nächtlichen Wadenkrämpfen vorbeugst, zu einem Thema. Ohne
Thema listet es die Themen auf: %s.`},
	{Key: "[TOPIC]", Other: "[THEMA]"},
	{Key: "Show a status icon: what comes next, pause, and today's answers", Other: "Statussymbol zeigen: Nächstes, Pause und die Antworten von heute"},
	{Key: `tray shows bedtime's status icon in the panel's tray (a StatusNotifierItem on
Linux; the notification area on Windows) until you quit it from its menu. The
icon says whether bedtime runs, is paused or has a reminder waiting for an
answer; its tooltip says what comes next; its menu answers reminders (Done,
Snooze), pauses, resumes and skips as the commands of the same names do, lists
today's reminders, opens the schedule in your editor (through bedtime edit)
and starts bedtime when it is not running. It runs beside the daemon, as a
process of its own; "bedtime install --tray" starts it at every login.

On GNOME the tray needs the AppIndicator extension; "bedtime doctor" checks
for a tray host. macOS is not supported yet.`, Other: `tray zeigt das Statussymbol von bedtime im Tray der Leiste (ein
StatusNotifierItem unter Linux; der Infobereich unter Windows), bis du es über
sein Menü beendest. Das Symbol zeigt, ob bedtime läuft, pausiert ist oder
eine Erinnerung auf Antwort wartet; sein Tooltip sagt, was als Nächstes
kommt; sein Menü beantwortet Erinnerungen (Erledigt, Später), pausiert,
setzt fort und lässt aus wie die gleichnamigen Befehle, listet die
Erinnerungen von heute, öffnet den Plan in deinem Editor (über bedtime edit)
und startet bedtime, wenn es nicht läuft. Es läuft neben dem Daemon als
eigener Prozess; "bedtime install --tray" startet es bei jeder Anmeldung.

Unter GNOME braucht der Tray die Erweiterung AppIndicator; "bedtime doctor"
prüft, ob es einen Tray-Host gibt. macOS wird noch nicht unterstützt.`},
	{Key: "Stop bedtime and remove the per-user service", Other: "bedtime beenden und den Dienst des Benutzers entfernen"},
	{Key: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`, Other: `uninstall beendet bedtime, lässt es nicht mehr bei der Anmeldung starten und
entfernt den Dienst. Deine Plandatei, dein Zustand und dein Verlauf bleiben.`},
	{Key: "Check the schedule file", Other: "Die Plandatei prüfen"},
	{Key: `Check the schedule file and print every problem with its line and column,
or a one-line summary when it is valid. Exits 1 when the file has errors.`, Other: `Prüft die Plandatei und zeigt jedes Problem mit Zeile und Spalte, oder eine
einzeilige Zusammenfassung, wenn sie gültig ist. Endet mit Status 1, wenn
die Datei Fehler hat.`},
	{Key: "Print the version, the commit it was built from and the Go version", Other: "Die Version, den Commit des Builds und die Go-Version ausgeben"},
}
