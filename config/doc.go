// Package config reads and validates the schedule file a user edits by hand.
//
// The file is YAML. Decoding is strict: an unknown key is an error (with a
// suggestion for a near miss), and every error, syntax or meaning, names the
// file, line and column, the reminder and the field, and what was expected.
// All errors in a file are reported at once, in file order. An error's
// message is a message of the catalog (package locale) with its arguments:
// Error() is English, and Error.In writes it in another language, with the
// file, line and column, the reminder's and field's names and the values
// as they are in the file (errors.go, foreign.go). Loading never
// panics, whatever the bytes, and takes bounded time and memory: a file
// over MaxFileSize, nested deeper than MaxDepth or longer than MaxEntries
// and MaxItems is refused by a scan of the bytes before the YAML parser
// sees it (shape.go). A leading UTF-8 byte order mark is ignored; titles
// and messages may not hold control characters other than tab and newline.
//
// The built-in default schedule is the commented file that `bedtime init`
// writes (template.yaml), parsed by the same code.
//
// Of a file with errors, SalvageIn keeps the reminders that have none, when
// every error is inside a reminder (salvage.go): what a daemon that starts
// on a broken file, with no earlier schedule at hand, runs meanwhile.
package config
