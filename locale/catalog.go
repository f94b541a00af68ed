package locale

import (
	"fmt"
	"iter"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// entry is one message of the catalog. Key is its English text, the form
// for "other"; One, when set, is the English singular and makes the
// message plural: its Arg-th argument (the first when Arg is 0) is the
// count.
type entry struct {
	Key, One string
	Arg      int
}

// tr is a translation: Other is the text (the "other" plural form), One
// the singular of a plural message.
type tr struct{ One, Other string }

// messages are every message of the catalog, gathered from the lists
// of messages*.go, one list for each part of bedtime that speaks.
var messages = slices.Concat(coreMessages, helpMessages, completionMessages, errorsMessages, templateMessages, scheduleMessages, reportMessages, doctorMessages)

// pair is one translation: the message's English key, and its text in the
// language (Other, and One too for a plural message). A language's
// translations are slices of pairs rather than maps so that they are
// static data in the program file: a map literal is built on the heap at
// start, in every process and for every language, spoken or not (about
// 100 bytes a message a language).
type pair struct{ Key, One, Other string }

// part is one list of a language's translations, as key and translation.
type part = iter.Seq2[string, tr]

// pairs is the part of a slice of pairs.
func pairs(ps []pair) part {
	return func(yield func(string, tr) bool) {
		for _, p := range ps {
			if !yield(p.Key, tr{One: p.One, Other: p.Other}) {
				return
			}
		}
	}
}

// translationParts are the shipped languages' translations, by language,
// one part for each list of messages (de.go, de_help.go, ...). A key is
// translated in one of them only (TestNoKeyTwice).
var translationParts = map[string][]part{
	"de": {pairs(de), pairs(deHelp), pairs(deCompletion), pairs(deErrors), pairs(deSchedule), pairs(deReport), pairs(deDoctor)},
	"fr": {pairs(fr), pairs(frHelp), pairs(frCompletion), pairs(frErrors), pairs(frSchedule), pairs(frReport), pairs(frDoctor)},
	"es": {pairs(es), pairs(esHelp), pairs(esCompletion), pairs(esErrors), pairs(esSchedule), pairs(esReport), pairs(esDoctor)},
}

// index returns the translations of parts by key, made when asked for:
// the first part that translates a key wins.
func index(parts []part) map[string]tr {
	out := make(map[string]tr)
	for _, p := range parts {
		for k, x := range p {
			if _, ok := out[k]; !ok {
				out[k] = x
			}
		}
	}
	return out
}

// translated returns lang's translation of the message whose English
// text is key.
func translated(lang, key string) (tr, bool) {
	for _, p := range translationParts[lang] {
		for k, x := range p {
			if k == key {
				return x, true
			}
		}
	}
	return tr{}, false
}

// catalogs are the catalogs by language (en, de, fr, es, Pseudo), each
// built on its first use: a process builds the one it speaks, not all
// five (building all of them at start cost about 1 MB of heap that a
// daemon speaking one language kept for its whole life).
var catalogs = func() map[string]func() catalog.Catalog {
	out := make(map[string]func() catalog.Catalog, len(Shipped)+1)
	for _, lang := range append([]string{Pseudo}, Shipped...) {
		out[lang] = sync.OnceValue(func() catalog.Catalog { return buildCatalog(messages, lang, translationParts[lang]) })
	}
	return out
}()

// buildCatalog returns the catalog of msgs in one language: English, the
// pseudo-locale, or the language that parts translate msgs into.
//
// A catalog holds one language only: message.Printer looks a key up
// under its own tag and that tag's parents (de-AT, de, und), never under
// the catalog's fallback, and prints the key itself as a format when it
// finds nothing. That is the English text, so the English catalog needs
// only the messages whose English is more than their key (the plural
// ones, and a key with a ${...} substitution, which the catalog would
// expand), and a language that lacks a message prints it in English.
func buildCatalog(msgs []entry, lang string, parts []part) catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	tag := pseudoTag
	if lang != Pseudo {
		tag = language.Make(lang)
	}
	set := func(e entry, x tr) {
		if e.One == "" {
			if err := b.SetString(tag, e.Key, x.Other); err != nil {
				panic(err)
			}
			return
		}
		one := x.One
		if one == "" {
			one = x.Other
		}
		if err := b.Set(tag, e.Key, plural.Selectf(max(e.Arg, 1), "", "one", one, "other", x.Other)); err != nil {
			panic(err)
		}
	}
	var idx map[string]tr
	if lang != "en" && lang != Pseudo {
		idx = index(parts)
	}
	for _, e := range msgs {
		switch lang {
		case "en":
			if e.One != "" || strings.Contains(e.Key, "${") {
				set(e, tr{One: e.One, Other: e.Key})
			}
		case Pseudo:
			set(e, tr{One: pseudoIf(e.One), Other: pseudo(e.Key)})
		default:
			if x, ok := idx[e.Key]; ok {
				set(e, x)
			}
		}
	}
	return b
}

func pseudoIf(s string) string {
	if s == "" {
		return ""
	}
	return pseudo(s)
}

// Keys returns the English keys of every message, sorted.
func Keys() []string {
	keys := make([]string, len(messages))
	for i, e := range messages {
		keys[i] = e.Key
	}
	sort.Strings(keys)
	return keys
}

// Missing returns the English keys of the messages lang has no
// translation for, sorted; nil for English. A language not shipped yet
// lacks every message; a malformed tag is an error.
func Missing(lang string) ([]string, error) {
	if lang == "en" {
		return nil, nil
	}
	if !slices.Contains(Shipped, lang) {
		// A language not shipped yet lacks everything.
		tag, err := language.Parse(lang)
		if err != nil {
			return nil, fmt.Errorf("%q is not a language tag: %w", lang, err)
		}
		base, _ := tag.Base()
		lang = base.String()
	}
	idx := index(translationParts[lang])
	var out []string
	for _, e := range messages {
		x, ok := idx[e.Key]
		if !ok || strings.TrimSpace(x.Other) == "" || (e.One != "" && strings.TrimSpace(x.One) == "") {
			out = append(out, e.Key)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Extra returns the keys lang translates that are not English messages
// (left over after a message changed), sorted.
func Extra(lang string) []string {
	var out []string
	for _, part := range translationParts[lang] {
		for k := range part {
			if !slices.ContainsFunc(messages, func(e entry) bool { return e.Key == k }) {
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// verbRE matches one fmt verb, with an optional explicit argument index;
// compiled on first use (the pseudo-locale and the checks need it, a
// process speaking English does not).
var verbRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*))?[a-zA-Z%]`)
})

// Verbs returns the fmt verbs of s, sorted, so that two texts with the
// same placeholders in another order compare equal.
func Verbs(s string) []string {
	v := verbRE().FindAllString(s, -1)
	// Give implicit verbs their position, so %s %d and %d %s differ.
	n := 0
	for i, x := range v {
		if x == "%%" {
			continue
		}
		n++
		if strings.HasPrefix(x, "%[") {
			end := strings.IndexByte(x, ']')
			k := 0
			for _, c := range x[2:end] {
				k = k*10 + int(c-'0')
			}
			n = k
		} else {
			v[i] = "%[" + itoa(n) + "]" + x[1:]
		}
	}
	sort.Strings(v)
	return v
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

// PlaceholderMismatch returns, for lang, the keys whose translation (any
// plural form) has other fmt verbs than the English text.
func PlaceholderMismatch(lang string) []string {
	idx := index(translationParts[lang])
	var out []string
	for _, e := range messages {
		x, ok := idx[e.Key]
		if !ok {
			continue
		}
		want := Verbs(e.Key)
		bad := !slices.Equal(Verbs(x.Other), want)
		if e.One != "" && x.One != "" && !slices.Equal(Verbs(x.One), Verbs(e.One)) {
			bad = true
		}
		if bad {
			out = append(out, e.Key)
		}
	}
	sort.Strings(out)
	return out
}
