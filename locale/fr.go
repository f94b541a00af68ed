package locale

// fr are the French translations, by English key.
var fr = map[string]tr{
	"Done":                   t("Fait"),
	"Snooze":                 t("Plus tard"),
	"Start":                  t("Commencer"),
	"Stop":                   t("Arrêter"),
	"Leg cramps last night?": t("Des crampes cette nuit ?"),
	"One tap for your cramp diary. Add details any time with bedtime diary.": t("Un clic pour votre journal des crampes. Les détails quand vous voulez avec bedtime diary."),
	"None": t("Aucune"),
	"Some": t("Quelques-unes"),
	"Bad":  t("Fortes"),
}
