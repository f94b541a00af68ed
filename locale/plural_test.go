package locale

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// pluralFor formats e with n in lang through a catalog built as
// theCatalog is, with x as the translations.
func pluralFor(t *testing.T, e entry, lang string, x map[string]tr, n int) string {
	t.Helper()
	trs := map[string]map[string]tr{}
	for l, w := range x {
		trs[l] = map[string]tr{e.Key: w}
	}
	return message.NewPrinter(language.Make(lang), message.Catalog(buildCatalog([]entry{e}, trs))).Sprintf(e.Key, n)
}
