package locale

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"golang.org/x/text/message"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, lang, tag string
		err           string
	}{
		{"de", "de", "de", ""},
		{"de_DE.UTF-8", "de", "de-DE", ""},
		{"de_AT@euro", "de", "de-AT", ""},
		{"fr_CA.utf8", "fr", "fr-CA", ""},
		{"es-419", "es", "es-419", ""},
		{"en_GB.UTF-8", "en", "en-GB", ""},
		{"C", "en", "en", ""},
		{"POSIX", "en", "en", ""},
		{"C.UTF-8", "en", "en", ""},
		{"x-pseudo", Pseudo, Pseudo, ""},
		{"xx_PSEUDO.UTF-8", Pseudo, Pseudo, ""},
		{"ja_JP.UTF-8", "", "", "unsupported language"},
		{"klingon!", "", "", "not a language tag"},
		{"", "", "", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l, err := Parse(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Parse(%q) = %v, %v; want error containing %q", tt.in, l, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.Lang != tt.lang || l.String() != tt.tag {
				t.Errorf("Parse(%q) = %s (%s), want %s (%s)", tt.in, l, l.Lang, tt.tag, tt.lang)
			}
		})
	}
	if _, err := Parse("ja"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Parse(ja) error %v does not wrap ErrUnsupported", err)
	}
}

func TestFromEnvOrder(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // "" for not set
	}{
		{"nothing", nil, ""},
		{"LANG", map[string]string{"LANG": "fr_FR.UTF-8"}, "fr-FR"},
		{"LC_MESSAGES beats LANG", map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "de-DE"},
		{"LC_ALL beats all", map[string]string{"LANG": "fr_FR", "LC_MESSAGES": "de_DE", "LC_ALL": "es_ES"}, "es-ES"},
		{"C is English", map[string]string{"LC_ALL": "C", "LANG": "de_DE"}, "en"},
		{"unsupported asks, English answers", map[string]string{"LANG": "ja_JP.UTF-8"}, "en"},
		{"blank is unset", map[string]string{"LC_ALL": " ", "LANG": "es_MX"}, "es-MX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := FromEnv(func(k string) string { return tt.env[k] })
			got := ""
			if ok {
				got = l.String()
			}
			if got != tt.want {
				t.Errorf("FromEnv = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseAppleLanguages(t *testing.T) {
	out := "(\n    \"de-DE\",\n    \"en-GB\",\n    fr\n)\n"
	if got, want := parseAppleLanguages([]byte(out)), []string{"de-DE", "en-GB", "fr"}; !slices.Equal(got, want) {
		t.Errorf("parseAppleLanguages = %q, want %q", got, want)
	}
	hostile := "(\n  \"$(rm -rf /)\",\n  \"" + strings.Repeat("a", 100) + "\",\n  \"es\"\n)"
	if got, want := parseAppleLanguages([]byte(hostile)), []string{"es"}; !slices.Equal(got, want) {
		t.Errorf("parseAppleLanguages(hostile) = %q, want %q", got, want)
	}
	if got := parseAppleLanguages(nil); got != nil {
		t.Errorf("parseAppleLanguages(nil) = %q", got)
	}
}

// TestEveryMessageIsTranslated fails when a shipped language lacks an
// English message, translates one that is gone, or drops or adds a
// placeholder.
func TestEveryMessageIsTranslated(t *testing.T) {
	for _, lang := range Shipped[1:] {
		missing, err := Missing(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range missing {
			t.Errorf("%s lacks a translation of %q", lang, k)
		}
		for _, k := range Extra(lang) {
			t.Errorf("%s translates %q, which is no English message", lang, k)
		}
		for _, k := range PlaceholderMismatch(lang) {
			t.Errorf("%s: the translation of %q has other placeholders (%v) than English (%v)", lang, k, Verbs(mustTranslated(t, lang, k).Other), Verbs(k))
		}
	}
}

// TestCheckersCatchMistakes: the checks above find what they are for.
func TestCheckersCatchMistakes(t *testing.T) {
	saved := translationParts["de"]
	t.Cleanup(func() { translationParts["de"] = saved })
	translationParts["de"] = []part{maps.All(map[string]tr{"Done": {Other: "Erledigt %s"}, "Gone": {Other: "Weg"}})}
	missing, _ := Missing("de")
	if !slices.Contains(missing, "Snooze") {
		t.Errorf("Missing(de) = %v, want Snooze among them", missing)
	}
	if got := Extra("de"); !slices.Equal(got, []string{"Gone"}) {
		t.Errorf("Extra(de) = %v, want [Gone]", got)
	}
	if got := PlaceholderMismatch("de"); !slices.Equal(got, []string{"Done"}) {
		t.Errorf("PlaceholderMismatch(de) = %v, want [Done]", got)
	}
	if got, _ := Missing("ja"); len(got) != len(messages) {
		t.Errorf("Missing(ja) = %d messages, want all %d", len(got), len(messages))
	}
	if _, err := Missing("not a tag!"); err == nil {
		t.Error("Missing of a malformed tag did not fail")
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"%d of %s", "%[2]s: %[1]d", true},
		{"%d of %s", "%s of %d", false},
		{"in %s", "dans %s", true},
		{"in %s", "dans", false},
		{"100%% %s", "%s à 100%%", true},
		{"%d min", "%v min", false},
	}
	for _, tt := range tests {
		if got := slices.Equal(Verbs(tt.a), Verbs(tt.b)); got != tt.same {
			t.Errorf("Verbs(%q) == Verbs(%q): %v, want %v (%v, %v)", tt.a, tt.b, got, tt.same, Verbs(tt.a), Verbs(tt.b))
		}
	}
}

// TestFallbackIsEnglish: a message with no translation prints in English,
// never as a blank or another key; an unknown language speaks English.
func TestFallbackIsEnglish(t *testing.T) {
	de, _ := Parse("de")
	if got := de.Sprintf("Snooze"); got != "Später" {
		t.Errorf("de Snooze = %q", got)
	}
	if got := de.Sprintf("Not in the catalog: %d", 3); got != "Not in the catalog: 3" {
		t.Errorf("de unknown key = %q", got)
	}
	// A language whose catalog lacks a message prints that one in English.
	cat := buildCatalog(messages, "fr", []part{maps.All(map[string]tr{"Done": {Other: "Fait"}})})
	fr := message.NewPrinter(language.French, message.Catalog(cat))
	if got := fr.Sprintf("Done"); got != "Fait" {
		t.Errorf("fr Done = %q", got)
	}
	if got := fr.Sprintf("Snooze"); got != "Snooze" {
		t.Errorf("fr Snooze with no translation = %q, want the English", got)
	}
	var none *Locale
	if got := none.Sprintf("Done"); got != "Done" {
		t.Errorf("nil locale Done = %q", got)
	}
}

func TestPlural(t *testing.T) {
	// The plural machinery, on a message of the test's own.
	e := entry{Key: "%d nights", One: "%d night"}
	for _, tt := range []struct {
		n    int
		lang string
		want string
	}{
		{1, "en", "1 night"}, {2, "en", "2 nights"}, {0, "en", "0 nights"},
		{1, "de", "1 Nacht"}, {2, "de", "2 Nächte"},
		{0, "fr", "0 nuit"}, {1, "fr", "1 nuit"}, {2, "fr", "2 nuits"},
		{1, "es", "1 noche"}, {0, "es", "0 noches"},
	} {
		got := pluralFor(t, e, tt.lang, map[string]tr{
			"de": {One: "%d Nacht", Other: "%d Nächte"}, "fr": {One: "%d nuit", Other: "%d nuits"}, "es": {One: "%d noche", Other: "%d noches"},
		}, tt.n)
		if got != tt.want {
			t.Errorf("%s %d = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestPseudo(t *testing.T) {
	for _, s := range []string{"Done", "Snooze", "Leg cramps last night?", "in %s (%d of %d)"} {
		p := pseudo(s)
		if !slices.Equal(Verbs(p), Verbs(s)) {
			t.Errorf("pseudo(%q) = %q changed its placeholders", s, p)
		}
		if n, m := utf8.RuneCountInString(s), utf8.RuneCountInString(p); m < n*13/10 {
			t.Errorf("pseudo(%q) = %q: %d runes, want at least 30%% more than %d", s, p, m, n)
		}
		for _, r := range p {
			if r >= 'a' && r <= 'z' && !strings.Contains(s, "%") {
				t.Errorf("pseudo(%q) = %q keeps the plain letter %q", s, p, r)
				break
			}
		}
	}
}

// TestDates: weekday and month names, 12- or 24-hour clock and the first
// day of the week, per locale.
func TestDates(t *testing.T) {
	at := time.Date(2026, 12, 7, 21, 5, 0, 0, time.UTC) // a Monday
	tests := []struct {
		tag, date, clock string
		start            time.Weekday
		withYear         string // CLDR's yMMMEd
	}{
		{"en", "Monday 7 December", "21:05", time.Monday, "Mon 7 Dec 2026"},
		{"en-US", "Monday, December 7", "9:05\u00a0PM", time.Sunday, "Mon, Dec 7, 2026"},
		{"en-GB", "Monday 7 December", "21:05", time.Monday, "Mon 7 Dec 2026"},
		{"en-AU", "Monday 7 December", "9:05\u00a0PM", time.Monday, "Mon 7 Dec 2026"},
		{"en-CA", "Monday, December 7", "9:05\u00a0PM", time.Sunday, "Mon, Dec 7, 2026"},
		{"de", "Montag, 7. Dezember", "21:05", time.Monday, "Mo 7. Dez. 2026"},
		{"de-AT", "Montag, 7. Dezember", "21:05", time.Monday, "Mo 7. Dez. 2026"},
		{"fr", "lundi 7 décembre", "21:05", time.Monday, "lun. 7 déc. 2026"},
		{"fr-CA", "lundi 7 décembre", "21:05", time.Sunday, "lun. 7 déc. 2026"},
		{"es", "lunes, 7 de diciembre", "21:05", time.Monday, "lun 7 dic 2026"},
		{"es-MX", "lunes, 7 de diciembre", "21:05", time.Sunday, "lun 7 dic 2026"},
		{"es-US", "lunes, 7 de diciembre", "9:05\u00a0p.\u00a0m.", time.Sunday, "lun 7 dic 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			l, err := Parse(tt.tag)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Date(at); got != tt.date {
				t.Errorf("Date = %q, want %q", got, tt.date)
			}
			if got := l.Clock(at); got != tt.clock {
				t.Errorf("Clock = %q, want %q", got, tt.clock)
			}
			if got := l.ShortDateYear(at); got != tt.withYear {
				t.Errorf("ShortDateYear = %q, want %q", got, tt.withYear)
			}
			if got := l.WeekStart(); got != tt.start {
				t.Errorf("WeekStart = %v, want %v", got, tt.start)
			}
			if got := l.Weekdays(); got[0] != tt.start || len(got) != 7 {
				t.Errorf("Weekdays = %v", got)
			}
		})
	}
	morning := time.Date(2026, 12, 7, 0, 30, 0, 0, time.UTC)
	us, _ := Parse("en_US.UTF-8")
	if got := us.Clock(morning); got != "12:30\u00a0AM" {
		t.Errorf("en Clock(00:30) = %q", got)
	}
}

// TestSingularsFormat: every plural message prints its singular with a
// count of one in every language without a fmt complaint, including the
// singulars that leave the count unsaid ("The last day", "Der letzte
// Tag", not "Der letzte 1 Tag").
func TestSingularsFormat(t *testing.T) {
	for _, tag := range []string{"en", "de", "fr", "es", Pseudo} {
		l, err := Parse(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range messages {
			if e.One == "" {
				continue
			}
			if got := l.Sprintf(e.Key, verbArgs(e.Key, 1)...); strings.Contains(got, "%!") {
				t.Errorf("%s: %q with one = %q", tag, e.Key, got)
			}
		}
	}
	want := map[string]string{
		"en": "The last day, a to b:", "de": "Der letzte Tag, a bis b:",
		"fr": "Le dernier jour, du a au b\u00a0:", "es": "El último día, del a al b:",
	}
	for tag, w := range want {
		l, _ := Parse(tag)
		if got := l.Sprintf("The last %d days, %s to %s:", 1, "a", "b"); got != w {
			t.Errorf("%s: the last day = %q, want %q", tag, got, w)
		}
	}
}

// TestGolden writes, per locale, the words and dates a person sees, for
// review of a translation as a whole.
func TestGolden(t *testing.T) {
	at := time.Date(2026, 12, 7, 21, 5, 0, 0, time.UTC)
	for _, tag := range []string{"en", "en-US", "en-GB", "de", "fr", "es", Pseudo} {
		l, err := Parse(tag)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString("# " + l.String() + "\n")
		b.WriteString(l.DateTime(at) + "\n" + l.Stamp(at) + "\n")
		for _, d := range l.Weekdays() {
			b.WriteString(l.Weekday(d) + " (" + l.WeekdayShort(d) + ") ")
		}
		b.WriteString("\n")
		for m := time.January; m <= time.December; m++ {
			b.WriteString(l.Month(m) + " (" + l.MonthShort(m) + ") ")
		}
		b.WriteString("\n\n")
		for _, k := range Keys() {
			// The message as the catalog holds it, placeholders unfilled.
			text := k
			switch {
			case l.Lang == Pseudo:
				text = pseudo(k)
			case l.Lang != "en":
				text = mustTranslated(t, l.Lang, k).Other
			}
			if !strings.Contains(k, "%") && text != l.Sprintf(k) {
				t.Errorf("%s: %q prints %q, the catalog holds %q", tag, k, l.Sprintf(k), text)
			}
			b.WriteString(k + " => " + text + "\n")
		}
		testutil.Golden(t, l.String()+".golden", []byte(b.String()))
	}
}

// TestNoKeyTwice: a message is in one list of messages*.go only, and each
// language translates it in one of its maps only, so that two parts of
// bedtime never disagree on a text without a test saying so.
func TestNoKeyTwice(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range messages {
		if seen[e.Key] {
			t.Errorf("message %q is listed twice", e.Key)
		}
		seen[e.Key] = true
	}
	for lang, parts := range translationParts {
		in := map[string]int{}
		for i, part := range parts {
			for k := range part {
				if j, ok := in[k]; ok {
					t.Errorf("%s: %q is translated in part %d and in part %d", lang, k, j, i)
				}
				in[k] = i
			}
		}
	}
}

// mustTranslated returns lang's translation of key, failing the test when
// there is none.
func mustTranslated(t *testing.T, lang, key string) tr {
	t.Helper()
	x, ok := translated(lang, key)
	if !ok {
		t.Errorf("%s has no translation of %q", lang, key)
	}
	return x
}

// TestEnglishCatalogPrintsEveryKey: the English catalog holds only the
// messages whose English is more than their key (buildCatalog); every
// message, with counts of one and of two, prints exactly as it would
// from a catalog that held them all.
func TestEnglishCatalogPrintsEveryKey(t *testing.T) {
	full := catalog.NewBuilder()
	for _, e := range messages {
		var err error
		if e.One == "" {
			err = full.SetString(language.English, e.Key, e.Key)
		} else {
			err = full.Set(language.English, e.Key, plural.Selectf(max(e.Arg, 1), "", "one", e.One, "other", e.Key))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	want := message.NewPrinter(language.English, message.Catalog(full))
	got := English
	for _, e := range messages {
		for _, n := range []int{1, 2} {
			args := verbArgs(e.Key, n)
			if g, w := got.Sprintf(e.Key, args...), want.Sprintf(e.Key, args...); g != w {
				t.Errorf("English %q with %v = %q, want %q", e.Key, args, g, w)
			}
		}
	}
}

// verbArgs returns an argument for each fmt verb of s: n for an integer
// verb, a text for the others.
func verbArgs(s string, n int) []any {
	var args []any
	for _, v := range Verbs(s) {
		if v == "%%" {
			continue
		}
		switch v[len(v)-1] {
		case 'd':
			args = append(args, n)
		case 'f', 'g', 'e':
			args = append(args, float64(n)+0.5)
		default:
			args = append(args, "x")
		}
	}
	return args
}

// TestShortDatesSayTheYear: with a now (WithNow), a short date in another
// year than now's carries its year, in each language's convention; one in
// now's year, or with no now, does not. The year is that of the date's own
// location: 23:30 on 31 December in Berlin is 1 January in UTC.
func TestShortDatesSayTheYear(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	now := time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC) // 23:30 in Berlin, still 2026
	for _, tt := range []struct {
		tag, what string
		at        time.Time
		now       time.Time
		date      string // ShortDate
		stamp     string // Stamp
	}{
		{"en", "same year", time.Date(2026, 12, 31, 21, 0, 0, 0, time.UTC), now, "Thu 31 Dec", "Thu 31 Dec 21:00 UTC"},
		{"en", "over new year", time.Date(2027, 1, 1, 7, 30, 0, 0, time.UTC), now, "Fri 01 Jan 2027", "Fri 01 Jan 2027 07:30 UTC"},
		{"en", "a year back", time.Date(2025, 11, 19, 7, 30, 0, 0, time.UTC), now, "Wed 19 Nov 2025", "Wed 19 Nov 2025 07:30 UTC"},
		{"en", "no now", time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC), time.Time{}, "Wed 05 May", "Wed 05 May 07:40 UTC"},
		{"en", "the date's own zone", time.Date(2026, 12, 31, 23, 30, 0, 0, berlin), now.In(berlin), "Thu 31 Dec", "Thu 31 Dec 23:30 CET"},
		{"en", "now's zone is not the date's", time.Date(2027, 1, 1, 0, 30, 0, 0, berlin), now, "Fri 01 Jan 2027", "Fri 01 Jan 2027 00:30 CET"},
		{"en-US", "over new year", time.Date(2027, 1, 1, 7, 30, 0, 0, time.UTC), now, "Fri, Jan 1, 2027", "Fri, Jan 1, 2027 7:30\u00a0AM UTC"},
		{"en-US", "same year", time.Date(2026, 12, 31, 21, 0, 0, 0, time.UTC), now, "Thu Dec 31", "Thu Dec 31 9:00\u00a0PM UTC"},
		{"de", "over new year", time.Date(2027, 1, 1, 7, 30, 0, 0, time.UTC), now, "Fr 01. Jan. 2027", "Fr 01. Jan. 2027 07:30 UTC"},
		{"de", "same year", time.Date(2026, 12, 31, 21, 0, 0, 0, time.UTC), now, "Do 31. Dez.", "Do 31. Dez. 21:00 UTC"},
		{"fr", "over new year", time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC), now, "mer. 05 mai 2038", "mer. 05 mai 2038 07:40 UTC"},
		{"es", "over new year", time.Date(2038, 5, 5, 7, 40, 0, 0, time.UTC), now, "mié 05 may 2038", "mié 05 may 2038 07:40 UTC"},
	} {
		t.Run(tt.tag+"/"+tt.what, func(t *testing.T) {
			l, err := Parse(tt.tag)
			if err != nil {
				t.Fatal(err)
			}
			l = l.WithNow(tt.now)
			if got := l.ShortDate(tt.at); got != tt.date {
				t.Errorf("ShortDate = %q, want %q", got, tt.date)
			}
			if got := l.Stamp(tt.at); got != tt.stamp {
				t.Errorf("Stamp = %q, want %q", got, tt.stamp)
			}
			// ShortDateYear says the year always, and once.
			if got := l.ShortDateYear(tt.at); strings.Count(got, strconv.Itoa(tt.at.Year())) != 1 {
				t.Errorf("ShortDateYear = %q, want the year once", got)
			}
		})
	}
	if English.WithNow(now).Sprintf("done") != "done" || !English.now.IsZero() {
		t.Error("WithNow changed English itself")
	}
}

// TestPlainNumbers: a Plain prints as fmt prints an int in every language
// (a pid, a uid in a command to copy), where a plain int is grouped.
func TestPlainNumbers(t *testing.T) {
	for _, tt := range []struct {
		lang, grouped string
	}{{"en", "20,000"}, {"de", "20.000"}, {"fr", "20\u00a0000"}, {"es", "20.000"}} {
		l, err := Parse(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Sprintf("pid %d", 20000); got != "pid "+tt.grouped {
			t.Errorf("%s: an int prints %q, want %q (else this test shows nothing)", tt.lang, got, "pid "+tt.grouped)
		}
		if got := l.Sprintf("pid %d", Plain(20000)); got != "pid 20000" {
			t.Errorf("%s: a Plain prints %q, want pid 20000", tt.lang, got)
		}
	}
}
