package locale

// frHelp are the French translations of helpMessages, by English key.
var frHelp = []pair{
	{Key: "Usage:", Other: "Utilisation :"},
	{Key: "[flags]", Other: "[options]"},
	{Key: "[command]", Other: "[commande]"},
	{Key: "Aliases:", Other: "Alias :"},
	{Key: "Examples:", Other: "Exemples :"},
	{Key: "Available Commands:", Other: "Commandes disponibles :"},
	{Key: "Additional Commands:", Other: "Autres commandes :"},
	{Key: "Flags:", Other: "Options :"},
	{Key: "Global Flags:", Other: "Options globales :"},
	{Key: "Additional help topics:", Other: "Autres sujets d’aide :"},
	{Key: "Use \"%s [command] --help\" for more information about a command.", Other: "Utilisez \"%s [commande] --help\" pour en savoir plus sur une commande."},
	{Key: "Unknown help topic %#q", Other: "Sujet d’aide inconnu : %#q"},
	{Key: "string", Other: "texte"},
	{Key: "int", Other: "nombre"},
	{Key: "duration", Other: "durée"},
	{Key: "(default %s)", Other: "(par défaut %s)"},
	{Key: "(DEPRECATED: %s)", Other: "(OBSOLÈTE : %s)"},
	{Key: "help for %s", Other: "aide de %s"},
	{Key: "version for %s", Other: "version de %s"},
	{Key: "Reminders that prevent night leg cramps", Other: "Des rappels qui préviennent les crampes nocturnes des jambes"},
	{Key: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening (ask a doctor first, especially with
kidney problems) and the calf stretch before bed.

Not medical advice: if cramps are severe or frequent, see a doctor.`, Other: `bedtime tourne en arrière-plan et vous rappelle les habitudes qui préviennent
les crampes nocturnes des jambes : une pause pour bouger toutes les heures
en position assise, de l’eau au fil de la journée, du magnésium le soir
(demandez d’abord à un médecin, surtout en cas de problèmes rénaux) et
l’étirement des mollets avant le coucher.

Ceci n’est pas un avis médical : si les crampes sont fortes ou fréquentes,
consultez un médecin.`},
	{Key: "schedule file (default: the user's config dir)/bedtime/schedule.yaml", Other: "fichier d’horaire (par défaut : le dossier de configuration de l’utilisateur)/bedtime/schedule.yaml"},
	{Key: "What to do during a cramp, and when to see a doctor", Other: "Que faire pendant une crampe, et quand consulter un médecin"},
	{Key: `cramp prints what to do while a leg cramp hurts: stretch, massage, warm,
walk it out, raise the leg; and the signs that mean seeing a doctor.`, Other: `cramp affiche que faire tant qu’une crampe fait mal : étirer, masser,
réchauffer, marcher, surélever la jambe ; et les signes qui doivent faire
consulter un médecin.`},
	{Key: "Keep the cramp diary: how last night went, or a cramp now", Other: "Journal des crampes\u00a0: la nuit passée, ou une crampe en cours"},
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
  bedtime diary --now                           a cramp, right now`, Other: `diary note comment s’est passée une nuit : s’il y a eu des crampes, combien,
leur intensité (0 aucune douleur à 10 la pire), combien elles ont gêné le
sommeil (0 pas du tout à 10), quelle jambe, et une note. Une nuit appartient
à la date où elle a commencé : une crampe à 3 h du matin le 7 est la nuit du
6. Sans --night, c’est la nuit dernière ; une nuit dans le futur ou de plus
d’un an est refusée.

Sans option, il liste les 14 dernières nuits (--days N pour plus) ; une
nuit sans réponse est "pas de réponse", jamais "pas de crampes". Pour corriger, répondez à
nouveau : la dernière réponse compte, et le journal garde ce qui a été dit
et quand.

--now note une crampe au moment où elle arrive et affiche que faire.

  bedtime diary --cramps 0                      nuit dernière : pas de crampes
  bedtime diary --cramps 2 --severity 6 --sleep 4 --leg left
  bedtime diary --night 2026-03-14 --note "longue marche ce jour-là"
  bedtime diary --now                           une crampe, maintenant`},
	{Key: "how many cramps (0: a night without)", Other: "combien de crampes (0 : une nuit sans)"},
	{Key: "which leg: left, right or both", Other: "quelle jambe : left, right ou both"},
	{Key: "the night, by the date it began (YYYY-MM-DD; default: last night)", Other: "la nuit, par la date où elle a commencé (AAAA-MM-JJ ; par défaut : la nuit dernière)"},
	{Key: "a note (one line, at most 1000 characters)", Other: "une note (une ligne, 1000 caractères au plus)"},
	{Key: "record a cramp happening now, and show what to do", Other: "noter une crampe qui arrive maintenant, et afficher que faire"},
	{Key: "how many nights to list, up to last night", Other: "combien de nuits lister, jusqu’à la nuit dernière"},
	{Key: "how bad, 0 (no pain) to 10 (the worst)", Other: "intensité, de 0 (aucune douleur) à 10 (la pire)"},
	{Key: "how much they disturbed sleep, 0 (not at all) to 10", Other: "combien elles ont gêné le sommeil, de 0 (pas du tout) à 10"},
	{Key: "Check that reminders can reach you, and say how to fix what is wrong", Other: "Vérifier que les rappels vous parviennent, et dire comment réparer ce qui ne va pas"},
	{Key: `doctor checks, one line each, what bedtime needs to show reminders: the
session bus, a notification server on it (with its name, version and whether
it shows Done and Snooze buttons), a test notification, the schedule file,
the background service, the time zone, how bedtime tells whether you are
at the computer (presence), each channel of the schedule (an ntfy server
gets a test message), with sync the folder and the other computers, and
any file bedtime moved aside from its records. Each failed check says how
to fix it. The exit status is 1 when any check fails.`, Other: `doctor vérifie, une ligne chacun, ce dont bedtime a besoin pour afficher les
rappels : le bus de session, un serveur de notifications sur ce bus (avec son
nom, sa version et s’il affiche les boutons Fait et Plus tard), une
notification de test, le fichier d’horaire, le service en arrière-plan, le
fuseau horaire, la façon dont bedtime sait si vous êtes devant l’ordinateur
(présence), chaque canal de l’horaire (un serveur ntfy reçoit un message de
test), avec la synchronisation le dossier et les autres ordinateurs, et tout
fichier que bedtime a mis de côté dans ses données. Chaque vérification
échouée dit comment la réparer. Le code de sortie est 1 si une vérification
échoue.`},
	{Key: "Mark the reminder that is due now done (stops its snooze and repeats)", Other: "Marquer comme fait le rappel dû maintenant (arrête son report et ses répétitions)"},
	{Key: `done marks the reminder's instant that is on screen, held or snoozed now, or
the one that came due within its catch-up grace, as done. Each instant is done
once: a second done says when it was done and changes nothing.`, Other: `done marque comme fait l’instant du rappel qui est à l’écran, retenu ou
reporté maintenant, ou celui qui est devenu dû dans son délai de rattrapage.
Chaque instant est fait une fois : un second done dit quand il a été fait et
ne change rien.`},
	{Key: "NAME", Other: "NOM"},
	{Key: "Edit the schedule file safely, like crontab -e", Other: "Modifier le fichier d’horaire sans risque, comme crontab -e"},
	{Key: `Open a private copy of the schedule file in your editor ($VISUAL, else
$EDITOR, else nano or vi; notepad on Windows). When the editor exits, the
copy is checked: a valid schedule is installed at once (the previous file is
kept as a dated .bak beside it; the last 10 are kept) and a running bedtime
picks it up. If it has errors, they are listed and you choose: edit again,
keep the file as it was, or save it anyway. With no schedule file yet, you start from the commented
default and the file is created when you save.`, Other: `Ouvre une copie privée du fichier d’horaire dans votre éditeur ($VISUAL,
sinon $EDITOR, sinon nano ou vi ; le Bloc-notes sous Windows). Quand
l’éditeur se ferme, la copie est vérifiée : un horaire valide est installé
aussitôt (le fichier précédent est gardé à côté en .bak daté ; les 10
derniers sont gardés) et un bedtime en marche le prend en compte. S’il a des
erreurs, elles sont listées et vous choisissez : modifier à nouveau, garder
le fichier tel qu’il était, ou l’enregistrer quand même. Sans fichier
d’horaire, vous partez de l’horaire par défaut commenté et le fichier est
créé quand vous enregistrez.`},
	{Key: "Export the coming reminders as a calendar file", Other: "Exporter les rappels à venir dans un fichier de calendrier"},
	{Key: `Export the reminders of the coming days as an iCalendar (.ics) file, one
event with an alarm per reminder, to import into a calendar app (a phone's
too), which then reminds you without bedtime. Left out are the firings that
will not fire, those "bedtime next" marks skipped or paused, and the
reminders that ask a question (ask:, such as cramp-diary): a calendar
cannot take the answer. It is a snapshot: export and import again after you
change the schedule, skip a reminder or pause.`, Other: `Exporte les rappels des prochains jours dans un fichier iCalendar (.ics),
un événement avec alarme par rappel, à importer dans une application de
calendrier (celle d’un téléphone aussi), qui vous rappelle alors sans
bedtime. En sont exclus les déclenchements qui n’auront pas lieu, ceux que
"bedtime next" marque sautés ou en pause, et les rappels qui posent une
question (ask:, comme cramp-diary) : un calendrier ne peut pas en recevoir
la réponse. C’est un instantané : exportez et importez à nouveau après
avoir changé l’horaire, sauté un rappel ou mis en pause.`},
	{Key: "--ics [--days N] [-o FILE]", Other: "--ics [--days N] [-o FICHIER]"},
	{Key: "how many days ahead, 1 to %d", Other: "combien de jours à l’avance, de 1 à %d"},
	{Key: "write iCalendar (RFC 5545)", Other: "écrire de l’iCalendar (RFC 5545)"},
	{Key: "write to FILE (private, replaced atomically; in a directory, bedtime.ics there) instead of standard output", Other: "écrire dans FICHIER (privé, remplacé de façon atomique ; dans un dossier, bedtime.ics) au lieu de la sortie standard"},
	{Key: "Help about any command", Other: "Aide sur toute commande"},
	{Key: `Help provides help for any command in the application.
Simply type bedtime help [path to command] for full details.`, Other: `help donne l’aide de toute commande du programme.
Tapez simplement bedtime help [chemin de la commande] pour tous les détails.`},
	{Key: "Write the default schedule to the schedule file, to edit", Other: "Écrire l’horaire par défaut dans le fichier d’horaire, à modifier"},
	{Key: `Write the built-in default schedule, with comments that explain every
setting, to the schedule file. An existing file is left alone unless
--force, and then it is backed up first (the last 10 backups are kept).`, Other: `Écrit l’horaire par défaut intégré, avec des commentaires qui expliquent
chaque réglage, dans le fichier d’horaire. Un fichier existant n’est pas
touché, sauf avec --force, et il est alors d’abord sauvegardé (les 10
dernières sauvegardes sont gardées).`},
	{Key: "replace an existing file (after backing it up)", Other: "remplacer un fichier existant (après l’avoir sauvegardé)"},
	{Key: "Start bedtime now and at every login, as a per-user service", Other: "Lancer bedtime maintenant et à chaque connexion, comme service"},
	{Key: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux (an XDG autostart entry where
there is no systemd user manager), a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime-daemon run --config
<schedule>" (the daemon alone, beside bedtime; "bedtime run" where there
is none) with the schedule given by --config, which must exist, or
the default one, which need not yet: until "bedtime init" writes it, the
service runs the built-in default, and it takes the file when it appears.

Running install again updates the service to the current binary and options.`, Other: `install fait démarrer bedtime avec votre session de bureau à chaque
connexion et le lance maintenant : une unité systemd utilisateur sous Linux
(une entrée de démarrage automatique XDG là où il n’y a pas de gestionnaire
systemd utilisateur), un LaunchAgent sous macOS, une entrée de démarrage à
l’ouverture de session sous Windows. Le service exécute "bedtime-daemon
run --config <horaire>" (le démon seul, à côté de bedtime ; "bedtime run"
là où il manque) avec l’horaire donné par --config, qui doit exister, ou
celui par défaut, qui n’a pas encore à exister : tant que "bedtime init" ne
l’a pas écrit, le service suit l’horaire intégré, et il prend le fichier dès
qu’il apparaît.

Relancer install met le service à jour avec le programme et les options
actuels.`},
	{Key: "also start the status icon (bedtime tray) at every login", Other: "lancer aussi l’icône d’état (bedtime tray) à chaque connexion"},
	{Key: "Show what the daemon logged: the journal under systemd, its log file otherwise", Other: "Afficher le journal du démon : le journal de systemd, sinon son fichier journal"},
	{Key: `logs shows the daemon's log: one line per event (started, fired, done,
schedule loaded or rejected, problems). Under systemd it is the journal
(journalctl --user -u bedtime.service); a bedtime started by hand or from the
desktop's autostart writes a log file of at most about 2 MiB in the state
directory, which logs shows instead.`, Other: `logs affiche le journal du démon : une ligne par événement (démarré,
déclenché, fait, horaire chargé ou refusé, problèmes). Sous systemd, c’est le
journal (journalctl --user -u bedtime.service) ; un bedtime lancé à la main
ou par le démarrage automatique du bureau écrit un fichier journal d’environ
2 Mio au plus dans le dossier d’état, que logs affiche alors.`},
	{Key: "keep showing new lines as they come (Ctrl+C stops)", Other: "continuer d’afficher les nouvelles lignes à mesure qu’elles arrivent (Ctrl+C arrête)"},
	{Key: "how many of the last lines to show", Other: "combien de dernières lignes afficher"},
	{Key: "Show the next reminders", Other: "Afficher les prochains rappels"},
	{Key: `Show the next reminders of the schedule, across all enabled reminders, in
time order, strictly after --from (default: now). IN counts from now, with
--from too: a firing already past says how long ago it was. Without --from
it also shows the snoozes and repeats waiting, and marks the firings that a
skip or a pause will leave out.`, Other: `Affiche les prochains rappels de l’horaire, tous rappels activés confondus,
dans l’ordre du temps, strictement après --from (par défaut : maintenant).
La colonne DANS compte à partir de maintenant, avec --from aussi : un
déclenchement déjà passé dit il y a combien de temps. Sans --from, il
affiche aussi les reports et répétitions en attente, et marque les
déclenchements qu’un saut ou une pause laissera de côté.`},
	{Key: "how many firings to show", Other: "combien de déclenchements afficher"},
	{Key: "show firings after this time (RFC 3339; default now)", Other: "afficher les déclenchements après cette heure (RFC 3339 ; par défaut maintenant)"},
	{Key: "print a JSON array of {reminder, at}", Other: "afficher un tableau JSON de {reminder, at}"},
	{Key: "Show a reminder's notification now, to try the setup, the texts and the buttons", Other: "Afficher maintenant la notification d’un rappel, pour essayer l’installation, les textes et les boutons"},
	{Key: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant) and the buttons it has when it
fires (Done, Snooze, and Start when it has a routine). bedtime then waits
up to --wait for you to press one and says which you pressed. Nothing is
recorded: the reminder's state and history stay as they were. With --wait 0
the notification has no buttons and bedtime does not wait. Exits non-zero,
with the reason, when it cannot be shown.`, Other: `Affiche maintenant la notification du rappel NOM, avec le texte qu’il
aurait aujourd’hui (ou la variante N avec --variant) et les boutons qu’il a
quand il se déclenche (Fait, Plus tard, et Commencer s’il a une routine).
bedtime attend ensuite jusqu’à --wait que vous en pressiez un et dit lequel.
Rien n’est noté : l’état et l’historique du rappel restent tels quels. Avec
--wait 0, la notification n’a pas de boutons et bedtime n’attend pas. Sort
avec un code non nul, et la raison, quand elle ne peut pas être affichée.`},
	{Key: "show text variant N (1 = the first) instead of today's", Other: "afficher la variante de texte N (1 = la première) au lieu de celle du jour"},
	{Key: "how long to wait for a button to be pressed (0: show it without buttons and return)", Other: "combien de temps attendre qu’un bouton soit pressé (0 : l’afficher sans boutons et rendre la main)"},
	{Key: "Pause all reminders for a while (default 1h)", Other: "Mettre tous les rappels en pause un moment (par défaut 1h)"},
	{Key: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h; at most
30 days, 720h), until the next HH:MM, or for the rest of today. Reminders due
meanwhile are skipped and recorded as such. "bedtime resume" ends the pause
early. For a longer break, turn the reminders off (enabled: false, "bedtime
edit") or stop bedtime ("bedtime uninstall").`, Other: `Met tous les rappels en pause : pendant DURÉE (par exemple 90m ou 2h ;
par défaut 1h ; 30 jours, 720h, au plus), jusqu’au prochain HH:MM, ou pour le
reste de la journée. Les rappels dus entre-temps sont sautés et notés comme
tels. "bedtime resume" termine la pause plus tôt. Pour une pause plus
longue, désactivez les rappels (enabled: false, "bedtime edit") ou arrêtez
bedtime ("bedtime uninstall").`},
	{Key: "[DURATION | --until HH:MM | --today]", Other: "[DURÉE | --until HH:MM | --today]"},
	{Key: "pause for the rest of today", Other: "mettre en pause pour le reste de la journée"},
	{Key: "pause until the next HH:MM", Other: "mettre en pause jusqu’au prochain HH:MM"},
	{Key: "Write a report of the cramp diary and the habits, for you and your doctor", Other: "Écrire un rapport du journal des crampes et des habitudes, pour vous et votre médecin"},
	{Key: `report writes one HTML file, readable in any browser and printable on two
pages, that puts the cramp diary beside the habits over the last --weeks
weeks: cramp nights per week and how bad, each habit's weekly share done, a
calendar of nights against the evening's habits, nights after a habit was
done compared with nights after it was not (counts: what happened, not why),
the schedule in force and a short summary. It needs no network and runs no
script; the file is private (0600).

--csv writes one row per night instead, for a spreadsheet (to standard
output unless -o names a file); docs/diary.md lists its columns.`, Other: `report écrit un fichier HTML, lisible dans tout navigateur et imprimable sur
deux pages, qui met le journal des crampes à côté des habitudes des --weeks
dernières semaines : nuits avec crampes par semaine et leur intensité, part
hebdomadaire faite de chaque habitude, un calendrier des nuits face aux
habitudes du soir, les nuits après une habitude faite comparées aux nuits
après une habitude non faite (des comptes : ce qui s’est passé, pas
pourquoi), l’horaire en vigueur et un bref résumé. Il n’a besoin d’aucun
réseau et n’exécute aucun script ; le fichier est privé (0600).

--csv écrit plutôt une ligne par nuit, pour un tableur (sur la sortie
standard sauf si -o nomme un fichier) ; docs/diary.md liste ses colonnes.`},
	{Key: "write one row per night as CSV", Other: "écrire une ligne par nuit en CSV"},
	{Key: "the file to write (default: bedtime-report.html; with --csv standard output; - for standard output)", Other: "le fichier à écrire (par défaut : bedtime-report.html ; avec --csv la sortie standard ; - pour la sortie standard)"},
	{Key: "how many weeks, up to last night", Other: "combien de semaines, jusqu’à la nuit dernière"},
	{Key: "Restart the bedtime service", Other: "Redémarrer le service bedtime"},
	{Key: "End a pause", Other: "Terminer une pause"},
	{Key: "Guide you through a stretch routine, step by step", Other: "Vous guider pas à pas dans une routine d’étirement"},
	{Key: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop. A routine the daemon plays (Start on a reminder) has a
Stop button on each step; "bedtime routine --stop" stops it too.`, Other: `routine joue une routine guidée : chaque étape est affichée avec un compte à
rebours et montrée dans une notification de bureau qui remplace la
précédente.

Routines intégrées : calf-stretch (par défaut : l’étirement du mollet contre
le mur, 30 s, 3 fois par jambe, puis des cercles de cheville et pointe-flex)
et morning-stretch. Ctrl+C arrête. Une routine que joue le démon (Commencer
sur un rappel) a un bouton Arrêter à chaque étape ; "bedtime routine --stop"
l’arrête aussi.`},
	{Key: "[NAME | --stop]", Other: "[NOM | --stop]"},
	{Key: "stop the routine the running daemon plays", Other: "arrêter la routine que joue le démon en marche"},
	{Key: "Run the reminder daemon in the foreground", Other: "Faire tourner le démon des rappels au premier plan"},
	{Key: `Run the reminder daemon in the foreground: it shows each reminder on time,
reloads the schedule file when it is saved (or on SIGHUP), and stops on
Ctrl+C or SIGTERM. "bedtime install" runs it as a service instead.`, Other: `Fait tourner le démon des rappels au premier plan : il affiche chaque rappel
à l’heure, relit le fichier d’horaire quand il est enregistré (ou sur
SIGHUP), et s’arrête sur Ctrl+C ou SIGTERM. "bedtime install" le fait
plutôt tourner comme service.`},
	{Key: "use the built-in default schedule and ignore any schedule file", Other: "utiliser l’horaire par défaut intégré et ignorer tout fichier d’horaire"},
	{Key: "while the schedule file does not exist, use the built-in default; take the file when it appears", Other: "tant que le fichier d’horaire n’existe pas, utiliser l’horaire intégré ; prendre le fichier dès qu’il apparaît"},
	{Key: "Skip a reminder's next firing only", Other: "Sauter seulement le prochain déclenchement d’un rappel"},
	{Key: "Show a due reminder again after a while (default: its snooze time)", Other: "Reporter un rappel dû (par défaut, de son délai de report)"},
	{Key: `snooze puts off the reminder that is on screen or held now, or the one that
came due within its catch-up grace, and shows it again after DURATION (default:
the reminder's snooze time).`, Other: `snooze reporte le rappel qui est à l’écran ou retenu maintenant, ou celui
qui est devenu dû dans son délai de rattrapage, et le réaffiche après DURÉE
(par défaut : le délai de report du rappel).`},
	{Key: "NAME [DURATION]", Other: "NOM [DURÉE]"},
	{Key: "Start the installed bedtime service", Other: "Démarrer le service bedtime installé"},
	{Key: "Show how the habits are going: per reminder, done, missed and streaks", Other: "Voir où en sont les habitudes : par rappel, faits, manqués et séries"},
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
recorded.`, Other: `stats lit l’historique de bedtime et affiche, pour chaque rappel, combien de
fois il a été affiché, fait, reporté, sauté et manqué sur les --days derniers
jours, combien de fois il a été fait quand il était dû (assiduité), une
bande avec une marque par jour, et la série en cours de jours où il a été
fait.

Un rappel compte comme fait quand vous pressez Fait dessus ou lancez
"bedtime done".

--calendar dessine plutôt une grille mois par mois, une case par jour, des
nuits du journal des crampes (par la date où chacune a commencé) ou, avec
--habit NOM, d’un rappel, sur les --days derniers jours arrondis à des
semaines entières (par défaut là : 12 semaines) jusqu’à la nuit
dernière ; en couleur dans un terminal (sauf si NO_COLOR est défini),
--ascii sans.

Avec la synchronisation (voir bedtime sync), les chiffres sont ceux de tous
vos ordinateurs ensemble, chaque instant une fois ; --by-device montre ce que
chacun a noté.`},
	{Key: "draw the strips with ASCII characters only", Other: "dessiner les bandes avec des caractères ASCII seulement"},
	{Key: "with sync on, one table per computer: what each recorded", Other: "avec la synchronisation, un tableau par ordinateur : ce que chacun a noté"},
	{Key: "draw a month-by-month grid of the nights (or of --habit)", Other: "dessiner une grille mois par mois des nuits (ou de --habit)"},
	{Key: "how many days to sum up, today included", Other: "combien de jours résumer, aujourd’hui compris"},
	{Key: "with --calendar: the reminder to draw instead of the nights", Other: "avec --calendar : le rappel à dessiner au lieu des nuits"},
	{Key: "print the figures as JSON", Other: "afficher les chiffres en JSON"},
	{Key: "Say whether bedtime is running, what comes next and how today went", Other: "Dire si bedtime tourne, ce qui vient et comment va la journée"},
	{Key: `status says whether bedtime is installed as a service and running (with its
process id and since when), which service manager it uses and where the
service is defined, which schedule it uses, whether it is paused, the next
five reminders, a picture of today with a mark per reminder (done, shown,
missed, skipped, still due) and the daemon's last errors. It exits with
status 3 when bedtime is not running.`, Other: `status dit si bedtime est installé comme service et tourne (avec son numéro
de processus et depuis quand), quel gestionnaire de services il utilise et
où le service est défini, quel horaire il utilise, s’il est en pause, les
cinq prochains rappels, une image de la journée avec une marque par rappel
(fait, affiché, manqué, sauté, encore dû) et les dernières erreurs du démon.
Il sort avec le code 3 quand bedtime ne tourne pas.`},
	{Key: "draw today's strip with ASCII characters only", Other: "dessiner la bande du jour avec des caractères ASCII seulement"},
	{Key: "print the status as JSON", Other: "afficher l’état en JSON"},
	{Key: "Stop bedtime (the service, or one started by hand) until the next login or start", Other: "Arrêter bedtime (le service, ou un bedtime lancé à la main) jusqu’à la prochaine connexion ou le prochain démarrage"},
	{Key: "Share one record between your computers through a synced folder", Other: "Partager l’historique entre ordinateurs par un dossier synchronisé"},
	{Key: `sync sets up sharing between your computers. Each computer writes what
happens to its reminders, sealed with a key your computers share, into a
folder that a sync tool you already use (Syncthing, Nextcloud, Dropbox...)
keeps the same on each; status and stats then show one record for you.

  bedtime sync init          on the first computer: makes the key
  bedtime sync join KEY      on each other computer

and on each, the schedule names the folder:

  sync:
    folder: ~/Sync/bedtime

See docs/several-computers.md.`, Other: `sync met en place le partage entre vos ordinateurs. Chaque ordinateur écrit
ce qui arrive à ses rappels, scellé avec une clé que vos ordinateurs
partagent, dans un dossier qu’un outil de synchronisation que vous utilisez
déjà (Syncthing, Nextcloud, Dropbox...) garde identique sur chacun ; status
et stats montrent alors un seul historique.

  bedtime sync init          sur le premier ordinateur : crée la clé
  bedtime sync join CLÉ      sur chaque autre ordinateur

et sur chacun, l’horaire nomme le dossier :

  sync:
    folder: ~/Sync/bedtime

Voir docs/several-computers.md.`},
	{Key: "Make the key your computers share, and say what to run on the next one", Other: "Créer la clé que partagent vos ordinateurs, et dire quoi lancer sur le suivant"},
	{Key: "make a new key even if this computer has one", Other: "créer une nouvelle clé même si cet ordinateur en a une"},
	{Key: "Join this computer with the key `bedtime sync init` printed on another", Other: "Joindre cet ordinateur avec la clé que `bedtime sync init` a affichée sur un autre"},
	{Key: `join keeps the key that "bedtime sync init" printed on your first computer, so
this one can read and write the shared record. Give the key itself, a file
holding it, or - to read it from standard input (so it stays out of your
shell's history).`, Other: `join garde la clé que "bedtime sync init" a affichée sur votre premier
ordinateur, pour que celui-ci puisse lire et écrire l’historique partagé.
Donnez la clé elle-même, un fichier qui la contient, ou - pour la lire sur
l’entrée standard (ainsi elle reste hors de l’historique de votre shell).`},
	{Key: "KEY|FILE|-", Other: "CLÉ|FICHIER|-"},
	{Key: "replace this computer's key", Other: "remplacer la clé de cet ordinateur"},
	{Key: "How to prevent night leg cramps, by topic", Other: "Comment prévenir les crampes nocturnes des jambes, par sujet"},
	{Key: `tips prints how to prevent night leg cramps on one topic. Without a topic it
lists the topics: %s.`, Other: `tips affiche comment prévenir les crampes nocturnes des jambes sur un sujet.
Sans sujet, il liste les sujets : %s.`},
	{Key: "[TOPIC]", Other: "[SUJET]"},
	{Key: "Show a status icon: what comes next, pause, and today's answers", Other: "Icône d’état\u00a0: ce qui vient, la pause et les réponses du jour"},
	{Key: `tray shows bedtime's status icon in the panel's tray (a StatusNotifierItem on
Linux; the notification area on Windows) until you quit it from its menu. The
icon says whether bedtime runs, is paused or has a reminder waiting for an
answer; its tooltip says what comes next; its menu answers reminders (Done,
Snooze), pauses, resumes and skips as the commands of the same names do, lists
today's reminders, opens the schedule in your editor (through bedtime edit)
and starts bedtime when it is not running. It runs beside the daemon, as a
process of its own; "bedtime install --tray" starts it at every login.

On GNOME the tray needs the AppIndicator extension; "bedtime doctor" checks
for a tray host. macOS is not supported yet.`, Other: `tray affiche l’icône d’état de bedtime dans la zone d’icônes du panneau (un
StatusNotifierItem sous Linux ; la zone de notification sous Windows) jusqu’à
ce que vous la quittiez par son menu. L’icône dit si bedtime tourne, est en
pause ou a un rappel qui attend une réponse ; son infobulle dit ce qui vient
ensuite ; son menu répond aux rappels (Fait, Plus tard), met en pause,
reprend et saute comme les commandes du même nom, liste les rappels du jour,
ouvre l’horaire dans votre éditeur (par bedtime edit) et lance bedtime quand
il ne tourne pas. Elle tourne à côté du démon, dans un processus à part ;
"bedtime install --tray" la lance à chaque connexion.

Sous GNOME, l’icône a besoin de l’extension AppIndicator ; "bedtime doctor"
vérifie qu’il y a un hôte pour l’icône. macOS n’est pas encore pris en
charge.`},
	{Key: "Stop bedtime and remove the per-user service", Other: "Arrêter bedtime et retirer le service de l’utilisateur"},
	{Key: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`, Other: `uninstall arrête bedtime, l’empêche de démarrer à la connexion et retire le
service. Votre fichier d’horaire, l’état et l’historique sont gardés.`},
	{Key: "Check the schedule file", Other: "Vérifier le fichier d’horaire"},
	{Key: `Check the schedule file and print every problem with its line and column,
or a one-line summary when it is valid. Exits 1 when the file has errors.`, Other: `Vérifie le fichier d’horaire et affiche chaque problème avec sa ligne et sa
colonne, ou un résumé d’une ligne s’il est valide. Sort avec le code 1 quand
le fichier a des erreurs.`},
	{Key: "Print the version, the commit it was built from and the Go version", Other: "Afficher la version, le commit de compilation et la version de Go"},
}
