package locale

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Shipped are the languages bedtime speaks, English first.
var Shipped = []string{"en", "de", "fr", "es"}

// Pseudo is the name of the pseudo-locale: accented, about 30% longer
// English, for tests of the catalogs and of layouts.
const Pseudo = "x-pseudo"

// pseudoTag is the tag the pseudo-locale's catalog uses (Android's
// convention for accented pseudo-English).
var pseudoTag = language.MustParse("en-XA")

// Locale is a language and the conventions of the region it is spoken in.
// The zero value is not usable; English is the default.
type Locale struct {
	// Tag is the BCP 47 tag as given, e.g. de-AT or en-GB.
	Tag language.Tag
	// Lang is the shipped language it speaks: en, de, fr, es or Pseudo.
	Lang string
	// printer is made on the first message printed, so that a locale,
	// English above all, costs nothing until it speaks.
	printer func() *message.Printer
	cal     calendar
	// now, when set (WithNow), is the instant the short dates are read
	// at: a date in another year than now's carries its year.
	now time.Time
}

// WithNow returns a copy of l that writes the short dates (ShortDate,
// ShortDateUnpadded, ShortDateTime, Stamp) of a year other than now's
// with their year: "Wed 05 May 2038" said in 2026, "Mon 07 Dec" in 2026.
// Without it a short date has no year. The year compared is that of the
// date's own location.
func (l *Locale) WithNow(now time.Time) *Locale {
	if l == nil {
		l = English
	}
	c := *l
	c.now = now
	return &c
}

// English is bedtime's neutral English (no region: 24-hour clock, week
// from Monday), the fallback for every message and the language when
// nothing says which.
var English = mustLocale("en")

func mustLocale(s string) *Locale {
	l, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return l
}

// ErrUnsupported is wrapped by Parse's error for a well-formed tag of a
// language bedtime does not ship.
var ErrUnsupported = errors.New("unsupported language")

// Parse returns the Locale for a language tag: BCP 47 ("de", "en-GB",
// "es-419"), a POSIX locale name ("de_DE.UTF-8", "fr_CA@euro") or
// Pseudo. "C" and "POSIX" are English. It fails for a malformed tag and
// for a language bedtime does not ship.
func Parse(s string) (*Locale, error) {
	name := strings.TrimSpace(s)
	if name == "" {
		return nil, errors.New("empty language")
	}
	if strings.EqualFold(name, Pseudo) || strings.EqualFold(posixBase(name), "xx_PSEUDO") {
		return build(pseudoTag, Pseudo), nil
	}
	if b := posixBase(name); b == "C" || b == "POSIX" {
		return build(language.English, "en"), nil
	}
	tag, err := language.Parse(strings.ReplaceAll(posixBase(name), "_", "-"))
	if err != nil {
		return nil, fmt.Errorf("%q is not a language tag (want one such as %s): %w", s, strings.Join(Shipped, ", "), err)
	}
	base, _ := tag.Base()
	if !slices.Contains(Shipped, base.String()) {
		return nil, fmt.Errorf("%w %q (bedtime speaks %s)", ErrUnsupported, s, strings.Join(Shipped, ", "))
	}
	return build(tag, base.String()), nil
}

// posixBase strips a POSIX locale name's codeset and modifier:
// "de_DE.UTF-8@euro" becomes "de_DE".
func posixBase(s string) string {
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	return s
}

func build(tag language.Tag, lang string) *Locale {
	catTag := pseudoTag
	if lang != Pseudo {
		catTag = language.Make(lang)
	}
	return &Locale{
		Tag:  tag,
		Lang: lang,
		printer: sync.OnceValue(func() *message.Printer {
			return message.NewPrinter(catTag, message.Catalog(catalogs[lang]()))
		}),
		cal: calendarFor(tag, lang),
	}
}

// String returns the locale's tag, or Pseudo.
func (l *Locale) String() string {
	if l.Lang == Pseudo {
		return Pseudo
	}
	return l.Tag.String()
}

// Sprintf formats the message whose English text is key, translated; a key
// not in the catalog, or with no translation, is formatted as English.
func (l *Locale) Sprintf(key string, args ...any) string {
	if l == nil {
		l = English
	}
	return l.printer().Sprintf(key, args...)
}

// FromEnv returns the language the environment asks for, by POSIX order:
// LC_ALL, then LC_MESSAGES, then LANG; the first that is set wins. ok is
// false when none is set. A setting bedtime cannot speak (say ja_JP) gives
// English with ok true: the person asked, and English is the fallback.
func FromEnv(getenv func(string) string) (l *Locale, ok bool) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		s := strings.TrimSpace(getenv(v))
		if s == "" {
			continue
		}
		if l, err := Parse(s); err == nil {
			return l, true
		}
		return English, true
	}
	return nil, false
}

// Detect returns the language to speak when the schedule names none: the
// environment's, else the desktop's setting where one can be read (see
// system), else English.
func Detect(getenv func(string) string) *Locale {
	if l, ok := FromEnv(getenv); ok {
		return l
	}
	for _, s := range system() {
		if l, err := Parse(s); err == nil {
			return l
		}
	}
	return English
}

// Plain is a number that prints as it is, in any language: a line, a
// process or user id, a count limit. (The catalog's printer writes 20000
// as "20.000" in German and 1234 as "1,234" in English, which for a pid
// or a uid in a command to copy is wrong.)
type Plain int

// Format prints p as fmt prints an int.
func (p Plain) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), int(p)) }
