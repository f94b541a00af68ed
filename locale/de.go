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
	"No reminders are scheduled: every reminder is disabled.": t("Keine Erinnerungen geplant: Alle Erinnerungen sind ausgeschaltet."),
	"WHEN":       t("WANN"),
	"REMINDER":   t("ERINNERUNG"),
	"IN":         t("IN"),
	"in %s":      t("in %s"),
	"in %s (%s)": t("in %s (%s)"),
	"snoozed":    t("verschoben"),
	"skipped":    t("ausgelassen"),
	"paused":     t("pausiert"),
	"%ds":        t("%d s"),
	"%dm":        t("%d Min."),
	"%dh %02dm":  t("%d Std. %02d Min."),
	"%dd %dh":    t("%d T. %d Std."),
	"Tips to prevent night leg cramps. Run `bedtime tips TOPIC` to read one.": t("Tipps gegen nächtliche Beinkrämpfe. `bedtime tips THEMA` zeigt eines."),
	"Cramping right now? Run `bedtime cramp`.":                                t("Jetzt gerade ein Krampf? `bedtime cramp` hilft."),
}
