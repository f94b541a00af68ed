package locale

// de are the German translations, by English key.
var de = map[string]tr{
	"Done":                   t("Erledigt"),
	"Snooze":                 t("Später"),
	"Start":                  t("Starten"),
	"Stop":                   t("Beenden"),
	"Leg cramps last night?": t("Beinkrämpfe letzte Nacht?"),
	"One tap for your cramp diary. Add details any time with bedtime diary.": t("Ein Klick für dein Krampftagebuch. Einzelheiten jederzeit mit bedtime diary."),
	"None": t("Keine"),
	"Some": t("Einige"),
	"Bad":  t("Schlimm"),
}
