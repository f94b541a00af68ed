package config

import (
	"bytes"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

func templateLocale(t *testing.T, tag string) *locale.Locale {
	t.Helper()
	l, err := locale.Parse(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestTemplateInEnglish: in English, init writes the template byte for
// byte.
func TestTemplateInEnglish(t *testing.T) {
	t.Parallel()
	for _, tag := range []string{"en", "en-US", "en-GB"} {
		if got := TemplateIn(templateLocale(t, tag)); !bytes.Equal(got, Template()) {
			t.Errorf("TemplateIn(%s) differs from the template:\n%s", tag, got)
		}
	}
	if got := TemplateIn(nil); !bytes.Equal(got, Template()) {
		t.Errorf("TemplateIn(nil) differs from the template")
	}
}

// TestTemplateComments: each translated comment is in the template once,
// so that none is left out of a translation when the template changes,
// and none is put in the wrong place.
func TestTemplateComments(t *testing.T) {
	t.Parallel()
	for _, c := range locale.TemplateComments() {
		if n := countComment(c); n != 1 {
			t.Errorf("comment found %d times in template.yaml, want once:\n%s", n, c)
		}
	}
}

// TestTemplateInEachLanguage: the template in each shipped language and
// the pseudo-locale parses to the same schedule as the English one, has
// none of the English comments left, keeps every line that is not a
// comment as it is, and (but for the pseudo-locale, which is longer on
// purpose) no line over 80 characters. Goldens show the German and the
// pseudo-locale's.
func TestTemplateInEachLanguage(t *testing.T) {
	t.Parallel()
	loc := time.FixedZone("test", 3600)
	want, err := ParseIn("schedule.yaml", Template(), loc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range append(locale.Shipped[1:], locale.Pseudo) {
		t.Run(tag, func(t *testing.T) {
			t.Parallel()
			data := TemplateIn(templateLocale(t, tag))
			got, err := ParseIn("schedule.yaml", data, loc)
			if err != nil {
				t.Fatalf("the %s template does not parse: %v\n%s", tag, err, data)
			}
			// The reminders' lines differ with the comments' lengths.
			for i := range min(len(got.Reminders), len(want.Reminders)) {
				got.Reminders[i].Line = want.Reminders[i].Line
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the %s template parses to\n%+v\nwant\n%+v", tag, got, want)
			}
			lines := strings.Split(string(data), "\n")
			for _, c := range locale.TemplateComments() {
				if at, _ := findComment(lines, c); at >= 0 {
					t.Errorf("English comment left in the %s template (line %d):\n%s", tag, at+1, c)
				}
			}
			if a, b := yamlLines(Template()), yamlLines(data); !reflect.DeepEqual(a, b) {
				t.Errorf("the %s template's lines other than comments differ:\n%q\nwant\n%q", tag, b, a)
			}
			if tag != locale.Pseudo {
				for i, line := range lines {
					if n := utf8.RuneCountInString(line); n > 80 {
						t.Errorf("%s line %d has %d characters, over 80: %s", tag, i+1, n, line)
					}
				}
			}
			if tag == locale.Pseudo {
				// Every comment is translated but the commented-out
				// examples ("#   snooze: 10m", "#     - {text: ...}"): a
				// comment added to the template and missing from
				// locale.TemplateComments shows here as plain English.
				example := regexp.MustCompile(`^\s*#\s+(- \{?)?[\w-]+:`)
				for i, line := range lines {
					text := strings.TrimSpace(line)
					if strings.HasPrefix(text, "#") && text != "#" && !strings.Contains(line, "⟦") && !example.MatchString(line) {
						t.Errorf("line %d of the template is a comment not in locale.TemplateComments: %s", i+1, line)
					}
				}
			}
			// The magnesium comment keeps the article's caution: ask a
			// doctor first, especially with kidney problems.
			caution := map[string][]string{"de": {"Arzt", "Niere"}, "fr": {"médecin", "reins"}, "es": {"médico", "riñón"}}[tag]
			for _, w := range caution {
				if !strings.Contains(string(data), w) {
					t.Errorf("the %s template lacks %q of the magnesium caution", tag, w)
				}
			}
			if tag == "de" || tag == locale.Pseudo {
				testutil.Golden(t, "template/"+tag+".yaml", data)
			}
		})
	}
}

// yamlLines returns the lines of data that are not comments.
func yamlLines(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			out = append(out, line)
		}
	}
	return out
}

// TestTemplateInFitsAnyLength: a translation with more or fewer lines
// than the English keeps the prefixes: the examples before the text stay,
// added lines are indented to the text's column.
func TestTemplateInFitsAnyLength(t *testing.T) {
	t.Parallel()
	lines := strings.Split(string(template), "\n")
	c := "come back every 15 minutes until you press\nDone or run `bedtime done NAME` (at most 3 times)"
	at, prefixes := findComment(lines, c)
	if at < 0 || len(prefixes) != 2 {
		t.Fatalf("findComment = %d, %q", at, prefixes)
	}
	if got, want := prefixes[1], "  #   repeat_max: 3           "; got != want {
		t.Errorf("prefix = %q, want %q", got, want)
	}
	if got, want := blankPrefix(prefixes[1]), "  #                           "; got != want {
		t.Errorf("blankPrefix = %q, want %q", got, want)
	}
}

// TestTemplateRoutineFollowsTheArticle: the example routine of the
// template suggests only the moves the night-leg-cramps article does (to
// stand and stretch, the calf stretch, ankle circles, pointing and
// flexing the feet), never an exercise of its own.
func TestTemplateRoutineFollowsTheArticle(t *testing.T) {
	moves := []string{"stand up and stretch", "calf stretch", "ankle", "point and flex"}
	step := regexp.MustCompile(`(?m)^#\s+- \{text: "([^"]*)"`)
	steps := step.FindAllStringSubmatch(string(Template()), -1)
	if len(steps) == 0 {
		t.Fatal("no example routine steps in the template")
	}
	for _, s := range steps {
		text := strings.ToLower(s[1])
		if !slices.ContainsFunc(moves, func(m string) bool { return strings.Contains(text, m) }) {
			t.Errorf("the template's example routine suggests %q, which the article does not (want one of %q)", s[1], moves)
		}
	}
}
