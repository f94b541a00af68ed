package locale

// esErrors are the Spanish translations of errorsMessages, by English key.
var esErrors = map[string]tr{
	"unknown command %s for %s":              t("comando desconocido %s para %s"),
	"Did you mean this?":                     t("¿Querías decir esto?"),
	"unknown flag: --%s":                     t("opción desconocida: --%s"),
	"unknown shorthand flag: %q in -%s":      t("opción corta desconocida: %q en -%s"),
	"flag needs an argument: --%s":           t("la opción necesita un valor: --%s"),
	"flag needs an argument: %q in -%s":      t("la opción necesita un valor: %q en -%s"),
	"invalid argument %q for %q flag: %s":    t("valor %q no válido para la opción %q: %s"),
	"bad flag syntax: %s":                    t("opción mal escrita: %s"),
	"want a whole number":                    t("se espera un número entero"),
	"want true or false":                     t("se espera true o false"),
	"want a duration such as 90m or 2h":      t("se espera una duración como 90m o 2h"),
	"%s takes %d arguments, got %d":          pl("%s admite %d argumento, recibió %d", "%s admite %d argumentos, recibió %d"),
	"%s takes at most %d arguments, got %d":  pl("%s admite como mucho %d argumento, recibió %d", "%s admite como mucho %d argumentos, recibió %d"),
	"%s takes at least %d arguments, got %d": pl("%s necesita al menos %d argumento, recibió %d", "%s necesita al menos %d argumentos, recibió %d"),
	"%s takes %d to %d arguments, got %d":    pl("%s admite de %d a %d argumento, recibió %d", "%s admite de %d a %d argumentos, recibió %d"),
	"%s takes no arguments, got %s":          t("%s no admite argumentos, recibió %s"),
	"usage: %s":                              t("uso: %s"),
	"example: %s":                            t("ejemplo: %s"),
	"--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location": t("--config %s: no existe ese archivo; crea uno con `bedtime init --config %s`, o quita --config para usar el lugar habitual"),
	"no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)":                           t("no hay archivo del horario en %s; se usa el horario predeterminado integrado (`bedtime init` lo escribe ahí para que lo edites)"),
	"--count %s: want 1 or more": t("--count %s: se espera 1 o más"),
	"--count %s: want 1 to %s":   t("--count %s: se espera de 1 a %s"),
	"--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)": t("--from %q no es un instante (se espera RFC 3339, como 2026-11-25T20:00:00+01:00)"),
	"commit": t("commit"),

	"the schedule file has errors; fix them first (`bedtime validate`)":                             t("el archivo del horario tiene errores; corrígelos primero (`bedtime validate`)"),
	"no reminder %q in the schedule (have %s)":                                                      t("no hay recordatorio %q en el horario (hay %s)"),
	"the change is made, but it could not be written to the history (%v); stats will not count it.": t("el cambio está hecho, pero no se pudo escribir en el historial (%v); stats no lo contará."),
	"nothing to mark done: %s":                                                                      t("nada que marcar como hecho: %s"),
	"nothing to snooze: %s":                                                                         t("nada que posponer: %s"),
	"%s is not due":                                                                                 t("%s no está pendiente"),
	"%s was last %s at %s":                                                                          t("último estado de %s: %s (%s)"),
	"%s was already %s at %s":                                                                       t("%s ya está %s (%s)"),
	"expired":                                                                                       t("caducado"),
	"; it is next due %s (`bedtime skip %s` skips that one)":                                        t("; la próxima vez es %s (`bedtime skip %s` omite esa)"),
	"%q is not a duration (want e.g. 45m or 2h)":                                                    t("%q no es una duración (por ejemplo 45m o 2h)"),
	"--until: %q is not a time of day (want HH:MM)":                                                 t("--until: %q no es una hora (se espera HH:MM)"),
	"give only one of DURATION, --until and --today":                                                t("indica solo uno de DURACIÓN, --until y --today"),
	"%q is not a snooze time (want 1m to 24h, such as 10m)":                                         t("%q no es un tiempo para posponer (de 1m a 24h, como 10m)"),
	"%s is disabled in the schedule; there is nothing to skip":                                      t("%s está desactivado en el horario; no hay nada que omitir"),
	"%s has no next firing":                                                                         t("%s no vuelve a sonar"),

	"already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)":          t("ya está en marcha (proceso %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop` (el servicio) o `kill %s` (iniciado a mano)"),
	"already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)": t("ya está en marcha (proceso %s desde %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop` (el servicio) o `kill %s` (iniciado a mano)"),
	"bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run install again":                             t("bedtime ya está en marcha fuera del servicio (pid %s), y solo puede haber uno; detenlo (bedtime stop) y vuelve a ejecutar install"),

	"cannot find the bedtime binary: %v": t("no se encuentra el programa bedtime: %v"),
	"bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there": t("bedtime se ejecuta desde una compilación temporal (%q), que desaparecerá: compílalo o instálalo primero (go install o make build) y ejecuta install desde ahí"),
	"cannot find the default schedule file: %v": t("no se encuentra el archivo del horario habitual: %v"),
	"cannot resolve the schedule path %q: %v":   t("no se puede resolver la ruta del horario %q: %v"),
	"no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead": t("aquí no hay un gestor de servicios por usuario compatible (%s): inicia «bedtime run» desde el arranque automático de tu sesión"),
	"cannot install the bedtime service: %v":    t("no se puede instalar el servicio bedtime: %v"),
	"installed, but cannot read its status: %v": t("instalado, pero no se puede leer su estado: %v"),
	"installed %s %s":                           t("instalado: %s %s"),
	"chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops": t("elegido porque %s; la sesión de escritorio inicia bedtime al entrar, y nada lo reinicia si se detiene"),
	"it runs %s %s, now and at every login": t("ejecuta %s %s, ahora y en cada inicio de sesión"),
	"there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then": t("aún no hay archivo del horario en %s: usa el horario predeterminado integrado hasta que `bedtime init` escriba uno ahí, y luego el archivo"),
	"cannot install the tray: %v":                                                   t("no se puede instalar el icono de la bandeja: %v"),
	"installed the tray's autostart %s":                                             t("arranque automático del icono instalado: %s"),
	"its status icon starts at your next login (`bedtime tray` shows it now)":       t("el icono aparece en tu próximo inicio de sesión (`bedtime tray` lo muestra ahora)"),
	"cannot uninstall the bedtime service: %v":                                      t("no se puede desinstalar el servicio bedtime: %v"),
	"bedtime is not installed as a service; nothing to do":                          t("bedtime no está instalado como servicio; nada que hacer"),
	"bedtime is stopped and uninstalled; your schedule, state and history are kept": t("bedtime está detenido y desinstalado; tu horario, tu estado y tu historial se conservan"),
	"cannot start bedtime: %v":                                                      t("no se puede iniciar bedtime: %v"),
	"cannot stop bedtime: %v":                                                       t("no se puede detener bedtime: %v"),
	"cannot restart bedtime: %v":                                                    t("no se puede reiniciar bedtime: %v"),
	"bedtime started":                                                               t("bedtime iniciado"),
	"bedtime stopped":                                                               t("bedtime detenido"),
	"bedtime restarted":                                                             t("bedtime reiniciado"),
	"cannot read the bedtime service's status: %v":                                  t("no se puede leer el estado del servicio bedtime: %v"),

	"%s already exists; edit it, or use --force to replace it with the default (it is backed up first)": t("%s ya existe; edítalo, o usa --force para cambiarlo por el predeterminado (antes se guarda una copia)"),
	"%s is the default schedule already; nothing to do.":                                                t("%s ya es el horario predeterminado; nada que hacer."),
	"Backed up the old schedule to %s":                                                                  t("Copia del horario anterior guardada en %s"),
	"Wrote the default schedule to %s":                                                                  t("Horario predeterminado escrito en %s"),
	"Edit it, then check it with `bedtime validate`.":                                                   t("Edítalo y luego compruébalo con `bedtime validate`."),
	"To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s":               t("Para recibir los recordatorios también en el móvil (ntfy), usa un tema que nadie adivine, como %s"),
	"(see docs/channels.md, \"Phone and other channels\").":                                             t("(consulta docs/channels.md, «Phone and other channels»)."),
	"cannot remove old backups: %v":                                                                     t("no se pueden borrar las copias antiguas: %v"),
	"cannot read the schedule: %v":                                                                      t("no se puede leer el horario: %v"),
	"cannot make a private copy: %v":                                                                    t("no se puede hacer una copia privada: %v"),
	"%v; %s not changed":                                                                                t("%v; %s sin cambios"),
	"cannot read the edited copy: %v; %s not changed":                                                   t("no se puede leer la copia editada: %v; %s sin cambios"),
	"No changes; %s left as it was.":                                                                    t("Sin cambios; %s queda como estaba."),
	"No changes; no schedule file written (the built-in default stays in use).":                         t("Sin cambios; no se ha escrito ningún archivo del horario (sigue el horario predeterminado integrado)."),
	"Installed %s: %s.":                                                                                 t("%s puesto en uso: %s."),
	"Backed up the previous schedule to %s":                                                             t("Copia del horario anterior guardada en %s"),
	"%s was removed while you edited; writing it anew":                                                  t("%s se borró mientras editabas; se escribe de nuevo"),

	"this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again": t("este equipo ya tiene una clave de sincronización (huella %s); `bedtime sync init --force` crea una nueva, y entonces cada otro equipo debe unirse de nuevo"),
	"Made a sync key (fingerprint %s), kept in %s, readable by you alone.":                                                                              t("Clave de sincronización creada (huella %s), guardada en %s, legible solo por ti."),
	"This computer is device %s.":  t("Este equipo es el dispositivo %s."),
	"On each other computer, run:": t("En cada uno de los otros equipos, ejecuta:"),
	"The key is the one secret: whoever has it and the folder can read your record.":     t("La clave es el único secreto: quien la tenga, junto con la carpeta, puede leer tu registro."),
	"Never put it in the synced folder; copy it by hand, or in a file you delete after.": t("Nunca la pongas en la carpeta sincronizada; cópiala a mano, o en un archivo que borres después."),
	"%q is neither a key nor a file holding one: %v":                                     t("%q no es una clave ni un archivo que la contenga: %v"),
	"This computer has this key already (fingerprint %s).":                               t("Este equipo ya tiene esta clave (huella %s)."),
	"this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed": t("este equipo tiene otra clave de sincronización (huella %s, la nueva es %s); `bedtime sync join --force` la sustituye, y entonces ya no lee lo que selló la clave antigua"),
	"Joined with key %s; this computer is device %s.":                                                               t("Unido con la clave %s; este equipo es el dispositivo %s."),
	"Restart bedtime (`bedtime restart`) so the daemon starts sharing; `bedtime doctor` shows the devices it sees.": t("Reinicia bedtime (`bedtime restart`) para que empiece a compartir; `bedtime doctor` muestra los dispositivos que ve."),
	"The schedule names the folder %s.":                                                                             t("El horario indica la carpeta %s."),
	"Name the synced folder in the schedule on each computer (`bedtime edit`):":                                     t("Indica la carpeta sincronizada en el horario de cada equipo (`bedtime edit`):"),

	"--variant %s: variants count from 1 (the first); leave out --variant for today's text":     t("--variant %s: las variantes se cuentan desde 1 (la primera); quita --variant para el texto de hoy"),
	"--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s": t("--wait es %s: indica cuánto esperar a un botón, de 0 (no esperar) a 1h, como 60s"),
	"Shown: %s": t("Mostrado: %s"),
	"This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.": t("Este servidor de notificaciones no muestra botones: responde a un recordatorio con `bedtime done %s` o `bedtime snooze %s`."),
	"%s or %s": t("%s o %s"),
	"Press %s on it: waiting up to %s (nothing is recorded)...":                             t("Pulsa %s: se espera hasta %s (no se registra nada)..."),
	"You pressed %s. Nothing was recorded.":                                                 t("Has pulsado %s. No se ha registrado nada."),
	"You closed it without pressing a button.":                                              t("La has cerrado sin pulsar ningún botón."),
	"No answer within %s.":                                                                  t("Sin respuesta en %s."),
	"Stopped waiting. Nothing was recorded.":                                                t("Espera detenida. No se ha registrado nada."),
	"give either a routine to play or --stop, not both":                                     t("indica una rutina que reproducir o --stop, no ambas cosas"),
	"cannot load routines: %v":                                                              t("no se pueden cargar las rutinas: %v"),
	"unknown routine %q: want one of %s":                                                    t("rutina desconocida %q: se espera una de %s"),
	"Stopped.":                                                                              t("Detenido."),
	"bedtime is not running, so it plays no routine.":                                       t("bedtime no está en marcha, así que no reproduce ninguna rutina."),
	"Asked bedtime to stop the routine it plays.":                                           t("Se ha pedido a bedtime que detenga la rutina que reproduce."),
	"the schedule file has errors, so its routines are unknown; run `bedtime validate`":     t("el archivo del horario tiene errores, así que sus rutinas se desconocen; ejecuta `bedtime validate`"),
	"cannot find the state directory: %v":                                                   t("no se encuentra la carpeta de estado: %v"),
	"--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)": t("--night: di qué registrar sobre ella (--cramps, --severity, --sleep, --leg o --note)"),
	"--now records the night going on now; leave out --night":                               t("--now registra la noche en curso; quita --night"),
	"unknown topic %q: want one of %s":                                                      t("tema desconocido %q: se espera uno de %s"),
	"the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.": t("el icono de la bandeja aún no está compilado para %s (necesita cgo); `bedtime status` y los demás comandos funcionan."),
	"the bedtime tray is already running": t("el icono de bedtime en la bandeja ya está en marcha"),
	"cannot lock the tray: %v":            t("no se puede bloquear el icono de la bandeja: %v"),

	"want a date such as 2026-03-14 (YYYY-MM-DD)":                             t("se espera una fecha como 2026-03-14 (AAAA-MM-DD)"),
	"is in the future (the latest night is %s)":                               t("está en el futuro (la última noche es %s)"),
	"is more than a year back (the earliest night is %s)":                     t("es de hace más de un año (la noche más antigua es %s)"),
	"want none, some or bad":                                                  t("se espera none, some o bad"),
	"want 0 to %s":                                                            t("se espera de 0 a %s"),
	"want 0 (no pain) to 10 (the worst)":                                      t("se espera de 0 (sin dolor) a 10 (lo peor)"),
	"want 0 (slept well) to 10 (hardly slept)":                                t("se espera de 0 (dormí bien) a 10 (apenas dormí)"),
	"want left, right or both":                                                t("se espera left, right o both"),
	"contradicts the other answers (cramps were said too)":                    t("contradice las otras respuestas (también se indicaron calambres)"),
	"is for a night with cramps; this one says none":                          t("es para una noche con calambres; esta dice que no hubo"),
	"nothing to record (give --cramps, --severity, --sleep, --leg or --note)": t("nada que registrar (indica --cramps, --severity, --sleep, --leg o --note)"),
	"is not valid UTF-8 text":                                                 t("no es texto UTF-8 válido"),
	"is %s characters long; at most %s":                                       t("tiene %s caracteres; como mucho %s"),
	"holds a control character (%s) at byte %s; write it on one line":         t("contiene un carácter de control (%s) en el byte %s; escríbela en una línea"),

	// The schedule template's comments (TemplateComments).
	"bedtime schedule: when to remind you of the habits that prevent night leg\ncramps. Edit it by hand; the running daemon picks up every save. Check it\nwith `bedtime validate`, see what comes next with `bedtime next`.": t(
		"Horario de bedtime: cuándo recordarte los hábitos que previenen los\n" +
			"calambres nocturnos en las piernas. Edítalo a mano; bedtime en marcha\n" +
			"toma cada guardado. Compruébalo con `bedtime validate` y mira lo que\n" +
			"viene con `bedtime next`."),
	"Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n30m, 2h or 1h30m.": t(
		"Las horas son HH:MM de 24 horas en tu zona horaria. Las duraciones se\n" +
			"escriben como 90s, 30m, 2h o 1h30m."),
	"an IANA zone; default: the system's zone":        t("una zona IANA; si no, la del sistema"),
	"en, de, fr or es; default: from LANG":            t("en, de, fr o es; si no, según LANG"),
	"When you go to bed. One time for every night...": t("Cuándo te acuestas. Una hora para todas las noches..."),
	"...or one per weekday (a time from 00:00 to 05:59 counts as the night\nthat begins on that day: fri: \"00:30\" is the early hours of Saturday):": t(
		"...o una por día de la semana (una hora de 00:00 a 05:59 cuenta como la\n" +
			"noche que empieza ese día: fri: \"00:30\" es la madrugada del sábado):"),
	"Idle this long (no keyboard or mouse input), or the screen locked, means\nyou are away (1m to 2h; default 5m). What a reminder due while you are\naway does is its when_away (below).": t(
		"Inactivo este tiempo (sin teclado ni ratón), o la pantalla bloqueada,\n" +
			"significa que no estás (de 1m a 2h; si no, 5m). Lo que hace un\n" +
			"recordatorio pendiente mientras no estás es su when_away (abajo)."),
	"A break to stand and stretch for 2-3 minutes, every hour of the\nworking day. `cron` takes a standard five-field cron expression\n(minute hour day-of-month month day-of-week) or @daily, @hourly...": t(
		"Una pausa para levantarte y estirarte 2-3 minutos, cada hora de la\n" +
			"jornada. `cron` admite una expresión cron estándar de cinco campos\n" +
			"(minuto hora día-del-mes mes día-de-la-semana) o @daily, @hourly..."),
	"Water through the day, every two hours, not late in the evening.\n`every` counts from the start of `between` (08:00, 10:00, ...), or from\nmidnight without it; a firing exactly at the window's end is included.": t(
		"Agua a lo largo del día, cada dos horas, no tarde por la noche.\n" +
			"`every` cuenta desde el inicio de `between` (08:00, 10:00, ...), o desde\n" +
			"medianoche sin él; un aviso justo al final de la franja se incluye."),
	"Magnesium in the evening. `at` takes one time or a list:\nat: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\nespecially if you have kidney problems.": t(
		"Magnesio por la noche. `at` admite una hora o una lista:\n" +
			"at: [\"08:00\", \"20:30\"]. Consulta a tu médico antes de tomar magnesio,\n" +
			"sobre todo si tienes problemas de riñón."),
	"The calf-stretch routine, 30 minutes before bedtime.": t("El estiramiento de pantorrillas, 30 minutos antes de acostarte."),
	"A short stretch in the morning on working days. `days` works with every\nform but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.": t(
		"Un estiramiento corto por la mañana en días laborables. `days` sirve con\n" +
			"todas las formas salvo cron: [mon, tue, wed, thu, fri, sat, sun], o\n" +
			"weekdays/weekends."),
	"The morning question of the cramp diary: \"Leg cramps last night?\" with\nthe buttons None, Some and Bad, on the phone too when a channel is set.\nIt waits until you are first at the computer after 06:00 (up to 12\nhours); the answer goes to the diary (`bedtime diary` adds details,\n`bedtime report` sums it up for you and your doctor). A night left\nunanswered counts as unknown, never as \"no cramps\". Turn it off with\nenabled: false.": t(
		"La pregunta matinal del diario de calambres: «¿Calambres anoche?» con\n" +
			"los botones Ninguno, Algunos y Fuertes, también en el móvil si hay un\n" +
			"canal configurado. Espera a que estés por primera vez en el equipo\n" +
			"después de las 06:00 (hasta 12 horas); la respuesta va al diario\n" +
			"(`bedtime diary` añade detalles, `bedtime report` lo resume para ti y\n" +
			"tu médico). Una noche sin respuesta cuenta como desconocida, nunca como\n" +
			"«sin calambres». Para desactivarla: enabled: false."),
	"A reminder of your own needs a title or message. Every reminder also\ntakes, all optional:": t(
		"Un recordatorio propio necesita un título o un mensaje. Todo recordatorio\n" +
			"admite además, todo opcional:"),
	"switch it off without deleting it":         t("desactivarlo sin borrarlo"),
	"replace the built-in title":                t("sustituye el título integrado"),
	"replace the built-in text":                 t("sustituye el texto integrado"),
	"your own texts, shown in turn":             t("tus propios textos, por turnos"),
	"how long Snooze puts it off (default 10m)": t("cuánto lo aplaza Más tarde (si no, 10m)"),
	"how late it may still come after the computer\nslept (default 2h for once-a-day reminders,\notherwise 0: a missed one is skipped)": t(
		"hasta cuándo puede llegar aún tras la\n" +
			"suspensión del equipo (si no, 2h para los\n" +
			"diarios, 0 para los demás: el perdido se omite)"),
	"come back every 15 minutes until you press\nDone or run `bedtime done NAME` (at most 3 times)": t(
		"volver cada 15 minutos hasta que pulses Hecho\n" +
			"o ejecutes `bedtime done NAME` (máx. 3 veces)"),
	"while you are away or locked: hold it until you\nare back (default), skip it (default for\nmovement), or show it anyway": t(
		"si no estás o está bloqueado: retenerlo hasta\n" +
			"que vuelvas (por defecto), omitirlo (por\n" +
			"defecto en movement) o mostrarlo igualmente"),
	"in a call (microphone or camera in use) or with\na fullscreen window: hold it until that ends\n(default), or show it anyway": t(
		"en una llamada (micrófono o cámara en uso) o con\n" +
			"una ventana a pantalla completa: retenerlo hasta\n" +
			"que acabe (por defecto), o mostrarlo igualmente"),
	"stay on screen until answered (default); false:\nthe notification server's timeout; or a time: 2m": t(
		"quedarse en pantalla hasta la respuesta (por\n" +
			"defecto); false: el plazo del servidor de\n" +
			"notificaciones; o un tiempo: 2m"),
	"true (or a sound name such as bell) plays a sound": t("true (o un sonido como bell): con sonido"),
	"Guided routines of your own, for a reminder's `routine:` (built in:\ncalf-stretch, morning-stretch).": t(
		"Rutinas guiadas propias, para el `routine:` de un recordatorio\n" +
			"(integradas: calf-stretch, morning-stretch)."),
}
