package locale

import (
	"maps"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// pluralFor formats e with n in lang through a catalog built as
// catalogs[lang] is, with x as the translations.
func pluralFor(t *testing.T, e entry, lang string, x map[string]tr, n int) string {
	t.Helper()
	var parts []part
	if w, ok := x[lang]; ok {
		parts = []part{maps.All(map[string]tr{e.Key: w})}
	}
	return message.NewPrinter(language.Make(lang), message.Catalog(buildCatalog([]entry{e}, lang, parts))).Sprintf(e.Key, n)
}
