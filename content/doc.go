// Package content holds what bedtime says: reminder texts, tips and guided
// routines, as data embedded in the binary.
//
// The words live in YAML files next to the code (texts.yaml, routines.yaml
// and help.yaml), embedded with go:embed, decoded strictly once on first use
// and checked by the package's tests. The facts come from the night leg
// cramps article the project is built on; the wording is the project's own,
// short enough for a desktop notification (MaxTextLen characters for title
// and body together), and never more specific than the article. Every text
// about magnesium carries the article's caution: ask a doctor first,
// especially with kidney problems.
//
// Reminder texts come in variants per reminder kind (Texts, Kinds). Pick
// rotates through them: it is a pure function of the calendar day, the
// firing's number on that day and the variant shown last, so the same text
// never shows twice in a row and the choice for a given day can be tested.
//
// Routines are data too: a Routine is a titled list of steps, each with a
// text and how long to hold it (Routines, LookupRoutine). The command line
// plays them with a countdown and one notification per step.
//
// The help texts for `bedtime cramp` and `bedtime tips` are CrampHelp,
// Topics and Disclaimer.
//
// In returns the content in another language: German, French and Spanish
// translations live in lang/<language>/ beside the English files, shaped
// like them, and any text a translation lacks is the English one. The
// tests hold each translation to the English text's numbers, list items and
// cautions.
//
// The package imports only locale (for the morning question's words and
// the pseudo-locale) of the rest of bedtime.
package content
