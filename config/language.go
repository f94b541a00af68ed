package config

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
)

// language reads the schedule's `language:` key: a language bedtime
// ships, as a BCP 47 tag ("de", "en-GB", "es-419") or the pseudo-locale
// "x-pseudo" for tests. The key overrides the environment's language.
func (p *parser) language(n ast.Node, c ctx) (*locale.Locale, bool) {
	s, ok := p.str(n, c, msg("a language such as %s", strings.Join(locale.Shipped, ", ")))
	if !ok {
		return nil, false
	}
	l, err := locale.Parse(s)
	switch {
	case errors.Is(err, locale.ErrUnsupported):
		p.errAt(n, c, "bedtime does not speak %q yet (want one of %s; docs/languages.md says how to add one)", s, strings.Join(locale.Shipped, ", "))
		return nil, false
	case err != nil:
		p.errAt(n, c, "%q is not a language (want a tag such as %s, or en-GB for British English)", s, strings.Join(locale.Shipped, ", "))
		return nil, false
	}
	return l, true
}

// Locale returns the language the schedule asks for, or, when it names
// none, the one detected from the environment and the desktop by
// locale.Detect with getenv.
func (s *Schedule) Locale(getenv func(string) string) *locale.Locale {
	if s != nil && s.Language != nil {
		return s.Language
	}
	return locale.Detect(getenv)
}

// RoutineIn is Routine with the built-in routines in lang (content.In);
// the schedule's own routines are the person's words and stay as written.
func (s *Schedule) RoutineIn(lang, name string) (content.Routine, bool) {
	if r, ok := s.Routines[name]; ok {
		return r, true
	}
	return content.In(lang).LookupRoutine(name)
}
