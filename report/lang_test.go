package report

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

func inLocale(t *testing.T, tag string, r Report) Report {
	t.Helper()
	l, err := locale.Parse(tag)
	if err != nil {
		t.Fatal(err)
	}
	r.Locale = l
	return r
}

// TestGoldenInLanguages: the report's page in German and in the
// pseudo-locale, and the terminal calendar in every shipped language and
// US English (whose week starts on Sunday).
func TestGoldenInLanguages(t *testing.T) {
	r8 := fixedReport(8)
	for _, tag := range []string{"de", locale.Pseudo} {
		t.Run("html-"+tag, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteHTML(&b, inLocale(t, tag, r8)); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "report-8w-"+tag+".html", b.Bytes())
		})
	}
	r := fixedReport(12)
	for _, tag := range []string{"en-US", "de", "fr", "es", locale.Pseudo} {
		t.Run("calendar-"+tag, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCalendar(&b, inLocale(t, tag, r), CalendarOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := WriteCalendar(&b, inLocale(t, tag, r), CalendarOptions{Habit: "calf-stretch", ASCII: true}); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "calendar-"+tag+".txt", b.Bytes())
		})
	}
}

// TestPseudoBypassesNothing: in the pseudo-locale's page, every word a
// person reads is accented: no plain English word is left but the
// person's own (reminder names, the values of the schedule, the notes, file
// names and the zone).
func TestPseudoBypassesNothing(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, inLocale(t, locale.Pseudo, fixedReport(8))); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<html lang="en-XA">`) {
		t.Error(`the pseudo-locale's page lacks lang="en-XA"`)
	}
	page = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(page, "")
	// Text between tags, and the charts' tooltips and labels.
	var text []string
	for _, m := range regexp.MustCompile(`>([^<]+)<`).FindAllStringSubmatch(page, -1) {
		text = append(text, html.UnescapeString(m[1]))
	}
	for _, m := range regexp.MustCompile(`aria-label="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		text = append(text, html.UnescapeString(m[1]))
	}
	// The person's own words, which no catalog translates: reminder names,
	// the cron expression's day names (the rest of the schedule's timing is
	// bedtime's words around the file's values, and translated), the
	// program's name and commands, file names, the zone and the notes.
	own := []string{"magnesium", "calf", "stretch", "evening", "walk", "movement", "hydration", "morning",
		"mon", "fri", "bedtime", "config", "schedule", "yaml",
		"Europe", "Berlin", "csv", "report", "Woke", "at", "the", "second", "one", "script", "alert", "not", "bold",
		"pressed", "wrong", "button", "HYPERLINK", "new", "shoes", "long"}
	word := regexp.MustCompile(`[A-Za-z]{2,}`)
	var bare []string
	for _, s := range text {
		for _, w := range word.FindAllString(s, -1) {
			if !slices.Contains(own, w) && !slices.Contains(bare, w) {
				bare = append(bare, w)
			}
		}
	}
	// "at" is a note's word too: the schedule's own must be accented.
	for _, w := range []string{"at 20:30", "at 07:30"} {
		if strings.Contains(page, w) {
			t.Errorf("the pseudo-locale's schedule says %q, bypassing the catalog", w)
		}
	}
	if len(bare) > 0 {
		t.Errorf("the pseudo-locale's page has words that bypass the catalog: %s", strings.Join(bare, " "))
	}
}

// TestCautionInEveryLanguage: in every language the page says that it
// shows what happened and not why, and to talk it over with a doctor;
// the comparison says it again.
func TestCautionInEveryLanguage(t *testing.T) {
	want := map[string][]string{
		"en": {"not why", "doctor"},
		"de": {"nicht warum", "Arzt"},
		"fr": {"pas pourquoi", "médecin"},
		"es": {"no por qué", "médico"},
	}
	for lang, words := range want {
		var b bytes.Buffer
		if err := WriteHTML(&b, inLocale(t, lang, fixedReport(8))); err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(b.String())
		for _, w := range words {
			if n := strings.Count(page, w); n < 2 {
				t.Errorf("%s: %q appears %d times, want the caution and the comparison's note", lang, w, n)
			}
		}
		if !strings.Contains(page, `<html lang="`+lang+`">`) {
			t.Errorf("%s: the page's lang is not %s", lang, lang)
		}
	}
}

// TestUSWeekFromSunday: in US English the calendar table's weeks begin
// on Sunday, and the page's time is on the 12-hour clock after a date
// as CLDR's en-US yMMMEd writes it ("Fri, Nov 20, 2026"); in neutral
// English they begin on Monday.
func TestUSWeekFromSunday(t *testing.T) {
	for _, tc := range []struct{ tag, head, made string }{
		{"en-US", `<th>Week of</th><th class="t">Sun</th><th class="t">Mon</th>`, "Fri, Nov 20, 2026, 8:15\u00a0AM"},
		{"en", `<th>Week of</th><th class="t">Mon</th><th class="t">Tue</th>`, "Fri 20 Nov 2026, 08:15"},
	} {
		var b bytes.Buffer
		if err := WriteHTML(&b, inLocale(t, tc.tag, fixedReport(8))); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{tc.head, tc.made, `<html lang="` + tc.tag + `">`} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: the page lacks %q", tc.tag, want)
			}
		}
	}
}

// TestRangesInHeadingsDoNotBreak: in every language the weekly table's
// headings join "0-10" with a non-breaking hyphen, so that a narrow
// column (French, Spanish) breaks between words and not into "0-" over
// "10", as Chromium printed it.
func TestRangesInHeadingsDoNotBreak(t *testing.T) {
	th := regexp.MustCompile(`<th>[^<]*</th>`)
	for _, lang := range []string{"en", "de", "fr", "es"} {
		var b bytes.Buffer
		if err := WriteHTML(&b, inLocale(t, lang, fixedReport(8))); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, h := range th.FindAllString(html.UnescapeString(b.String()), -1) {
			if strings.Contains(h, "0-10") {
				t.Errorf("%s: heading %s can break after its hyphen", lang, h)
			}
			if strings.Contains(h, "0\u201110") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: %d headings with 0\u201110, want 2 (severity and sleep)", lang, n)
		}
	}
}

func TestNoBreak(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Severity, mean 0-10", "Severity, mean 0\u201110"},
		{"Intensité, moyenne 0-10", "Intensité, moyenne 0\u201110"},
		{"evening-walk", "evening-walk"},
		{"-1 to 5-", "-1 to 5-"},
		{"", ""},
	} {
		if got := noBreak(tc.in); got != tc.want {
			t.Errorf("noBreak(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
