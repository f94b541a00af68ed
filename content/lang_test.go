package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// translated are the shipped languages other than English.
var translated = locale.Shipped[1:]

// pair is one English text and its translation, as the person sees them.
type pair struct{ name, en, tr string }

// pairs returns every text of lang's book beside the English one.
func pairs(lang string) []pair {
	en, tr := In("en"), In(lang)
	var ps []pair
	for _, k := range Kinds() {
		ev, _ := en.Texts(k)
		tv, _ := tr.Texts(k)
		for i := range ev {
			ps = append(ps, pair{fmt.Sprintf("%s variant %d title", k, i+1), ev[i].Title, tv[i].Title},
				pair{fmt.Sprintf("%s variant %d body", k, i+1), ev[i].Body, tv[i].Body})
		}
	}
	for _, name := range en.RoutineNames() {
		er, _ := en.LookupRoutine(name)
		trr, _ := tr.LookupRoutine(name)
		ps = append(ps, pair{name + " title", er.Title, trr.Title}, pair{name + " done", er.Done, trr.Done})
		for i := range er.Steps {
			ps = append(ps, pair{fmt.Sprintf("%s step %d", name, i+1), er.Steps[i].Text, trr.Steps[i].Text})
		}
	}
	ps = append(ps, pair{"disclaimer", en.Disclaimer(), tr.Disclaimer()}, pair{"cramp", en.CrampHelp(), tr.CrampHelp()})
	for _, t := range en.Topics() {
		tt, _ := tr.LookupTopic(t.Name)
		ps = append(ps, pair{"topic " + t.Name + " title", t.Title, tt.Title},
			pair{"topic " + t.Name + " summary", t.Summary, tt.Summary},
			pair{"topic " + t.Name + " body", t.Body, tt.Body})
	}
	eq, tq := en.CrampQuestion(), tr.CrampQuestion()
	ps = append(ps, pair{"question title", eq.Title, tq.Title}, pair{"question body", eq.Body, tq.Body})
	ea, ta := en.CrampAnswers(), tr.CrampAnswers()
	for i := range ea {
		ps = append(ps, pair{"answer " + ea[i].Key, ea[i].Label, ta[i].Label})
	}
	return ps
}

// TestEveryTextIsTranslated fails when a shipped language lacks any
// English content: a new variant, step or topic must come with its
// translations.
func TestEveryTextIsTranslated(t *testing.T) {
	for _, lang := range translated {
		missing, err := Untranslated(lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, m := range missing {
			t.Errorf("%s: no translation of %s", lang, m)
		}
		for _, p := range pairs(lang) {
			if p.en != "" && p.tr == p.en {
				t.Errorf("%s: %s is the English text %q", lang, p.name, p.en)
			}
		}
	}
}

// TestFallbackIsEnglishPerText: a translation that lacks a text shows the
// English one, never a blank, and keeps the texts it has.
func TestFallbackIsEnglishPerText(t *testing.T) {
	tr := &translation{
		texts:    map[string][]Text{"hydration": {{Title: "Trinkpause", Body: "Trink ein Glas Wasser."}}},
		routines: map[string]routineWords{"calf-stretch": {Title: "Wadendehnung"}},
		help:     helpDoc{Disclaimer: "Keine ärztliche Beratung."},
	}
	l, err := merge(lib(), tr)
	if err != nil {
		t.Fatal(err)
	}
	en := lib()
	if got := l.texts["hydration"][0].Title; got != "Trinkpause" {
		t.Errorf("translated variant = %q, want Trinkpause", got)
	}
	if got, want := l.texts["hydration"][1], en.texts["hydration"][1]; got != want {
		t.Errorf("untranslated variant = %v, want the English %v", got, want)
	}
	if got, want := l.texts["magnesium"], en.texts["magnesium"]; !slices.Equal(got, want) {
		t.Errorf("untranslated kind = %v, want the English", got)
	}
	r := l.routines["calf-stretch"]
	if r.Title != "Wadendehnung" || r.Steps[1] != en.routines["calf-stretch"].Steps[1] || r.Done != en.routines["calf-stretch"].Done {
		t.Errorf("routine = %+v, want its title translated and the rest English", r)
	}
	if l.help.Cramp != en.help.Cramp || l.help.Disclaimer != "Keine ärztliche Beratung." {
		t.Errorf("help: cramp or disclaimer not as expected")
	}
	if In("ja").Lang() != "en" || In("").Lang() != "en" {
		t.Errorf("In of an unshipped language is not English")
	}
}

// TestTranslationsAreChecked: a translation is held to the English limits
// and may not add what English lacks.
func TestTranslationsAreChecked(t *testing.T) {
	long := strings.Repeat("x", MaxTextLen)
	wide := strings.Repeat("x", maxHelpWidth+1)
	tests := []struct {
		name string
		tr   translation
		want string
	}{
		{"too long", translation{texts: map[string][]Text{"movement": {{Title: "T", Body: long}}}}, "at most 200"},
		{"extra variant", translation{texts: map[string][]Text{"magnesium": make([]Text, 9)}}, "has 9 variants"},
		{"extra routine", translation{routines: map[string]routineWords{"nope": {Title: "x"}}}, `"nope" is not an English routine`},
		{"wide help", translation{help: helpDoc{Cramp: wide}}, "wide"},
		{"wide disclaimer", translation{help: helpDoc{Disclaimer: wide}}, "disclaimer: line 1 is 80 characters wide"},
		{"extra topic", translation{help: helpDoc{Topics: []Topic{{Name: "nope", Title: "a", Summary: "b", Body: "c"}}}}, `"nope" is not an English topic`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := merge(lib(), &tt.tr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("merge = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

var numberRE = regexp.MustCompile(`\d+(-\d+)?`)

// TestTranslationsKeepTheFacts: every number of an English text (a
// duration, a dose, a count, a list item) is in its translation, and the
// translation adds none, so no translation is more specific than the
// article. Lists keep their length, so no caution or red flag is lost.
func TestTranslationsKeepTheFacts(t *testing.T) {
	bullets := func(s string) int {
		n := 0
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "- ") {
				n++
			}
		}
		return n
	}
	for _, lang := range translated {
		for _, p := range pairs(lang) {
			en, tr := numberRE.FindAllString(p.en, -1), numberRE.FindAllString(p.tr, -1)
			slices.Sort(en)
			slices.Sort(tr)
			if !slices.Equal(en, tr) {
				t.Errorf("%s %s: numbers %v, English has %v", lang, p.name, tr, en)
			}
			if be, bt := bullets(p.en), bullets(p.tr); be != bt {
				t.Errorf("%s %s: %d list items, English has %d", lang, p.name, bt, be)
			}
		}
	}
}

// TestTranslatedMagnesiumCarriesTheCaution: in every language, every
// magnesium text and the magnesium topic say to ask a doctor, especially
// with kidney problems.
func TestTranslatedMagnesiumCarriesTheCaution(t *testing.T) {
	words := map[string][]string{
		"de": {"arzt", "niere"},
		"fr": {"médecin", "rénal|rénaux|rein"},
		"es": {"médico", "riñ"},
	}
	for _, lang := range translated {
		b := In(lang)
		vs, _ := b.Texts("magnesium")
		top, _ := b.LookupTopic("magnesium")
		texts := []string{top.Body}
		for _, v := range vs {
			texts = append(texts, v.Body)
		}
		// The topic's one-line summary carries the whole caution too, as
		// English's: `bedtime tips` may be all a person reads.
		for _, w := range words[lang] {
			if !regexp.MustCompile(w).MatchString(strings.ToLower(top.Summary)) {
				t.Errorf("%s magnesium summary %q lacks %q", lang, top.Summary, w)
			}
		}
		for i, text := range texts {
			for _, w := range words[lang] {
				if !regexp.MustCompile(w).MatchString(strings.ToLower(text)) {
					t.Errorf("%s magnesium text %d lacks %q: %q", lang, i, w, text)
				}
			}
		}
	}
}

// TestTranslatedNumbersKeepTheirUnits: as in English, a number and its
// unit are joined by a no-break space, and the only dose is the article's.
func TestTranslatedNumbersKeepTheirUnits(t *testing.T) {
	split := regexp.MustCompile(`\d+\s+(s|mg|min|Min\w*|Sekunden|Mal|minutes?|secondes|fois|minutos|segundos|veces)\b`)
	dose := regexp.MustCompile(`(?i)[\d.,-]+[\s\x{00a0}]*(mg|g|ml|mcg|iu)\b`)
	for _, lang := range translated {
		for _, p := range pairs(lang) {
			for _, m := range split.FindAllString(p.tr, -1) {
				t.Errorf("%s %s: %q can break between number and unit", lang, p.name, m)
			}
			for _, m := range dose.FindAllString(p.tr, -1) {
				if m != "200-400\u00a0mg" {
					t.Errorf("%s %s: dose %q, want only the article's", lang, p.name, m)
				}
			}
		}
	}
}

// TestPseudoContent: the pseudo-locale's content is every English text
// stretched, so a text that bypasses the book shows in a golden.
func TestPseudoContent(t *testing.T) {
	for _, p := range pairs(locale.Pseudo) {
		if p.en == "" {
			continue
		}
		if p.tr == p.en || !strings.Contains(p.tr, "⟦") {
			t.Errorf("pseudo %s = %q, want it stretched", p.name, p.tr)
		}
	}
}

// TestContentGolden writes every text of each language beside its
// English key, for review of a translation as a whole.
func TestContentGolden(t *testing.T) {
	for _, lang := range append(slices.Clone(translated), locale.Pseudo) {
		var b strings.Builder
		for _, p := range pairs(lang) {
			fmt.Fprintf(&b, "## %s\n%s\n\n", p.name, p.tr)
		}
		testutil.Golden(t, "content."+lang+".golden", []byte(b.String()))
	}
}

// TestFrenchTypography: the French content writes as the French catalog
// does: a no-break space (U+00A0) before : ; ? and !, and the typographic
// apostrophe ’.
func TestFrenchTypography(t *testing.T) {
	space := regexp.MustCompile(`\S [:;?!]`)
	for _, p := range pairs("fr") {
		if m := space.FindString(p.tr); m != "" {
			t.Errorf("fr %s: %q has a plain space before the mark (want U+00A0)", p.name, m)
		}
		if strings.Contains(p.tr, "'") {
			t.Errorf("fr %s: a straight apostrophe (want ’): %q", p.name, p.tr)
		}
	}
}
