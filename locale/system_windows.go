package locale

import "golang.org/x/sys/windows"

// system returns the user's preferred UI languages, best first, as BCP 47
// names (GetUserPreferredUILanguages with MUI_LANGUAGE_NAME, no cgo).
func system() []string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return nil
	}
	return langs
}
