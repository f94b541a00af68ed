package locale

// frErrors are the French translations of errorsMessages and templateMessages, by
// English key.
var frErrors = []pair{
	{Key: "unknown command %s for %s", Other: "commande inconnue %s pour %s"},
	{Key: "Did you mean this?", Other: "Vouliez-vous dire ceci ?"},
	{Key: "unknown flag: --%s", Other: "option inconnue : --%s"},
	{Key: "unknown shorthand flag: %q in -%s", Other: "option courte inconnue : %q dans -%s"},
	{Key: "-%s is read as a flag: a length of time is never negative; give one over zero, such as 45m", Other: "-%s est lu comme une option\u00a0: une durée n’est jamais négative\u00a0; donnez-en une supérieure à zéro, par exemple 45m"},
	{Key: "flag needs an argument: --%s", Other: "l’option demande une valeur : --%s"},
	{Key: "flag needs an argument: %q in -%s", Other: "l’option demande une valeur : %q dans -%s"},
	{Key: "invalid argument %q for %q flag: %s", Other: "valeur %q invalide pour l’option %q : %s"},
	{Key: "bad flag syntax: %s", Other: "option mal écrite : %s"},
	{Key: "want a whole number", Other: "un nombre entier est attendu"},
	{Key: "want true or false", Other: "true ou false est attendu"},
	{Key: "want a duration such as 90m or 2h", Other: "une durée comme 90m ou 2h est attendue"},
	{Key: "%s takes %d arguments, got %d", One: "%s prend %d argument, reçu %d", Other: "%s prend %d arguments, reçu %d"},
	{Key: "%s takes at most %d arguments, got %d", One: "%s prend au plus %d argument, reçu %d", Other: "%s prend au plus %d arguments, reçu %d"},
	{Key: "%s takes at least %d arguments, got %d", One: "%s prend au moins %d argument, reçu %d", Other: "%s prend au moins %d arguments, reçu %d"},
	{Key: "%s takes %d to %d arguments, got %d", One: "%s prend de %d à %d argument, reçu %d", Other: "%s prend de %d à %d arguments, reçu %d"},
	{Key: "%s takes no arguments, got %s", Other: "%s ne prend pas d’argument, reçu %s"},
	{Key: "%s has no command %s (its commands: %s)", Other: "%s n’a pas de commande %s (ses commandes\u00a0: %s)"},
	{Key: "usage: %s", Other: "usage : %s"},
	{Key: "example: %s", Other: "exemple : %s"},
	{Key: "--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location", Other: "--config %s : fichier introuvable ; créez-le avec `bedtime init --config %s`, ou omettez --config pour utiliser l’emplacement habituel"},
	{Key: "no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)", Other: "pas de fichier d’horaire à %s ; l’horaire par défaut intégré s’applique (`bedtime init` l’y écrit pour que vous le modifiiez)"},
	{Key: "--count %s: want 1 or more", Other: "--count %s : 1 ou plus est attendu"},
	{Key: "--count %s: want 1 to %s", Other: "--count %s : de 1 à %s est attendu"},
	{Key: "--days %s: want 1 or more", Other: "--days %s : 1 ou plus est attendu"},
	{Key: "--days %s: want 1 to %s (ten years)", Other: "--days %s : de 1 à %s est attendu (dix ans)"},
	{Key: "--days %s: want 1 to %s", Other: "--days %s : de 1 à %s est attendu"},
	{Key: "--days lists the nights; leave it out when you record one", Other: "--days liste les nuits\u00a0; ne le donnez pas quand vous en enregistrez une"},
	{Key: "give --ics: iCalendar is the only export format", Other: "ajoutez --ics : iCalendar est le seul format d’export"},
	{Key: "--by-device needs sync: in the schedule and this computer joined (see bedtime sync)", Other: "--by-device demande sync : dans l’horaire, et cet ordinateur doit l’avoir rejoint (voir bedtime sync)"},
	{Key: "--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)", Other: "--from %q n’est pas un instant (RFC 3339 attendu, par exemple 2026-11-25T20:00:00+01:00)"},
	{Key: "commit", Other: "commit"},
	{Key: "bedtime version %s", Other: "bedtime version %s"},
	{Key: "the schedule file has errors; fix them first (`bedtime validate`)", Other: "le fichier d’horaire a des erreurs ; corrigez-les d’abord (`bedtime validate`)"},
	{Key: "no reminder %q in the schedule (have %s)", Other: "pas de rappel %q dans l’horaire (il y a %s)"},
	{Key: "the change is made, but it could not be written to the history (%v); stats will not count it.", Other: "le changement est fait, mais n’a pas pu être écrit dans l’historique (%v) ; stats ne le comptera pas."},
	{Key: "nothing to mark done: %s", Other: "rien à marquer comme fait : %s"},
	{Key: "nothing to snooze: %s", Other: "rien à reporter : %s"},
	{Key: "%s is not due", Other: "%s n’est pas prévu maintenant"},
	{Key: "%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", Other: "%s pose une question\u00a0: répondez-y avec `bedtime diary --cramps N` (0 pour une nuit sans) ou avec les boutons de sa notification"},
	{Key: "%s was last %s at %s", Other: "dernier état de %s : %s (%s)"},
	{Key: "%s was already %s at %s", Other: "%s est déjà %s (%s)"},
	{Key: "expired", Other: "expiré"},
	{Key: "; it is next due %s (`bedtime skip %s` skips that one)", Other: " ; prochaine fois %s (`bedtime skip %s` saute celle-là)"},
	{Key: "%q is not a duration (want e.g. 45m or 2h)", Other: "%q n’est pas une durée (par exemple 45m ou 2h)"},
	{Key: "%q is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)", Other: "%q n’est pas une durée de pause\u00a0: donnez une durée supérieure à zéro, par exemple 45m (`bedtime resume` met fin à une pause)"},
	{Key: "%q is longer than a pause can be (%s days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)", Other: "%q dépasse la durée maximale d’une pause (%s jours au plus) ; pour une pause plus longue, désactivez les rappels (enabled: false, `bedtime edit`) ou arrêtez bedtime (`bedtime uninstall`)"},
	{Key: "--until: %q is not a time of day (want HH:MM)", Other: "--until : %q n’est pas une heure (HH:MM attendu)"},
	{Key: "give only one of DURATION, --until and --today", Other: "donnez un seul de DURÉE, --until et --today"},
	{Key: "%q is not a snooze time (want 1m to 24h, such as 10m)", Other: "%q n’est pas un délai de report (de 1m à 24h, par exemple 10m)"},
	{Key: "%s is disabled in the schedule; there is nothing to skip", Other: "%s est désactivé dans l’horaire ; il n’y a rien à sauter"},
	{Key: "%s has no next firing", Other: "%s ne revient plus"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "déjà en marche (processus %s), et un suffit : laissez-le, ou arrêtez-le d’abord avec `bedtime stop` (le service) ou `kill %s` (lancé à la main)"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "déjà en marche (processus %s depuis %s), et un suffit : laissez-le, ou arrêtez-le d’abord avec `bedtime stop` (le service) ou `kill %s` (lancé à la main)"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "déjà en marche (processus %s), et un suffit\u00a0: laissez-le, ou arrêtez-le d’abord avec `bedtime stop`"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "déjà en marche (processus %s depuis %s), et un suffit\u00a0: laissez-le, ou arrêtez-le d’abord avec `bedtime stop`"},
	{Key: "bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run bedtime %s again", Other: "bedtime est déjà en marche hors du service (pid %s), et un seul peut tourner ; arrêtez-le (bedtime stop), puis relancez bedtime %s"},
	{Key: "cannot find the bedtime binary: %v", Other: "programme bedtime introuvable : %v"},
	{Key: "bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there", Other: "bedtime tourne depuis une compilation temporaire (%q), qui va disparaître : compilez-le ou installez-le d’abord (go install ou make build) et lancez install depuis là"},
	{Key: "cannot find the default schedule file: %v", Other: "fichier d’horaire habituel introuvable : %v"},
	{Key: "cannot resolve the schedule path %q: %v", Other: "impossible de résoudre le chemin de l’horaire %q : %v"},
	{Key: "no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", Other: "aucun gestionnaire de services par utilisateur pris en charge ici (%s) : lancez plutôt « bedtime run » depuis le démarrage automatique de votre session"},
	{Key: "cannot install the bedtime service: %v", Other: "impossible d’installer le service bedtime : %v"},
	{Key: "The bedtime that ran before the install runs again (pid %s).", Other: "Le bedtime qui tournait avant l’installation tourne de nouveau (pid %s)."},
	{Key: "bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it.", Other: "bedtime est maintenant arrêté\u00a0: celui qui tournait avant l’installation n’a pas redémarré non plus. Une fois la cause corrigée, `bedtime start` le démarre."},
	{Key: "bedtime exited as soon as it was started (exit status %s)", Other: "bedtime s’est arrêté dès son démarrage (code de sortie %s)"},
	{Key: "bedtime was ended by %s as soon as it was started", Other: "bedtime a été arrêté par %s dès son démarrage"},
	{Key: "bedtime did not finish starting within %s, so systemd stopped it", Other: "bedtime n’avait pas fini de démarrer au bout de %s, alors systemd l’a arrêté"},
	{Key: "%s; systemd tries again by itself in a few seconds", Other: "%s\u00a0; systemd réessaie de lui-même dans quelques secondes"},
	{Key: "see why with `%s`", Other: "pour savoir pourquoi, lancez `%s`"},
	{Key: "installed, but cannot read its status: %v", Other: "installé, mais son état est illisible : %v"},
	{Key: "installed %s %s", Other: "installé : %s %s"},
	{Key: "chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops", Other: "choisi car %s ; la session de bureau lance bedtime à la connexion, et rien ne le relance s’il s’arrête"},
	{Key: "it runs %s %s, now and at every login", Other: "il lance %s %s, maintenant et à chaque connexion"},
	{Key: "%s beside it is %s and this bedtime is %s: the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again.", Other: "%s à côté est en %s et ce bedtime en %s : le service lance ce bedtime (bedtime run) à la place. Installez les deux depuis une même version pour retrouver le démon plus léger."},
	{Key: "there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then", Other: "pas encore de fichier d’horaire à %s : l’horaire par défaut intégré s’applique jusqu’à ce que `bedtime init` en écrive un, puis le fichier"},
	{Key: "cannot install the tray: %v", Other: "impossible d’installer l’icône de la barre : %v"},
	{Key: "installed the tray's autostart %s", Other: "démarrage automatique de l’icône installé : %s"},
	{Key: "its status icon starts at your next login (`bedtime tray` shows it now)", Other: "l’icône apparaît à votre prochaine connexion (`bedtime tray` l’affiche maintenant)"},
	{Key: "cannot uninstall the bedtime service: %v", Other: "impossible de désinstaller le service bedtime : %v"},
	{Key: "bedtime is not installed as a service; nothing to do", Other: "bedtime n’est pas installé comme service ; rien à faire"},
	{Key: "bedtime is stopped and uninstalled; your schedule, state and history are kept", Other: "bedtime est arrêté et désinstallé ; votre horaire, votre état et votre historique sont conservés"},
	{Key: "cannot start bedtime: %v", Other: "impossible de démarrer bedtime : %v"},
	{Key: "cannot stop bedtime: %v", Other: "impossible d’arrêter bedtime : %v"},
	{Key: "cannot restart bedtime: %v", Other: "impossible de redémarrer bedtime : %v"},
	{Key: "bedtime started", Other: "bedtime démarré"},
	{Key: "bedtime stopped", Other: "bedtime arrêté"},
	{Key: "bedtime was not running; nothing to stop", Other: "bedtime ne tournait pas\u00a0; rien à arrêter"},
	{Key: "bedtime restarted", Other: "bedtime redémarré"},
	{Key: "cannot read the bedtime service's status: %v", Other: "état du service bedtime illisible : %v"},
	{Key: "%s already exists; edit it, or use --force to replace it with the default (it is backed up first)", Other: "%s existe déjà ; modifiez-le, ou remplacez-le par l’horaire par défaut avec --force (il est d’abord sauvegardé)"},
	{Key: "%s is the default schedule already; nothing to do.", Other: "%s est déjà l’horaire par défaut ; rien à faire."},
	{Key: "Backed up the old schedule to %s", Other: "Ancien horaire sauvegardé dans %s"},
	{Key: "Wrote the default schedule to %s", Other: "Horaire par défaut écrit dans %s"},
	{Key: "Edit it, then check it with `bedtime validate`.", Other: "Modifiez-le, puis vérifiez-le avec `bedtime validate`."},
	{Key: "To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s", Other: "Pour recevoir aussi les rappels sur votre téléphone (ntfy), prenez un sujet que personne ne devinera, par exemple %s"},
	{Key: "(see docs/channels.md, \"Phone and other channels\").", Other: "(voir docs/channels.md, « Phone and other channels »)."},
	{Key: "cannot remove old backups: %v", Other: "impossible de supprimer les anciennes sauvegardes : %v"},
	{Key: "cannot read the schedule: %v", Other: "horaire illisible : %v"},
	{Key: "cannot make a private copy: %v", Other: "impossible de faire une copie privée : %v"},
	{Key: "%v; %s not changed", Other: "%v ; %s inchangé"},
	{Key: "no editor found (tried %s); set $VISUAL or $EDITOR", Other: "aucun éditeur trouvé (essayés : %s) ; définissez $VISUAL ou $EDITOR"},
	{Key: "editor %q not found (the shell said 127); set $VISUAL or $EDITOR", Other: "éditeur %q introuvable (le shell a répondu 127) ; définissez $VISUAL ou $EDITOR"},
	{Key: "editor %q not found; set $VISUAL or $EDITOR", Other: "éditeur %q introuvable ; définissez $VISUAL ou $EDITOR"},
	{Key: "cannot read the edited copy: %v; %s not changed", Other: "copie modifiée illisible : %v ; %s inchangé"},
	{Key: "No changes; %s left as it was.", Other: "Aucun changement ; %s reste tel quel."},
	{Key: "No changes; no schedule file written (the built-in default stays in use).", Other: "Aucun changement ; aucun fichier d’horaire écrit (l’horaire par défaut intégré reste en usage)."},
	{Key: "The editor (%s) returned at once, with no change: it opened the copy in a window and did not wait for you.", Other: "L’éditeur (%s) est revenu aussitôt, sans changement\u00a0: il a ouvert la copie dans une fenêtre sans vous attendre."},
	{Key: "To have bedtime edit wait, set VISUAL to its waiting form: \"code --wait\", \"subl -w\", \"gedit -s\".", Other: "Pour que bedtime edit attende, donnez à VISUAL sa forme qui attend\u00a0: \"code --wait\", \"subl -w\", \"gedit -s\"."},
	{Key: "Save and close the file in that window, then press Enter here (Ctrl+D gives up):", Other: "Enregistrez et fermez le fichier dans cette fenêtre, puis appuyez ici sur Entrée (Ctrl+D abandonne)\u00a0:"},
	{Key: "The copy stays at %s with what you save there; %s is left as it was.", Other: "La copie reste dans %s avec ce que vous y enregistrez\u00a0; %s reste tel quel."},
	{Key: "Installed %s: %s.", Other: "%s mis en place : %s."},
	{Key: "Backed up the previous schedule to %s", Other: "Horaire précédent sauvegardé dans %s"},
	{Key: "%s was removed while you edited; writing it anew", Other: "%s a été supprimé pendant la modification ; il est écrit à nouveau"},
	{Key: "--variant %s: variants count from 1 (the first); leave out --variant for today's text", Other: "--variant %s : les variantes se comptent à partir de 1 (la première) ; omettez --variant pour le texte du jour"},
	{Key: "--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s", Other: "--wait vaut %s : indiquez combien de temps attendre un bouton, de 0 (ne pas attendre) à 1h, par exemple 60s"},
	{Key: "Shown: %s", Other: "Affiché : %s"},
	{Key: "This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.", Other: "Ce serveur de notifications n’affiche pas de boutons : répondez à un rappel avec `bedtime done %s` ou `bedtime snooze %s`."},
	{Key: "%s or %s", Other: "%s ou %s"},
	{Key: "Press %s on it: waiting up to %s (nothing is recorded)...", Other: "Appuyez sur %s : attente jusqu’à %s (rien n’est noté)..."},
	{Key: "You pressed %s. Nothing was recorded.", Other: "Vous avez appuyé sur %s. Rien n’a été noté."},
	{Key: "You closed it without pressing a button.", Other: "Vous l’avez fermée sans appuyer sur un bouton."},
	{Key: "No answer within %s.", Other: "Pas de réponse en %s."},
	{Key: "Stopped waiting. Nothing was recorded.", Other: "Attente arrêtée. Rien n’a été noté."},
	{Key: "give either a routine to play or --stop, not both", Other: "donnez soit une routine à jouer, soit --stop, pas les deux"},
	{Key: "cannot load routines: %v", Other: "impossible de charger les routines : %v"},
	{Key: "unknown routine %q: want one of %s", Other: "routine inconnue %q : une de %s est attendue"},
	{Key: "Stopped.", Other: "Arrêté."},
	{Key: "bedtime is not running, so it plays no routine.", Other: "bedtime est arrêté, il ne joue donc aucune routine."},
	{Key: "Asked bedtime to stop a routine, if one is playing.", Other: "bedtime a été prié d’arrêter la routine en cours, s’il y en a une."},
	{Key: "the schedule file has errors, so its routines are unknown; run `bedtime validate`", Other: "le fichier d’horaire a des erreurs, ses routines sont donc inconnues ; lancez `bedtime validate`"},
	{Key: "cannot find the state directory: %v", Other: "dossier d’état introuvable : %v"},
	{Key: "--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)", Other: "--night : dites ce qu’il faut noter sur elle (--cramps, --severity, --sleep, --leg ou --note)"},
	{Key: "--now records the night going on now; leave out --night", Other: "--now note la nuit en cours ; omettez --night"},
	{Key: "unknown topic %q: want one of %s", Other: "sujet inconnu %q : un de %s est attendu"},
	{Key: "the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.", Other: "l’icône de la barre n’est pas encore compilée pour %s (elle a besoin de cgo) ; `bedtime status` et les autres commandes fonctionnent."},
	{Key: "the bedtime tray is already running", Other: "l’icône de bedtime dans la barre est déjà en marche"},
	{Key: "the tray needs your desktop session's bus (%v); run `bedtime tray` inside your desktop session", Other: "l’icône a besoin du bus de votre session de bureau (%v) ; lancez `bedtime tray` dans votre session de bureau"},
	{Key: "no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one", Other: "aucun panneau avec une zone de notification ne tourne encore\u00a0; l’icône apparaîtra dès qu’il démarrera, et `bedtime doctor` indique comment en obtenir un"},
	{Key: "cannot lock the tray: %v", Other: "impossible de verrouiller l’icône de la barre : %v"},
	{Key: "cannot find a place for the report: %v", Other: "impossible de trouver où mettre le rapport : %v"},
	{Key: "cannot write the report: %v", Other: "impossible d’écrire le rapport : %v"},
	{Key: "wrote %s, but found no xdg-open to open it (package xdg-utils)", Other: "%s écrit, mais pas de xdg-open pour l’ouvrir (paquet xdg-utils)"},
	{Key: "no terminal found to run `bedtime edit` in (install xterm, or run it in one)", Other: "aucun terminal trouvé pour y lancer `bedtime edit` (installez xterm, ou lancez-le dans un terminal)"},
	{Key: "cannot start %s: %v", Other: "impossible de lancer %s : %v"},
	{Key: "want a date such as 2026-03-14 (YYYY-MM-DD)", Other: "une date comme 2026-03-14 (AAAA-MM-JJ) est attendue"},
	{Key: "is in the future (the latest night is %s)", Other: "est dans le futur (la dernière nuit est %s)"},
	{Key: "is more than a year back (the earliest night is %s)", Other: "remonte à plus d’un an (la nuit la plus ancienne est %s)"},
	{Key: "want none, some or bad", Other: "none, some ou bad est attendu"},
	{Key: "want 0 to %s", Other: "de 0 à %s est attendu"},
	{Key: "want 0 (no pain) to 10 (the worst)", Other: "de 0 (aucune douleur) à 10 (le pire) est attendu"},
	{Key: "want 0 (slept well) to 10 (hardly slept)", Other: "de 0 (bien dormi) à 10 (à peine dormi) est attendu"},
	{Key: "want left, right or both", Other: "left, right ou both est attendu"},
	{Key: "contradicts the other answers (cramps were said too)", Other: "contredit les autres réponses (des crampes ont aussi été indiquées)"},
	{Key: "is for a night with cramps; this one says none", Other: "vaut pour une nuit avec crampes ; celle-ci n’en a pas"},
	{Key: "nothing to record (give --cramps, --severity, --sleep, --leg or --note)", Other: "rien à noter (donnez --cramps, --severity, --sleep, --leg ou --note)"},
	{Key: "is not valid UTF-8 text", Other: "n’est pas un texte UTF-8 valide"},
	{Key: "is %s characters long; at most %s", Other: "fait %s caractères ; %s au plus"},
	{Key: "holds a control character (%s) at byte %s; write it on one line", Other: "contient un caractère de contrôle (%s) à l’octet %s ; écrivez-la sur une ligne"},
	{Key: "this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again", Other: "cet ordinateur a déjà une clé de synchronisation (empreinte %s) ; `bedtime sync init --force` en crée une nouvelle, et chaque autre ordinateur doit alors rejoindre à nouveau"},
	{Key: "Made a sync key (fingerprint %s), kept in %s, readable by you alone.", Other: "Clé de synchronisation créée (empreinte %s), gardée dans %s, lisible par vous seul."},
	{Key: "This computer is device %s.", Other: "Cet ordinateur est l’appareil %s."},
	{Key: "On each other computer, run:", Other: "Sur chaque autre ordinateur, lancez :"},
	{Key: "The key is the one secret: whoever has it and the folder can read your record.", Other: "La clé est le seul secret : qui l’a, avec le dossier, peut lire votre suivi."},
	{Key: "Never put it in the synced folder; copy it by hand, or in a file you delete after.", Other: "Ne la mettez jamais dans le dossier synchronisé ; recopiez-la à la main, ou dans un fichier que vous supprimez ensuite."},
	{Key: "%q is neither a key nor a file holding one: %v", Other: "%q n’est ni une clé ni un fichier qui en contient une : %v"},
	{Key: "This computer has this key already (fingerprint %s).", Other: "Cet ordinateur a déjà cette clé (empreinte %s)."},
	{Key: "this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed", Other: "cet ordinateur a une autre clé de synchronisation (empreinte %s, la nouvelle est %s) ; `bedtime sync join --force` la remplace, et il ne lit alors plus ce que l’ancienne clé a scellé"},
	{Key: "Joined with key %s; this computer is device %s.", Other: "Rejoint avec la clé %s ; cet ordinateur est l’appareil %s."},
	{Key: "The running bedtime takes the key at once and shares, without a restart; `bedtime doctor` shows the devices it sees.", Other: "bedtime, s’il tourne, prend la clé aussitôt et partage, sans redémarrage ; `bedtime doctor` montre les appareils qu’il voit."},
	{Key: "Once the schedule names the folder, the running bedtime starts sharing, without a restart; `bedtime doctor` shows the devices it sees.", Other: "Dès que l’horaire nomme le dossier, bedtime commence à partager, sans redémarrage ; `bedtime doctor` montre les appareils qu’il voit."},
	{Key: "The schedule names the folder %s.", Other: "L’horaire nomme le dossier %s."},
	{Key: "Name the synced folder in the schedule on each computer (`bedtime edit`):", Other: "Nommez le dossier synchronisé dans l’horaire de chaque ordinateur (`bedtime edit`) :"},

	{Key: "no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)", Other: "pas de clé de synchronisation sur cet ordinateur : lancez `bedtime sync join KEY` avec la clé que `bedtime sync init` a affichée sur votre premier ordinateur (ou `bedtime sync init` ici si c’est le premier)"},
	{Key: "bedtime is not installed as a service; run \"bedtime install\" first", Other: "bedtime n’est pas installé comme service\u00a0; lancez d’abord «\u00a0bedtime install\u00a0»"},
	{Key: "not a bedtime key (it should start with %q)", Other: "ce n’est pas une clé bedtime (elle doit commencer par %q)"},
	{Key: "not a bedtime key: the part after %q is damaged (copy the whole line again)", Other: "ce n’est pas une clé bedtime\u00a0: la partie après %q est abîmée (recopiez toute la ligne)"},
	{Key: "%s (not synced or not mounted yet?); this computer works alone until it is there", Other: "%s (pas encore synchronisé ou monté ?) ; cet ordinateur travaille seul jusqu’à ce que le dossier soit là"},
	{Key: "%v; showing this computer's record alone", Other: "%v ; seul le suivi de cet ordinateur est affiché"},

	// The schedule template's comments (templateMessages).
	{
		Key: "bedtime schedule: when to remind you of the habits that prevent night leg\n" +
			"cramps. Edit it by hand; the running daemon picks up every save. Check it\n" +
			"with `bedtime validate`, see what comes next with `bedtime next`.",
		Other: "Horaire de bedtime : quand vous rappeler les habitudes qui préviennent les\n" +
			"crampes nocturnes des jambes. Modifiez-le à la main ; bedtime en marche\n" +
			"prend chaque enregistrement. Vérifiez-le avec `bedtime validate`, voyez\n" +
			"ce qui vient ensuite avec `bedtime next`.",
	},
	{
		Key: "Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n" +
			"30m, 2h or 1h30m.",
		Other: "Les heures s’écrivent HH:MM sur 24 heures, dans votre fuseau horaire. Les\n" +
			"durées s’écrivent comme 90s, 30m, 2h ou 1h30m.",
	},
	{Key: "an IANA zone; default: the system's zone", Other: "un fuseau IANA ; sinon celui du système"},
	{Key: "en, de, fr or es; default: from LANG", Other: "en, de, fr ou es ; sinon d’après LANG"},
	{Key: "When you go to bed. One time for every night...", Other: "L’heure du coucher. Une heure pour chaque nuit..."},
	{
		Key: "...or one per weekday (a time from 00:00 to 05:59 counts as the night\n" +
			"that begins on that day: fri: \"00:30\" is the early hours of Saturday):",
		Other: "...ou une par jour de la semaine (une heure de 00:00 à 05:59 compte pour\n" +
			"la nuit qui commence ce jour-là : fri: \"00:30\" est tôt samedi matin) :",
	},
	{
		Key: "Idle this long (no keyboard or mouse input), or the screen locked, means\n" +
			"you are away (1m to 2h; default 5m). What a reminder due while you are\n" +
			"away does is its when_away (below).",
		Other: "Inactif aussi longtemps (ni clavier ni souris) ou l’écran verrouillé :\n" +
			"vous êtes absent (1m à 2h ; sinon 5m). Ce que fait un rappel prévu\n" +
			"pendant votre absence, c’est son when_away (plus bas).",
	},
	{
		Key: "A break to stand and stretch for 2-3 minutes, every hour of the\n" +
			"working day. `cron` takes a standard five-field cron expression\n" +
			"(minute hour day-of-month month day-of-week) or @daily, @hourly...",
		Other: "Une pause pour se lever et s’étirer 2-3 minutes, chaque heure de la\n" +
			"journée de travail. `cron` prend une expression cron standard à cinq\n" +
			"champs (minute heure jour-du-mois mois jour-de-la-semaine) ou @daily,\n" +
			"@hourly...",
	},
	{
		Key: "Water through the day, every two hours, not late in the evening.\n" +
			"`every` counts from the start of `between` (08:00, 10:00, ...), or from\n" +
			"midnight without it; a firing exactly at the window's end is included.",
		Other: "De l’eau tout au long de la journée, toutes les deux heures, pas tard le\n" +
			"soir. `every` compte depuis le début de `between` (08:00, 10:00, ...),\n" +
			"ou depuis minuit sans lui ; un rappel pile à la fin de la plage compte.",
	},
	{
		Key: "Magnesium in the evening. `at` takes one time or a list:\n" +
			"at: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\n" +
			"especially if you have kidney problems.",
		Other: "Magnésium le soir. `at` prend une heure ou une liste :\n" +
			"at: [\"08:00\", \"20:30\"]. Demandez à votre médecin avant de prendre du\n" +
			"magnésium, surtout si vous avez des problèmes de reins.",
	},
	{Key: "The calf-stretch routine, 30 minutes before bedtime.", Other: "L’étirement des mollets, 30 minutes avant le coucher."},
	{
		Key: "A short stretch in the morning on working days. `days` works with every\n" +
			"form but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.",
		Other: "Un court étirement le matin les jours de travail. `days` va avec toutes\n" +
			"les formes sauf cron : [mon, tue, wed, thu, fri, sat, sun], ou\n" +
			"weekdays/weekends.",
	},
	{
		Key: "The morning question of the cramp diary: \"Leg cramps last night?\" with\n" +
			"the buttons None, Some and Bad, on the phone too when a channel is set.\n" +
			"It waits until you are first at the computer after 06:00 (up to 12\n" +
			"hours); the answer goes to the diary (`bedtime diary` adds details,\n" +
			"`bedtime report` sums it up for you and your doctor). A night left\n" +
			"unanswered counts as unknown, never as \"no cramps\". Turn it off with\n" +
			"enabled: false.",
		Other: "La question du matin du journal des crampes : « Des crampes cette nuit ? »\n" +
			"avec les boutons Aucune, Quelques-unes et Fortes, aussi sur le téléphone\n" +
			"si un canal est configuré. Elle attend votre premier passage à\n" +
			"l’ordinateur après 06:00 (jusqu’à 12 heures) ; la réponse va au journal\n" +
			"(`bedtime diary` ajoute des détails, `bedtime report` le résume pour\n" +
			"vous et votre médecin). Une nuit sans réponse compte comme inconnue,\n" +
			"jamais comme « pas de crampes ». Pour la désactiver : enabled: false.",
	},
	{
		Key: "A reminder of your own needs a title or message. Every reminder also\n" +
			"takes, all optional:",
		Other: "Un rappel à vous a besoin d’un titre ou d’un message. Chaque rappel prend\n" +
			"aussi, tous facultatifs :",
	},
	{Key: "switch it off without deleting it", Other: "le désactiver sans le supprimer"},
	{Key: "replace the built-in title", Other: "remplace le titre intégré"},
	{Key: "replace the built-in text", Other: "remplace le texte intégré"},
	{Key: "your own texts, shown in turn", Other: "vos propres textes, montrés tour à tour"},
	{Key: "how long Snooze puts it off (default 10m)", Other: "durée du report par Plus tard (sinon 10m)"},
	{
		Key: "how late it may still come after the computer\n" +
			"slept (default 2h for once-a-day reminders,\n" +
			"otherwise 0: a missed one is skipped)",
		Other: "jusqu’à quand il peut encore venir après la\n" +
			"veille de l’ordinateur (sinon 2h pour les\n" +
			"rappels quotidiens, 0 pour les autres : un\n" +
			"rappel manqué est sauté)",
	},
	{
		Key: "come back every 15 minutes until you press\n" +
			"Done or run `bedtime done NAME` (at most 3 times)",
		Other: "revenir toutes les 15 minutes jusqu’à Fait ou\n" +
			"`bedtime done NAME` (3 fois au plus)",
	},
	{
		Key: "while you are away or locked: hold it until you\n" +
			"are back (default), skip it (default for\n" +
			"movement), or show it anyway",
		Other: "absent ou écran verrouillé : le garder jusqu’à\n" +
			"votre retour (par défaut), le sauter (par\n" +
			"défaut pour movement) ou le montrer quand même",
	},
	{
		Key: "in a call (microphone or camera in use) or with\n" +
			"a fullscreen window: hold it until that ends\n" +
			"(default), or show it anyway",
		Other: "en appel (micro ou caméra utilisés) ou avec une\n" +
			"fenêtre plein écran : le garder jusqu’à la fin\n" +
			"(par défaut), ou le montrer quand même",
	},
	{
		Key: "stay on screen until answered (default); false:\n" +
			"the notification server's timeout; or a time: 2m",
		Other: "rester à l’écran jusqu’à la réponse (par\n" +
			"défaut) ; false : le délai du serveur de\n" +
			"notifications ; ou une durée : 2m",
	},
	{Key: "true (or a sound name such as bell) plays a sound", Other: "true (ou un son comme bell) joue un son"},
	{
		Key: "Guided routines of your own, for a reminder's `routine:` (built in:\n" +
			"calf-stretch, morning-stretch).",
		Other: "Vos propres routines guidées, pour le `routine:` d’un rappel (intégrées :\n" +
			"calf-stretch, morning-stretch).",
	},
	{Key: "Wrote %d reminders of the next %d days to %s", One: "%d rappel des %d prochains jours écrit dans %s", Other: "%d rappels des %d prochains jours écrits dans %s"},
}
