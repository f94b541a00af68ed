package locale

// deErrors are the German translations of errorsMessages, by English key.
var deErrors = map[string]tr{
	"unknown command %s for %s":              t("unbekannter Befehl %s für %s"),
	"Did you mean this?":                     t("Meintest du das?"),
	"unknown flag: --%s":                     t("unbekannte Option: --%s"),
	"unknown shorthand flag: %q in -%s":      t("unbekannte Kurzoption: %q in -%s"),
	"flag needs an argument: --%s":           t("die Option braucht einen Wert: --%s"),
	"flag needs an argument: %q in -%s":      t("die Option braucht einen Wert: %q in -%s"),
	"invalid argument %q for %q flag: %s":    t("ungültiger Wert %q für die Option %q: %s"),
	"bad flag syntax: %s":                    t("falsch geschriebene Option: %s"),
	"want a whole number":                    t("erwartet wird eine ganze Zahl"),
	"want true or false":                     t("erwartet wird true oder false"),
	"want a duration such as 90m or 2h":      t("erwartet wird eine Dauer wie 90m oder 2h"),
	"%s takes %d arguments, got %d":          pl("%s erwartet %d Argument, bekam %d", "%s erwartet %d Argumente, bekam %d"),
	"%s takes at most %d arguments, got %d":  pl("%s erwartet höchstens %d Argument, bekam %d", "%s erwartet höchstens %d Argumente, bekam %d"),
	"%s takes at least %d arguments, got %d": pl("%s erwartet mindestens %d Argument, bekam %d", "%s erwartet mindestens %d Argumente, bekam %d"),
	"%s takes %d to %d arguments, got %d":    pl("%s erwartet %d bis %d Argument, bekam %d", "%s erwartet %d bis %d Argumente, bekam %d"),
	"%s takes no arguments, got %s":          t("%s erwartet keine Argumente, bekam %s"),
	"usage: %s":                              t("Aufruf: %s"),
	"example: %s":                            t("Beispiel: %s"),
	"--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location": t("--config %s: keine solche Datei; `bedtime init --config %s` legt dort eine an, oder lass --config weg, um den üblichen Ort zu nehmen"),
	"no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)":                           t("keine Plandatei unter %s; der eingebaute Standardplan gilt (`bedtime init` legt ihn dort zum Bearbeiten ab)"),
	"--count %s: want 1 or more": t("--count %s: erwartet wird 1 oder mehr"),
	"--count %s: want 1 to %s":   t("--count %s: erwartet wird 1 bis %s"),
	"--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)": t("--from %q ist kein Zeitpunkt (erwartet wird RFC 3339, etwa 2026-11-25T20:00:00+01:00)"),
	"commit": t("Commit"),

	"the schedule file has errors; fix them first (`bedtime validate`)":                             t("die Plandatei hat Fehler; behebe sie zuerst (`bedtime validate`)"),
	"no reminder %q in the schedule (have %s)":                                                      t("keine Erinnerung %q im Plan (vorhanden: %s)"),
	"the change is made, but it could not be written to the history (%v); stats will not count it.": t("die Änderung gilt, konnte aber nicht in den Verlauf geschrieben werden (%v); stats zählt sie nicht."),
	"nothing to mark done: %s":                                                                      t("nichts als erledigt einzutragen: %s"),
	"nothing to snooze: %s":                                                                         t("nichts zu verschieben: %s"),
	"%s is not due":                                                                                 t("%s ist nicht fällig"),
	"%s was last %s at %s":                                                                          t("%s zuletzt %s (%s)"),
	"%s was already %s at %s":                                                                       t("%s ist schon %s (%s)"),
	"expired":                                                                                       t("abgelaufen"),
	"; it is next due %s (`bedtime skip %s` skips that one)":                                        t("; das nächste Mal fällig %s (`bedtime skip %s` lässt es aus)"),
	"%q is not a duration (want e.g. 45m or 2h)":                                                    t("%q ist keine Dauer (erwartet wird etwa 45m oder 2h)"),
	"--until: %q is not a time of day (want HH:MM)":                                                 t("--until: %q ist keine Uhrzeit (erwartet wird HH:MM)"),
	"give only one of DURATION, --until and --today":                                                t("gib nur eines an: DAUER, --until oder --today"),
	"%q is not a snooze time (want 1m to 24h, such as 10m)":                                         t("%q ist keine Verschiebezeit (erwartet wird 1m bis 24h, etwa 10m)"),
	"%s is disabled in the schedule; there is nothing to skip":                                      t("%s ist im Plan ausgeschaltet; es gibt nichts auszulassen"),
	"%s has no next firing":                                                                         t("%s kommt nicht mehr"),

	"already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)":          t("läuft schon (Prozess %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop` (der Dienst) oder `kill %s` (von Hand gestartet)"),
	"already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)": t("läuft schon (Prozess %s seit %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop` (der Dienst) oder `kill %s` (von Hand gestartet)"),
	"bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run install again":                             t("bedtime läuft schon außerhalb des Dienstes (PID %s), und nur eines darf laufen; beende es (bedtime stop) und rufe dann install noch einmal auf"),

	"cannot find the bedtime binary: %v": t("das bedtime-Programm ist nicht zu finden: %v"),
	"bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there": t("bedtime läuft aus einem vorläufigen Build (%q), der wieder verschwindet: baue oder installiere es zuerst (go install oder make build) und rufe install von dort auf"),
	"cannot find the default schedule file: %v": t("die übliche Plandatei ist nicht zu finden: %v"),
	"cannot resolve the schedule path %q: %v":   t("der Pfad der Plandatei %q lässt sich nicht auflösen: %v"),
	"no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead": t("hier gibt es keine unterstützte Dienstverwaltung für Benutzer (%s): starte stattdessen \"bedtime run\" aus dem Autostart deiner Desktop-Sitzung"),
	"cannot install the bedtime service: %v":    t("der bedtime-Dienst lässt sich nicht installieren: %v"),
	"installed, but cannot read its status: %v": t("installiert, aber sein Zustand ist nicht zu lesen: %v"),
	"installed %s %s":                           t("installiert: %s %s"),
	"chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops": t("gewählt, weil %s; die Desktop-Sitzung startet bedtime bei der Anmeldung, und niemand startet es neu, wenn es endet"),
	"it runs %s %s, now and at every login": t("er führt %s %s aus, jetzt und bei jeder Anmeldung"),
	"there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then": t("unter %s gibt es noch keine Plandatei: bis `bedtime init` dort eine anlegt, gilt der eingebaute Standardplan, danach die Datei"),
	"cannot install the tray: %v":                                                   t("das Symbol in der Leiste lässt sich nicht installieren: %v"),
	"installed the tray's autostart %s":                                             t("Autostart für das Symbol in der Leiste installiert: %s"),
	"its status icon starts at your next login (`bedtime tray` shows it now)":       t("das Symbol erscheint bei deiner nächsten Anmeldung (`bedtime tray` zeigt es jetzt)"),
	"cannot uninstall the bedtime service: %v":                                      t("der bedtime-Dienst lässt sich nicht entfernen: %v"),
	"bedtime is not installed as a service; nothing to do":                          t("bedtime ist nicht als Dienst installiert; nichts zu tun"),
	"bedtime is stopped and uninstalled; your schedule, state and history are kept": t("bedtime ist beendet und entfernt; dein Plan, Zustand und Verlauf bleiben erhalten"),
	"cannot start bedtime: %v":                                                      t("bedtime lässt sich nicht starten: %v"),
	"cannot stop bedtime: %v":                                                       t("bedtime lässt sich nicht beenden: %v"),
	"cannot restart bedtime: %v":                                                    t("bedtime lässt sich nicht neu starten: %v"),
	"bedtime started":                                                               t("bedtime gestartet"),
	"bedtime stopped":                                                               t("bedtime beendet"),
	"bedtime restarted":                                                             t("bedtime neu gestartet"),
	"cannot read the bedtime service's status: %v":                                  t("der Zustand des bedtime-Dienstes ist nicht zu lesen: %v"),

	"%s already exists; edit it, or use --force to replace it with the default (it is backed up first)": t("%s gibt es schon; bearbeite die Datei, oder ersetze sie mit --force durch den Standardplan (vorher wird sie gesichert)"),
	"%s is the default schedule already; nothing to do.":                                                t("%s ist schon der Standardplan; nichts zu tun."),
	"Backed up the old schedule to %s":                                                                  t("Alter Plan gesichert unter %s"),
	"Wrote the default schedule to %s":                                                                  t("Standardplan nach %s geschrieben"),
	"Edit it, then check it with `bedtime validate`.":                                                   t("Bearbeite ihn und prüfe ihn dann mit `bedtime validate`."),
	"To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s":               t("Für Erinnerungen auch auf dem Handy (ntfy) nimm ein Thema, das niemand errät, etwa %s"),
	"(see docs/channels.md, \"Phone and other channels\").":                                             t("(siehe docs/channels.md, \"Phone and other channels\")."),
	"cannot remove old backups: %v":                                                                     t("alte Sicherungen lassen sich nicht entfernen: %v"),
	"cannot read the schedule: %v":                                                                      t("der Plan ist nicht zu lesen: %v"),
	"cannot make a private copy: %v":                                                                    t("eine private Kopie lässt sich nicht anlegen: %v"),
	"%v; %s not changed":                                                                                t("%v; %s nicht geändert"),
	"cannot read the edited copy: %v; %s not changed":                                                   t("die bearbeitete Kopie ist nicht zu lesen: %v; %s nicht geändert"),
	"No changes; %s left as it was.":                                                                    t("Keine Änderungen; %s bleibt, wie es war."),
	"No changes; no schedule file written (the built-in default stays in use).":                         t("Keine Änderungen; keine Plandatei geschrieben (der eingebaute Standardplan gilt weiter)."),
	"Installed %s: %s.":                                                                                 t("%s übernommen: %s."),
	"Backed up the previous schedule to %s":                                                             t("Bisheriger Plan gesichert unter %s"),
	"%s was removed while you edited; writing it anew":                                                  t("%s wurde während der Bearbeitung entfernt; es wird neu geschrieben"),

	"this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again": t("dieser Computer hat schon einen Sync-Schlüssel (Fingerabdruck %s); `bedtime sync init --force` macht einen neuen, und dann muss jeder andere Computer neu beitreten"),
	"Made a sync key (fingerprint %s), kept in %s, readable by you alone.":                                                                              t("Sync-Schlüssel erzeugt (Fingerabdruck %s), abgelegt in %s, nur für dich lesbar."),
	"This computer is device %s.":  t("Dieser Computer ist das Gerät %s."),
	"On each other computer, run:": t("Führe auf jedem anderen Computer aus:"),
	"The key is the one secret: whoever has it and the folder can read your record.":     t("Der Schlüssel ist das einzige Geheimnis: Wer ihn und den Ordner hat, kann deine Aufzeichnungen lesen."),
	"Never put it in the synced folder; copy it by hand, or in a file you delete after.": t("Leg ihn nie in den synchronisierten Ordner; übertrage ihn von Hand oder in einer Datei, die du danach löschst."),
	"%q is neither a key nor a file holding one: %v":                                     t("%q ist weder ein Schlüssel noch eine Datei mit einem: %v"),
	"This computer has this key already (fingerprint %s).":                               t("Dieser Computer hat diesen Schlüssel schon (Fingerabdruck %s)."),
	"this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed": t("dieser Computer hat einen anderen Sync-Schlüssel (Fingerabdruck %s, der neue ist %s); `bedtime sync join --force` ersetzt ihn, und dann liest er nicht mehr, was der alte Schlüssel versiegelt hat"),
	"Joined with key %s; this computer is device %s.":                                                               t("Mit Schlüssel %s beigetreten; dieser Computer ist das Gerät %s."),
	"Restart bedtime (`bedtime restart`) so the daemon starts sharing; `bedtime doctor` shows the devices it sees.": t("Starte bedtime neu (`bedtime restart`), damit der Dienst zu teilen beginnt; `bedtime doctor` zeigt die Geräte, die er sieht."),
	"The schedule names the folder %s.":                                                                             t("Der Plan nennt den Ordner %s."),
	"Name the synced folder in the schedule on each computer (`bedtime edit`):":                                     t("Nenne den synchronisierten Ordner im Plan jedes Computers (`bedtime edit`):"),

	"--variant %s: variants count from 1 (the first); leave out --variant for today's text":     t("--variant %s: Varianten zählen ab 1 (die erste); lass --variant weg für den Text von heute"),
	"--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s": t("--wait ist %s: gib an, wie lange auf einen Knopf gewartet wird, von 0 (nicht warten) bis 1h, etwa 60s"),
	"Shown: %s": t("Gezeigt: %s"),
	"This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.": t("Dieser Benachrichtigungsdienst zeigt keine Knöpfe: beantworte eine Erinnerung mit `bedtime done %s` oder `bedtime snooze %s`."),
	"%s or %s": t("%s oder %s"),
	"Press %s on it: waiting up to %s (nothing is recorded)...":                             t("Drück %s: gewartet wird bis zu %s (nichts wird festgehalten) ..."),
	"You pressed %s. Nothing was recorded.":                                                 t("Du hast %s gedrückt. Nichts wurde festgehalten."),
	"You closed it without pressing a button.":                                              t("Du hast sie geschlossen, ohne einen Knopf zu drücken."),
	"No answer within %s.":                                                                  t("Keine Antwort innerhalb von %s."),
	"Stopped waiting. Nothing was recorded.":                                                t("Warten beendet. Nichts wurde festgehalten."),
	"give either a routine to play or --stop, not both":                                     t("gib entweder eine Übung zum Abspielen oder --stop an, nicht beides"),
	"cannot load routines: %v":                                                              t("die Übungen lassen sich nicht laden: %v"),
	"unknown routine %q: want one of %s":                                                    t("unbekannte Übung %q: erwartet wird eine von %s"),
	"Stopped.":                                                                              t("Beendet."),
	"bedtime is not running, so it plays no routine.":                                       t("bedtime läuft nicht, also spielt es keine Übung."),
	"Asked bedtime to stop the routine it plays.":                                           t("bedtime gebeten, die laufende Übung zu beenden."),
	"the schedule file has errors, so its routines are unknown; run `bedtime validate`":     t("die Plandatei hat Fehler, ihre Übungen sind also unbekannt; `bedtime validate` zeigt sie"),
	"cannot find the state directory: %v":                                                   t("das Zustandsverzeichnis ist nicht zu finden: %v"),
	"--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)": t("--night: sag, was über sie festgehalten werden soll (--cramps, --severity, --sleep, --leg oder --note)"),
	"--now records the night going on now; leave out --night":                               t("--now hält die Nacht fest, die gerade läuft; lass --night weg"),
	"unknown topic %q: want one of %s":                                                      t("unbekanntes Thema %q: erwartet wird eines von %s"),
	"the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.": t("das Symbol in der Leiste ist für %s noch nicht gebaut (es braucht cgo); `bedtime status` und die anderen Befehle gehen."),
	"the bedtime tray is already running": t("das bedtime-Symbol in der Leiste läuft schon"),
	"cannot lock the tray: %v":            t("das Symbol in der Leiste lässt sich nicht sperren: %v"),

	"want a date such as 2026-03-14 (YYYY-MM-DD)":                             t("erwartet wird ein Datum wie 2026-03-14 (JJJJ-MM-TT)"),
	"is in the future (the latest night is %s)":                               t("liegt in der Zukunft (die letzte Nacht ist %s)"),
	"is more than a year back (the earliest night is %s)":                     t("liegt mehr als ein Jahr zurück (die früheste Nacht ist %s)"),
	"want none, some or bad":                                                  t("erwartet wird none, some oder bad"),
	"want 0 to %s":                                                            t("erwartet wird 0 bis %s"),
	"want 0 (no pain) to 10 (the worst)":                                      t("erwartet wird 0 (kein Schmerz) bis 10 (am schlimmsten)"),
	"want 0 (slept well) to 10 (hardly slept)":                                t("erwartet wird 0 (gut geschlafen) bis 10 (kaum geschlafen)"),
	"want left, right or both":                                                t("erwartet wird left, right oder both"),
	"contradicts the other answers (cramps were said too)":                    t("widerspricht den anderen Angaben (es wurden auch Krämpfe angegeben)"),
	"is for a night with cramps; this one says none":                          t("gilt für eine Nacht mit Krämpfen; diese hatte keine"),
	"nothing to record (give --cramps, --severity, --sleep, --leg or --note)": t("nichts festzuhalten (gib --cramps, --severity, --sleep, --leg oder --note an)"),
	"is not valid UTF-8 text":                                                 t("ist kein gültiger UTF-8-Text"),
	"is %s characters long; at most %s":                                       t("ist %s Zeichen lang; höchstens %s"),
	"holds a control character (%s) at byte %s; write it on one line":         t("enthält ein Steuerzeichen (%s) bei Byte %s; schreib sie in eine Zeile"),

	// The schedule template's comments (TemplateComments).
	"bedtime schedule: when to remind you of the habits that prevent night leg\ncramps. Edit it by hand; the running daemon picks up every save. Check it\nwith `bedtime validate`, see what comes next with `bedtime next`.": t(
		"bedtime-Plan: wann du an die Gewohnheiten erinnert wirst, die nächtlichen\n" +
			"Wadenkrämpfen vorbeugen. Bearbeite ihn von Hand; das laufende bedtime\n" +
			"übernimmt jedes Speichern. Prüfe ihn mit `bedtime validate`, was als\n" +
			"Nächstes kommt, zeigt `bedtime next`."),
	"Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n30m, 2h or 1h30m.": t(
		"Uhrzeiten sind HH:MM (24 Stunden) in deiner Zeitzone. Dauern schreibst\n" +
			"du wie 90s, 30m, 2h oder 1h30m."),
	"an IANA zone; default: the system's zone":        t("eine IANA-Zone; sonst die des Systems"),
	"en, de, fr or es; default: from LANG":            t("en, de, fr oder es; sonst aus LANG"),
	"When you go to bed. One time for every night...": t("Wann du schlafen gehst. Eine Zeit für jede Nacht ..."),
	"...or one per weekday (a time from 00:00 to 05:59 counts as the night\nthat begins on that day: fri: \"00:30\" is the early hours of Saturday):": t(
		"... oder eine je Wochentag (eine Zeit von 00:00 bis 05:59 zählt zur Nacht,\n" +
			"die an diesem Tag beginnt: fri: \"00:30\" ist früh am Samstag):"),
	"Idle this long (no keyboard or mouse input), or the screen locked, means\nyou are away (1m to 2h; default 5m). What a reminder due while you are\naway does is its when_away (below).": t(
		"So lange untätig (keine Tastatur- oder Mauseingabe) oder der Bildschirm\n" +
			"gesperrt heißt: du bist weg (1m bis 2h; sonst 5m). Was eine Erinnerung\n" +
			"tut, die fällig wird, während du weg bist, sagt ihr when_away (unten)."),
	"A break to stand and stretch for 2-3 minutes, every hour of the\nworking day. `cron` takes a standard five-field cron expression\n(minute hour day-of-month month day-of-week) or @daily, @hourly...": t(
		"Eine Pause zum Aufstehen und Dehnen für 2-3 Minuten, jede Stunde des\n" +
			"Arbeitstags. `cron` nimmt einen üblichen cron-Ausdruck mit fünf Feldern\n" +
			"(Minute Stunde Monatstag Monat Wochentag) oder @daily, @hourly ..."),
	"Water through the day, every two hours, not late in the evening.\n`every` counts from the start of `between` (08:00, 10:00, ...), or from\nmidnight without it; a firing exactly at the window's end is included.": t(
		"Wasser über den Tag verteilt, alle zwei Stunden, nicht spät am Abend.\n" +
			"`every` zählt ab dem Anfang von `between` (08:00, 10:00, ...), ohne es\n" +
			"ab Mitternacht; eine Erinnerung genau am Ende des Fensters zählt mit."),
	"Magnesium in the evening. `at` takes one time or a list:\nat: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\nespecially if you have kidney problems.": t(
		"Magnesium am Abend. `at` nimmt eine Zeit oder eine Liste:\n" +
			"at: [\"08:00\", \"20:30\"]. Frag deinen Arzt, bevor du Magnesium nimmst,\n" +
			"besonders wenn du Nierenprobleme hast."),
	"The calf-stretch routine, 30 minutes before bedtime.": t("Die Wadendehnung, 30 Minuten vor dem Schlafengehen."),
	"A short stretch in the morning on working days. `days` works with every\nform but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.": t(
		"Kurzes Dehnen am Morgen an Arbeitstagen. `days` geht mit jeder Form außer\n" +
			"cron: [mon, tue, wed, thu, fri, sat, sun] oder weekdays/weekends."),
	"The morning question of the cramp diary: \"Leg cramps last night?\" with\nthe buttons None, Some and Bad, on the phone too when a channel is set.\nIt waits until you are first at the computer after 06:00 (up to 12\nhours); the answer goes to the diary (`bedtime diary` adds details,\n`bedtime report` sums it up for you and your doctor). A night left\nunanswered counts as unknown, never as \"no cramps\". Turn it off with\nenabled: false.": t(
		"Die Morgenfrage des Krampftagebuchs: \"Beinkrämpfe letzte Nacht?\" mit den\n" +
			"Knöpfen Keine, Einige und Schlimm, auch auf dem Handy, wenn ein Kanal\n" +
			"eingerichtet ist. Sie wartet, bis du nach 06:00 zum ersten Mal am\n" +
			"Computer bist (bis zu 12 Stunden); die Antwort kommt ins Tagebuch\n" +
			"(`bedtime diary` ergänzt Einzelheiten, `bedtime report` fasst es für\n" +
			"dich und deinen Arzt zusammen). Eine Nacht ohne Antwort zählt als\n" +
			"unbekannt, nie als \"keine Krämpfe\". Ausschalten mit enabled: false."),
	"A reminder of your own needs a title or message. Every reminder also\ntakes, all optional:": t(
		"Eine eigene Erinnerung braucht einen Titel oder Text. Jede Erinnerung\n" +
			"nimmt außerdem, alles freiwillig:"),
	"switch it off without deleting it":         t("ausschalten, ohne sie zu löschen"),
	"replace the built-in title":                t("ersetzt den eingebauten Titel"),
	"replace the built-in text":                 t("ersetzt den eingebauten Text"),
	"your own texts, shown in turn":             t("eigene Texte, abwechselnd gezeigt"),
	"how long Snooze puts it off (default 10m)": t("wie lange Später sie aufschiebt (sonst 10m)"),
	"how late it may still come after the computer\nslept (default 2h for once-a-day reminders,\notherwise 0: a missed one is skipped)": t(
		"wie spät sie noch kommen darf, nachdem der\n" +
			"Computer schlief (sonst 2h für tägliche\n" +
			"Erinnerungen, andere 0: verpasst entfällt)"),
	"come back every 15 minutes until you press\nDone or run `bedtime done NAME` (at most 3 times)": t(
		"alle 15 Minuten wiederkommen, bis du Erledigt\n" +
			"drückst oder `bedtime done NAME` (höchstens 3-mal)"),
	"while you are away or locked: hold it until you\nare back (default), skip it (default for\nmovement), or show it anyway": t(
		"während du weg bist oder gesperrt ist: bis du\n" +
			"zurück bist zurückhalten (Standard), auslassen\n" +
			"(Standard für movement) oder trotzdem zeigen"),
	"in a call (microphone or camera in use) or with\na fullscreen window: hold it until that ends\n(default), or show it anyway": t(
		"im Gespräch (Mikrofon oder Kamera in Gebrauch)\n" +
			"oder bei Vollbild: zurückhalten, bis es endet\n" +
			"(Standard), oder trotzdem zeigen"),
	"stay on screen until answered (default); false:\nthe notification server's timeout; or a time: 2m": t(
		"auf dem Bildschirm bleiben bis zur Antwort\n" +
			"(Standard); false: die Zeit des Benachrichti-\n" +
			"gungsdienstes; oder eine Dauer: 2m"),
	"true (or a sound name such as bell) plays a sound": t("true (oder ein Klang wie bell) spielt einen Ton"),
	"Guided routines of your own, for a reminder's `routine:` (built in:\ncalf-stretch, morning-stretch).": t(
		"Eigene geführte Übungen für `routine:` einer Erinnerung (eingebaut:\n" +
			"calf-stretch, morning-stretch)."),
}
