package locale

// esErrors are the Spanish translations of errorsMessages and templateMessages, by
// English key.
var esErrors = []pair{
	{Key: "unknown command %s for %s", Other: "comando desconocido %s para %s"},
	{Key: "Did you mean this?", Other: "¿Querías decir esto?"},
	{Key: "unknown flag: --%s", Other: "opción desconocida: --%s"},
	{Key: "unknown shorthand flag: %q in -%s", Other: "opción corta desconocida: %q en -%s"},
	{Key: "-%s is read as a flag: a length of time is never negative; give one over zero, such as 45m", Other: "-%s se lee como una opción: una duración nunca es negativa; indica una mayor que cero, por ejemplo 45m"},
	{Key: "flag needs an argument: --%s", Other: "la opción necesita un valor: --%s"},
	{Key: "flag needs an argument: %q in -%s", Other: "la opción necesita un valor: %q en -%s"},
	{Key: "invalid argument %q for %q flag: %s", Other: "valor %q no válido para la opción %q: %s"},
	{Key: "bad flag syntax: %s", Other: "opción mal escrita: %s"},
	{Key: "want a whole number", Other: "se espera un número entero"},
	{Key: "want true or false", Other: "se espera true o false"},
	{Key: "want a duration such as 90m or 2h", Other: "se espera una duración como 90m o 2h"},
	{Key: "%s takes %d arguments, got %d", One: "%s admite %d argumento, recibió %d", Other: "%s admite %d argumentos, recibió %d"},
	{Key: "%s takes at most %d arguments, got %d", One: "%s admite como mucho %d argumento, recibió %d", Other: "%s admite como mucho %d argumentos, recibió %d"},
	{Key: "%s takes at least %d arguments, got %d", One: "%s necesita al menos %d argumento, recibió %d", Other: "%s necesita al menos %d argumentos, recibió %d"},
	{Key: "%s takes %d to %d arguments, got %d", One: "%s admite de %d a %d argumento, recibió %d", Other: "%s admite de %d a %d argumentos, recibió %d"},
	{Key: "%s takes no arguments, got %s", Other: "%s no admite argumentos, recibió %s"},
	{Key: "%s has no command %s (its commands: %s)", Other: "%s no tiene el comando %s (sus comandos: %s)"},
	{Key: "usage: %s", Other: "uso: %s"},
	{Key: "example: %s", Other: "ejemplo: %s"},
	{Key: "--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location", Other: "--config %s: no existe ese archivo; crea uno con `bedtime init --config %s`, o quita --config para usar el lugar habitual"},
	{Key: "no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)", Other: "no hay archivo del horario en %s; se usa el horario predeterminado integrado (`bedtime init` lo escribe ahí para que lo edites)"},
	{Key: "--count %s: want 1 or more", Other: "--count %s: se espera 1 o más"},
	{Key: "--count %s: want 1 to %s", Other: "--count %s: se espera de 1 a %s"},
	{Key: "--days %s: want 1 or more", Other: "--days %s: se espera 1 o más"},
	{Key: "--days %s: want 1 to %s (ten years)", Other: "--days %s: se espera de 1 a %s (diez años)"},
	{Key: "--days %s: want 1 to %s", Other: "--days %s: se espera de 1 a %s"},
	{Key: "--days lists the nights; leave it out when you record one", Other: "--days lista las noches; no lo pongas cuando registres una"},
	{Key: "give --ics: iCalendar is the only export format", Other: "añade --ics: iCalendar es el único formato de exportación"},
	{Key: "--by-device needs sync: in the schedule and this computer joined (see bedtime sync)", Other: "--by-device necesita sync: en el horario, y que este ordenador se haya unido (ver bedtime sync)"},
	{Key: "--from %q is not a time (want RFC 3339, such as 2026-11-25T20:00:00+01:00)", Other: "--from %q no es un instante (se espera RFC 3339, como 2026-11-25T20:00:00+01:00)"},
	{Key: "commit", Other: "commit"},
	{Key: "bedtime version %s", Other: "bedtime versión %s"},
	{Key: "the schedule file has errors; fix them first (`bedtime validate`)", Other: "el archivo del horario tiene errores; corrígelos primero (`bedtime validate`)"},
	{Key: "no reminder %q in the schedule (have %s)", Other: "no hay recordatorio %q en el horario (hay %s)"},
	{Key: "the change is made, but it could not be written to the history (%v); stats will not count it.", Other: "el cambio está hecho, pero no se pudo escribir en el historial (%v); stats no lo contará."},
	{Key: "nothing to mark done: %s", Other: "nada que marcar como hecho: %s"},
	{Key: "nothing to snooze: %s", Other: "nada que posponer: %s"},
	{Key: "%s is not due", Other: "%s no está pendiente"},
	{Key: "%s asks a question: answer it with `bedtime diary --cramps N` (0 for a night without), or with its notification's buttons", Other: "%s hace una pregunta: respóndela con `bedtime diary --cramps N` (0 para una noche sin calambres) o con los botones de su notificación"},
	{Key: "%s was last %s at %s", Other: "último estado de %s: %s (%s)"},
	{Key: "%s was already %s at %s", Other: "%s ya está %s (%s)"},
	{Key: "expired", Other: "caducado"},
	{Key: "; it is next due %s (`bedtime skip %s` skips that one)", Other: "; la próxima vez es %s (`bedtime skip %s` omite esa)"},
	{Key: "%q is not a duration (want e.g. 45m or 2h)", Other: "%q no es una duración (por ejemplo 45m o 2h)"},
	{Key: "%q is no time to pause for: give a length over zero, such as 45m (`bedtime resume` ends a pause)", Other: "%q no es un tiempo de pausa: indica una duración mayor que cero, por ejemplo 45m (`bedtime resume` termina una pausa)"},
	{Key: "%q is longer than a pause can be (%s days at most); for a longer break, turn the reminders off (enabled: false, `bedtime edit`) or stop bedtime (`bedtime uninstall`)", Other: "%q es más de lo que puede durar una pausa (%s días como máximo); para un descanso más largo, desactiva los recordatorios (enabled: false, `bedtime edit`) o detén bedtime (`bedtime uninstall`)"},
	{Key: "--until: %q is not a time of day (want HH:MM)", Other: "--until: %q no es una hora (se espera HH:MM)"},
	{Key: "give only one of DURATION, --until and --today", Other: "indica solo uno de DURACIÓN, --until y --today"},
	{Key: "%q is not a snooze time (want 1m to 24h, such as 10m)", Other: "%q no es un tiempo para posponer (de 1m a 24h, como 10m)"},
	{Key: "%s is disabled in the schedule; there is nothing to skip", Other: "%s está desactivado en el horario; no hay nada que omitir"},
	{Key: "%s has no next firing", Other: "%s no vuelve a sonar"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "ya está en marcha (proceso %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop` (el servicio) o `kill %s` (iniciado a mano)"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop` (the service) or `kill %s` (one started by hand)", Other: "ya está en marcha (proceso %s desde %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop` (el servicio) o `kill %s` (iniciado a mano)"},
	{Key: "already running (process %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "ya está en marcha (proceso %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop`"},
	{Key: "already running (process %s since %s), and one is enough: leave it, or stop it first with `bedtime stop`", Other: "ya está en marcha (proceso %s desde %s), y basta con uno: déjalo, o detenlo primero con `bedtime stop`"},
	{Key: "bedtime is already running outside the service (pid %s), and only one may run; stop it (bedtime stop), then run bedtime %s again", Other: "bedtime ya está en marcha fuera del servicio (pid %s), y solo puede haber uno; detenlo (bedtime stop) y vuelve a ejecutar bedtime %s"},
	{Key: "cannot find the bedtime binary: %v", Other: "no se encuentra el programa bedtime: %v"},
	{Key: "bedtime runs from a temporary build (%q), which will disappear: build or install it first (go install or make build) and run install from there", Other: "bedtime se ejecuta desde una compilación temporal (%q), que desaparecerá: compílalo o instálalo primero (go install o make build) y ejecuta install desde ahí"},
	{Key: "cannot find the default schedule file: %v", Other: "no se encuentra el archivo del horario habitual: %v"},
	{Key: "cannot resolve the schedule path %q: %v", Other: "no se puede resolver la ruta del horario %q: %v"},
	{Key: "no supported per-user service manager here (%s): start \"bedtime run\" from your desktop session's autostart instead", Other: "aquí no hay un gestor de servicios por usuario compatible (%s): inicia «bedtime run» desde el arranque automático de tu sesión"},
	{Key: "cannot install the bedtime service: %v", Other: "no se puede instalar el servicio bedtime: %v"},
	{Key: "The bedtime that ran before the install runs again (pid %s).", Other: "El bedtime que funcionaba antes de la instalación vuelve a funcionar (pid %s)."},
	{Key: "bedtime is stopped now: the one that ran before the install did not start again either. Once the cause is fixed, `bedtime start` starts it.", Other: "bedtime está detenido ahora: el que funcionaba antes de la instalación tampoco volvió a arrancar. Una vez corregida la causa, `bedtime start` lo arranca."},
	{Key: "bedtime exited as soon as it was started (exit status %s)", Other: "bedtime terminó nada más iniciarse (código de salida %s)"},
	{Key: "bedtime was ended by %s as soon as it was started", Other: "bedtime fue terminado por %s nada más iniciarse"},
	{Key: "bedtime did not finish starting within %s, so systemd stopped it", Other: "bedtime no terminó de iniciarse en %s, así que systemd lo detuvo"},
	{Key: "%s; systemd tries again by itself in a few seconds", Other: "%s; systemd lo vuelve a intentar por sí mismo en unos segundos"},
	{Key: "see why with `%s`", Other: "para ver por qué, ejecuta `%s`"},
	{Key: "installed, but cannot read its status: %v", Other: "instalado, pero no se puede leer su estado: %v"},
	{Key: "installed %s %s", Other: "instalado: %s %s"},
	{Key: "chosen because %s; the desktop session starts bedtime at login, and nothing restarts it if it stops", Other: "elegido porque %s; la sesión de escritorio inicia bedtime al entrar, y nada lo reinicia si se detiene"},
	{Key: "it runs %s %s, now and at every login", Other: "ejecuta %s %s, ahora y en cada inicio de sesión"},
	{Key: "%s beside it is %s and this bedtime is %s: the service runs this bedtime (bedtime run) instead. Install both from one build to have the lighter daemon again.", Other: "%s a su lado es %s y este bedtime es %s: el servicio ejecuta este bedtime (bedtime run) en su lugar. Instala ambos de una misma versión para volver a tener el demonio más ligero."},
	{Key: "there is no schedule file at %s yet: it runs the built-in default until `bedtime init` writes one there, and takes the file then", Other: "aún no hay archivo del horario en %s: usa el horario predeterminado integrado hasta que `bedtime init` escriba uno ahí, y luego el archivo"},
	{Key: "cannot install the tray: %v", Other: "no se puede instalar el icono de la bandeja: %v"},
	{Key: "installed the tray's autostart %s", Other: "arranque automático del icono instalado: %s"},
	{Key: "its status icon starts at your next login (`bedtime tray` shows it now)", Other: "el icono aparece en tu próximo inicio de sesión (`bedtime tray` lo muestra ahora)"},
	{Key: "cannot uninstall the bedtime service: %v", Other: "no se puede desinstalar el servicio bedtime: %v"},
	{Key: "bedtime is not installed as a service; nothing to do", Other: "bedtime no está instalado como servicio; nada que hacer"},
	{Key: "bedtime is stopped and uninstalled; your schedule, state and history are kept", Other: "bedtime está detenido y desinstalado; tu horario, tu estado y tu historial se conservan"},
	{Key: "cannot start bedtime: %v", Other: "no se puede iniciar bedtime: %v"},
	{Key: "cannot stop bedtime: %v", Other: "no se puede detener bedtime: %v"},
	{Key: "cannot restart bedtime: %v", Other: "no se puede reiniciar bedtime: %v"},
	{Key: "bedtime started", Other: "bedtime iniciado"},
	{Key: "bedtime stopped", Other: "bedtime detenido"},
	{Key: "bedtime was not running; nothing to stop", Other: "bedtime no estaba en marcha; nada que detener"},
	{Key: "bedtime restarted", Other: "bedtime reiniciado"},
	{Key: "cannot read the bedtime service's status: %v", Other: "no se puede leer el estado del servicio bedtime: %v"},
	{Key: "%s already exists; edit it, or use --force to replace it with the default (it is backed up first)", Other: "%s ya existe; edítalo, o usa --force para cambiarlo por el predeterminado (antes se guarda una copia)"},
	{Key: "%s is the default schedule already; nothing to do.", Other: "%s ya es el horario predeterminado; nada que hacer."},
	{Key: "Backed up the old schedule to %s", Other: "Copia del horario anterior guardada en %s"},
	{Key: "Wrote the default schedule to %s", Other: "Horario predeterminado escrito en %s"},
	{Key: "Edit it, then check it with `bedtime validate`.", Other: "Edítalo y luego compruébalo con `bedtime validate`."},
	{Key: "To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s", Other: "Para recibir los recordatorios también en el móvil (ntfy), usa un tema que nadie adivine, como %s"},
	{Key: "(see docs/channels.md, \"Phone and other channels\").", Other: "(consulta docs/channels.md, «Phone and other channels»)."},
	{Key: "cannot remove old backups: %v", Other: "no se pueden borrar las copias antiguas: %v"},
	{Key: "cannot read the schedule: %v", Other: "no se puede leer el horario: %v"},
	{Key: "cannot make a private copy: %v", Other: "no se puede hacer una copia privada: %v"},
	{Key: "%v; %s not changed", Other: "%v; %s sin cambios"},
	{Key: "no editor found (tried %s); set $VISUAL or $EDITOR", Other: "no se encontró ningún editor (probados: %s); define $VISUAL o $EDITOR"},
	{Key: "editor %q not found (the shell said 127); set $VISUAL or $EDITOR", Other: "no se encontró el editor %q (el shell dijo 127); define $VISUAL o $EDITOR"},
	{Key: "editor %q not found; set $VISUAL or $EDITOR", Other: "no se encontró el editor %q; define $VISUAL o $EDITOR"},
	{Key: "cannot read the edited copy: %v; %s not changed", Other: "no se puede leer la copia editada: %v; %s sin cambios"},
	{Key: "No changes; %s left as it was.", Other: "Sin cambios; %s queda como estaba."},
	{Key: "No changes; no schedule file written (the built-in default stays in use).", Other: "Sin cambios; no se ha escrito ningún archivo del horario (sigue el horario predeterminado integrado)."},
	{Key: "The editor (%s) returned at once, with no change: it opened the copy in a window and did not wait for you.", Other: "El editor (%s) volvió enseguida, sin cambios: abrió la copia en una ventana y no te esperó."},
	{Key: "To have bedtime edit wait, set VISUAL to its waiting form: \"code --wait\", \"subl -w\", \"gedit -s\".", Other: "Para que bedtime edit espere, pon en VISUAL su forma que espera: \"code --wait\", \"subl -w\", \"gedit -s\"."},
	{Key: "Save and close the file in that window, then press Enter here (Ctrl+D gives up):", Other: "Guarda y cierra el archivo en esa ventana y luego pulsa Intro aquí (Ctrl+D abandona):"},
	{Key: "The copy stays at %s with what you save there; %s is left as it was.", Other: "La copia queda en %s con lo que guardes allí; %s queda como estaba."},
	{Key: "Installed %s: %s.", Other: "%s puesto en uso: %s."},
	{Key: "Backed up the previous schedule to %s", Other: "Copia del horario anterior guardada en %s"},
	{Key: "%s was removed while you edited; writing it anew", Other: "%s se borró mientras editabas; se escribe de nuevo"},
	{Key: "--variant %s: variants count from 1 (the first); leave out --variant for today's text", Other: "--variant %s: las variantes se cuentan desde 1 (la primera); quita --variant para el texto de hoy"},
	{Key: "--wait is %s: give how long to wait for a button, from 0 (do not wait) to 1h, such as 60s", Other: "--wait es %s: indica cuánto esperar a un botón, de 0 (no esperar) a 1h, como 60s"},
	{Key: "Shown: %s", Other: "Mostrado: %s"},
	{Key: "This notification server shows no buttons: answer a reminder with `bedtime done %s` or `bedtime snooze %s`.", Other: "Este servidor de notificaciones no muestra botones: responde a un recordatorio con `bedtime done %s` o `bedtime snooze %s`."},
	{Key: "%s or %s", Other: "%s o %s"},
	{Key: "Press %s on it: waiting up to %s (nothing is recorded)...", Other: "Pulsa %s: se espera hasta %s (no se registra nada)..."},
	{Key: "You pressed %s. Nothing was recorded.", Other: "Has pulsado %s. No se ha registrado nada."},
	{Key: "You closed it without pressing a button.", Other: "La has cerrado sin pulsar ningún botón."},
	{Key: "No answer within %s.", Other: "Sin respuesta en %s."},
	{Key: "Stopped waiting. Nothing was recorded.", Other: "Espera detenida. No se ha registrado nada."},
	{Key: "give either a routine to play or --stop, not both", Other: "indica una rutina que reproducir o --stop, no ambas cosas"},
	{Key: "cannot load routines: %v", Other: "no se pueden cargar las rutinas: %v"},
	{Key: "unknown routine %q: want one of %s", Other: "rutina desconocida %q: se espera una de %s"},
	{Key: "Stopped.", Other: "Detenido."},
	{Key: "bedtime is not running, so it plays no routine.", Other: "bedtime no está en marcha, así que no reproduce ninguna rutina."},
	{Key: "Asked bedtime to stop a routine, if one is playing.", Other: "Se ha pedido a bedtime que detenga la rutina, si hay una en curso."},
	{Key: "the schedule file has errors, so its routines are unknown; run `bedtime validate`", Other: "el archivo del horario tiene errores, así que sus rutinas se desconocen; ejecuta `bedtime validate`"},
	{Key: "cannot find the state directory: %v", Other: "no se encuentra la carpeta de estado: %v"},
	{Key: "--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)", Other: "--night: di qué registrar sobre ella (--cramps, --severity, --sleep, --leg o --note)"},
	{Key: "--now records the night going on now; leave out --night", Other: "--now registra la noche en curso; quita --night"},
	{Key: "unknown topic %q: want one of %s", Other: "tema desconocido %q: se espera uno de %s"},
	{Key: "the tray is not built for %s yet (its tray needs cgo); `bedtime status` and the other commands work.", Other: "el icono de la bandeja aún no está compilado para %s (necesita cgo); `bedtime status` y los demás comandos funcionan."},
	{Key: "the bedtime tray is already running", Other: "el icono de bedtime en la bandeja ya está en marcha"},
	{Key: "the tray needs your desktop session's bus (%v); run `bedtime tray` inside your desktop session", Other: "el icono necesita el bus de tu sesión de escritorio (%v); ejecuta `bedtime tray` dentro de tu sesión de escritorio"},
	{Key: "no tray host is running yet (a panel with a status notifier tray); the icon appears when one starts, and `bedtime doctor` says how to get one", Other: "todavía no hay ningún panel con bandeja de estado; el icono aparece cuando se inicie uno, y `bedtime doctor` explica cómo conseguirlo"},
	{Key: "cannot lock the tray: %v", Other: "no se puede bloquear el icono de la bandeja: %v"},
	{Key: "cannot find a place for the report: %v", Other: "no se encuentra dónde guardar el informe: %v"},
	{Key: "cannot write the report: %v", Other: "no se puede escribir el informe: %v"},
	{Key: "wrote %s, but found no xdg-open to open it (package xdg-utils)", Other: "%s escrito, pero no hay xdg-open para abrirlo (paquete xdg-utils)"},
	{Key: "no terminal found to run `bedtime edit` in (install xterm, or run it in one)", Other: "no se encuentra un terminal para ejecutar `bedtime edit` (instala xterm, o ejecútalo en uno)"},
	{Key: "cannot start %s: %v", Other: "no se puede iniciar %s: %v"},
	{Key: "want a date such as 2026-03-14 (YYYY-MM-DD)", Other: "se espera una fecha como 2026-03-14 (AAAA-MM-DD)"},
	{Key: "is in the future (the latest night is %s)", Other: "está en el futuro (la última noche es %s)"},
	{Key: "is more than a year back (the earliest night is %s)", Other: "es de hace más de un año (la noche más antigua es %s)"},
	{Key: "want none, some or bad", Other: "se espera none, some o bad"},
	{Key: "want 0 to %s", Other: "se espera de 0 a %s"},
	{Key: "want 0 (no pain) to 10 (the worst)", Other: "se espera de 0 (sin dolor) a 10 (lo peor)"},
	{Key: "want 0 (slept well) to 10 (hardly slept)", Other: "se espera de 0 (dormí bien) a 10 (apenas dormí)"},
	{Key: "want left, right or both", Other: "se espera left, right o both"},
	{Key: "contradicts the other answers (cramps were said too)", Other: "contradice las otras respuestas (también se indicaron calambres)"},
	{Key: "is for a night with cramps; this one says none", Other: "es para una noche con calambres; esta dice que no hubo"},
	{Key: "nothing to record (give --cramps, --severity, --sleep, --leg or --note)", Other: "nada que registrar (indica --cramps, --severity, --sleep, --leg o --note)"},
	{Key: "is not valid UTF-8 text", Other: "no es texto UTF-8 válido"},
	{Key: "is %s characters long; at most %s", Other: "tiene %s caracteres; como mucho %s"},
	{Key: "holds a control character (%s) at byte %s; write it on one line", Other: "contiene un carácter de control (%s) en el byte %s; escríbela en una línea"},
	{Key: "this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again", Other: "este equipo ya tiene una clave de sincronización (huella %s); `bedtime sync init --force` crea una nueva, y entonces cada otro equipo debe unirse de nuevo"},
	{Key: "Made a sync key (fingerprint %s), kept in %s, readable by you alone.", Other: "Clave de sincronización creada (huella %s), guardada en %s, legible solo por ti."},
	{Key: "This computer is device %s.", Other: "Este equipo es el dispositivo %s."},
	{Key: "On each other computer, run:", Other: "En cada uno de los otros equipos, ejecuta:"},
	{Key: "The key is the one secret: whoever has it and the folder can read your record.", Other: "La clave es el único secreto: quien la tenga, junto con la carpeta, puede leer tu registro."},
	{Key: "Never put it in the synced folder; copy it by hand, or in a file you delete after.", Other: "Nunca la pongas en la carpeta sincronizada; cópiala a mano, o en un archivo que borres después."},
	{Key: "%q is neither a key nor a file holding one: %v", Other: "%q no es una clave ni un archivo que la contenga: %v"},
	{Key: "This computer has this key already (fingerprint %s).", Other: "Este equipo ya tiene esta clave (huella %s)."},
	{Key: "this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed", Other: "este equipo tiene otra clave de sincronización (huella %s, la nueva es %s); `bedtime sync join --force` la sustituye, y entonces ya no lee lo que selló la clave antigua"},
	{Key: "Joined with key %s; this computer is device %s.", Other: "Unido con la clave %s; este equipo es el dispositivo %s."},
	{Key: "The running bedtime takes the key at once and shares, without a restart; `bedtime doctor` shows the devices it sees.", Other: "bedtime, si está en marcha, toma la clave al momento y comparte, sin reiniciar; `bedtime doctor` muestra los dispositivos que ve."},
	{Key: "Once the schedule names the folder, the running bedtime starts sharing, without a restart; `bedtime doctor` shows the devices it sees.", Other: "En cuanto el horario indique la carpeta, bedtime empieza a compartir, sin reiniciar; `bedtime doctor` muestra los dispositivos que ve."},
	{Key: "The schedule names the folder %s.", Other: "El horario indica la carpeta %s."},
	{Key: "Name the synced folder in the schedule on each computer (`bedtime edit`):", Other: "Indica la carpeta sincronizada en el horario de cada equipo (`bedtime edit`):"},

	{Key: "no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)", Other: "no hay clave de sincronización en este equipo: ejecuta `bedtime sync join KEY` con la clave que `bedtime sync init` mostró en tu primer equipo (o `bedtime sync init` aquí si este es el primero)"},
	{Key: "bedtime is not installed as a service; run \"bedtime install\" first", Other: "bedtime no está instalado como servicio; ejecuta primero «bedtime install»"},
	{Key: "not a bedtime key (it should start with %q)", Other: "no es una clave de bedtime (debe empezar por %q)"},
	{Key: "not a bedtime key: the part after %q is damaged (copy the whole line again)", Other: "no es una clave de bedtime: la parte después de %q está dañada (vuelve a copiar la línea entera)"},
	{Key: "%s (not synced or not mounted yet?); this computer works alone until it is there", Other: "%s (¿aún sin sincronizar o sin montar?); este equipo trabaja solo hasta que la carpeta esté ahí"},
	{Key: "%v; showing this computer's record alone", Other: "%v; se muestra solo el registro de este equipo"},

	// The schedule template's comments (templateMessages).
	{
		Key: "bedtime schedule: when to remind you of the habits that prevent night leg\n" +
			"cramps. Edit it by hand; the running daemon picks up every save. Check it\n" +
			"with `bedtime validate`, see what comes next with `bedtime next`.",
		Other: "Horario de bedtime: cuándo recordarte los hábitos que previenen los\n" +
			"calambres nocturnos en las piernas. Edítalo a mano; bedtime en marcha\n" +
			"toma cada guardado. Compruébalo con `bedtime validate` y mira lo que\n" +
			"viene con `bedtime next`.",
	},
	{
		Key: "Times are 24-hour HH:MM in your local time zone. Durations are like 90s,\n" +
			"30m, 2h or 1h30m.",
		Other: "Las horas son HH:MM de 24 horas en tu zona horaria. Las duraciones se\n" +
			"escriben como 90s, 30m, 2h o 1h30m.",
	},
	{Key: "an IANA zone; default: the system's zone", Other: "una zona IANA; si no, la del sistema"},
	{Key: "en, de, fr or es; default: from LANG", Other: "en, de, fr o es; si no, según LANG"},
	{Key: "When you go to bed. One time for every night...", Other: "Cuándo te acuestas. Una hora para todas las noches..."},
	{
		Key: "...or one per weekday (a time from 00:00 to 05:59 counts as the night\n" +
			"that begins on that day: fri: \"00:30\" is the early hours of Saturday):",
		Other: "...o una por día de la semana (una hora de 00:00 a 05:59 cuenta como la\n" +
			"noche que empieza ese día: fri: \"00:30\" es la madrugada del sábado):",
	},
	{
		Key: "Idle this long (no keyboard or mouse input), or the screen locked, means\n" +
			"you are away (1m to 2h; default 5m). What a reminder due while you are\n" +
			"away does is its when_away (below).",
		Other: "Inactivo este tiempo (sin teclado ni ratón), o la pantalla bloqueada,\n" +
			"significa que no estás (de 1m a 2h; si no, 5m). Lo que hace un\n" +
			"recordatorio pendiente mientras no estás es su when_away (abajo).",
	},
	{
		Key: "A break to stand and stretch for 2-3 minutes, every hour of the\n" +
			"working day. `cron` takes a standard five-field cron expression\n" +
			"(minute hour day-of-month month day-of-week) or @daily, @hourly...",
		Other: "Una pausa para levantarte y estirarte 2-3 minutos, cada hora de la\n" +
			"jornada. `cron` admite una expresión cron estándar de cinco campos\n" +
			"(minuto hora día-del-mes mes día-de-la-semana) o @daily, @hourly...",
	},
	{
		Key: "Water through the day, every two hours, not late in the evening.\n" +
			"`every` counts from the start of `between` (08:00, 10:00, ...), or from\n" +
			"midnight without it; a firing exactly at the window's end is included.",
		Other: "Agua a lo largo del día, cada dos horas, no tarde por la noche.\n" +
			"`every` cuenta desde el inicio de `between` (08:00, 10:00, ...), o desde\n" +
			"medianoche sin él; un aviso justo al final de la franja se incluye.",
	},
	{
		Key: "Magnesium in the evening. `at` takes one time or a list:\n" +
			"at: [\"08:00\", \"20:30\"]. Ask your doctor before taking magnesium,\n" +
			"especially if you have kidney problems.",
		Other: "Magnesio por la noche. `at` admite una hora o una lista:\n" +
			"at: [\"08:00\", \"20:30\"]. Consulta a tu médico antes de tomar magnesio,\n" +
			"sobre todo si tienes problemas de riñón.",
	},
	{Key: "The calf-stretch routine, 30 minutes before bedtime.", Other: "El estiramiento de pantorrillas, 30 minutos antes de acostarte."},
	{
		Key: "A short stretch in the morning on working days. `days` works with every\n" +
			"form but cron: [mon, tue, wed, thu, fri, sat, sun], or weekdays/weekends.",
		Other: "Un estiramiento corto por la mañana en días laborables. `days` sirve con\n" +
			"todas las formas salvo cron: [mon, tue, wed, thu, fri, sat, sun], o\n" +
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
		Other: "La pregunta matinal del diario de calambres: «¿Calambres anoche?» con\n" +
			"los botones Ninguno, Algunos y Fuertes, también en el móvil si hay un\n" +
			"canal configurado. Espera a que estés por primera vez en el equipo\n" +
			"después de las 06:00 (hasta 12 horas); la respuesta va al diario\n" +
			"(`bedtime diary` añade detalles, `bedtime report` lo resume para ti y\n" +
			"tu médico). Una noche sin respuesta cuenta como desconocida, nunca como\n" +
			"«sin calambres». Para desactivarla: enabled: false.",
	},
	{
		Key: "A reminder of your own needs a title or message. Every reminder also\n" +
			"takes, all optional:",
		Other: "Un recordatorio propio necesita un título o un mensaje. Todo recordatorio\n" +
			"admite además, todo opcional:",
	},
	{Key: "switch it off without deleting it", Other: "desactivarlo sin borrarlo"},
	{Key: "replace the built-in title", Other: "sustituye el título integrado"},
	{Key: "replace the built-in text", Other: "sustituye el texto integrado"},
	{Key: "your own texts, shown in turn", Other: "tus propios textos, por turnos"},
	{Key: "how long Snooze puts it off (default 10m)", Other: "cuánto lo aplaza Más tarde (si no, 10m)"},
	{
		Key: "how late it may still come after the computer\n" +
			"slept (default 2h for once-a-day reminders,\n" +
			"otherwise 0: a missed one is skipped)",
		Other: "hasta cuándo puede llegar aún tras la\n" +
			"suspensión del equipo (si no, 2h para los\n" +
			"diarios, 0 para los demás: el perdido se omite)",
	},
	{
		Key: "come back every 15 minutes until you press\n" +
			"Done or run `bedtime done NAME` (at most 3 times)",
		Other: "volver cada 15 minutos hasta que pulses Hecho\n" +
			"o ejecutes `bedtime done NAME` (máx. 3 veces)",
	},
	{
		Key: "while you are away or locked: hold it until you\n" +
			"are back (default), skip it (default for\n" +
			"movement), or show it anyway",
		Other: "si no estás o está bloqueado: retenerlo hasta\n" +
			"que vuelvas (por defecto), omitirlo (por\n" +
			"defecto en movement) o mostrarlo igualmente",
	},
	{
		Key: "in a call (microphone or camera in use) or with\n" +
			"a fullscreen window: hold it until that ends\n" +
			"(default), or show it anyway",
		Other: "en una llamada (micrófono o cámara en uso) o con\n" +
			"una ventana a pantalla completa: retenerlo hasta\n" +
			"que acabe (por defecto), o mostrarlo igualmente",
	},
	{
		Key: "stay on screen until answered (default); false:\n" +
			"the notification server's timeout; or a time: 2m",
		Other: "quedarse en pantalla hasta la respuesta (por\n" +
			"defecto); false: el plazo del servidor de\n" +
			"notificaciones; o un tiempo: 2m",
	},
	{Key: "true (or a sound name such as bell) plays a sound", Other: "true (o un sonido como bell): con sonido"},
	{
		Key: "Guided routines of your own, for a reminder's `routine:` (built in:\n" +
			"calf-stretch, morning-stretch).",
		Other: "Rutinas guiadas propias, para el `routine:` de un recordatorio\n" +
			"(integradas: calf-stretch, morning-stretch).",
	},
	{Key: "Wrote %d reminders of the next %d days to %s", One: "%d recordatorio de los próximos %d días escrito en %s", Other: "%d recordatorios de los próximos %d días escritos en %s"},
}
