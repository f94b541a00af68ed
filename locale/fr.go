package locale

// fr are the French translations, by English key.
var fr = map[string]tr{
	"Done":                   t("Fait"),
	"Snooze":                 t("Plus tard"),
	"Start":                  t("Commencer"),
	"Stop":                   t("Arrêter"),
	"Leg cramps last night?": t("Des crampes cette nuit ?"),
	"One tap for your cramp diary. Add details any time with bedtime diary.": t("Un clic pour votre journal des crampes. Les détails quand vous voulez avec bedtime diary."),
	"None": t("Aucune"),
	"Some": t("Quelques-unes"),
	"Bad":  t("Fortes"),
	"No reminders are scheduled: every reminder is disabled.": t("Aucun rappel prévu : tous les rappels sont désactivés."),
	"WHEN":       t("QUAND"),
	"REMINDER":   t("RAPPEL"),
	"IN":         t("DANS"),
	"in %s":      t("dans %s"),
	"in %s (%s)": t("dans %s (%s)"),
	"snoozed":    t("reporté"),
	"skipped":    t("sauté"),
	"paused":     t("en pause"),
	"%ds":        t("%d s"),
	"%dm":        t("%d min"),
	"%dh %02dm":  t("%d h %02d min"),
	"%dd %dh":    t("%d j %d h"),
	"Tips to prevent night leg cramps. Run `bedtime tips TOPIC` to read one.": t("Conseils contre les crampes nocturnes. `bedtime tips SUJET` en affiche un."),
	"Cramping right now? Run `bedtime cramp`.":                                t("Une crampe en ce moment ? Lancez `bedtime cramp`."),
}
