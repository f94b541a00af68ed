// Command missing lists what a language lacks: the catalog's messages
// without a translation or with other placeholders than the English, and
// the health content (content/lang/LANG) without a translation. It exits 1
// when anything is missing, so a script can check a language.
//
//	go run ./locale/cmd/missing de
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./locale/cmd/missing LANG   (LANG one of de, fr, es, or a new one)")
		os.Exit(2)
	}
	n, err := report(os.Stdout, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "missing:", err)
		os.Exit(2)
	}
	if n > 0 {
		os.Exit(1)
	}
}

// report writes what lang lacks to w and returns how many items that is.
func report(w io.Writer, lang string) (int, error) {
	msgs, err := locale.Missing(lang)
	if err != nil {
		return 0, err
	}
	texts, err := content.Untranslated(lang)
	if err != nil {
		return 0, err
	}
	bad := locale.PlaceholderMismatch(lang)
	for _, k := range msgs {
		fmt.Fprintf(w, "message %q (add it to locale/%s.go)\n", k, lang)
	}
	for _, k := range bad {
		fmt.Fprintf(w, "placeholders differ: %q (locale/%s.go)\n", k, lang)
	}
	for _, t := range texts {
		fmt.Fprintf(w, "content %s (content/lang/%s/)\n", t, lang)
	}
	n := len(msgs) + len(bad) + len(texts)
	if n == 0 {
		fmt.Fprintf(w, "%s: nothing missing (%d messages, all content)\n", lang, len(locale.Keys()))
	}
	return n, nil
}
