package locale

// frErrors are the French translations of errorsMessages, by English key.
var frErrors = map[string]tr{
	"unknown command %s for %s":              t("commande inconnue %s pour %s"),
	"Did you mean this?":                     t("Vouliez-vous dire ceci ?"),
	"unknown flag: --%s":                     t("option inconnue : --%s"),
	"unknown shorthand flag: %q in -%s":      t("option courte inconnue : %q dans -%s"),
	"flag needs an argument: --%s":           t("l’option demande une valeur : --%s"),
	"flag needs an argument: %q in -%s":      t("l’option demande une valeur : %q dans -%s"),
	"invalid argument %q for %q flag: %s":    t("valeur %q invalide pour l’option %q : %s"),
	"bad flag syntax: %s":                    t("option mal écrite : %s"),
	"want a whole number":                    t("un nombre entier est attendu"),
	"want true or false":                     t("true ou false est attendu"),
	"want a duration such as 90m or 2h":      t("une durée comme 90m ou 2h est attendue"),
	"%s takes %d arguments, got %d":          pl("%s prend %d argument, reçu %d", "%s prend %d arguments, reçu %d"),
	"%s takes at most %d arguments, got %d":  pl("%s prend au plus %d argument, reçu %d", "%s prend au plus %d arguments, reçu %d"),
	"%s takes at least %d arguments, got %d": pl("%s prend au moins %d argument, reçu %d", "%s prend au moins %d arguments, reçu %d"),
	"%s takes %d to %d arguments, got %d":    pl("%s prend de %d à %d argument, reçu %d", "%s prend de %d à %d arguments, reçu %d"),
	"%s takes no arguments, got %s":          t("%s ne prend pas d’argument, reçu %s"),
	"usage: %s":                              t("usage : %s"),
	"example: %s":                            t("exemple : %s"),
	"--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location": t("--config %s : fichier introuvable ; créez-le avec `bedtime init --config %s`, ou omettez --config pour utiliser l’emplacement habituel"),
	"no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)":                           t("pas de fichier d’horaire à %s ; l’horaire par défaut intégré s’applique (`bedtime init` l’y écrit pour que vous le modifiiez)"),
	"--count %s: want 1 or more": t("--count %s : 1 ou plus est attendu"),
	"--count %s: want 1 to %s":   t("--count %s : de 1 à %s est attendu"),
	"--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)": t("--from %q n’est pas un instant (RFC 3339 attendu, par exemple 2026-11-25T20:00:00+01:00)"),
	"commit": t("commit"),

	"the schedule file has errors; fix them first (`bedtime validate`)":                             t("le fichier d’horaire a des erreurs ; corrigez-les d’abord (`bedtime validate`)"),
	"no reminder %q in the schedule (have %s)":                                                      t("pas de rappel %q dans l’horaire (il y a %s)"),
	"the change is made, but it could not be written to the history (%v); stats will not count it.": t("le changement est fait, mais n’a pas pu être écrit dans l’historique (%v) ; stats ne le comptera pas."),
	"nothing to mark done: %s":                                                                      t("rien à marquer comme fait : %s"),
	"nothing to snooze: %s":                                                                         t("rien à reporter : %s"),
	"%s is not due":                                                                                 t("%s n’est pas prévu maintenant"),
	"%s was last %s at %s":                                                                          t("dernier état de %s : %s (%s)"),
	"%s was already %s at %s":                                                                       t("%s est déjà %s (%s)"),
	"expired":                                                                                       t("expiré"),
	"; it is next due %s (`bedtime skip %s` skips that one)":                                        t(" ; prochaine fois %s (`bedtime skip %s` saute celle-là)"),
	"%q is not a duration (want e.g. 45m or 2h)":                                                    t("%q n’est pas une durée (par exemple 45m ou 2h)"),
	"--until: %q is not a time of day (want HH:MM)":                                                 t("--until : %q n’est pas une heure (HH:MM attendu)"),
	"give only one of DURATION, --until and --today":                                                t("donnez un seul de DURÉE, --until et --today"),
	"%q is not a snooze time (want 1m to 24h, such as 10m)":                                         t("%q n’est pas un délai de report (de 1m à 24h, par exemple 10m)"),
	"%s is disabled in the schedule; there is nothing to skip":                                      t("%s est désactivé dans l’horaire ; il n’y a rien à sauter"),
	"%s has no next firing":                                                                         t("%s ne revient plus"),

	"already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)":          t("déjà en marche (processus %s), et un suffit : laissez-le, ou arrêtez-le d’abord avec `bedtime stop` (le service) ou `kill %s` (lancé à la main)"),
	"already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)": t("déjà en marche (processus %s depuis %s), et un suffit : laissez-le, ou arrêtez-le d’abord avec `bedtime stop` (le service) ou `kill %s` (lancé à la main)"),
	"bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run install again":                             t("bedtime est déjà en marche hors du service (pid %s), et un seul peut tourner ; arrêtez-le (bedtime stop), puis relancez install"),

	"cannot find the bedtime binary: %v": t("programme bedtime introuvable : %v"),
	"bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there": t("bedtime tourne depuis une compilation temporaire (%q), qui va disparaître : compilez-le ou installez-le d’abord (go install ou make build) et lancez install depuis là"),
	"cannot find the default schedule file: %v": t("fichier d’horaire habituel introuvable : %v"),
	"cannot resolve the schedule path %q: %v":   t("impossible de résoudre le chemin de l’horaire %q : %v"),
	"no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead": t("aucun gestionnaire de services par utilisateur pris en charge ici (%s) : lancez plutôt « bedtime run » depuis le démarrage automatique de votre session"),
	"cannot install the bedtime service: %v":    t("impossible d’installer le service bedtime : %v"),
	"installed, but cannot read its status: %v": t("installé, mais son état est illisible : %v"),
	"installed %s %s":                           t("installé : %s %s"),
	"chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops": t("choisi car %s ; la session de bureau lance bedtime à la connexion, et rien ne le relance s’il s’arrête"),
	"it runs %s %s, now and at every login": t("il lance %s %s, maintenant et à chaque connexion"),
	"there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then": t("pas encore de fichier d’horaire à %s : l’horaire par défaut intégré s’applique jusqu’à ce que `bedtime init` en écrive un, puis le fichier"),
	"cannot install the tray: %v":                                                   t("impossible d’installer l’icône de la barre : %v"),
	"installed the tray's autostart %s":                                             t("démarrage automatique de l’icône installé : %s"),
	"its status icon starts at your next login (`bedtime tray` shows it now)":       t("l’icône apparaît à votre prochaine connexion (`bedtime tray` l’affiche maintenant)"),
	"cannot uninstall the bedtime service: %v":                                      t("impossible de désinstaller le service bedtime : %v"),
	"bedtime is not installed as a service; nothing to do":                          t("bedtime n’est pas installé comme service ; rien à faire"),
	"bedtime is stopped and uninstalled; your schedule, state and history are kept": t("bedtime est arrêté et désinstallé ; votre horaire, votre état et votre historique sont conservés"),
	"cannot start bedtime: %v":                                                      t("impossible de démarrer bedtime : %v"),
	"cannot stop bedtime: %v":                                                       t("impossible d’arrêter bedtime : %v"),
	"cannot restart bedtime: %v":                                                    t("impossible de redémarrer bedtime : %v"),
	"bedtime started":                                                               t("bedtime démarré"),
	"bedtime stopped":                                                               t("bedtime arrêté"),
	"bedtime restarted":                                                             t("bedtime redémarré"),
	"cannot read the bedtime service's status: %v":                                  t("état du service bedtime illisible : %v"),

	"%s already exists; edit it, or use --force to replace it with the default (it is backed up first)": t("%s existe déjà ; modifiez-le, ou remplacez-le par l’horaire par défaut avec --force (il est d’abord sauvegardé)"),
	"%s is the default schedule already; nothing to do.":                                                t("%s est déjà l’horaire par défaut ; rien à faire."),
	"Backed up the old schedule to %s":                                                                  t("Ancien horaire sauvegardé dans %s"),
	"Wrote the default schedule to %s":                                                                  t("Horaire par défaut écrit dans %s"),
	"Edit it, then check it with `bedtime validate`.":                                                   t("Modifiez-le, puis vérifiez-le avec `bedtime validate`."),
	"To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s":               t("Pour recevoir aussi les rappels sur votre téléphone (ntfy), prenez un sujet que personne ne devinera, par exemple %s"),
	"(see docs/channels.md, \"Phone and other channels\").":                                             t("(voir docs/channels.md, « Phone and other channels »)."),
	"cannot remove old backups: %v":                                                                     t("impossible de supprimer les anciennes sauvegardes : %v"),
	"cannot read the schedule: %v":                                                                      t("horaire illisible : %v"),
	"cannot make a private copy: %v":                                                                    t("impossible de faire une copie privée : %v"),
	"%v; %s not changed":                                                                                t("%v ; %s inchangé"),
	"cannot read the edited copy: %v; %s not changed":                                                   t("copie modifiée illisible : %v ; %s inchangé"),
	"No changes; %s left as it was.":                                                                    t("Aucun changement ; %s reste tel quel."),
	"No changes; no schedule file written (the built-in default stays in use).":                         t("Aucun changement ; aucun fichier d’horaire écrit (l’horaire par défaut intégré reste en usage)."),
	"Installed %s: %s.":                                                                                 t("%s mis en place : %s."),
	"Backed up the previous schedule to %s":                                                             t("Horaire précédent sauvegardé dans %s"),
	"%s was removed while you edited; writing it anew":                                                  t("%s a été supprimé pendant la modification ; il est écrit à nouveau"),

	"this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again": t("cet ordinateur a déjà une clé de synchronisation (empreinte %s) ; `bedtime sync init --force` en crée une nouvelle, et chaque autre ordinateur doit alors rejoindre à nouveau"),
	"Made a sync key (fingerprint %s), kept in %s, readable by you alone.":                                                                              t("Clé de synchronisation créée (empreinte %s), gardée dans %s, lisible par vous seul."),
	"This computer is device %s.":  t("Cet ordinateur est l’appareil %s."),
	"On each other computer, run:": t("Sur chaque autre ordinateur, lancez :"),
	"The key is the one secret: whoever has it and the folder can read your record.":     t("La clé est le seul secret : qui l’a, avec le dossier, peut lire votre suivi."),
	"Never put it in the synced folder; copy it by hand, or in a file you delete after.": t("Ne la mettez jamais dans le dossier synchronisé ; recopiez-la à la main, ou dans un fichier que vous supprimez ensuite."),
	"%q is neither a key nor a file holding one: %v":                                     t("%q n’est ni une clé ni un fichier qui en contient une : %v"),
	"This computer has this key already (fingerprint %s).":                               t("Cet ordinateur a déjà cette clé (empreinte %s)."),
	"this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed": t("cet ordinateur a une autre clé de synchronisation (empreinte %s, la nouvelle est %s) ; `bedtime sync join --force` la remplace, et il ne lit alors plus ce que l’ancienne clé a scellé"),
	"Joined with key %s; this computer is device %s.":                                                               t("Rejoint avec la clé %s ; cet ordinateur est l’appareil %s."),
	"Restart bedtime (`bedtime restart`) so the daemon starts sharing; `bedtime doctor` shows the devices it sees.": t("Redémarrez bedtime (`bedtime restart`) pour qu’il commence à partager ; `bedtime doctor` montre les appareils qu’il voit."),
	"The schedule names the folder %s.":                                                                             t("L’horaire nomme le dossier %s."),
	"Name the synced folder in the schedule on each computer (`bedtime edit`):":                                     t("Nommez le dossier synchronisé dans l’horaire de chaque ordinateur (`bedtime edit`) :"),

	"--variant %s: variants count from 1 (the first); leave out --variant for today's text":     t("--variant %s : les variantes se comptent à partir de 1 (la première) ; omettez --variant pour le texte du jour"),
	"--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s": t("--wait vaut %s : indiquez combien de temps attendre un bouton, de 0 (ne pas attendre) à 1h, par exemple 60s"),
	"Shown: %s": t("Affiché : %s"),
	"This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.": t("Ce serveur de notifications n’affiche pas de boutons : répondez à un rappel avec `bedtime done %s` ou `bedtime snooze %s`."),
	"%s or %s": t("%s ou %s"),
	"Press %s on it: waiting up to %s (nothing is recorded)...":                             t("Appuyez sur %s : attente jusqu’à %s (rien n’est noté)..."),
	"You pressed %s. Nothing was recorded.":                                                 t("Vous avez appuyé sur %s. Rien n’a été noté."),
	"You closed it without pressing a button.":                                              t("Vous l’avez fermée sans appuyer sur un bouton."),
	"No answer within %s.":                                                                  t("Pas de réponse en %s."),
	"Stopped waiting. Nothing was recorded.":                                                t("Attente arrêtée. Rien n’a été noté."),
	"give either a routine to play or --stop, not both":                                     t("donnez soit une routine à jouer, soit --stop, pas les deux"),
	"cannot load routines: %v":                                                              t("impossible de charger les routines : %v"),
	"unknown routine %q: want one of %s":                                                    t("routine inconnue %q : une de %s est attendue"),
	"Stopped.":                                                                              t("Arrêté."),
	"bedtime is not running, so it plays no routine.":                                       t("bedtime est arrêté, il ne joue donc aucune routine."),
	"Asked bedtime to stop the routine it plays.":                                           t("bedtime a été prié d’arrêter la routine qu’il joue."),
	"the schedule file has errors, so its routines are unknown; run `bedtime validate`":     t("le fichier d’horaire a des erreurs, ses routines sont donc inconnues ; lancez `bedtime validate`"),
	"cannot find the state directory: %v":                                                   t("dossier d’état introuvable : %v"),
	"--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)": t("--night : dites ce qu’il faut noter sur elle (--cramps, --severity, --sleep, --leg ou --note)"),
	"--now records the night going on now; leave out --night":                               t("--now note la nuit en cours ; omettez --night"),
	"unknown topic %q: want one of %s":                                                      t("sujet inconnu %q : un de %s est attendu"),
	"the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.": t("l’icône de la barre n’est pas encore compilée pour %s (elle a besoin de cgo) ; `bedtime status` et les autres commandes fonctionnent."),
	"the bedtime tray is already running": t("l’icône de bedtime dans la barre est déjà en marche"),
	"cannot lock the tray: %v":            t("impossible de verrouiller l’icône de la barre : %v"),

	"want a date such as 2026-03-14 (YYYY-MM-DD)":                             t("une date comme 2026-03-14 (AAAA-MM-JJ) est attendue"),
	"is in the future (the latest night is %s)":                               t("est dans le futur (la dernière nuit est %s)"),
	"is more than a year back (the earliest night is %s)":                     t("remonte à plus d’un an (la nuit la plus ancienne est %s)"),
	"want none, some or bad":                                                  t("none, some ou bad est attendu"),
	"want 0 to %s":                                                            t("de 0 à %s est attendu"),
	"want 0 (no pain) to 10 (the worst)":                                      t("de 0 (aucune douleur) à 10 (le pire) est attendu"),
	"want 0 (slept well) to 10 (hardly slept)":                                t("de 0 (bien dormi) à 10 (à peine dormi) est attendu"),
	"want left, right or both":                                                t("left, right ou both est attendu"),
	"contradicts the other answers (cramps were said too)":                    t("contredit les autres réponses (des crampes ont aussi été indiquées)"),
	"is for a night with cramps; this one says none":                          t("vaut pour une nuit avec crampes ; celle-ci n’en a pas"),
	"nothing to record (give --cramps, --severity, --sleep, --leg or --note)": t("rien à noter (donnez --cramps, --severity, --sleep, --leg ou --note)"),
	"is not valid UTF-8 text":                                                 t("n’est pas un texte UTF-8 valide"),
	"is %s characters long; at most %s":                                       t("fait %s caractères ; %s au plus"),
	"holds a control character (%s) at byte %s; write it on one line":         t("contient un caractère de contrôle (%s) à l’octet %s ; écrivez-la sur une ligne"),

	// The schedule template's comments (TemplateComments).
	"bedtime schedule: when to remind you of the habits that prevent night leg\ncramps. Edit it by hand; the running daemon picks up every save. Check it\nwith `bedtime validate`, see what comes next with `bedtime next`.": t(
		"Horaire de bedtime : quand vous rappeler les habitudes qui préviennent les\n" +
			"crampes nocturnes des jambes. Modifiez-le à la main ; bedtime en marche\n" +
			"prend chaque enregistrement. Vérifiez-le avec `bedtime validate`, voyez\n" +
			"ce qui vient ensuite avec `bedtime next`."),
	"Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n30m, 2h or 1h30m.": t(
		"Les heures s’écrivent HH:MM sur 24 heures, dans votre fuseau horaire. Les\n" +
			"durées s’écrivent comme 90s, 30m, 2h ou 1h30m."),
	"an IANA zone; default: the system's zone":        t("un fuseau IANA ; sinon celui du système"),
	"en, de, fr or es; default: from LANG":            t("en, de, fr ou es ; sinon d’après LANG"),
	"When you go to bed. One time for every night...": t("L’heure du coucher. Une heure pour chaque nuit..."),
	"...or one per weekday (a time from 00:00 to 05:59 counts as the night\nthat begins on that day: fri: \"00:30\" is the early hours of Saturday):": t(
		"...ou une par jour de la semaine (une heure de 00:00 à 05:59 compte pour\n" +
			"la nuit qui commence ce jour-là : fri: \"00:30\" est tôt samedi matin) :"),
	"Idle this long (no keyboard or mouse input), or the screen locked, means\nyou are away (1m to 2h; default 5m). What a reminder due while you are\naway does is its when_away (below).": t(
		"Inactif aussi longtemps (ni clavier ni souris) ou l’écran verrouillé :\n" +
			"vous êtes absent (1m à 2h ; sinon 5m). Ce que fait un rappel prévu\n" +
			"pendant votre absence, c’est son when_away (plus bas)."),
	"A break to stand and stretch for 2-3 minutes, every hour of the\nworking day. `cron` takes a standard five-field cron expression\n(minute hour day-of-month month day-of-week) or @daily, @hourly...": t(
		"Une pause pour se lever et s’étirer 2-3 minutes, chaque heure de la\n" +
			"journée de travail. `cron` prend une expression cron standard à cinq\n" +
			"champs (minute heure jour-du-mois mois jour-de-la-semaine) ou @daily,\n" +
			"@hourly..."),
	"Water through the day, every two hours, not late in the evening.\n`every` counts from the start of `between` (08:00, 10:00, ...), or from\nmidnight without it; a firing exactly at the window's end is included.": t(
		"De l’eau tout au long de la journée, toutes les deux heures, pas tard le\n" +
			"soir. `every` compte depuis le début de `between` (08:00, 10:00, ...),\n" +
			"ou depuis minuit sans lui ; un rappel pile à la fin de la plage compte."),
	"Magnesium in the evening. `at` takes one time or a list:\nat: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\nespecially if you have kidney problems.": t(
		"Magnésium le soir. `at` prend une heure ou une liste :\n" +
			"at: [\"08:00\", \"20:30\"]. Demandez à votre médecin avant de prendre du\n" +
			"magnésium, surtout si vous avez des problèmes de reins."),
	"The calf-stretch routine, 30 minutes before bedtime.": t("L’étirement des mollets, 30 minutes avant le coucher."),
	"A short stretch in the morning on working days. `days` works with every\nform but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.": t(
		"Un court étirement le matin les jours de travail. `days` va avec toutes\n" +
			"les formes sauf cron : [mon, tue, wed, thu, fri, sat, sun], ou\n" +
			"weekdays/weekends."),
	"The morning question of the cramp diary: \"Leg cramps last night?\" with\nthe buttons None, Some and Bad, on the phone too when a channel is set.\nIt waits until you are first at the computer after 06:00 (up to 12\nhours); the answer goes to the diary (`bedtime diary` adds details,\n`bedtime report` sums it up for you and your doctor). A night left\nunanswered counts as unknown, never as \"no cramps\". Turn it off with\nenabled: false.": t(
		"La question du matin du journal des crampes : « Des crampes cette nuit ? »\n" +
			"avec les boutons Aucune, Quelques-unes et Fortes, aussi sur le téléphone\n" +
			"si un canal est configuré. Elle attend votre premier passage à\n" +
			"l’ordinateur après 06:00 (jusqu’à 12 heures) ; la réponse va au journal\n" +
			"(`bedtime diary` ajoute des détails, `bedtime report` le résume pour\n" +
			"vous et votre médecin). Une nuit sans réponse compte comme inconnue,\n" +
			"jamais comme « pas de crampes ». Pour la désactiver : enabled: false."),
	"A reminder of your own needs a title or message. Every reminder also\ntakes, all optional:": t(
		"Un rappel à vous a besoin d’un titre ou d’un message. Chaque rappel prend\n" +
			"aussi, tous facultatifs :"),
	"switch it off without deleting it":         t("le désactiver sans le supprimer"),
	"replace the built-in title":                t("remplace le titre intégré"),
	"replace the built-in text":                 t("remplace le texte intégré"),
	"your own texts, shown in turn":             t("vos propres textes, montrés tour à tour"),
	"how long Snooze puts it off (default 10m)": t("durée du report par Plus tard (sinon 10m)"),
	"how late it may still come after the computer\nslept (default 2h for once-a-day reminders,\notherwise 0: a missed one is skipped)": t(
		"jusqu’à quand il peut encore venir après la\n" +
			"veille de l’ordinateur (sinon 2h pour les\n" +
			"rappels quotidiens, 0 pour les autres : un\n" +
			"rappel manqué est sauté)"),
	"come back every 15 minutes until you press\nDone or run `bedtime done NAME` (at most 3 times)": t(
		"revenir toutes les 15 minutes jusqu’à Fait ou\n" +
			"`bedtime done NAME` (3 fois au plus)"),
	"while you are away or locked: hold it until you\nare back (default), skip it (default for\nmovement), or show it anyway": t(
		"absent ou écran verrouillé : le garder jusqu’à\n" +
			"votre retour (par défaut), le sauter (par\n" +
			"défaut pour movement) ou le montrer quand même"),
	"in a call (microphone or camera in use) or with\na fullscreen window: hold it until that ends\n(default), or show it anyway": t(
		"en appel (micro ou caméra utilisés) ou avec une\n" +
			"fenêtre plein écran : le garder jusqu’à la fin\n" +
			"(par défaut), ou le montrer quand même"),
	"stay on screen until answered (default); false:\nthe notification server's timeout; or a time: 2m": t(
		"rester à l’écran jusqu’à la réponse (par\n" +
			"défaut) ; false : le délai du serveur de\n" +
			"notifications ; ou une durée : 2m"),
	"true (or a sound name such as bell) plays a sound": t("true (ou un son comme bell) joue un son"),
	"Guided routines of your own, for a reminder's `routine:` (built in:\ncalf-stretch, morning-stretch).": t(
		"Vos propres routines guidées, pour le `routine:` d’un rappel (intégrées :\n" +
			"calf-stretch, morning-stretch)."),
}
