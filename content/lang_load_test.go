package content

import "testing"

// TestTranslationsLoad reports every shipped translation that breaks the
// English limits, by name, before any test panics on it.
func TestTranslationsLoad(t *testing.T) {
	for _, lang := range translated {
		tr, err := loadTranslation(lang)
		if err != nil {
			t.Errorf("%s: %v", lang, err)
			continue
		}
		if _, err := merge(lib(), tr); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}
