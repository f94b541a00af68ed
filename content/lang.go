package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/locale"
)

// langFS holds the translations: lang/<language>/{texts,routines,help}.yaml,
// each shaped like the English file of the same name, with the same
// entries in the same order (routines without their holds, which are
// English's).
//
//go:embed lang
var langFS embed.FS

// routineWords is a routine's words in a translation.
type routineWords struct {
	Title string `yaml:"title"`
	Done  string `yaml:"done"`
	Steps []struct {
		Text string `yaml:"text"`
	} `yaml:"steps"`
}

// translation is one language's files as decoded, before the English
// fills its gaps.
type translation struct {
	texts    map[string][]Text
	routines map[string]routineWords
	help     helpDoc
}

// Book is the content in one language: every text translated where the
// language has it, and English where it does not, text by text.
type Book struct {
	lang string
	lib  *library
}

// In returns the content in lang: a shipped language (de, fr, es, en),
// the pseudo-locale (locale.Pseudo), or anything else, which gets English.
// Pass the Lang of a locale.Locale.
func In(lang string) *Book {
	b, ok := books()[lang]
	if !ok {
		return books()["en"]
	}
	return b
}

// books builds every language's Book once. The translations are part of
// the program and checked by the tests, so a failure is a bug in the
// build.
var books = sync.OnceValue(func() map[string]*Book {
	m := map[string]*Book{"en": {lang: "en", lib: lib()}}
	for _, lang := range locale.Shipped[1:] {
		tr, err := loadTranslation(lang)
		if err != nil {
			panic("content: embedded translation is invalid: " + err.Error())
		}
		l, err := merge(lib(), tr)
		if err != nil {
			panic("content: embedded translation " + lang + " is invalid: " + err.Error())
		}
		m[lang] = &Book{lang: lang, lib: l}
	}
	m[locale.Pseudo] = &Book{lang: locale.Pseudo, lib: pseudoLibrary(lib())}
	return m
})

// loadTranslation decodes lang's files; a missing file is an empty one.
func loadTranslation(lang string) (*translation, error) {
	tr := &translation{}
	for _, f := range []struct {
		name string
		v    any
	}{{"texts.yaml", &tr.texts}, {"routines.yaml", &tr.routines}, {"help.yaml", &tr.help}} {
		data, err := langFS.ReadFile("lang/" + lang + "/" + f.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := decodeStrict(data, f.v); err != nil {
			return nil, fmt.Errorf("lang/%s/%s: %w", lang, f.name, err)
		}
	}
	return tr, nil
}

// merge returns en with every text tr translates replaced by its
// translation, after checking that tr has nothing English lacks and that
// each translated text obeys the English limits.
func merge(en *library, tr *translation) (*library, error) {
	out := &library{texts: map[string][]Text{}, routines: map[string]Routine{}, help: en.help}
	for kind, vs := range tr.texts {
		if len(vs) > len(en.texts[kind]) {
			return nil, fmt.Errorf("texts.yaml: kind %q has %d variants, English %d", kind, len(vs), len(en.texts[kind]))
		}
	}
	for kind, vs := range en.texts {
		merged := slices.Clone(vs)
		for i, t := range tr.texts[kind] {
			if strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Body) == "" {
				continue // keep the English variant whole
			}
			if err := t.Validate(); err != nil {
				return nil, fmt.Errorf("texts.yaml: kind %q, variant %d: %w", kind, i+1, err)
			}
			merged[i] = t
		}
		out.texts[kind] = merged
	}
	for name := range tr.routines {
		if _, ok := en.routines[name]; !ok {
			return nil, fmt.Errorf("routines.yaml: routine %q is not an English routine", name)
		}
	}
	for name, r := range en.routines {
		r = r.clone()
		w := tr.routines[name]
		if len(w.Steps) > len(r.Steps) {
			return nil, fmt.Errorf("routines.yaml: routine %q has %d steps, English %d", name, len(w.Steps), len(r.Steps))
		}
		if strings.TrimSpace(w.Title) != "" {
			r.Title = w.Title
		}
		if strings.TrimSpace(w.Done) != "" {
			r.Done = w.Done
		}
		for i, s := range w.Steps {
			if strings.TrimSpace(s.Text) != "" {
				r.Steps[i].Text = s.Text
			}
		}
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("routines.yaml: routine %q: %w", name, err)
		}
		out.routines[name] = r
	}
	h := tr.help
	if strings.TrimSpace(h.Disclaimer) != "" {
		if err := checkWidth("help.yaml: disclaimer", h.Disclaimer); err != nil {
			return nil, err
		}
		out.help.Disclaimer = h.Disclaimer
	}
	if strings.TrimSpace(h.Cramp) != "" {
		if err := checkWidth("help.yaml: cramp", h.Cramp); err != nil {
			return nil, err
		}
		out.help.Cramp = h.Cramp
	}
	out.help.Topics = slices.Clone(en.help.Topics)
	for _, t := range h.Topics {
		i := slices.IndexFunc(out.help.Topics, func(e Topic) bool { return e.Name == t.Name })
		switch {
		case i < 0:
			return nil, fmt.Errorf("help.yaml: topic %q is not an English topic", t.Name)
		case strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Summary) == "" || strings.TrimSpace(t.Body) == "":
			continue // keep the English topic whole
		case utf8.RuneCountInString(t.Summary) > maxSummaryWidth:
			return nil, fmt.Errorf("help.yaml: topic %q: summary is %d characters, want at most %d", t.Name, utf8.RuneCountInString(t.Summary), maxSummaryWidth)
		}
		if err := checkWidth("help.yaml: topic "+t.Name, t.Body); err != nil {
			return nil, err
		}
		out.help.Topics[i] = t
	}
	return out, nil
}

// pseudoLibrary returns en in the pseudo-locale: every text accented and
// longer. It is for tests of what bypasses the content, so it is not held
// to the English limits it is meant to stretch.
func pseudoLibrary(en *library) *library {
	p := locale.PseudoText
	out := &library{texts: map[string][]Text{}, routines: map[string]Routine{}}
	for kind, vs := range en.texts {
		for _, t := range vs {
			out.texts[kind] = append(out.texts[kind], Text{Title: p(t.Title), Body: p(t.Body)})
		}
	}
	for name, r := range en.routines {
		r = r.clone()
		r.Title, r.Done = p(r.Title), p(r.Done)
		for i := range r.Steps {
			r.Steps[i].Text = p(r.Steps[i].Text)
		}
		out.routines[name] = r
	}
	out.help = helpDoc{Disclaimer: p(en.help.Disclaimer), Cramp: p(en.help.Cramp)}
	for _, t := range en.help.Topics {
		out.help.Topics = append(out.help.Topics, Topic{Name: t.Name, Title: p(t.Title), Summary: p(t.Summary), Body: p(t.Body)})
	}
	return out
}

// Lang returns the book's language.
func (b *Book) Lang() string { return b.lang }

// Texts returns the variants of a built-in reminder kind in the book's
// language, and whether the kind is built in. The slice is the caller's.
func (b *Book) Texts(kind string) ([]Text, bool) {
	vs, ok := b.lib.texts[kind]
	if !ok {
		return nil, false
	}
	return slices.Clone(vs), true
}

// LookupRoutine returns the built-in routine called name in the book's
// language, and whether there is one.
func (b *Book) LookupRoutine(name string) (Routine, bool) {
	r, ok := b.lib.routines[name]
	if !ok {
		return Routine{}, false
	}
	return r.clone(), true
}

// Routines returns the built-in routines by name, the caller's to keep.
func (b *Book) Routines() map[string]Routine {
	m := make(map[string]Routine, len(b.lib.routines))
	for name, r := range b.lib.routines {
		m[name] = r.clone()
	}
	return m
}

// RoutineNames returns the names of the built-in routines, sorted.
func (b *Book) RoutineNames() []string { return slices.Sorted(maps.Keys(b.lib.routines)) }

// CrampHelp returns what to do during a cramp, in the book's language.
func (b *Book) CrampHelp() string { return b.lib.help.Cramp }

// Disclaimer returns the "not medical advice" note in the book's language.
func (b *Book) Disclaimer() string { return b.lib.help.Disclaimer }

// Topics returns the topics of `bedtime tips` in display order; their
// names stay English, as the person types them.
func (b *Book) Topics() []Topic { return slices.Clone(b.lib.help.Topics) }

// LookupTopic returns the topic called name, and whether there is one.
func (b *Book) LookupTopic(name string) (Topic, bool) {
	for _, t := range b.lib.help.Topics {
		if t.Name == name {
			return t, true
		}
	}
	return Topic{}, false
}

// locale returns the catalog of the book's language.
func (b *Book) locale() *locale.Locale {
	l, err := locale.Parse(b.lang)
	if err != nil {
		return locale.English
	}
	return l
}

// CrampQuestion returns the morning question in the book's language.
func (b *Book) CrampQuestion() Text {
	q, l := CrampQuestion(), b.locale()
	return Text{Title: l.Sprintf(q.Title), Body: l.Sprintf(q.Body)}
}

// CrampAnswers returns the morning question's buttons in the book's
// language; the keys stay none, some and bad.
func (b *Book) CrampAnswers() []CrampAnswer {
	as, l := CrampAnswers(), b.locale()
	for i := range as {
		as[i].Label = l.Sprintf(as[i].Label)
	}
	return as
}

// langRE is a language code: the name of a directory under lang/.
var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// Untranslated returns, for a language (shipped or not yet), the English content it
// has no translation of, one line per text (e.g. "texts.yaml: magnesium
// variant 2"), in file order; nil for English.
func Untranslated(lang string) ([]string, error) {
	if lang == "en" {
		return nil, nil
	}
	if !langRE.MatchString(lang) {
		return nil, fmt.Errorf("%q is not a language (want a code such as de or it)", lang)
	}
	tr, err := loadTranslation(lang)
	if err != nil {
		return nil, err
	}
	en := lib()
	var out []string
	for _, kind := range Kinds() {
		for i := range en.texts[kind] {
			vs := tr.texts[kind]
			if i >= len(vs) || strings.TrimSpace(vs[i].Title) == "" || strings.TrimSpace(vs[i].Body) == "" {
				out = append(out, fmt.Sprintf("texts.yaml: %s variant %d", kind, i+1))
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(en.routines)) {
		w, r := tr.routines[name], en.routines[name]
		if strings.TrimSpace(w.Title) == "" {
			out = append(out, fmt.Sprintf("routines.yaml: %s title", name))
		}
		if r.Done != "" && strings.TrimSpace(w.Done) == "" {
			out = append(out, fmt.Sprintf("routines.yaml: %s done", name))
		}
		for i := range r.Steps {
			if i >= len(w.Steps) || strings.TrimSpace(w.Steps[i].Text) == "" {
				out = append(out, fmt.Sprintf("routines.yaml: %s step %d", name, i+1))
			}
		}
	}
	if strings.TrimSpace(tr.help.Disclaimer) == "" {
		out = append(out, "help.yaml: disclaimer")
	}
	if strings.TrimSpace(tr.help.Cramp) == "" {
		out = append(out, "help.yaml: cramp")
	}
	for _, t := range en.help.Topics {
		i := slices.IndexFunc(tr.help.Topics, func(x Topic) bool { return x.Name == t.Name })
		if i < 0 || strings.TrimSpace(tr.help.Topics[i].Title) == "" || strings.TrimSpace(tr.help.Topics[i].Summary) == "" || strings.TrimSpace(tr.help.Topics[i].Body) == "" {
			out = append(out, "help.yaml: topic "+t.Name)
		}
	}
	return out, nil
}
