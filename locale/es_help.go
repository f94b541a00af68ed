package locale

// esHelp are the Spanish translations of helpMessages, by English key.
var esHelp = []pair{
	{Key: "Usage:", Other: "Uso:"},
	{Key: "[flags]", Other: "[opciones]"},
	{Key: "[command]", Other: "[comando]"},
	{Key: "Aliases:", Other: "Alias:"},
	{Key: "Examples:", Other: "Ejemplos:"},
	{Key: "Available Commands:", Other: "Comandos disponibles:"},
	{Key: "Additional Commands:", Other: "Otros comandos:"},
	{Key: "Flags:", Other: "Opciones:"},
	{Key: "Global Flags:", Other: "Opciones globales:"},
	{Key: "Additional help topics:", Other: "Otros temas de ayuda:"},
	{Key: "Use \"%s [command] --help\" for more information about a command.", Other: "Usa \"%s [comando] --help\" para saber más de un comando."},
	{Key: "Unknown help topic %#q", Other: "Tema de ayuda desconocido: %#q"},
	{Key: "string", Other: "texto"},
	{Key: "int", Other: "número"},
	{Key: "duration", Other: "duración"},
	{Key: "(default %s)", Other: "(por defecto %s)"},
	{Key: "(DEPRECATED: %s)", Other: "(OBSOLETO: %s)"},
	{Key: "help for %s", Other: "ayuda de %s"},
	{Key: "version for %s", Other: "versión de %s"},
	{Key: "Reminders that prevent night leg cramps", Other: "Recordatorios que previenen los calambres nocturnos en las piernas"},
	{Key: `bedtime runs in the background and reminds you of the habits that prevent
night leg cramps: a movement break every hour while sitting, water through
the day, magnesium in the evening (ask a doctor first, especially with
kidney problems) and the calf stretch before bed.

Not medical advice: if cramps are severe or frequent, see a doctor.`, Other: `bedtime funciona en segundo plano y te recuerda los hábitos que previenen
los calambres nocturnos en las piernas: una pausa para moverte cada hora
que pases sentado, agua a lo largo del día, magnesio por la noche (consulta
antes a un médico, sobre todo si tienes problemas de riñón) y el
estiramiento de pantorrillas antes de dormir.

No es consejo médico: si los calambres son fuertes o frecuentes, consulta a
un médico.`},
	{Key: "schedule file (default: the user's config dir)/bedtime/schedule.yaml", Other: "archivo del horario (por defecto: la carpeta de configuración del usuario)/bedtime/schedule.yaml"},
	{Key: "What to do during a cramp, and when to see a doctor", Other: "Qué hacer durante un calambre, y cuándo ir al médico"},
	{Key: `cramp prints what to do while a leg cramp hurts: stretch, massage, warm,
walk it out, raise the leg; and the signs that mean seeing a doctor.`, Other: `cramp muestra qué hacer mientras duele un calambre: estirar, masajear,
dar calor, caminar, elevar la pierna; y las señales de que hay que ir al
médico.`},
	{Key: "Keep the cramp diary: how last night went, or a cramp now", Other: "Llevar el diario de calambres: la noche pasada o un calambre ahora"},
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
  bedtime diary --now                           a cramp, right now`, Other: `diary anota cómo fue una noche: si hubo calambres en las piernas, cuántos,
cuán fuertes (0 sin dolor a 10 el peor), cuánto alteraron el sueño (0 nada
a 10), qué pierna, y una nota. Una noche pertenece a la fecha en que
empezó: un calambre a las 3 de la madrugada del 7 es la noche del 6. Sin
--night es anoche; una noche en el futuro o de hace más de un año se
rechaza.

Sin opciones, lista las últimas 14 noches (--days N para más); una noche
sin respuesta es "sin respuesta", nunca "sin calambres". Para corregirla, dilo otra vez: la
última respuesta vale, y el diario guarda qué se dijo y cuándo.

--now anota un calambre mientras ocurre y muestra qué hacer.

  bedtime diary --cramps 0                      anoche: sin calambres
  bedtime diary --cramps 2 --severity 6 --sleep 4 --leg left
  bedtime diary --night 2026-03-14 --note "paseo largo ese día"
  bedtime diary --now                           un calambre, ahora mismo`},
	{Key: "how many cramps (0: a night without)", Other: "cuántos calambres (0: una noche sin)"},
	{Key: "which leg: left, right or both", Other: "qué pierna: left, right o both"},
	{Key: "the night, by the date it began (YYYY-MM-DD; default: last night)", Other: "la noche, por la fecha en que empezó (AAAA-MM-DD; por defecto: anoche)"},
	{Key: "a note (one line, at most 1000 characters)", Other: "una nota (una línea, 1000 caracteres como mucho)"},
	{Key: "record a cramp happening now, and show what to do", Other: "anotar un calambre que ocurre ahora, y mostrar qué hacer"},
	{Key: "how many nights to list, up to last night", Other: "cuántas noches listar, hasta anoche"},
	{Key: "how bad, 0 (no pain) to 10 (the worst)", Other: "cuán fuerte, de 0 (sin dolor) a 10 (el peor)"},
	{Key: "how much they disturbed sleep, 0 (not at all) to 10", Other: "cuánto alteraron el sueño, de 0 (nada) a 10"},
	{Key: "Check that reminders can reach you, and say how to fix what is wrong", Other: "Comprobar que los recordatorios te llegan, y decir cómo arreglar lo que falla"},
	{Key: `doctor checks, one line each, what bedtime needs to show reminders: the
session bus, a notification server on it (with its name, version and whether
it shows Done and Snooze buttons), a test notification, the schedule file,
the background service, the time zone, how bedtime tells whether you are
at the computer (presence), each channel of the schedule (an ntfy server
gets a test message), with sync the folder and the other computers, and
any file bedtime moved aside from its records. Each failed check says how
to fix it. The exit status is 1 when any check fails.`, Other: `doctor comprueba, una línea cada cosa, lo que bedtime necesita para mostrar
recordatorios: el bus de sesión, un servidor de notificaciones en él (con su
nombre, versión y si muestra los botones Hecho y Más tarde), una
notificación de prueba, el archivo del horario, el servicio en segundo
plano, la zona horaria, cómo sabe bedtime si estás ante el ordenador
(presencia), cada canal del horario (un servidor ntfy recibe un mensaje de
prueba), con sincronización la carpeta y los demás ordenadores, y cualquier
archivo que bedtime apartó de sus registros. Cada comprobación fallida dice
cómo arreglarla. El estado de salida es 1 cuando falla alguna comprobación.`},
	{Key: "Mark the reminder that is due now done (stops its snooze and repeats)", Other: "Marcar como hecho el recordatorio que toca ahora (detiene su aplazamiento y repeticiones)"},
	{Key: `done marks the reminder's instant that is on screen, held or snoozed now, or
the one that came due within its catch-up grace, as done. Each instant is done
once: a second done says when it was done and changes nothing.`, Other: `done marca como hecho el momento del recordatorio que está en pantalla,
retenido o pospuesto ahora, o el que venció dentro de su margen de
recuperación. Cada momento se hace una vez: un segundo done dice cuándo se
hizo y no cambia nada.`},
	{Key: "NAME", Other: "NOMBRE"},
	{Key: "Edit the schedule file safely, like crontab -e", Other: "Editar el archivo del horario con seguridad, como crontab -e"},
	{Key: `Open a private copy of the schedule file in your editor ($VISUAL, else
$EDITOR, else nano or vi; notepad on Windows). When the editor exits, the
copy is checked: a valid schedule is installed at once (the previous file is
kept as a dated .bak beside it; the last 10 are kept) and a running bedtime
picks it up. If it has errors, they are listed and you choose: edit again,
keep the file as it was, or save it anyway. With no schedule file yet, you start from the commented
default and the file is created when you save.`, Other: `Abre una copia privada del archivo del horario en tu editor ($VISUAL, si
no $EDITOR, si no nano o vi; el Bloc de notas en Windows). Al cerrar el
editor, se comprueba la copia: un horario válido se instala enseguida (el
archivo anterior se guarda al lado como .bak con fecha; se guardan los 10
últimos) y un bedtime en marcha lo recoge. Si tiene errores, se listan y
eliges: editar de nuevo, dejar el archivo como estaba, o guardarlo de todos
modos. Si aún no hay archivo del horario, empiezas por el horario por
defecto comentado y el archivo se crea al guardar.`},
	{Key: "Export the coming reminders as a calendar file", Other: "Exportar los próximos recordatorios como archivo de calendario"},
	{Key: `Export the reminders of the coming days as an iCalendar (.ics) file, one
event with an alarm per reminder, to import into a calendar app (a phone's
too), which then reminds you without bedtime. Left out are the firings that
will not fire, those "bedtime next" marks skipped or paused, and the
reminders that ask a question (ask:, such as cramp-diary): a calendar
cannot take the answer. It is a snapshot: export and import again after you
change the schedule, skip a reminder or pause.`, Other: `Exporta los recordatorios de los próximos días como archivo iCalendar
(.ics), un evento con alarma por recordatorio, para importarlo en una app
de calendario (también la del móvil), que entonces te avisa sin bedtime.
Deja fuera los avisos que no llegarán, los que "bedtime next" marca como
omitidos o en pausa, y los recordatorios que hacen una pregunta (ask:, como
cramp-diary): un calendario no puede recibir la respuesta. Es una
instantánea: exporta e importa de nuevo cuando cambies el horario, omitas
un recordatorio o hagas una pausa.`},
	{Key: "--ics [--days N] [-o FILE]", Other: "--ics [--days N] [-o ARCHIVO]"},
	{Key: "how many days ahead, 1 to %d", Other: "cuántos días por delante, de 1 a %d"},
	{Key: "write iCalendar (RFC 5545)", Other: "escribir iCalendar (RFC 5545)"},
	{Key: "write to FILE (private, replaced atomically; in a directory, bedtime.ics there) instead of standard output", Other: "escribir en ARCHIVO (privado, reemplazado de forma atómica; en un directorio, bedtime.ics allí) en vez de la salida estándar"},
	{Key: "Help about any command", Other: "Ayuda sobre cualquier comando"},
	{Key: `Help provides help for any command in the application.
Simply type bedtime help [path to command] for full details.`, Other: `help da la ayuda de cualquier comando del programa.
Escribe simplemente bedtime help [ruta del comando] para todos los detalles.`},
	{Key: "Write the default schedule to the schedule file, to edit", Other: "Escribir el horario por defecto en su archivo, para editarlo"},
	{Key: `Write the built-in default schedule, with comments that explain every
setting, to the schedule file. An existing file is left alone unless
--force, and then it is backed up first (the last 10 backups are kept).`, Other: `Escribe el horario por defecto incorporado, con comentarios que explican
cada ajuste, en el archivo del horario. Un archivo existente no se toca,
salvo con --force, y entonces primero se copia (se guardan las 10 últimas
copias).`},
	{Key: "replace an existing file (after backing it up)", Other: "reemplazar un archivo existente (tras hacer una copia)"},
	{Key: "Start bedtime now and at every login, as a per-user service", Other: "Iniciar bedtime ahora y en cada inicio de sesión, como servicio"},
	{Key: `install makes bedtime start with your desktop session at every login and
starts it now: a systemd user unit on Linux (an XDG autostart entry where
there is no systemd user manager), a LaunchAgent on macOS, a logon
autostart entry on Windows. The service runs "bedtime-daemon run --config
<schedule>" (the daemon alone, beside bedtime; "bedtime run" where there
is none) with the schedule given by --config, which must exist, or
the default one, which need not yet: until "bedtime init" writes it, the
service runs the built-in default, and it takes the file when it appears.

Running install again updates the service to the current binary and options.`, Other: `install hace que bedtime arranque con tu sesión de escritorio en cada
inicio de sesión y lo inicia ahora: una unidad de usuario de systemd en
Linux (una entrada de inicio automático XDG donde no hay gestor de usuario
de systemd), un LaunchAgent en macOS, una entrada de inicio automático al
iniciar sesión en Windows. El servicio ejecuta "bedtime-daemon run --config
<horario>" (el demonio solo, junto a bedtime; "bedtime run" donde no lo
hay) con el horario que da --config, que debe existir, o el de por
defecto, que aún no hace falta: hasta que "bedtime init" lo escriba, el
servicio usa el horario incorporado, y toma el archivo cuando aparece.

Ejecutar install de nuevo actualiza el servicio al programa y las opciones
actuales.`},
	{Key: "also start the status icon (bedtime tray) at every login", Other: "iniciar también el icono de estado (bedtime tray) en cada inicio de sesión"},
	{Key: "Show what the daemon logged: the journal under systemd, its log file otherwise", Other: "Mostrar lo que registró el demonio: el journal con systemd, si no su archivo de registro"},
	{Key: `logs shows the daemon's log: one line per event (started, fired, done,
schedule loaded or rejected, problems). Under systemd it is the journal
(journalctl --user -u bedtime.service); a bedtime started by hand or from the
desktop's autostart writes a log file of at most about 2 MiB in the state
directory, which logs shows instead.`, Other: `logs muestra el registro del demonio: una línea por suceso (iniciado,
disparado, hecho, horario cargado o rechazado, problemas). Con systemd es el
journal (journalctl --user -u bedtime.service); un bedtime iniciado a mano o
por el inicio automático del escritorio escribe un archivo de registro de
unos 2 MiB como mucho en la carpeta de estado, que logs muestra entonces.`},
	{Key: "keep showing new lines as they come (Ctrl+C stops)", Other: "seguir mostrando las líneas nuevas según llegan (Ctrl+C para)"},
	{Key: "how many of the last lines to show", Other: "cuántas de las últimas líneas mostrar"},
	{Key: "Show the next reminders", Other: "Mostrar los próximos recordatorios"},
	{Key: `Show the next reminders of the schedule, across all enabled reminders, in
time order, strictly after --from (default: now). IN counts from now, with
--from too: a firing already past says how long ago it was. Without --from
it also shows the snoozes and repeats waiting, and marks the firings that a
skip or a pause will leave out.`, Other: `Muestra los próximos recordatorios del horario, de todos los
recordatorios activados, por orden de hora, estrictamente después de
--from (por defecto: ahora). La columna EN cuenta desde ahora, también con
--from: un aviso ya pasado dice hace cuánto fue. Sin --from muestra también
los aplazamientos y repeticiones pendientes, y marca los avisos que un
salto o una pausa dejarán fuera.`},
	{Key: "how many firings to show", Other: "cuántos avisos mostrar"},
	{Key: "show firings after this time (RFC 3339; default now)", Other: "mostrar los avisos después de esta hora (RFC 3339; por defecto ahora)"},
	{Key: "print a JSON array of {reminder, at}", Other: "imprimir un array JSON de {reminder, at}"},
	{Key: "Show a reminder's notification now, to try the setup, the texts and the buttons", Other: "Mostrar ahora la notificación de un recordatorio, para probar la configuración, los textos y los botones"},
	{Key: `Show the notification of the reminder NAME now, with the text it would
have today (or variant N with --variant) and the buttons it has when it
fires (Done, Snooze, and Start when it has a routine). bedtime then waits
up to --wait for you to press one and says which you pressed. Nothing is
recorded: the reminder's state and history stay as they were. With --wait 0
the notification has no buttons and bedtime does not wait. Exits non-zero,
with the reason, when it cannot be shown.`, Other: `Muestra ahora la notificación del recordatorio NOMBRE, con el texto que
tendría hoy (o la variante N con --variant) y los botones que tiene al
avisar (Hecho, Más tarde, y Empezar si tiene una rutina). Luego bedtime
espera hasta --wait a que pulses uno y dice cuál pulsaste. No se anota
nada: el estado y el historial del recordatorio quedan como estaban. Con
--wait 0 la notificación no tiene botones y bedtime no espera. Sale con un
estado distinto de cero, y el motivo, cuando no se puede mostrar.`},
	{Key: "show text variant N (1 = the first) instead of today's", Other: "mostrar la variante de texto N (1 = la primera) en vez de la de hoy"},
	{Key: "how long to wait for a button to be pressed (0: show it without buttons and return)", Other: "cuánto esperar a que se pulse un botón (0: mostrarla sin botones y volver)"},
	{Key: "Pause all reminders for a while (default 1h)", Other: "Pausar todos los recordatorios un rato (por defecto 1h)"},
	{Key: `Pause all reminders: for DURATION (such as 90m or 2h; default 1h; at most
30 days, 720h), until the next HH:MM, or for the rest of today. Reminders due
meanwhile are skipped and recorded as such. "bedtime resume" ends the pause
early. For a longer break, turn the reminders off (enabled: false, "bedtime
edit") or stop bedtime ("bedtime uninstall").`, Other: `Pausa todos los recordatorios: durante DURACIÓN (como 90m o 2h; por
defecto 1h; 30 días, 720h, como máximo), hasta la próxima HH:MM, o el resto
del día. Los recordatorios que tocan mientras tanto se omiten y se anotan
como tales. "bedtime resume" termina la pausa antes. Para un descanso más
largo, desactiva los recordatorios (enabled: false, "bedtime edit") o detén
bedtime ("bedtime uninstall").`},
	{Key: "[DURATION | --until HH:MM | --today]", Other: "[DURACIÓN | --until HH:MM | --today]"},
	{Key: "pause for the rest of today", Other: "pausar el resto del día"},
	{Key: "pause until the next HH:MM", Other: "pausar hasta la próxima HH:MM"},
	{Key: "Write a report of the cramp diary and the habits, for you and your doctor", Other: "Escribir un informe del diario de calambres y los hábitos, para ti y tu médico"},
	{Key: `report writes one HTML file, readable in any browser and printable on two
pages, that puts the cramp diary beside the habits over the last --weeks
weeks: cramp nights per week and how bad, each habit's weekly share done, a
calendar of nights against the evening's habits, nights after a habit was
done compared with nights after it was not (counts: what happened, not why),
the schedule in force and a short summary. It needs no network and runs no
script; the file is private (0600).

--csv writes one row per night instead, for a spreadsheet (to standard
output unless -o names a file); docs/diary.md lists its columns.`, Other: `report escribe un archivo HTML, legible en cualquier navegador e imprimible
en dos páginas, que pone el diario de calambres junto a los hábitos de las
últimas --weeks semanas: noches con calambres por semana y cuán fuertes, la
parte semanal hecha de cada hábito, un calendario de las noches frente a los
hábitos de la noche, las noches tras un hábito hecho comparadas con las
noches tras uno no hecho (recuentos: qué pasó, no por qué), el horario en
vigor y un breve resumen. No necesita red ni ejecuta ningún script; el
archivo es privado (0600).

--csv escribe en cambio una fila por noche, para una hoja de cálculo (en la
salida estándar salvo que -o nombre un archivo); docs/diary.md lista sus
columnas.`},
	{Key: "write one row per night as CSV", Other: "escribir una fila por noche en CSV"},
	{Key: "the file to write (default: bedtime-report.html; with --csv standard output; - for standard output)", Other: "el archivo a escribir (por defecto: bedtime-report.html; con --csv la salida estándar; - para la salida estándar)"},
	{Key: "how many weeks, up to last night", Other: "cuántas semanas, hasta anoche"},
	{Key: "Restart the bedtime service", Other: "Reiniciar el servicio bedtime"},
	{Key: "End a pause", Other: "Terminar una pausa"},
	{Key: "Guide you through a stretch routine, step by step", Other: "Guiarte paso a paso por una rutina de estiramiento"},
	{Key: `routine plays a guided routine: each step is printed with a countdown and
shown as a desktop notification that replaces the one before.

Built-in routines: calf-stretch (the default: the wall calf stretch, 30 s,
3 times per leg, then ankle circles and point and flex) and morning-stretch.
Press Ctrl+C to stop. A routine the daemon plays (Start on a reminder) has a
Stop button on each step; "bedtime routine --stop" stops it too.`, Other: `routine reproduce una rutina guiada: cada paso se imprime con una cuenta
atrás y se muestra como notificación de escritorio que sustituye a la
anterior.

Rutinas incorporadas: calf-stretch (la de por defecto: el estiramiento de
pantorrilla contra la pared, 30 s, 3 veces por pierna, luego círculos con
el tobillo y punta y flexión) y morning-stretch. Ctrl+C la detiene. Una
rutina que reproduce el demonio (Empezar en un recordatorio) tiene un botón
Detener en cada paso; "bedtime routine --stop" también la detiene.`},
	{Key: "[NAME | --stop]", Other: "[NOMBRE | --stop]"},
	{Key: "stop the routine the running daemon plays", Other: "detener la rutina que reproduce el demonio en marcha"},
	{Key: "Run the reminder daemon in the foreground", Other: "Ejecutar el demonio de recordatorios en primer plano"},
	{Key: `Run the reminder daemon in the foreground: it shows each reminder on time,
reloads the schedule file when it is saved (or on SIGHUP), and stops on
Ctrl+C or SIGTERM. "bedtime install" runs it as a service instead.`, Other: `Ejecuta el demonio de recordatorios en primer plano: muestra cada
recordatorio a su hora, vuelve a leer el archivo del horario cuando se
guarda (o con SIGHUP), y se detiene con Ctrl+C o SIGTERM. "bedtime install"
lo ejecuta en cambio como servicio.`},
	{Key: "use the built-in default schedule and ignore any schedule file", Other: "usar el horario por defecto incorporado e ignorar cualquier archivo del horario"},
	{Key: "while the schedule file does not exist, use the built-in default; take the file when it appears", Other: "mientras el archivo del horario no exista, usar el horario incorporado; tomar el archivo cuando aparezca"},
	{Key: "Skip a reminder's next firing only", Other: "Omitir solo el próximo aviso de un recordatorio"},
	{Key: "Show a due reminder again after a while (default: its snooze time)", Other: "Volver a mostrar un recordatorio luego (por defecto: su snooze)"},
	{Key: `snooze puts off the reminder that is on screen or held now, or the one that
came due within its catch-up grace, and shows it again after DURATION (default:
the reminder's snooze time).`, Other: `snooze pospone el recordatorio que está en pantalla o retenido ahora, o el
que venció dentro de su margen de recuperación, y lo muestra de nuevo tras
DURACIÓN (por defecto: el tiempo de aplazamiento del recordatorio).`},
	{Key: "NAME [DURATION]", Other: "NOMBRE [DURACIÓN]"},
	{Key: "Start the installed bedtime service", Other: "Iniciar el servicio bedtime instalado"},
	{Key: "Show how the habits are going: per reminder, done, missed and streaks", Other: "Ver cómo van los hábitos: por recordatorio, hechos, perdidos y rachas"},
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
recorded.`, Other: `stats lee el historial de bedtime y muestra, para cada recordatorio,
cuántas veces se mostró, se hizo, se pospuso, se omitió y se perdió en los
últimos --days días, cuántas veces se hizo cuando tocaba (constancia), una
tira con una marca por día, y la racha actual de días en que se hizo.

Un recordatorio cuenta como hecho cuando pulsas Hecho en él o ejecutas
"bedtime done".

--calendar dibuja en cambio una cuadrícula mes a mes, una celda por día, de
las noches del diario de calambres (por la fecha en que empezó cada una) o,
con --habit NOMBRE, de un recordatorio, en los últimos --days días
redondeados a semanas enteras (por defecto ahí: 12 semanas) hasta anoche;
en color en un terminal (salvo que NO_COLOR esté definida), --ascii sin
color.

Con la sincronización activada (ver bedtime sync), las cifras son las de
todos tus ordenadores juntos, cada momento una vez; --by-device muestra lo
que anotó cada uno.`},
	{Key: "draw the strips with ASCII characters only", Other: "dibujar las tiras solo con caracteres ASCII"},
	{Key: "with sync on, one table per computer: what each recorded", Other: "con la sincronización activada, una tabla por ordenador: lo que anotó cada uno"},
	{Key: "draw a month-by-month grid of the nights (or of --habit)", Other: "dibujar una cuadrícula mes a mes de las noches (o de --habit)"},
	{Key: "how many days to sum up, today included", Other: "cuántos días resumir, hoy incluido"},
	{Key: "with --calendar: the reminder to draw instead of the nights", Other: "con --calendar: el recordatorio a dibujar en vez de las noches"},
	{Key: "print the figures as JSON", Other: "imprimir las cifras como JSON"},
	{Key: "Say whether bedtime is running, what comes next and how today went", Other: "Decir si bedtime funciona, qué viene después y cómo fue el día"},
	{Key: `status says whether bedtime is installed as a service and running (with its
process id and since when), which service manager it uses and where the
service is defined, which schedule it uses, whether it is paused, the next
five reminders, a picture of today with a mark per reminder (done, shown,
missed, skipped, still due) and the daemon's last errors. It exits with
status 3 when bedtime is not running.`, Other: `status dice si bedtime está instalado como servicio y funcionando (con su
número de proceso y desde cuándo), qué gestor de servicios usa y dónde se
define el servicio, qué horario usa, si está en pausa, los cinco próximos
recordatorios, una imagen del día con una marca por recordatorio (hecho,
mostrado, perdido, omitido, aún pendiente) y los últimos errores del
demonio. Sale con el estado 3 cuando bedtime no funciona.`},
	{Key: "draw today's strip with ASCII characters only", Other: "dibujar la tira de hoy solo con caracteres ASCII"},
	{Key: "print the status as JSON", Other: "imprimir el estado como JSON"},
	{Key: "Stop bedtime (the service, or one started by hand) until the next login or start", Other: "Detener bedtime (el servicio, o uno iniciado a mano) hasta el próximo inicio de sesión o arranque"},
	{Key: "Share one record between your computers through a synced folder", Other: "Compartir un historial entre equipos con una carpeta sincronizada"},
	{Key: `sync sets up sharing between your computers. Each computer writes what
happens to its reminders, sealed with a key your computers share, into a
folder that a sync tool you already use (Syncthing, Nextcloud, Dropbox...)
keeps the same on each; status and stats then show one record for you.

  bedtime sync init          on the first computer: makes the key
  bedtime sync join KEY      on each other computer

and on each, the schedule names the folder:

  sync:
    folder: ~/Sync/bedtime

See docs/several-computers.md.`, Other: `sync configura el compartir entre tus ordenadores. Cada ordenador escribe
lo que pasa con sus recordatorios, sellado con una clave que comparten tus
ordenadores, en una carpeta que una herramienta de sincronización que ya
usas (Syncthing, Nextcloud, Dropbox...) mantiene igual en todos; status y
stats muestran entonces un solo historial.

  bedtime sync init          en el primer ordenador: crea la clave
  bedtime sync join CLAVE    en cada uno de los demás

y en cada uno, el horario nombra la carpeta:

  sync:
    folder: ~/Sync/bedtime

Ver docs/several-computers.md.`},
	{Key: "Make the key your computers share, and say what to run on the next one", Other: "Crear la clave que comparten tus ordenadores, y decir qué ejecutar en el siguiente"},
	{Key: "make a new key even if this computer has one", Other: "crear una clave nueva aunque este ordenador ya tenga una"},
	{Key: "Join this computer with the key `bedtime sync init` printed on another", Other: "Unir este ordenador con la clave que `bedtime sync init` imprimió en otro"},
	{Key: `join keeps the key that "bedtime sync init" printed on your first computer, so
this one can read and write the shared record. Give the key itself, a file
holding it, or - to read it from standard input (so it stays out of your
shell's history).`, Other: `join guarda la clave que "bedtime sync init" imprimió en tu primer
ordenador, para que este pueda leer y escribir el historial compartido. Da
la clave misma, un archivo que la contenga, o - para leerla de la entrada
estándar (así queda fuera del historial de tu shell).`},
	{Key: "KEY|FILE|-", Other: "CLAVE|ARCHIVO|-"},
	{Key: "replace this computer's key", Other: "reemplazar la clave de este ordenador"},
	{Key: "How to prevent night leg cramps, by topic", Other: "Cómo prevenir los calambres nocturnos en las piernas, por tema"},
	{Key: `tips prints how to prevent night leg cramps on one topic. Without a topic it
lists the topics: %s.`, Other: `tips muestra cómo prevenir los calambres nocturnos en las piernas sobre un
tema. Sin tema, lista los temas: %s.`},
	{Key: "[TOPIC]", Other: "[TEMA]"},
	{Key: "Show a status icon: what comes next, pause, and today's answers", Other: "Mostrar un icono de estado: qué viene, pausa y respuestas de hoy"},
	{Key: `tray shows bedtime's status icon in the panel's tray (a StatusNotifierItem on
Linux; the notification area on Windows) until you quit it from its menu. The
icon says whether bedtime runs, is paused or has a reminder waiting for an
answer; its tooltip says what comes next; its menu answers reminders (Done,
Snooze), pauses, resumes and skips as the commands of the same names do, lists
today's reminders, opens the schedule in your editor (through bedtime edit)
and starts bedtime when it is not running. It runs beside the daemon, as a
process of its own; "bedtime install --tray" starts it at every login.

On GNOME the tray needs the AppIndicator extension; "bedtime doctor" checks
for a tray host. macOS is not supported yet.`, Other: `tray muestra el icono de estado de bedtime en la bandeja del panel (un
StatusNotifierItem en Linux; el área de notificación en Windows) hasta que lo
cierres desde su menú. El icono dice si bedtime funciona, está en pausa o
tiene un recordatorio esperando respuesta; su descripción emergente dice qué
viene después; su menú responde a recordatorios (Hecho, Más tarde), pausa,
reanuda y omite como los comandos del mismo nombre, lista los recordatorios
de hoy, abre el horario en tu editor (mediante bedtime edit) e inicia
bedtime cuando no funciona. Funciona junto al demonio, como proceso propio;
"bedtime install --tray" lo inicia en cada inicio de sesión.

En GNOME la bandeja necesita la extensión AppIndicator; "bedtime doctor"
comprueba si hay un anfitrión de bandeja. macOS aún no es compatible.`},
	{Key: "Stop bedtime and remove the per-user service", Other: "Detener bedtime y quitar el servicio del usuario"},
	{Key: `uninstall stops bedtime, stops it starting at login and removes the service.
Your schedule file, state and history are kept.`, Other: `uninstall detiene bedtime, impide que arranque al iniciar sesión y quita el
servicio. Tu archivo del horario, el estado y el historial se conservan.`},
	{Key: "Check the schedule file", Other: "Comprobar el archivo del horario"},
	{Key: `Check the schedule file and print every problem with its line and column,
or a one-line summary when it is valid. Exits 1 when the file has errors.`, Other: `Comprueba el archivo del horario e imprime cada problema con su línea y
columna, o un resumen de una línea cuando es válido. Sale con 1 cuando el
archivo tiene errores.`},
	{Key: "Print the version, the commit it was built from and the Go version", Other: "Imprimir la versión, el commit de compilación y la versión de Go"},
}
