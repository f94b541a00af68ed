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
}
