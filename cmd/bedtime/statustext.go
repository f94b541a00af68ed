package main

import (
	"strings"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/locale"
)

// statusLabelKeys are the labels of status's lines, as catalog keys.
var statusLabelKeys = []string{"service:", "unit:", "schedule:", "next:", "paused:", "coming:",
	"presence:", "today:", "devices:", "problems:", "note:"}

// labels pads status's labels in l's language to one width, so that the
// values line up whatever the words: "  schedule: " in English.
type labels struct {
	l     *locale.Locale
	width int
}

func statusLabels(l *locale.Locale) labels {
	if l == nil {
		l = locale.English
	}
	w := 9 // English's widest, "schedule:", keeps its layout
	for _, k := range statusLabelKeys {
		w = max(w, utf8.RuneCountInString(l.Sprintf(k)))
	}
	return labels{l: l, width: w + 1}
}

// of returns the label key translated, indented and padded.
func (b labels) of(key string) string {
	s := b.l.Sprintf(key)
	return "  " + s + strings.Repeat(" ", b.width-utf8.RuneCountInString(s))
}

// statusColumns is the width status keeps its lines to where it can.
const statusColumns = 80

// fit returns text, a continuation line of groups separated by two
// spaces, as one line, or as two when under the label it would pass
// statusColumns (a longer language's legend): split at the last
// two-space gap that lets the first line fit.
func (b labels) fit(text string) []string {
	room := statusColumns - utf8.RuneCountInString(b.cont())
	if utf8.RuneCountInString(text) <= room {
		return []string{text}
	}
	for rest := text; ; {
		i := strings.LastIndex(rest, "  ")
		if i <= 0 {
			return []string{text}
		}
		if utf8.RuneCountInString(text[:i]) <= room {
			return []string{text[:i], strings.TrimLeft(text[i:], " ")}
		}
		rest = rest[:i]
	}
}

// cont is the indent of a continuation line under a label.
func (b labels) cont() string { return strings.Repeat(" ", 2+b.width) }
