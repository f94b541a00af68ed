package locale

// es are the Spanish translations, by English key.
var es = map[string]tr{
	"Done":                   t("Hecho"),
	"Snooze":                 t("Más tarde"),
	"Start":                  t("Empezar"),
	"Stop":                   t("Detener"),
	"Leg cramps last night?": t("¿Calambres anoche?"),
	"One tap for your cramp diary. Add details any time with bedtime diary.": t("Un toque para tu diario de calambres. Añade detalles cuando quieras con bedtime diary."),
	"None": t("Ninguno"),
	"Some": t("Algunos"),
	"Bad":  t("Fuertes"),
	"No reminders are scheduled: every reminder is disabled.": t("No hay recordatorios programados: todos están desactivados."),
	"WHEN":       t("CUÁNDO"),
	"REMINDER":   t("RECORDATORIO"),
	"IN":         t("EN"),
	"in %s":      t("en %s"),
	"in %s (%s)": t("en %s (%s)"),
	"snoozed":    t("pospuesto"),
	"skipped":    t("omitido"),
	"paused":     t("en pausa"),
	"%ds":        t("%d s"),
	"%dm":        t("%d min"),
	"%dh %02dm":  t("%d h %02d min"),
	"%dd %dh":    t("%d d %d h"),
	"Tips to prevent night leg cramps. Run `bedtime tips TOPIC` to read one.": t("Consejos contra los calambres nocturnos. `bedtime tips TEMA` muestra uno."),
	"Cramping right now? Run `bedtime cramp`.":                                t("¿Un calambre ahora mismo? Ejecuta `bedtime cramp`."),
}
