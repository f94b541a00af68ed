package locale

// deErrors are the German translations of errorsMessages and templateMessages, by
// English key.
var deErrors = []pair{
	{Key: "unknown command %s for %s", Other: "unbekannter Befehl %s für %s"},
	{Key: "Did you mean this?", Other: "Meintest du das?"},
	{Key: "unknown flag: --%s", Other: "unbekannte Option: --%s"},
	{Key: "unknown shorthand flag: %q in -%s", Other: "unbekannte Kurzoption: %q in -%s"},
	{Key: "-%s is read as a flag: a length of time is never negative; give one over zero, such as 45m", Other: "-%s wird als Option gelesen: eine Dauer ist nie negativ; gib eine über null an, etwa 45m"},
	{Key: "flag needs an argument: --%s", Other: "die Option braucht einen Wert: --%s"},
	{Key: "flag needs an argument: %q in -%s", Other: "die Option braucht einen Wert: %q in -%s"},
	{Key: "invalid argument %q for %q flag: %s", Other: "ungültiger Wert %q für die Option %q: %s"},
	{Key: "bad flag syntax: %s", Other: "falsch geschriebene Option: %s"},
	{Key: "want a whole number", Other: "erwartet wird eine ganze Zahl"},
	{Key: "want true or false", Other: "erwartet wird true oder false"},
	{Key: "want a duration such as 90m or 2h", Other: "erwartet wird eine Dauer wie 90m oder 2h"},
	{Key: "%s takes %d arguments, got %d", One: "%s erwartet %d Argument, bekam %d", Other: "%s erwartet %d Argumente, bekam %d"},
	{Key: "%s takes at most %d arguments, got %d", One: "%s erwartet höchstens %d Argument, bekam %d", Other: "%s erwartet höchstens %d Argumente, bekam %d"},
	{Key: "%s takes at least %d arguments, got %d", One: "%s erwartet mindestens %d Argument, bekam %d", Other: "%s erwartet mindestens %d Argumente, bekam %d"},
	{Key: "%s takes %d to %d arguments, got %d", One: "%s erwartet %d bis %d Argument, bekam %d", Other: "%s erwartet %d bis %d Argumente, bekam %d"},
	{Key: "%s takes no arguments, got %s", Other: "%s erwartet keine Argumente, bekam %s"},
	{Key: "%s has no command %s (its commands: %s)", Other: "%s hat keinen Befehl %s (seine Befehle: %s)"},
	{Key: "usage: %s", Other: "Aufruf: %s"},
	{Key: "example: %s", Other: "Beispiel: %s"},
	{Key: "--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location", Other: "--config %s: keine solche Datei; `bedtime init --config %s` legt dort eine an, oder lass --config weg, um den üblichen Ort zu nehmen"},
	{Key: "no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)", Other: "keine Plandatei unter %s; der eingebaute Standardplan gilt (`bedtime init` legt ihn dort zum Bearbeiten ab)"},
	{Key: "--count %s: want 1 or more", Other: "--count %s: erwartet wird 1 oder mehr"},
	{Key: "--count %s: want 1 to %s", Other: "--count %s: erwartet wird 1 bis %s"},
	{Key: "--days %s: want 1 or more", Other: "--days %s: erwartet wird 1 oder mehr"},
	{Key: "--days %s: want 1 to %s (ten years)", Other: "--days %s: erwartet wird 1 bis %s (zehn Jahre)"},
	{Key: "--days %s: want 1 to %s", Other: "--days %s: erwartet wird 1 bis %s"},
	{Key: "--days lists the nights; leave it out when you record one", Other: "--days listet die Nächte auf; lass es weg, wenn du eine einträgst"},
	{Key: "give --ics: iCalendar is the only export format", Other: "gib --ics an: iCalendar ist das einzige Exportformat"},
	{Key: "--by-device needs sync: in the schedule and this computer joined (see bedtime sync)", Other: "--by-device braucht sync: in der Plandatei, und dieser Computer muss beigetreten sein (siehe bedtime sync)"},
	{Key: "--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)", Other: "--from %q ist kein Zeitpunkt (erwartet wird RFC 3339, etwa 2026-11-25T20:00:00+01:00)"},
	{Key: "commit", Other: "Commit"},
	{Key: "bedtime version %s", Other: "bedtime Version %s"},
	{Key: "the schedule file has errors; fix them first (`bedtime validate`)", Other: "die Plandatei hat Fehler; behebe sie zuerst (`bedtime validate`)"},
	{Key: "no reminder %q in the schedule (have %s)", Other: "keine Erinnerung %q im Plan (vorhanden: %s)"},
	{Key: "the change is made, but it could not be written to the history (%v); stats will not count it.", Other: "die Änderung gilt, konnte aber nicht in den Verlauf geschrieben werden (%v); stats zählt sie nicht."},
	{Key: "nothing to mark done: %s", Other: "nichts als erledigt einzutragen: %s"},
	{Key: "nothing to snooze: %s", Other: "nichts zu verschieben: %s"},
	{Key: "%s is not due", Other: "%s ist nicht fällig"},
	{Key: "%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", Other: "%s stellt eine Frage: beantworte sie mit `bedtime diary --cramps N` (0 für eine Nacht ohne) oder mit den Knöpfen ihrer Benachrichtigung"},
	{Key: "%s was last %s at %s", Other: "%s zuletzt %s (%s)"},
	{Key: "%s was already %s at %s", Other: "%s ist schon %s (%s)"},
	{Key: "expired", Other: "abgelaufen"},
	{Key: "; it is next due %s (`bedtime skip %s` skips that one)", Other: "; das nächste Mal fällig %s (`bedtime skip %s` lässt es aus)"},
	{Key: "%q is not a duration (want e.g. 45m or 2h)", Other: "%q ist keine Dauer (erwartet wird etwa 45m oder 2h)"},
	{Key: "%q is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)", Other: "%q ist keine Zeit zum Pausieren: gib eine Dauer über null an, etwa 45m (`bedtime resume` beendet eine Pause)"},
	{Key: "%q is longer than a pause can be (%s days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)", Other: "%q ist länger, als eine Pause sein kann (höchstens %s Tage); für eine längere Auszeit schalte die Erinnerungen ab (enabled: false, `bedtime edit`) oder beende bedtime (`bedtime uninstall`)"},
	{Key: "--until: %q is not a time of day (want HH:MM)", Other: "--until: %q ist keine Uhrzeit (erwartet wird HH:MM)"},
	{Key: "give only one of DURATION, --until and --today", Other: "gib nur eines an: DAUER, --until oder --today"},
	{Key: "%q is not a snooze time (want 1m to 24h, such as 10m)", Other: "%q ist keine Verschiebezeit (erwartet wird 1m bis 24h, etwa 10m)"},
	{Key: "%s is disabled in the schedule; there is nothing to skip", Other: "%s ist im Plan ausgeschaltet; es gibt nichts auszulassen"},
	{Key: "%s has no next firing", Other: "%s kommt nicht mehr"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "läuft schon (Prozess %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop` (der Dienst) oder `kill %s` (von Hand gestartet)"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "läuft schon (Prozess %s seit %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop` (der Dienst) oder `kill %s` (von Hand gestartet)"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "läuft schon (Prozess %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop`"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "läuft schon (Prozess %s seit %s), und einer genügt: lass ihn laufen, oder beende ihn zuerst mit `bedtime stop`"},
	{Key: "bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run bedtime %s again", Other: "bedtime läuft schon außerhalb des Dienstes (PID %s), und nur eines darf laufen; beende es (bedtime stop) und rufe dann bedtime %s noch einmal auf"},
	{Key: "cannot find the bedtime binary: %v", Other: "das bedtime-Programm ist nicht zu finden: %v"},
	{Key: "bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there", Other: "bedtime läuft aus einem vorläufigen Build (%q), der wieder verschwindet: baue oder installiere es zuerst (go install oder make build) und rufe install von dort auf"},
	{Key: "cannot find the default schedule file: %v", Other: "die übliche Plandatei ist nicht zu finden: %v"},
	{Key: "cannot resolve the schedule path %q: %v", Other: "der Pfad der Plandatei %q lässt sich nicht auflösen: %v"},
	{Key: "no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", Other: "hier gibt es keine unterstützte Dienstverwaltung für Benutzer (%s): starte stattdessen \"bedtime run\" aus dem Autostart deiner Desktop-Sitzung"},
	{Key: "cannot install the bedtime service: %v", Other: "der bedtime-Dienst lässt sich nicht installieren: %v"},
	{Key: "The bedtime that ran before the install runs again (pid %s).", Other: "Das bedtime, das vor der Installation lief, läuft wieder (PID %s)."},
	{Key: "bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it.", Other: "bedtime ist jetzt gestoppt: Das vor der Installation laufende startete auch nicht wieder. Sobald die Ursache behoben ist, startet `bedtime start` es."},
	{Key: "bedtime exited as soon as it was started (exit status %s)", Other: "bedtime hat sich gleich nach dem Start beendet (Exit-Status %s)"},
	{Key: "bedtime was ended by %s as soon as it was started", Other: "bedtime wurde gleich nach dem Start durch %s beendet"},
	{Key: "bedtime did not finish starting within %s, so systemd stopped it", Other: "bedtime war nach %s noch nicht fertig gestartet, darum hat systemd es gestoppt"},
	{Key: "%s; systemd tries again by itself in a few seconds", Other: "%s; systemd versucht es in ein paar Sekunden von selbst noch einmal"},
	{Key: "see why with `%s`", Other: "den Grund zeigt dir `%s`"},
	{Key: "installed, but cannot read its status: %v", Other: "installiert, aber sein Zustand ist nicht zu lesen: %v"},
	{Key: "installed %s %s", Other: "installiert: %s %s"},
	{Key: "chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops", Other: "gewählt, weil %s; die Desktop-Sitzung startet bedtime bei der Anmeldung, und niemand startet es neu, wenn es endet"},
	{Key: "it runs %s %s, now and at every login", Other: "er führt %s %s aus, jetzt und bei jeder Anmeldung"},
	{Key: "%s beside it is %s and this bedtime is %s: the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again.", Other: "%s daneben ist %s, dieses bedtime ist %s: der Dienst führt stattdessen dieses bedtime aus (bedtime run). Installiere beide aus einem Build, um wieder den schlankeren Daemon zu haben."},
	{Key: "there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then", Other: "unter %s gibt es noch keine Plandatei: bis `bedtime init` dort eine anlegt, gilt der eingebaute Standardplan, danach die Datei"},
	{Key: "cannot install the tray: %v", Other: "das Symbol in der Leiste lässt sich nicht installieren: %v"},
	{Key: "installed the tray's autostart %s", Other: "Autostart für das Symbol in der Leiste installiert: %s"},
	{Key: "its status icon starts at your next login (`bedtime tray` shows it now)", Other: "das Symbol erscheint bei deiner nächsten Anmeldung (`bedtime tray` zeigt es jetzt)"},
	{Key: "cannot uninstall the bedtime service: %v", Other: "der bedtime-Dienst lässt sich nicht entfernen: %v"},
	{Key: "bedtime is not installed as a service; nothing to do", Other: "bedtime ist nicht als Dienst installiert; nichts zu tun"},
	{Key: "bedtime is stopped and uninstalled; your schedule, state and history are kept", Other: "bedtime ist beendet und entfernt; dein Plan, Zustand und Verlauf bleiben erhalten"},
	{Key: "cannot start bedtime: %v", Other: "bedtime lässt sich nicht starten: %v"},
	{Key: "cannot stop bedtime: %v", Other: "bedtime lässt sich nicht beenden: %v"},
	{Key: "cannot restart bedtime: %v", Other: "bedtime lässt sich nicht neu starten: %v"},
	{Key: "bedtime started", Other: "bedtime gestartet"},
	{Key: "bedtime stopped", Other: "bedtime beendet"},
	{Key: "bedtime was not running; nothing to stop", Other: "bedtime lief nicht; nichts zu stoppen"},
	{Key: "bedtime restarted", Other: "bedtime neu gestartet"},
	{Key: "cannot read the bedtime service's status: %v", Other: "der Zustand des bedtime-Dienstes ist nicht zu lesen: %v"},
	{Key: "%s already exists; edit it, or use --force to replace it with the default (it is backed up first)", Other: "%s gibt es schon; bearbeite die Datei, oder ersetze sie mit --force durch den Standardplan (vorher wird sie gesichert)"},
	{Key: "%s is the default schedule already; nothing to do.", Other: "%s ist schon der Standardplan; nichts zu tun."},
	{Key: "Backed up the old schedule to %s", Other: "Alter Plan gesichert unter %s"},
	{Key: "Wrote the default schedule to %s", Other: "Standardplan nach %s geschrieben"},
	{Key: "Edit it, then check it with `bedtime validate`.", Other: "Bearbeite ihn und prüfe ihn dann mit `bedtime validate`."},
	{Key: "To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s", Other: "Für Erinnerungen auch auf dem Handy (ntfy) nimm ein Thema, das niemand errät, etwa %s"},
	{Key: "(see docs/channels.md, \"Phone and other channels\").", Other: "(siehe docs/channels.md, „Phone and other channels“)."},
	{Key: "cannot remove old backups: %v", Other: "alte Sicherungen lassen sich nicht entfernen: %v"},
	{Key: "cannot read the schedule: %v", Other: "der Plan ist nicht zu lesen: %v"},
	{Key: "cannot make a private copy: %v", Other: "eine private Kopie lässt sich nicht anlegen: %v"},
	{Key: "%v; %s not changed", Other: "%v; %s nicht geändert"},
	{Key: "no editor found (tried %s); set $VISUAL or $EDITOR", Other: "kein Editor gefunden (versucht: %s); setze $VISUAL oder $EDITOR"},
	{Key: "editor %q not found (the shell said 127); set $VISUAL or $EDITOR", Other: "Editor %q nicht gefunden (die Shell meldet 127); setze $VISUAL oder $EDITOR"},
	{Key: "editor %q not found; set $VISUAL or $EDITOR", Other: "Editor %q nicht gefunden; setze $VISUAL oder $EDITOR"},
	{Key: "cannot read the edited copy: %v; %s not changed", Other: "die bearbeitete Kopie ist nicht zu lesen: %v; %s nicht geändert"},
	{Key: "No changes; %s left as it was.", Other: "Keine Änderungen; %s bleibt, wie es war."},
	{Key: "No changes; no schedule file written (the built-in default stays in use).", Other: "Keine Änderungen; keine Plandatei geschrieben (der eingebaute Standardplan gilt weiter)."},
	{Key: "The editor (%s) returned at once, with no change: it opened the copy in a window and did not wait for you.", Other: "Der Editor (%s) kam sofort zurück, ohne Änderung: Er hat die Kopie in einem Fenster geöffnet und nicht auf dich gewartet."},
	{Key: "To have bedtime edit wait, set VISUAL to its waiting form: \"code --wait\", \"subl -w\", \"gedit -s\".", Other: "Damit bedtime edit wartet, setze VISUAL auf seine wartende Form: \"code --wait\", \"subl -w\", \"gedit -s\"."},
	{Key: "Save and close the file in that window, then press Enter here (Ctrl+D gives up):", Other: "Speichere und schließe die Datei in jenem Fenster, dann drücke hier die Eingabetaste (Strg+D bricht ab):"},
	{Key: "The copy stays at %s with what you save there; %s is left as it was.", Other: "Die Kopie bleibt unter %s, mit dem, was du dort speicherst; %s bleibt, wie es war."},
	{Key: "Installed %s: %s.", Other: "%s übernommen: %s."},
	{Key: "Backed up the previous schedule to %s", Other: "Bisheriger Plan gesichert unter %s"},
	{Key: "%s was removed while you edited; writing it anew", Other: "%s wurde während der Bearbeitung entfernt; es wird neu geschrieben"},
	{Key: "--variant %s: variants count from 1 (the first); leave out --variant for today's text", Other: "--variant %s: Varianten zählen ab 1 (die erste); lass --variant weg für den Text von heute"},
	{Key: "--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s", Other: "--wait ist %s: gib an, wie lange auf einen Knopf gewartet wird, von 0 (nicht warten) bis 1h, etwa 60s"},
	{Key: "Shown: %s", Other: "Gezeigt: %s"},
	{Key: "This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.", Other: "Dieser Benachrichtigungsdienst zeigt keine Knöpfe: beantworte eine Erinnerung mit `bedtime done %s` oder `bedtime snooze %s`."},
	{Key: "%s or %s", Other: "%s oder %s"},
	{Key: "Press %s on it: waiting up to %s (nothing is recorded)...", Other: "Drück %s: gewartet wird bis zu %s (nichts wird festgehalten) ..."},
	{Key: "You pressed %s. Nothing was recorded.", Other: "Du hast %s gedrückt. Nichts wurde festgehalten."},
	{Key: "You closed it without pressing a button.", Other: "Du hast sie geschlossen, ohne einen Knopf zu drücken."},
	{Key: "No answer within %s.", Other: "Keine Antwort innerhalb von %s."},
	{Key: "Stopped waiting. Nothing was recorded.", Other: "Warten beendet. Nichts wurde festgehalten."},
	{Key: "give either a routine to play or --stop, not both", Other: "gib entweder eine Übung zum Abspielen oder --stop an, nicht beides"},
	{Key: "cannot load routines: %v", Other: "die Übungen lassen sich nicht laden: %v"},
	{Key: "unknown routine %q: want one of %s", Other: "unbekannte Übung %q: erwartet wird eine von %s"},
	{Key: "Stopped.", Other: "Beendet."},
	{Key: "bedtime is not running, so it plays no routine.", Other: "bedtime läuft nicht, also spielt es keine Übung."},
	{Key: "Asked bedtime to stop a routine, if one is playing.", Other: "bedtime gebeten, eine laufende Übung zu beenden, falls eine läuft."},
	{Key: "the schedule file has errors, so its routines are unknown; run `bedtime validate`", Other: "die Plandatei hat Fehler, ihre Übungen sind also unbekannt; `bedtime validate` zeigt sie"},
	{Key: "cannot find the state directory: %v", Other: "das Zustandsverzeichnis ist nicht zu finden: %v"},
	{Key: "--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)", Other: "--night: sag, was über sie festgehalten werden soll (--cramps, --severity, --sleep, --leg oder --note)"},
	{Key: "--now records the night going on now; leave out --night", Other: "--now hält die Nacht fest, die gerade läuft; lass --night weg"},
	{Key: "unknown topic %q: want one of %s", Other: "unbekanntes Thema %q: erwartet wird eines von %s"},
	{Key: "the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.", Other: "das Symbol in der Leiste ist für %s noch nicht gebaut (es braucht cgo); `bedtime status` und die anderen Befehle gehen."},
	{Key: "the bedtime tray is already running", Other: "das bedtime-Symbol in der Leiste läuft schon"},
	{Key: "the tray needs your desktop session's bus (%v); run `bedtime tray` inside your desktop session", Other: "das Symbol in der Leiste braucht den Bus deiner Desktop-Sitzung (%v); starte `bedtime tray` in deiner Desktop-Sitzung"},
	{Key: "no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one", Other: "noch läuft keine Leiste mit einem Statusbereich für Symbole; das Symbol erscheint, sobald eine startet, und `bedtime doctor` sagt, wie du eine bekommst"},
	{Key: "cannot lock the tray: %v", Other: "das Symbol in der Leiste lässt sich nicht sperren: %v"},
	{Key: "cannot find a place for the report: %v", Other: "kein Ort für den Bericht zu finden: %v"},
	{Key: "cannot write the report: %v", Other: "der Bericht lässt sich nicht schreiben: %v"},
	{Key: "wrote %s, but found no xdg-open to open it (package xdg-utils)", Other: "%s geschrieben, aber kein xdg-open zum Öffnen gefunden (Paket xdg-utils)"},
	{Key: "no terminal found to run `bedtime edit` in (install xterm, or run it in one)", Other: "kein Terminal gefunden, um `bedtime edit` darin auszuführen (installiere xterm, oder führe es in einem aus)"},
	{Key: "cannot start %s: %v", Other: "%s lässt sich nicht starten: %v"},
	{Key: "want a date such as 2026-03-14 (YYYY-MM-DD)", Other: "erwartet wird ein Datum wie 2026-03-14 (JJJJ-MM-TT)"},
	{Key: "is in the future (the latest night is %s)", Other: "liegt in der Zukunft (die letzte Nacht ist %s)"},
	{Key: "is more than a year back (the earliest night is %s)", Other: "liegt mehr als ein Jahr zurück (die früheste Nacht ist %s)"},
	{Key: "want none, some or bad", Other: "erwartet wird none, some oder bad"},
	{Key: "want 0 to %s", Other: "erwartet wird 0 bis %s"},
	{Key: "want 0 (no pain) to 10 (the worst)", Other: "erwartet wird 0 (kein Schmerz) bis 10 (am schlimmsten)"},
	{Key: "want 0 (slept well) to 10 (hardly slept)", Other: "erwartet wird 0 (gut geschlafen) bis 10 (kaum geschlafen)"},
	{Key: "want left, right or both", Other: "erwartet wird left, right oder both"},
	{Key: "contradicts the other answers (cramps were said too)", Other: "widerspricht den anderen Angaben (es wurden auch Krämpfe angegeben)"},
	{Key: "is for a night with cramps; this one says none", Other: "gilt für eine Nacht mit Krämpfen; diese hatte keine"},
	{Key: "nothing to record (give --cramps, --severity, --sleep, --leg or --note)", Other: "nichts festzuhalten (gib --cramps, --severity, --sleep, --leg oder --note an)"},
	{Key: "is not valid UTF-8 text", Other: "ist kein gültiger UTF-8-Text"},
	{Key: "is %s characters long; at most %s", Other: "ist %s Zeichen lang; höchstens %s"},
	{Key: "holds a control character (%s) at byte %s; write it on one line", Other: "enthält ein Steuerzeichen (%s) bei Byte %s; schreib sie in eine Zeile"},
	{Key: "this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again", Other: "dieser Computer hat schon einen Sync-Schlüssel (Fingerabdruck %s); `bedtime sync init --force` macht einen neuen, und dann muss jeder andere Computer neu beitreten"},
	{Key: "Made a sync key (fingerprint %s), kept in %s, readable by you alone.", Other: "Sync-Schlüssel erzeugt (Fingerabdruck %s), abgelegt in %s, nur für dich lesbar."},
	{Key: "This computer is device %s.", Other: "Dieser Computer ist das Gerät %s."},
	{Key: "On each other computer, run:", Other: "Führe auf jedem anderen Computer aus:"},
	{Key: "The key is the one secret: whoever has it and the folder can read your record.", Other: "Der Schlüssel ist das einzige Geheimnis: Wer ihn und den Ordner hat, kann deine Aufzeichnungen lesen."},
	{Key: "Never put it in the synced folder; copy it by hand, or in a file you delete after.", Other: "Leg ihn nie in den synchronisierten Ordner; übertrage ihn von Hand oder in einer Datei, die du danach löschst."},
	{Key: "%q is neither a key nor a file holding one: %v", Other: "%q ist weder ein Schlüssel noch eine Datei mit einem: %v"},
	{Key: "This computer has this key already (fingerprint %s).", Other: "Dieser Computer hat diesen Schlüssel schon (Fingerabdruck %s)."},
	{Key: "this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed", Other: "dieser Computer hat einen anderen Sync-Schlüssel (Fingerabdruck %s, der neue ist %s); `bedtime sync join --force` ersetzt ihn, und dann liest er nicht mehr, was der alte Schlüssel versiegelt hat"},
	{Key: "Joined with key %s; this computer is device %s.", Other: "Mit Schlüssel %s beigetreten; dieser Computer ist das Gerät %s."},
	{Key: "The running bedtime takes the key at once and shares, without a restart; `bedtime doctor` shows the devices it sees.", Other: "Der laufende Dienst übernimmt den Schlüssel sofort und teilt, ohne Neustart; `bedtime doctor` zeigt die Geräte, die er sieht."},
	{Key: "Once the schedule names the folder, the running bedtime starts sharing, without a restart; `bedtime doctor` shows the devices it sees.", Other: "Sobald der Plan den Ordner nennt, beginnt der laufende Dienst zu teilen, ohne Neustart; `bedtime doctor` zeigt die Geräte, die er sieht."},
	{Key: "The schedule names the folder %s.", Other: "Der Plan nennt den Ordner %s."},
	{Key: "Name the synced folder in the schedule on each computer (`bedtime edit`):", Other: "Nenne den synchronisierten Ordner im Plan jedes Computers (`bedtime edit`):"},

	{Key: "no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)", Other: "kein Sync-Schlüssel auf diesem Computer: führe `bedtime sync join KEY` mit dem Schlüssel aus, den `bedtime sync init` auf deinem ersten Computer ausgegeben hat (oder hier `bedtime sync init`, wenn dies der erste ist)"},
	{Key: "bedtime is not installed as a service; run \"bedtime install\" first", Other: "bedtime ist nicht als Dienst installiert; richte ihn zuerst mit `bedtime install` ein"},
	{Key: "not a bedtime key (it should start with %q)", Other: "kein bedtime-Schlüssel (er muss mit %q beginnen)"},
	{Key: "not a bedtime key: the part after %q is damaged (copy the whole line again)", Other: "kein bedtime-Schlüssel: der Teil nach %q ist beschädigt (kopiere die ganze Zeile noch einmal)"},
	{Key: "%s (not synced or not mounted yet?); this computer works alone until it is there", Other: "%s (noch nicht synchronisiert oder eingehängt?); dieser Computer arbeitet allein, bis der Ordner da ist"},
	{Key: "%v; showing this computer's record alone", Other: "%v; nur die Aufzeichnungen dieses Computers werden gezeigt"},

	// The schedule template's comments (templateMessages).
	{
		Key: "bedtime schedule: when to remind you of the habits that prevent night leg\n" +
			"cramps. Edit it by hand; the running daemon picks up every save. Check it\n" +
			"with `bedtime validate`, see what comes next with `bedtime next`.",
		Other: "bedtime-Plan: wann du an die Gewohnheiten erinnert wirst, die nächtlichen\n" +
			"Wadenkrämpfen vorbeugen. Bearbeite ihn von Hand; das laufende bedtime\n" +
			"übernimmt jedes Speichern. Prüfe ihn mit `bedtime validate`; was als\n" +
			"Nächstes kommt, zeigt `bedtime next`.",
	},
	{
		Key: "Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n" +
			"30m, 2h or 1h30m.",
		Other: "Uhrzeiten sind HH:MM (24 Stunden) in deiner Zeitzone. Dauern schreibst\n" +
			"du wie 90s, 30m, 2h oder 1h30m.",
	},
	{Key: "an IANA zone; default: the system's zone", Other: "eine IANA-Zone; sonst die des Systems"},
	{Key: "en, de, fr or es; default: from LANG", Other: "en, de, fr oder es; sonst aus LANG"},
	{Key: "When you go to bed. One time for every night...", Other: "Wann du schlafen gehst. Eine Zeit für jede Nacht ..."},
	{
		Key: "...or one per weekday (a time from 00:00 to 05:59 counts as the night\n" +
			"that begins on that day: fri: \"00:30\" is the early hours of Saturday):",
		Other: "... oder eine je Wochentag (eine Zeit von 00:00 bis 05:59 zählt zur Nacht,\n" +
			"die an diesem Tag beginnt: fri: \"00:30\" ist früh am Samstag):",
	},
	{
		Key: "Idle this long (no keyboard or mouse input), or the screen locked, means\n" +
			"you are away (1m to 2h; default 5m). What a reminder due while you are\n" +
			"away does is its when_away (below).",
		Other: "So lange untätig (keine Tastatur- oder Mauseingabe) oder der Bildschirm\n" +
			"gesperrt heißt: du bist weg (1m bis 2h; sonst 5m). Was eine Erinnerung\n" +
			"tut, die fällig wird, während du weg bist, sagt ihr when_away (unten).",
	},
	{
		Key: "A break to stand and stretch for 2-3 minutes, every hour of the\n" +
			"working day. `cron` takes a standard five-field cron expression\n" +
			"(minute hour day-of-month month day-of-week) or @daily, @hourly...",
		Other: "Eine Pause zum Aufstehen und Dehnen für 2-3 Minuten, jede Stunde des\n" +
			"Arbeitstags. `cron` nimmt einen üblichen cron-Ausdruck mit fünf Feldern\n" +
			"(Minute Stunde Monatstag Monat Wochentag) oder @daily, @hourly ...",
	},
	{
		Key: "Water through the day, every two hours, not late in the evening.\n" +
			"`every` counts from the start of `between` (08:00, 10:00, ...), or from\n" +
			"midnight without it; a firing exactly at the window's end is included.",
		Other: "Wasser über den Tag verteilt, alle zwei Stunden, nicht spät am Abend.\n" +
			"`every` zählt ab dem Anfang von `between` (08:00, 10:00, ...), ohne\n" +
			"`between` ab Mitternacht; eine Erinnerung genau am Ende des Fensters\n" +
			"zählt mit.",
	},
	{
		Key: "Magnesium in the evening. `at` takes one time or a list:\n" +
			"at: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\n" +
			"especially if you have kidney problems.",
		Other: "Magnesium am Abend. `at` nimmt eine Zeit oder eine Liste:\n" +
			"at: [\"08:00\", \"20:30\"]. Frag deinen Arzt, bevor du Magnesium nimmst,\n" +
			"besonders wenn du Nierenprobleme hast.",
	},
	{Key: "The calf-stretch routine, 30 minutes before bedtime.", Other: "Die Wadendehnung, 30 Minuten vor dem Schlafengehen."},
	{
		Key: "A short stretch in the morning on working days. `days` works with every\n" +
			"form but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.",
		Other: "Kurzes Dehnen am Morgen an Arbeitstagen. `days` geht mit jeder Form außer\n" +
			"cron: [mon, tue, wed, thu, fri, sat, sun] oder weekdays/weekends.",
	},
	{
		Key: "The morning question of the cramp diary: \"Leg cramps last night?\" with\n" +
			"the buttons None, Some and Bad, on the phone too when a channel is set.\n" +
			"It waits until you are first at the computer after 06:00 (up to 12\n" +
			"hours); the answer goes to the diary (`bedtime diary` adds details,\n" +
			"`bedtime report` sums it up for you and your doctor). A night left\n" +
			"unanswered counts as unknown, never as \"no cramps\". Turn it off with\n" +
			"enabled: false.",
		Other: "Die Morgenfrage des Krampftagebuchs: \"Beinkrämpfe letzte Nacht?\" mit den\n" +
			"Knöpfen Keine, Einige und Schlimm, auch auf dem Handy, wenn ein Kanal\n" +
			"eingerichtet ist. Sie wartet, bis du nach 06:00 zum ersten Mal am\n" +
			"Computer bist (bis zu 12 Stunden); die Antwort kommt ins Tagebuch\n" +
			"(`bedtime diary` ergänzt Einzelheiten, `bedtime report` fasst es für\n" +
			"dich und deinen Arzt zusammen). Eine Nacht ohne Antwort zählt als\n" +
			"unbekannt, nie als „keine Krämpfe“. Ausschalten mit enabled: false.",
	},
	{
		Key: "A reminder of your own needs a title or message. Every reminder also\n" +
			"takes, all optional:",
		Other: "Eine eigene Erinnerung braucht einen Titel oder Text. Jede Erinnerung\n" +
			"nimmt außerdem, alles freiwillig:",
	},
	{Key: "switch it off without deleting it", Other: "ausschalten, ohne sie zu löschen"},
	{Key: "replace the built-in title", Other: "ersetzt den eingebauten Titel"},
	{Key: "replace the built-in text", Other: "ersetzt den eingebauten Text"},
	{Key: "your own texts, shown in turn", Other: "eigene Texte, abwechselnd gezeigt"},
	{Key: "how long Snooze puts it off (default 10m)", Other: "wie lange Später sie aufschiebt (sonst 10m)"},
	{
		Key: "how late it may still come after the computer\n" +
			"slept (default 2h for once-a-day reminders,\n" +
			"otherwise 0: a missed one is skipped)",
		Other: "wie spät sie noch kommen darf, nachdem der\n" +
			"Computer schlief (sonst 2h für tägliche\n" +
			"Erinnerungen, andere 0: verpasst entfällt)",
	},
	{
		Key: "come back every 15 minutes until you press\n" +
			"Done or run `bedtime done NAME` (at most 3 times)",
		Other: "alle 15 Minuten wiederkommen, bis du Erledigt\n" +
			"drückst oder `bedtime done NAME` (höchstens 3-mal)",
	},
	{
		Key: "while you are away or locked: hold it until you\n" +
			"are back (default), skip it (default for\n" +
			"movement), or show it anyway",
		Other: "wenn du weg bist oder der Bildschirm gesperrt\n" +
			"ist: bis du zurück bist zurückhalten (Standard),\n" +
			"auslassen (Standard für movement) oder\n" +
			"trotzdem zeigen",
	},
	{
		Key: "in a call (microphone or camera in use) or with\n" +
			"a fullscreen window: hold it until that ends\n" +
			"(default), or show it anyway",
		Other: "im Gespräch (Mikrofon oder Kamera in Gebrauch)\n" +
			"oder bei Vollbild: zurückhalten, bis es endet\n" +
			"(Standard), oder trotzdem zeigen",
	},
	{
		Key: "stay on screen until answered (default); false:\n" +
			"the notification server's timeout; or a time: 2m",
		Other: "auf dem Bildschirm bleiben bis zur Antwort\n" +
			"(Standard); false: so lange, wie der\n" +
			"Benachrichtigungsdienst es will; oder eine Dauer: 2m",
	},
	{Key: "true (or a sound name such as bell) plays a sound", Other: "true (oder ein Klang wie bell) spielt einen Ton"},
	{
		Key: "Guided routines of your own, for a reminder's `routine:` (built in:\n" +
			"calf-stretch, morning-stretch).",
		Other: "Eigene geführte Übungen für `routine:` einer Erinnerung (eingebaut:\n" +
			"calf-stretch, morning-stretch).",
	},
	{Key: "Wrote %d reminders of the next %d days to %s", One: "%d Erinnerung der nächsten %d Tage in %s geschrieben", Other: "%d Erinnerungen der nächsten %d Tage in %s geschrieben"},
}
