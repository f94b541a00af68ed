// Package locale says which language bedtime speaks and how it writes
// dates and times in it.
//
// The language comes, in this order, from the schedule's `language:` key,
// the environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
// them; "C" and "POSIX" mean English) and, where the environment says
// nothing, the desktop's own setting: on Windows the user's preferred UI
// languages (GetUserPreferredUILanguages, no cgo), on macOS the first of
// `defaults read -g AppleLanguages`. Parse turns any of them into a
// supported Locale: English (en, with its regional variants), German (de),
// French (fr) and Spanish (es), plus the pseudo-locale x-pseudo for tests,
// which writes every message accented and about 30% longer so that a
// string that bypasses the catalog, or a layout that breaks on longer
// words, shows at once.
//
// Messages go through golang.org/x/text/message catalogs, keyed by their
// English text: Locale.Sprintf of a key with no translation in the
// language prints the English, never the key of another message or a
// blank. Plural forms use the CLDR plural rules x/text carries for each
// language. Missing lists what a language lacks, for the tests and for
// `go run ./locale/cmd/missing LANG`.
//
// Dates and times follow a small table of CLDR data for the shipped
// languages and the English regions that differ (en-US against en-GB and
// others): weekday and month names, 24-hour or 12-hour clock, and whether
// the week starts on Monday or Sunday.
//
// The package is on the ground floor: it imports no other part of
// bedtime, so anything that prints words can import it.
package locale
